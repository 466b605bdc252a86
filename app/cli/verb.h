#pragma once

#include "app/cli/optionspec.h"
#include "app/cli/positionalspec.h"

#include <QList>
#include <QStringList>

#include <functional>

namespace Cuttle::Cli {

class CommandContext;
class ParsedArguments;

/// One action of a noun ("environment create"): its arguments, help and what it does.
struct Verb
{
    using Run = std::function<int(CommandContext &, const ParsedArguments &)>;

    QString name;
    QStringList aliases;
    const char *summary = nullptr;
    QList<PositionalSpec> positionals;
    QList<OptionSpec> options;
    Run run;
    /// The workspace is opened (it must exist) before run is called.
    bool opensWorkspace = true;
    /// The space (--space or Default) is resolved before run is called.
    bool usesSpace = true;

    bool answersTo(const QString &word) const { return word == name || aliases.contains(word); }
};

} // namespace Cuttle::Cli
