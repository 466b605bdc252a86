#pragma once

#include <QStringList>

namespace Cuttle::Cli {

struct Noun;
struct Verb;

/// Parses `cuttlectl [global options] <noun> <verb> [arguments]`, prints help at every
/// level, opens the workspace and space the verb needs and runs it.
class CommandLineApplication final
{
public:
    /// `arguments` without the program name; returns the process exit code.
    static int run(const QStringList &arguments);

    static QString mainHelp();
    static QString nounHelp(const Noun &noun);
    static QString verbHelp(const Noun &noun, const Verb &verb);
};

} // namespace Cuttle::Cli
