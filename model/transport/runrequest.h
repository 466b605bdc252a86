#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>

namespace Cuttle {

/// A script to run on a target, with the environment and directory it runs in.
struct RunRequest
{
    enum class Shell {
        Bash,  ///< the script runs under /usr/bin/env bash
        Posix, ///< the script is handed to the login shell as is (for checks that must work without bash)
    };

    QString script;
    QList<QPair<QString, QString>> environment; ///< exported before the script starts
    QString workingDirectory;                   ///< empty: the transport's default directory
    Shell shell = Shell::Bash;
    /// A local file whose bytes become the script's standard input, followed by end of file.
    /// Lets one command receive and process a package.
    QString standardInputFile;
    /// Bytes for the script's standard input when there is no standardInputFile (e.g. a script
    /// file the command stores before running it). Neither: the script reads end of file.
    QByteArray standardInput;
    /// Asked before each further piece of standardInputFile is sent: false sends end of file at
    /// once, for a command that has said (on its output) that it needs no more. Called on the
    /// thread that runs the command, between output callbacks. A transport that hands the file
    /// over whole (Local: the file is the command's standard input) does not ask.
    std::function<bool()> continueInput;
};

} // namespace Cuttle
