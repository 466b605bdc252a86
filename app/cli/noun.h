#pragma once

#include "app/cli/verb.h"

#include <QList>
#include <QString>

namespace Cuttle::Cli {

/// A kind of record the command line works on ("environment") with its verbs.
struct Noun
{
    QString name;
    QStringList aliases;
    const char *summary = nullptr;
    QList<Verb> verbs;

    bool answersTo(const QString &word) const { return word == name || aliases.contains(word); }
    /// A noun that is itself the command ("cuttlectl run --target web01 -- uptime") has one
    /// verb with an empty name, and its arguments follow the noun directly.
    const Verb *directVerb() const
    {
        return verbs.size() == 1 && verbs.constFirst().name.isEmpty() ? &verbs.constFirst() : nullptr;
    }
    const Verb *verb(const QString &word) const
    {
        for (const Verb &v : verbs) {
            if (v.answersTo(word))
                return &v;
        }
        return nullptr;
    }
};

} // namespace Cuttle::Cli
