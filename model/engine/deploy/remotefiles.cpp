#include "model/engine/deploy/remotefiles.h"

#include "model/engine/deploy/servicemessageevent.h"
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

namespace {

/// A pattern as one word of a `for` list: every character the shell would treat specially is
/// escaped, except the glob characters (* ? [ ]) and brace lists ({a,b}), which stay active.
QString globWord(const QString &pattern)
{
    QString word;
    for (const QChar c : pattern) {
        const bool plain = c.isLetterOrNumber() || QStringView(u"*?[]{},./_-+:=@%^").contains(c) || c.unicode() > 0x7f;
        if (!plain)
            word += u'\\';
        word += c;
    }
    return word;
}

/// Bash that writes the stream parse() reads for the files matching the patterns, from the
/// current directory. With __cuttle_budget (bytes) set, it stops with exit code 3 once the stream
/// would be longer.
QString sendFiles(const QStringList &patterns)
{
    QString script = u"shopt -s globstar nullglob\nIFS=$'\\n'\n"_s
        + u"declare -A seen=()\n"_s
        + u"__cuttle_total=0\n"_s
        + u"send() {\n"_s
        + u"    [ -f \"$1\" ] && [ -z \"${seen[$1]-}\" ] || return 0\n"_s
        + u"    seen[$1]=1\n"_s
        + u"    local size\n"_s
        // -L: a link's target is what is read (and its size what frames it).
        + u"    size=$(stat -L -c %s -- \"$1\") || exit 1\n"_s
        + u"    __cuttle_total=$((__cuttle_total + ${#1} + ${#size} + 2 + size))\n"_s
        + u"    [ -z \"${__cuttle_budget-}\" ] || [ \"$__cuttle_total\" -le \"$__cuttle_budget\" ] || exit 3\n"_s
        + u"    printf '%s\\0%s\\0' \"$1\" \"$size\"\n"_s
        // head -c keeps the frame exact even if the file grew meanwhile.
        + u"    head -c \"$size\" -- \"$1\" || exit 1\n"_s
        + u"}\n"_s;
    for (const QString &pattern : patterns)
        script += u"for f in "_s + globWord(pattern) + u"; do send \"$f\"; done\n"_s;
    return script;
}

const QString PrefetchMessage = u"prefetchedFiles"_s;

} // namespace

QString RemoteFiles::fetchScript(const QString &directory, const QStringList &patterns)
{
    return u"cd -- "_s + shellQuote(directory) + u" || exit 1\n__cuttle_budget=\n"_s + sendFiles(patterns);
}

QString RemoteFiles::prefetchScript(const QList<PrefetchRequest> &requests)
{
    // Each set is one message: the stream parse() reads, in Base64 (the message encodes it once
    // more, so that any bytes survive the message's UTF-8). A set over the budget sends nothing
    // and is fetched the usual way.
    QString script = u"set -o pipefail\n"_s;
    for (const PrefetchRequest &request : requests) {
        script += u"if files=$( (__cuttle_budget="_s + QString::number(PrefetchBudgetBytes) + u"\n"_s + sendFiles(request.patterns)
                  + u") | base64 | tr -d '\\n'); then\n"_s
                  + u"    __cuttle_message "_s + PrefetchMessage + u" set "_s + shellQuote(request.name)
                  + u" files \"$files\"\n"_s
                  + u"fi\n"_s;
    }
    return script;
}

std::optional<QList<RemoteFiles::File>> RemoteFiles::prefetched(const QList<ServiceMessageEvent> &messages,
                                                                 const QString &name)
{
    for (const ServiceMessageEvent &message : messages) {
        if (message.kind != ServiceMessageEvent::Kind::Message || message.name != PrefetchMessage
            || message.attributes.value(u"set"_s) != name)
            continue;
        auto stream = QByteArray::fromBase64Encoding(message.attributes.value(u"files"_s).toLatin1(),
                                                     QByteArray::AbortOnBase64DecodingErrors);
        if (!stream)
            return std::nullopt;
        auto files = parse(*stream);
        if (!files)
            return std::nullopt;
        return *files;
    }
    return std::nullopt;
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

QString RemoteFiles::storeLine(const File &file)
{
    return u"__cuttle_store "_s + shellQuote(file.relativePath) + u' ' + QString::number(file.content.size()) + u'\n';
}

namespace {

/// Follows each file's content on standard input: a content cut short leaves the store without
/// this line, so no file is replaced by less than was sent (and no stat is needed to tell).
constexpr char StoredLine[] = "##cuttle-end-of-file";

} // namespace

QByteArray RemoteFiles::storeInput(const QList<File> &files)
{
    QByteArray input;
    for (const File &file : files)
        input += file.content + StoredLine + '\n';
    return input;
}

QString RemoteFiles::storeScript(const QString &directory, const QList<File> &files)
{
    return storeScript(directory, files, false);
}

QString RemoteFiles::storeScript(const QString &directory, const QList<File> &files, bool failureAsMessage)
{
    // Along with another command the failure must stand out from that command's output.
    const QString reportFailure = failureAsMessage
        ? u"    printf \"##cuttle[filesNotStored path='%s']\\n\" \"$(printf '%s' \"$PWD/$1\" | base64 | tr -d '\\n')\"\n"_s
        : u"    printf '%s\\n' \"$1\"\n"_s;
    // The contents follow one another on standard input, so each read must take exactly its
    // file's bytes: GNU head limits each read to what is left; other heads may read ahead
    // through a buffer, and then dd reads a byte at a time (slow, but exact). The line after
    // each content is read by the shell itself (a byte at a time on a pipe, as it must).
    // Every tool is a process to start on the target: the mode is copied with chmod --reference
    // where chmod has it (GNU), else read with stat first.
    QString script = u"cd -- "_s + shellQuote(directory) + u" || exit 1\n"_s
        + u"case $(head --version 2> /dev/null) in\n"_s
        + u"    *GNU*) __cuttle_take() { head -c \"$1\"; } ;;\n"_s
        + u"    *) __cuttle_take() { dd bs=1 count=\"$1\" 2> /dev/null; } ;;\n"_s
        + u"esac\n"_s
        + u"__cuttle_store() {\n"_s
        + u"    local t=$1.cuttle-$$ line\n"_s
        + u"    if __cuttle_take \"$2\" > \"$t\"; then\n"_s
        + u"        if IFS= read -r line && [ \"$line\" = '"_s + QString::fromLatin1(StoredLine) + u"' ]; then\n"_s
        + u"            { chmod --reference=\"$1\" -- \"$t\" 2> /dev/null || chmod -- \"$(stat -L -c %a -- \"$1\")\" \"$t\"; } &&\n"_s
        + u"                mv -f -- \"$t\" \"$1\" && return 0\n"_s
        + u"        else\n"_s
        + u"            echo \"its new content arrived incomplete\" >&2\n"_s
        + u"        fi\n"_s
        + u"    fi\n"_s
        + u"    rm -f -- \"$t\"\n"_s
        + reportFailure
        + u"    exit 1\n"_s
        + u"}\n"_s;
    for (const File &file : files)
        script += storeLine(file);
    return script;
}

/// Whether files from `from` on fit one command; *end is where that command's batch ends.
bool RemoteFiles::fitsOneCommand(const QList<File> &files, qsizetype from, qsizetype *end)
{
    // The names travel in the command, which has a size limit (the transport quotes it once
    // more): many files take several commands, and a large batch of contents is split too.
    constexpr qsizetype BatchCommandBytes = 64 * 1024;
    constexpr qsizetype BatchContentBytes = 64 * 1024 * 1024;
    qsizetype at = from;
    qsizetype command = 0;
    qsizetype contents = 0;
    do {
        command += shellQuote(storeLine(files.at(at))).toUtf8().size();
        contents += files.at(at).content.size();
        ++at;
    } while (at < files.size() && command < BatchCommandBytes && contents < BatchContentBytes);
    *end = at;
    return at == files.size();
}

VoidResult RemoteFiles::store(Transport &transport, const QString &directory, const QList<File> &files)
{
    qsizetype first = 0;
    while (first < files.size()) {
        qsizetype end = first;
        fitsOneCommand(files, first, &end);
        if (auto r = storeBatch(transport, directory, files.mid(first, end - first)); !r)
            return r;
        first = end;
    }
    return {};
}

std::optional<RemoteFiles::StoreAlong> RemoteFiles::storeAlong(const QString &directory, const QList<File> &files)
{
    qsizetype end = 0;
    if (files.isEmpty() || !fitsOneCommand(files, 0, &end))
        return std::nullopt;
    StoreAlong along;
    // In a subshell: the cd is its own, and a failure ends only it, for the command to report.
    along.script = u"(\n"_s + storeScript(directory, files, true) + u")"_s;
    along.input = storeInput(files);
    return along;
}

QString RemoteFiles::storeFailure(const QString &path, const QString &target, const QByteArray &standardError,
                                  const ExitInfo &exit)
{
    return tr("%1 on %2 could not be rewritten: %3.").arg(path, target, reason(standardError, exit));
}

VoidResult RemoteFiles::storeBatch(Transport &transport, const QString &directory, const QList<File> &files)
{
    RunRequest request;
    request.script = storeScript(directory, files);
    request.standardInput = storeInput(files);
    QByteArray out;
    QByteArray err;
    OutputCallbacks callbacks;
    callbacks.onStdout = [&](const QByteArray &chunk) { out += chunk; };
    callbacks.onStderr = [&](const QByteArray &chunk) { err += chunk; };
    auto exit = transport.run(request, callbacks);
    if (!exit)
        return exit.error();
    if (!exit->succeeded()) {
        const QString failed = QString::fromUtf8(out).trimmed();
        const QString path = failed.isEmpty() ? directory : directory + u'/' + failed;
        return Error::failed(storeFailure(path, transport.targetDescription(), err, *exit));
    }
    return {};
}

} // namespace Cuttle
