#pragma once

#include "model/core/result.h"

#include <QByteArray>
#include <QString>

namespace Cuttle::Cli {

/// Reads secret values from a file, standard input or a prompt with echo off; never
/// from the command line, where other users could read them in the process list.
class SecretInput final
{
public:
    /// The whole file; a single trailing line break is dropped when `oneLine`.
    static Result<QByteArray> fromFile(const QString &path, bool oneLine);
    /// All of standard input; a single trailing line break is dropped when `oneLine`.
    static Result<QByteArray> fromStandardInput(bool oneLine);
    /// Asks on the terminal with echo off; fails when standard input is not a terminal.
    static Result<QByteArray> prompt(const QString &question);
    static bool standardInputIsTerminal();
};

} // namespace Cuttle::Cli
