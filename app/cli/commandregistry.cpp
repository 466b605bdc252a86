#include "app/cli/commandregistry.h"

#include <algorithm>
#include <utility>

namespace Cuttle::Cli {
namespace {

struct Registry
{
    QList<CommandRegistry::Factory> factories;
    QList<std::pair<QString, Verb (*)()>> extraVerbs;
    QList<Noun> nouns;
    bool built = false;
};

// A function-local static, so registrations from other files' static initialisers
// never run before the registry exists.
Registry &registry()
{
    static Registry r;
    return r;
}

} // namespace

void CommandRegistry::add(Factory factory)
{
    registry().factories.append(factory);
    registry().built = false;
}

void CommandRegistry::addVerb(const QString &noun, Verb (*factory)())
{
    registry().extraVerbs.append({noun, factory});
    registry().built = false;
}

const QList<Noun> &CommandRegistry::nouns()
{
    Registry &r = registry();
    if (!r.built) {
        r.nouns.clear();
        for (Factory factory : std::as_const(r.factories))
            r.nouns.append(factory());
        for (const auto &[nounName, factory] : std::as_const(r.extraVerbs)) {
            for (Noun &noun : r.nouns) {
                if (noun.name == nounName)
                    noun.verbs.append(factory());
            }
        }
        std::sort(r.nouns.begin(), r.nouns.end(), [](const Noun &a, const Noun &b) { return a.name < b.name; });
        r.built = true;
    }
    return r.nouns;
}

const Noun *CommandRegistry::noun(const QString &word)
{
    for (const Noun &n : nouns()) {
        if (n.answersTo(word))
            return &n;
    }
    return nullptr;
}

} // namespace Cuttle::Cli
