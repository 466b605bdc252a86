#pragma once

#include "model/core/result.h"
#include "model/engine/deploy/remotefiles.h"
#include "model/engine/deploy/scriptresult.h"
#include "model/engine/deploy/servicemessageevent.h"
#include "model/variables/variabledictionary.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>

namespace Cuttle {

class Transport;

/// Wraps a step's Bash script so that it can call the helper functions of the reference product
/// (set_octopusvariable, get_octopusvariable, new_octopusartifact, fail_step, write_warning, ...)
/// and runs it on a target.
///
/// Nothing of the variables or arguments appears on a command line or in the environment: they
/// travel in `<id>.sh`, which the command receives on its standard input and stores in a private
/// (0700) bootstrap directory. The bootstrap loads the variables into memory and deletes itself
/// before the script starts; an EXIT trap removes the script file (and the directory when it was
/// made for this run only). The script is sourced (as the reference product does), so `exit` and
/// fail_step end the step, and `set -e` is left to the script. Its standard input is /dev/null.
///
/// Round trips: run() is one command.
class ScriptBootstrap final
{
    Q_DECLARE_TR_FUNCTIONS(ScriptBootstrap)

public:
    /// workingDirectory: where the script runs (created if missing). bootstrapDirectory: a private
    /// directory for the bootstrap files that several runs may share (e.g. `<root>/.cuttle/work`;
    /// it stays); empty picks `<workingDirectory>/.cuttle-<random>`, removed after the run.
    /// Relative paths are relative to the transport's default directory.
    explicit ScriptBootstrap(const QString &workingDirectory, const QString &bootstrapDirectory = {});

    /// An inline script body.
    void setScript(const QString &body);
    /// A script already on the target (e.g. Deploy.sh of an extracted package); relative to the working directory.
    void setScriptFile(const QString &path);
    void setArguments(const QStringList &arguments) { m_arguments = arguments; }
    void setVariables(const VariableDictionary &variables) { m_variables = variables; }
    /// Writes these files under `directory` (as RemoteFiles::store() does) in the same command,
    /// before the script is stored: a command saved. False, and nothing set, when they need
    /// commands of their own. If they cannot be written, run() fails with store()'s sentence
    /// and the script does not run.
    bool storeFilesFirst(const QString &directory, const QList<RemoteFiles::File> &files);
    /// Bash of Cuttle's own run in the same command once the script has succeeded (exit code 0
    /// and no fail_step, not even in a subshell), e.g. the switch of a package's `current` after
    /// its last script: a command saved. It runs in a subshell with its stderr on stdout; what it
    /// prints comes back in ScriptResult::afterSuccess, after the service message scriptSucceeded
    /// (passed to the event handler, so that it can tell the script's end from the start of this
    /// one; the script cannot print one that counts). The script then runs as a child of the
    /// command's shell, not in its place: a script killed by a signal reports exit code 128 + the
    /// signal's number.
    void setAfterSuccess(const QString &script) { m_afterSuccess = script; }

    QString workingDirectory() const { return m_workingDirectory; }
    QString bootstrapDirectory() const { return m_bootstrapDirectory; }
    /// Where bootstrapFile() is stored: `<bootstrapDirectory>/<random id>.sh`.
    QString bootstrapPath() const;

    /// The content of bootstrapPath(), sent on the command's standard input.
    QByteArray bootstrapFile() const;
    /// Creates the private bootstrap directory (mode 0700), stores its standard input (after the
    /// nonce line and the files, where there are any) as bootstrapPath() and runs it (in the command's process group, which the transport signals
    /// on cancel). If the file cannot be stored it prints the service message bootstrapFailed
    /// and exits 1.
    QString runCommand() const;

    /// Each stdout line and helper event as it arrives; stderr lines come as Line events with
    /// category Error and fromStderr set.
    using EventHandler = std::function<void(const ServiceMessageEvent &event, bool fromStderr)>;

    /// runCommand() with bootstrapFile() as its input. A script that exits non-zero is a successful
    /// run whose ScriptResult says so; errors are transport failures, a bootstrap that could not
    /// be stored, and cancellation.
    Result<ScriptResult> run(Transport &transport, const EventHandler &onEvent = {}) const;

    /// Octopus.Action.Script.ScriptParameters as arguments: words split at blanks, '...' literal,
    /// "..." and backslash escapes as in a POSIX shell, but nothing expanded.
    static QStringList splitParameters(const QString &parameters);

private:
    /// Made by fail_step when setAfterSuccess() is used: a script that called it fails even if
    /// it exits 0 (fail_step in a subshell), and the script after it must not run.
    QString failedFlagPath() const;

    QString m_workingDirectory;
    QString m_bootstrapDirectory;
    QString m_id;
    QString m_nonce; ///< marks the end of a successful script when setAfterSuccess() is used
    bool m_ownsDirectory = false;
    QString m_script;
    QString m_scriptFile;
    QString m_storeDirectory;
    std::optional<RemoteFiles::StoreAlong> m_storeFirst;
    QString m_afterSuccess;
    QStringList m_arguments;
    VariableDictionary m_variables;
};

} // namespace Cuttle
