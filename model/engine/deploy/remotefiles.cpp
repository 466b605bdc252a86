#include "model/engine/deploy/remotefiles.h"

#include "model/transport/shellquote.h"
#include "model/transport/transport.h"

using namespace Qt::StringLiterals;

namespace Cuttle {

/// What the command said on stderr, else its exit code.
QString RemoteFiles::reason(const QByteArray &standardError, const ExitInfo &exit)
{
    QString detail = QString::fromUtf8(standardError).trimmed();
    if (detail.endsWith(u'.'))
        detail.chop(1);
    return detail.isEmpty() ? tr("exit code %1").arg(exit.exitCode) : detail;
}

QString RemoteFiles::fetchScript(const QString &directory, const QStringList &patterns)
{
    QString script = u"cd -- "_s + shellQuote(directory) + u" || exit 1\nshopt -s globstar nullglob\nIFS=$'\\n'\n"_s
        + u"declare -A seen=()\n"_s
        + u"send() {\n"_s
        + u"    [ -f \"$1\" ] && [ -z \"${seen[$1]-}\" ] || return 0\n"_s
        + u"    seen[$1]=1\n"_s
        + u"    local size\n"_s
        + u"    size=$(stat -c %s -- \"$1\") || exit 1\n"_s
        + u"    printf '%s\\0%s\\0' \"$1\" \"$size\"\n"_s
        // head -c keeps the frame exact even if the file grew meanwhile.
        + u"    head -c \"$size\" -- \"$1\" || exit 1\n"_s
        + u"}\n"_s;
    // Blanks in a pattern are part of the name; the glob characters stay active.
    for (const QString &pattern : patterns)
        script += u"for f in "_s + QString(pattern).replace(u' ', QStringLiteral("\\ ")) + u"; do send \"$f\"; done\n"_s;
    return script;
}

Result<QList<RemoteFiles::File>> RemoteFiles::parse(const QByteArray &stream)
{
    QList<File> files;
    qsizetype at = 0;
    while (at < stream.size()) {
        const qsizetype nameEnd = stream.indexOf('\0', at);
        const qsizetype sizeEnd = nameEnd < 0 ? -1 : stream.indexOf('\0', nameEnd + 1);
        bool ok = false;
        const qint64 size = sizeEnd < 0 ? -1 : stream.mid(nameEnd + 1, sizeEnd - nameEnd - 1).toLongLong(&ok);
        if (!ok || size < 0 || sizeEnd + 1 + size > stream.size())
            return Error::failed(tr("The target sent the files in a form that could not be read."));
        files.append({QString::fromUtf8(stream.mid(at, nameEnd - at)), stream.mid(sizeEnd + 1, size)});
        at = sizeEnd + 1 + size;
    }
    return files;
}

Result<QList<RemoteFiles::File>> RemoteFiles::fetch(Transport &transport, const QString &directory,
                                                    const QStringList &patterns)
{
    QByteArray out;
    QByteArray err;
    OutputCallbacks callbacks;
    callbacks.onStdout = [&](const QByteArray &chunk) { out += chunk; };
    callbacks.onStderr = [&](const QByteArray &chunk) { err += chunk; };
    auto exit = transport.run(fetchScript(directory, patterns), callbacks);
    if (!exit)
        return exit.error();
    if (!exit->succeeded()) {
        return Error::failed(tr("The files to change in %1 on %2 could not be read: %3.")
                                 .arg(directory, transport.targetDescription(), reason(err, *exit)));
    }
    return parse(out);
}

VoidResult RemoteFiles::store(Transport &transport, const QString &path, const QByteArray &content)
{
    RunRequest request;
    request.script = u"f="_s + shellQuote(path) + u"\nt=$f.cuttle-$$\n"_s
        + u"if cat > \"$t\" && [ \"$(stat -c %s -- \"$t\")\" = "_s + QString::number(content.size())
        + u" ] && chmod \"$(stat -c %a -- \"$f\")\" \"$t\" && mv -f -- \"$t\" \"$f\"; then exit 0; fi\n"_s
        + u"rm -f -- \"$t\"\nexit 1\n"_s;
    request.standardInput = content;
    QByteArray err;
    OutputCallbacks callbacks;
    callbacks.onStderr = [&](const QByteArray &chunk) { err += chunk; };
    // An empty file has no input to send: the command reads end of input at once, as it should.
    auto exit = transport.run(request, callbacks);
    if (!exit)
        return exit.error();
    if (!exit->succeeded())
        return Error::failed(tr("%1 on %2 could not be rewritten: %3.").arg(path, transport.targetDescription(), reason(err, *exit)));
    return {};
}

} // namespace Cuttle
