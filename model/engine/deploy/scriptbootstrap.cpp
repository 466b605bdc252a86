#include "model/engine/deploy/scriptbootstrap.h"

#include "model/engine/deploy/servicemessageparser.h"
#include "model/engine/deploy/servicemessageshell.h"
#include "model/transport/shellquote.h"
#include "model/transport/transport.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Cuttle {

namespace {

// Helper functions with the reference product's names and arguments, written after
// ServiceMessageShell's functions. `${1-}` keeps them usable under `set -u`, and every function
// returns 0 on success so that `set -e` scripts survive.
const auto Helpers = uR"BASH(
encode_servicemessagevalue() { __cuttle_encode "${1-}"; }
decode_servicemessagevalue() { printf '%s' "${1-}" | base64 -d; }

set_octopusvariable() {
    if [ -z "${1-}" ]; then
        echo "set_octopusvariable: a variable name is required" >&2
        return 1
    fi
    local __cuttle_name __cuttle_value __cuttle_line
    __cuttle_b64 __cuttle_name "$1"
    __cuttle_b64 __cuttle_value "${2-}"
    __cuttle_line="##cuttle[setVariable name='$__cuttle_name' value='$__cuttle_value'"
    case ${3-} in
        -sensitive|--sensitive|-Sensitive|--Sensitive) __cuttle_line="$__cuttle_line sensitive='True'" ;;
    esac
    printf '%s]\n' "$__cuttle_line"
}

get_octopusvariable() {
    [ -n "${1-}" ] || return 0
    local __cuttle_key=$1
    if [ -z "${__cuttle_variables[$__cuttle_key]+set}" ]; then
        __cuttle_key=${1,,}
        [ -n "${__cuttle_variables[$__cuttle_key]+set}" ] || return 0
    fi
    if [ -n "${__cuttle_variables[$__cuttle_key]}" ]; then
        printf '%s' "${__cuttle_variables[$__cuttle_key]}" | base64 -d
    fi
    return 0
}

new_octopusartifact() {
    local __cuttle_path=${1-} __cuttle_name=${2-} __cuttle_length
    if [ -z "$__cuttle_path" ]; then
        echo "new_octopusartifact: a file path is required" >&2
        return 1
    fi
    if [ ! -f "$__cuttle_path" ]; then
        echo "new_octopusartifact: the file $__cuttle_path does not exist" >&2
        return 1
    fi
    [ -n "$__cuttle_name" ] || __cuttle_name=$(basename -- "$__cuttle_path")
    case $__cuttle_path in
        /*) ;;
        *) __cuttle_path=$PWD/$__cuttle_path ;;
    esac
    __cuttle_length=$(wc -c < "$__cuttle_path" | tr -d ' ')
    __cuttle_message createArtifact path "$__cuttle_path" name "$__cuttle_name" length "$__cuttle_length"
}

fail_step() {
    __cuttle_message stepFailed message "${1-}"
    # Even from a subshell, or with its message captured, the step has failed: the flag keeps
    # what would follow a successful script from running, and carries the message. noclobber:
    # the first failure's message stays, and a link planted at that name is not written through.
    if [ -n "${__cuttle_failed_flag-}" ]; then
        local __cuttle_encoded
        __cuttle_b64 __cuttle_encoded "${1-}"
        (set -C; printf "##cuttle[stepFailed message='%s']\n" "$__cuttle_encoded" > "$__cuttle_failed_flag") 2> /dev/null || :
    fi
    exit 1
}

__cuttle_write() { printf '##cuttle[stdout-%s]\n%s\n##cuttle[stdout-default]\n' "$1" "${2-}"; }
write_verbose() { __cuttle_write verbose "${1-}"; }
write_highlight() { __cuttle_write highlight "${1-}"; }
write_wait() { __cuttle_write default "${1-}"; }
write_warning() { __cuttle_write warning "${1-}"; }
write_error() { __cuttle_write error "${1-}"; }
)BASH"_s;

QString randomSuffix()
{
    return QString::number(QRandomGenerator::global()->generate64(), 16);
}

/// A heredoc delimiter that is not a line of the text.
QString delimiterFor(const QString &text)
{
    const QStringList lines = text.split(u'\n');
    for (;;) {
        const QString candidate = u"__CUTTLE_SCRIPT_"_s + randomSuffix() + u"__"_s;
        if (!lines.contains(candidate) && !lines.contains(candidate + u'\r'))
            return candidate;
    }
}

QString trimmedSlashes(const QString &path)
{
    QString result = path;
    while (result.size() > 1 && result.endsWith(u'/'))
        result.chop(1);
    return result;
}

} // namespace

ScriptBootstrap::ScriptBootstrap(const QString &workingDirectory, const QString &bootstrapDirectory)
    : m_workingDirectory(trimmedSlashes(workingDirectory.isEmpty() ? u"."_s : workingDirectory))
    , m_bootstrapDirectory(bootstrapDirectory.isEmpty() ? m_workingDirectory + u"/.cuttle-"_s + randomSuffix()
                                                        : trimmedSlashes(bootstrapDirectory))
    , m_id(u"cuttle-"_s + randomSuffix())
    , m_nonce(randomSuffix() + randomSuffix())
    , m_ownsDirectory(bootstrapDirectory.isEmpty())
{
}

void ScriptBootstrap::setScript(const QString &body)
{
    m_script = body;
    m_scriptFile.clear();
}

void ScriptBootstrap::setScriptFile(const QString &path)
{
    m_scriptFile = path;
    m_script.clear();
}

bool ScriptBootstrap::storeFilesFirst(const QString &directory, const QList<RemoteFiles::File> &files)
{
    auto along = RemoteFiles::storeAlong(directory, files);
    if (!along)
        return false;
    m_storeDirectory = directory;
    m_storeFirst = std::move(along);
    return true;
}

QString ScriptBootstrap::bootstrapPath() const
{
    return m_bootstrapDirectory + u'/' + m_id + u".sh"_s;
}

QString ScriptBootstrap::failedFlagPath() const
{
    // Beside a directory of the run's own, which is gone by the time the command looks.
    return (m_ownsDirectory ? m_bootstrapDirectory : bootstrapPath()) + u".failed"_s;
}

QString ScriptBootstrap::runCommand() const
{
    const QString directory = shellQuote(trimmedSlashes(m_bootstrapDirectory));
    const QString file = shellQuote(bootstrapPath());
    QString storeFirst;
    if (m_storeFirst)
        storeFirst = m_storeFirst->script + u" || { echo '##cuttle[filesNotStored]'; exit 1; }\n"_s
                     + u"echo '##cuttle[filesStored]'\n"_s;
    // Every tool is a process to start on the target. A directory of this run's own is made
    // fresh (mkdir without -p fails on one that exists) with its mode given: nothing to check
    // after. A shared one may exist with another mode (-m applies to the last component only),
    // so its mode is insisted on.
    // What was made for the file goes if the file cannot be written; a directory that was there
    // before is not this run's to remove.
    QString store;
    if (m_ownsDirectory) {
        const QString parent = shellQuote(trimmedSlashes(m_workingDirectory));
        store = u"{ [ -d "_s + parent + u" ] || mkdir -p -- "_s + parent + u"; } && mkdir -m 700 -- "_s + directory
                + u" && { cat > "_s + file + u" || { rm -rf -- "_s + directory + u"; false; }; }"_s;
    } else {
        store = u"mkdir -p -m 700 -- "_s + directory + u" && chmod 700 -- "_s + directory + u" && { cat > "_s + file
                + u" || { rm -f -- "_s + file + u"; false; }; }"_s;
    }
    const QString run = storeFirst + store + u" || { echo '##cuttle[bootstrapFailed]'; exit 1; }\n"_s;
    if (m_afterSuccess.isEmpty())
        return run + u"exec bash "_s + file + u" < /dev/null"_s;
    // The marker carries a nonce that comes first on the command's input and stays in this shell
    // (not exported): the script cannot print it. If the marker cannot be written, nobody would
    // know what follows it: nothing follows.
    const QString failed = shellQuote(failedFlagPath());
    return u"IFS= read -r __cuttle_nonce || exit 1\n"_s + run + u"bash "_s + file + u" < /dev/null\n"_s
        + u"__cuttle_status=$?\n"_s
        + u"if [ -e "_s + failed + u" ]; then\n"_s
        // fail_step ran: the step failed whatever the exit code, with the message it left.
        + u"    { IFS= read -r __cuttle_line < "_s + failed + u" && printf '%s\\n' \"$__cuttle_line\"; } 2> /dev/null\n"_s
        + u"    rm -f -- "_s + failed + u"\n"_s
        + u"    [ \"$__cuttle_status\" != 0 ] || __cuttle_status=1\n"_s
        + u"fi\n"_s
        + u"[ \"$__cuttle_status\" = 0 ] || exit \"$__cuttle_status\"\n"_s
        + u"printf \"##cuttle[scriptSucceeded id='%s']\\n\" \"$__cuttle_nonce\" || exit 1\n"_s
        + u"(\n"_s + m_afterSuccess + u"\n) < /dev/null 2>&1"_s;
}

QByteArray ScriptBootstrap::bootstrapFile() const
{
    QString text;
    text += u"# Written by Cuttle for one script run: it deletes itself once read, and the EXIT trap\n"
            u"# removes its directory.\n"_s;
    text += u"__cuttle_dir="_s + shellQuote(m_bootstrapDirectory) + u'\n';
    text += u"case $__cuttle_dir in /*) ;; *) __cuttle_dir=$PWD/$__cuttle_dir ;; esac\n"_s;
    text += u"__cuttle_self=$__cuttle_dir/"_s + m_id + u".sh\n"_s;
    text += u"__cuttle_body=$__cuttle_dir/"_s + m_id + u".script.sh\n"_s;
    if (m_ownsDirectory)
        text += u"trap 'rm -rf -- \"$__cuttle_dir\"' EXIT\n"_s;
    else
        text += u"trap 'rm -f -- \"$__cuttle_self\" \"$__cuttle_body\"' EXIT\n"_s;
    text += u"declare -A __cuttle_variables=()\n"_s;
    // Keys go through a variable so that names with brackets or quotes need no subscript quoting.
    const QStringList names = m_variables.names();
    for (const QString &name : names) {
        const QString value = QString::fromLatin1(m_variables.valueOr(name).toUtf8().toBase64());
        text += u"__cuttle_k="_s + shellQuote(name) + u"; __cuttle_variables[$__cuttle_k]="_s + value + u'\n';
        const QString lower = name.toLower();
        if (lower != name)
            text += u"__cuttle_k="_s + shellQuote(lower) + u"; __cuttle_variables[$__cuttle_k]="_s + value + u'\n';
    }
    text += u"unset __cuttle_k\n"_s;
    // Absolute, as failedFlagPath() is from where the command started: the script may cd.
    if (!m_afterSuccess.isEmpty())
        text += m_ownsDirectory ? u"__cuttle_failed_flag=$__cuttle_dir.failed\n"_s : u"__cuttle_failed_flag=$__cuttle_self.failed\n"_s;
    text += u"rm -f -- \"$__cuttle_self\"\n"_s;
    text += ServiceMessageShell::functions();
    text += Helpers;

    if (m_scriptFile.isEmpty()) {
        const QString delimiter = delimiterFor(m_script);
        text += u"cat > \"$__cuttle_body\" <<'"_s + delimiter + u"'\n"_s + m_script;
        if (!m_script.isEmpty() && !m_script.endsWith(u'\n'))
            text += u'\n';
        text += delimiter + u'\n';
        text += u"__cuttle_script=$__cuttle_body\n"_s;
    } else {
        // source looks a bare name up in PATH first.
        const QString path = m_scriptFile.startsWith(u'/') || m_scriptFile.startsWith(u"./"_s) ? m_scriptFile
                                                                                              : u"./"_s + m_scriptFile;
        text += u"__cuttle_script="_s + shellQuote(path) + u'\n';
    }
    // Usually there already (made with the bootstrap's own directory): mkdir only when it is not.
    const QString working = shellQuote(m_workingDirectory);
    text += u"cd -- "_s + working + u" 2> /dev/null || { mkdir -p -- "_s + working + u" && cd -- "_s + working
        + u"; } || { echo \"Cuttle: the working directory could not be entered.\" >&2; exit 1; }\n"_s;
    text += u"if [ ! -f \"$__cuttle_script\" ]; then echo \"Cuttle: the script $__cuttle_script does not exist.\" >&2; exit 1; fi\n"_s;
    text += u"set --"_s;
    for (const QString &argument : m_arguments)
        text += u' ' + shellQuote(argument);
    text += u'\n';
    text += u"source \"$__cuttle_script\"\n"_s;
    return text.toUtf8();
}

Result<ScriptResult> ScriptBootstrap::run(Transport &transport, const EventHandler &onEvent) const
{
    ScriptResult result;
    bool bootstrapFailed = false;
    bool filesNotStored = false;
    bool filesStored = false; // after that, the script's own output: its messages are not ours
    // What the files' store says on stderr: part of its sentence if it fails, logged if it does not.
    QList<ServiceMessageEvent> heldBack;
    const auto flushHeldBack = [&]() {
        if (onEvent) {
            for (const ServiceMessageEvent &line : std::as_const(heldBack))
                onEvent(line, true);
        }
        heldBack.clear();
    };
    QString fileNotStored;
    QStringList bootstrapErrors;
    const QString nonce = m_nonce;
    std::optional<AfterScriptResult> after; // set once the script has succeeded and the script after it runs
    ServiceMessageParser out;
    ServiceMessageParser err;
    err.setRecognizeMessages(false);
    auto handle = [&](const QList<ServiceMessageEvent> &events, bool fromStderr) {
        for (const ServiceMessageEvent &event : events) {
            if (event.kind == ServiceMessageEvent::Kind::Message && event.name == u"scriptSucceeded"_s) {
                // Only this run's own marker counts; one a script prints is nobody's.
                if (!fromStderr && !m_afterSuccess.isEmpty() && !after && event.attributes.value(u"id"_s) == nonce) {
                    after.emplace();
                    if (onEvent)
                        onEvent(event, false);
                }
                continue;
            }
            if (after && !fromStderr) {
                if (event.kind == ServiceMessageEvent::Kind::Message)
                    after->messages.append(event);
                else if (event.kind == ServiceMessageEvent::Kind::Line)
                    after->lines.append(event.text);
                continue;
            }
            switch (event.kind) {
            case ServiceMessageEvent::Kind::OutputVariable:
                result.outputVariables.append(event);
                break;
            case ServiceMessageEvent::Kind::Artifact:
                result.artifacts.append(event);
                break;
            case ServiceMessageEvent::Kind::StepFailed:
                result.failureMessage = event.text;
                break;
            case ServiceMessageEvent::Kind::Message:
                if (event.name == u"bootstrapFailed"_s)
                    bootstrapFailed = true;
                if (event.name == u"filesStored"_s) {
                    filesStored = true;
                    flushHeldBack();
                }
                if (event.name == u"filesNotStored"_s && m_storeFirst && !filesStored) {
                    filesNotStored = true;
                    if (fileNotStored.isEmpty())
                        fileNotStored = event.attributes.value(u"path"_s);
                }
                break;
            case ServiceMessageEvent::Kind::Line:
                // Until the script starts, stderr is the storing commands' complaint.
                if (fromStderr && bootstrapErrors.size() < 5)
                    bootstrapErrors.append(event.text);
                break;
            }
            if (onEvent) {
                if (fromStderr) {
                    ServiceMessageEvent line = event;
                    line.category = TaskLogCategory::Error;
                    if (m_storeFirst && !filesStored)
                        heldBack.append(line);
                    else
                        onEvent(line, true);
                } else {
                    onEvent(event, false);
                }
            }
        }
    };
    OutputCallbacks callbacks;
    callbacks.onStdout = [&](const QByteArray &chunk) { handle(out.feed(chunk), false); };
    callbacks.onStderr = [&](const QByteArray &chunk) { handle(err.feed(chunk), true); };
    RunRequest request;
    request.script = runCommand();
    if (!m_afterSuccess.isEmpty())
        request.standardInput = m_nonce.toLatin1().toBase64() + '\n';
    if (m_storeFirst)
        request.standardInput += m_storeFirst->input;
    request.standardInput += bootstrapFile();
    const Result<ExitInfo> exit = transport.run(request, callbacks);
    handle(out.finish(), false);
    handle(err.finish(), true);
    if (!filesNotStored)
        flushHeldBack();
    if (!exit)
        return exit.error();
    if (filesNotStored) {
        return Error::failed(RemoteFiles::storeFailure(fileNotStored.isEmpty() ? m_storeDirectory : fileNotStored,
                                                       transport.targetDescription(), bootstrapErrors.join(u' ').toUtf8(),
                                                       *exit));
    }
    if (bootstrapFailed) {
        return Error::failed(tr("The script could not be stored in %1 on %2: %3.")
                                 .arg(m_bootstrapDirectory, transport.targetDescription(),
                                      bootstrapErrors.join(u' ').trimmed()));
    }
    if (after) {
        // The script itself succeeded; the command's exit status is the script's after it.
        after->exit = *exit;
        result.exit = ExitInfo{0, {}};
        result.afterSuccess = std::move(after);
    } else {
        result.exit = *exit;
    }
    return result;
}

QStringList ScriptBootstrap::splitParameters(const QString &parameters)
{
    QStringList words;
    QString word;
    bool inWord = false;
    enum class Quote { None, Single, Double } quote = Quote::None;
    for (qsizetype i = 0; i < parameters.size(); ++i) {
        const QChar c = parameters.at(i);
        switch (quote) {
        case Quote::Single:
            if (c == u'\'')
                quote = Quote::None;
            else
                word += c;
            break;
        case Quote::Double:
            if (c == u'"') {
                quote = Quote::None;
            } else if (c == u'\\' && i + 1 < parameters.size()
                       && (parameters.at(i + 1) == u'"' || parameters.at(i + 1) == u'\\')) {
                word += parameters.at(++i);
            } else {
                word += c;
            }
            break;
        case Quote::None:
            if (c == u' ' || c == u'\t' || c == u'\n' || c == u'\r') {
                if (inWord)
                    words.append(word);
                word.clear();
                inWord = false;
            } else if (c == u'\'') {
                quote = Quote::Single;
                inWord = true;
            } else if (c == u'"') {
                quote = Quote::Double;
                inWord = true;
            } else if (c == u'\\' && i + 1 < parameters.size()) {
                word += parameters.at(++i);
                inWord = true;
            } else {
                word += c;
                inWord = true;
            }
            break;
        }
    }
    if (inWord)
        words.append(word);
    return words;
}

} // namespace Cuttle
