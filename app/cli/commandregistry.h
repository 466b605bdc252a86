#pragma once

#include "app/cli/noun.h"

#include <QList>

namespace Cuttle::Cli {

/// Every noun cuttlectl knows. Each noun's file registers itself with a static
/// Registration, so a new noun is a new file and touches no other.
class CommandRegistry final
{
public:
    using Factory = Noun (*)();

    /// Declare one at namespace scope in the noun's file: `static const CommandRegistry::Registration r(&makeNoun);`
    class Registration final
    {
    public:
        explicit Registration(Factory factory) { CommandRegistry::add(factory); }
    };

    static void add(Factory factory);
    /// Every registered noun, sorted by name.
    static const QList<Noun> &nouns();
    static const Noun *noun(const QString &word);
    /// Adds verbs to a noun registered elsewhere (e.g. "target check" from its own file).
    static void addVerb(const QString &noun, Verb (*factory)());

    class VerbRegistration final
    {
    public:
        VerbRegistration(const char *noun, Verb (*factory)()) { CommandRegistry::addVerb(QString::fromLatin1(noun), factory); }
    };
};

} // namespace Cuttle::Cli
