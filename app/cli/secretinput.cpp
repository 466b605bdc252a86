#include "app/cli/secretinput.h"

#include "app/cli/clitext.h"
#include "app/cli/output.h"

#include <QFile>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace Cuttle::Cli {
namespace {

QByteArray dropLineBreak(QByteArray bytes)
{
    if (bytes.endsWith('\n'))
        bytes.chop(1);
    if (bytes.endsWith('\r'))
        bytes.chop(1);
    return bytes;
}

} // namespace

bool SecretInput::standardInputIsTerminal()
{
    return isatty(STDIN_FILENO) == 1;
}

Result<QByteArray> SecretInput::fromFile(const QString &path, bool oneLine)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::failed(tr("The file %1 cannot be read: %2.").arg(path, file.errorString()));
    const QByteArray bytes = file.readAll();
    return oneLine ? dropLineBreak(bytes) : bytes;
}

Result<QByteArray> SecretInput::fromStandardInput(bool oneLine)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return Error::failed(tr("Standard input cannot be read."));
    const QByteArray bytes = in.readAll();
    return oneLine ? dropLineBreak(bytes) : bytes;
}

Result<QByteArray> SecretInput::prompt(const QString &question)
{
    if (!standardInputIsTerminal())
        return Error::validation(tr("Standard input is not a terminal, so the secret cannot be asked for; give it with a file or standard input option."));
    Output::writeError(question);
    termios saved{};
    const bool haveTerminal = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (haveTerminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    QByteArray line;
    for (int c = std::getchar(); c != EOF && c != '\n'; c = std::getchar())
        line.append(char(c));
    if (haveTerminal)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    Output::writeError(QStringLiteral("\n"));
    return dropLineBreak(line);
}

} // namespace Cuttle::Cli
