#include "model/core/sha256hash.h"
#include "model/engine/deploy/packagedeployer.h"
#include "model/engine/deploy/packagedeployscript.h"
#include "model/engine/deploy/remotefiles.h"
#include "model/engine/deploy/scriptbootstrap.h"
#include "model/transport/local/localtransport.h"
#include "model/transport/shellquote.h"
#include "model/transport/ssh/sshtransport.h"
#include "tests/support/sshdfixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <csignal>
#include <unistd.h>

#include <atomic>
#include <memory>
#include <thread>

using namespace Cuttle;
using namespace Cuttle::Test;
using namespace Qt::StringLiterals;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QString sha256Of(const QString &path)
{
    Sha256Hash hash;
    hash.addData(readFile(path));
    return QString::fromLatin1(hash.hexResult());
}

quint32 crc32(const QByteArray &data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : data) {
        crc ^= quint8(byte);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

/// Incompressible data: a package made of it is as large compressed as not.
QByteArray randomBytes(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
    return data;
}

void put16(QByteArray &out, quint16 v)
{
    out += char(v & 0xff);
    out += char(v >> 8);
}

void put32(QByteArray &out, quint32 v)
{
    put16(out, quint16(v & 0xffff));
    put16(out, quint16(v >> 16));
}

/// A stored (uncompressed) zip written by hand, so that tests can put any entry name in it.
QByteArray makeZip(const QList<QPair<QByteArray, QByteArray>> &entries)
{
    QByteArray out;
    QByteArray central;
    for (const auto &[name, data] : entries) {
        const quint32 offset = quint32(out.size());
        const quint32 crc = crc32(data);
        put32(out, 0x04034b50);
        put16(out, 20); put16(out, 0); put16(out, 0); put16(out, 0); put16(out, 0x21);
        put32(out, crc); put32(out, quint32(data.size())); put32(out, quint32(data.size()));
        put16(out, quint16(name.size())); put16(out, 0);
        out += name;
        out += data;
        put32(central, 0x02014b50);
        put16(central, 20); put16(central, 20); put16(central, 0); put16(central, 0); put16(central, 0); put16(central, 0x21);
        put32(central, crc); put32(central, quint32(data.size())); put32(central, quint32(data.size()));
        put16(central, quint16(name.size())); put16(central, 0); put16(central, 0); put16(central, 0); put16(central, 0);
        put32(central, name.endsWith('/') ? 0x10 : 0); put32(central, offset);
        central += name;
    }
    const quint32 centralOffset = quint32(out.size());
    out += central;
    put32(out, 0x06054b50);
    put16(out, 0); put16(out, 0); put16(out, quint16(entries.size())); put16(out, quint16(entries.size()));
    put32(out, quint32(central.size())); put32(out, centralOffset); put16(out, 0);
    return out;
}

bool run(const QString &program, const QStringList &arguments, const QString &directory = {})
{
    QProcess process;
    process.setWorkingDirectory(directory);
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        qWarning() << program << arguments << process.readAllStandardError();
        return false;
    }
    return true;
}

/// Collects a script's output lines, stdout and stderr alike.
ScriptBootstrap::EventHandler collectLines(QStringList &lines)
{
    return [&lines](const ServiceMessageEvent &event, bool) {
        if (event.kind == ServiceMessageEvent::Kind::Line)
            lines.append(event.text);
    };
}

QString message(const Error &error)
{
    return error.message;
}

} // namespace

class tst_DeployScripts final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void outputVariablesRoundTrip_data() { transports(); }
    void outputVariablesRoundTrip();
    void failStepAndExitCodes_data() { transports(); }
    void failStepAndExitCodes();
    void afterSuccessRunsInTheSameCommandOnlyWhenTheScriptSucceeded_data() { transports(); }
    void afterSuccessRunsInTheSameCommandOnlyWhenTheScriptSucceeded();
    void sharedBootstrapDirectory_data() { transports(); }
    void sharedBootstrapDirectory();
    void bootstrapThatCannotBeStoredFailsInOneSentence_data() { transports(); }
    void bootstrapThatCannotBeStoredFailsInOneSentence();
    void scriptReadsEndOfInput_data() { transports(); }
    void scriptReadsEndOfInput();
    void artifacts_data() { transports(); }
    void artifacts();
    void cacheHitAndMiss_data() { transports(); }
    void cacheHitAndMiss();
    void receiveAndExtractInOneCommand_data();
    void receiveAndExtractInOneCommand();
    void extractOrReceiveInOneCommand_data() { transports(); }
    void extractOrReceiveInOneCommand();
    void extractIfCachedInOneCommand_data() { transports(); }
    void extractIfCachedInOneCommand();
    void remoteFilesFetchedAndStored_data() { transports(); }
    void filesStoredFirstByAScriptsCommand();
    void filesStoredFirstByAScriptsCommand_data() { transports(); }
    void remoteFilesFetchedAndStored();
    void remoteFilesStoredExactlyWithAnotherHead();
    void receivedPackageCutShortOrDamagedLeavesNothing_data();
    void receivedPackageCutShortOrDamagedLeavesNothing();
    void formats_data();
    void formats();
    void freshDirectoriesAndCurrentSwitch_data() { transports(); }
    void freshDirectoriesAndCurrentSwitch();
    void failedStepLeavesCurrent_data() { transports(); }
    void failedStepLeavesCurrent();
    void switchIsAtomic_data() { transports(); }
    void switchIsAtomic();
    void retention_data() { transports(); }
    void retention();
    void retentionRemovesPackagesNoKeptReleaseCameFrom_data() { transports(); }
    void retentionRemovesPackagesNoKeptReleaseCameFrom();
    void unsafeArchivesRefused_data();
    void unsafeArchivesRefused();
    void largePackage_data() { transports(); }
    void largePackage();
    void cancelStopsTheScript_data() { transports(); }
    void cancelStopsTheScript();
    void cancelWhileReceivingLeavesNothing_data() { transports(); }
    void cancelWhileReceivingLeavesNothing();
    void receiveRefusedBeforeReadingIsOneSentence_data() { transports(); }
    void receiveRefusedBeforeReadingIsOneSentence();
    void transfer_data() { transports(); }
    void transfer();

private:
    void transports();
    std::unique_ptr<Transport> connect(const QString &kind);
    /// Uploads the package into the target's cache (as the executor does on a miss).
    QString cache(Transport &transport, const QString &package, const QString &extension);

    QTemporaryDir m_keys;
    SshdFixture m_server;
    QByteArray m_key;
    QTemporaryDir m_packages;
    std::unique_ptr<QTemporaryDir> m_target;
    QString m_root;
    QString m_tarGz;
};

void tst_DeployScripts::transports()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("local") << u"local"_s;
    QTest::newRow("ssh") << u"ssh"_s;
}

std::unique_ptr<Transport> tst_DeployScripts::connect(const QString &kind)
{
    std::unique_ptr<Transport> transport;
    if (kind == u"local"_s) {
        transport = std::make_unique<LocalTransport>(m_root);
    } else {
        SshCredentials c;
        c.host = u"127.0.0.1"_s;
        c.port = m_server.port();
        c.username = QString::fromLocal8Bit(getpwuid(geteuid())->pw_name);
        c.authMethod = SshCredentials::AuthMethod::PrivateKey;
        c.privateKey = m_key;
        transport = std::make_unique<SshTransport>(c, HostKeyPolicy{m_server.hostKeyFingerprint(), false});
    }
    const VoidResult connected = transport->connect();
    if (!connected) {
        qWarning() << connected.error().message;
        return nullptr;
    }
    return transport;
}

QString tst_DeployScripts::cache(Transport &transport, const QString &package, const QString &extension)
{
    PackageDeployer deployer(transport);
    const QString path = PackageDeployScript::cachePath(m_root, sha256Of(package), extension);
    const Result<bool> cached = deployer.isCached(path, sha256Of(package), QFileInfo(package).size());
    if (!cached)
        return {};
    if (!*cached && !deployer.uploadToCache(package, path))
        return {};
    return path;
}

void tst_DeployScripts::initTestCase()
{
    QVERIFY(m_keys.isValid());
    QString error;
    const QString keyPath = QDir(m_keys.path()).filePath(u"id_ed25519"_s);
    QVERIFY2(SshdFixture::generateKey(keyPath, u"ed25519"_s, {}, false, &error), qPrintable(error));
    m_key = readFile(keyPath);
    QVERIFY(m_server.authorizeKey(QString::fromUtf8(readFile(keyPath + u".pub"_s))));
    QVERIFY2(m_server.start(&error), qPrintable(error));

    // The package: a tree with a Deploy.sh and a config file.
    const QDir packages(m_packages.path());
    const QString tree = packages.filePath(u"tree"_s);
    QVERIFY(writeFile(tree + u"/Deploy.sh"_s, "echo \"deploying from $PWD\"\nset_octopusvariable Deployed yes\n"));
    QVERIFY(writeFile(tree + u"/config/app.json"_s, "{\"name\": \"app\"}\n"));
    QVERIFY(writeFile(tree + u"/bin/run"_s, "#!/bin/sh\necho run\n"));
    QVERIFY(QFile::setPermissions(tree + u"/bin/run"_s, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    m_tarGz = packages.filePath(u"Acme.Web.1.0.0.tar.gz"_s);
    QVERIFY(run(u"tar"_s, {u"-czf"_s, m_tarGz, u"-C"_s, tree, u"."_s}));
}

void tst_DeployScripts::init()
{
    m_target = std::make_unique<QTemporaryDir>();
    QVERIFY(m_target->isValid());
    m_root = m_target->path() + u"/apps root"_s; // a space in the path on purpose
    QVERIFY(QDir().mkpath(m_root));
}

void tst_DeployScripts::outputVariablesRoundTrip()
{
    QFETCH(QString, kind);
    auto transport = connect(kind);
    QVERIFY(transport);

    const QString tricky = u"it's a \"value\" with $dollar `ticks` \\ and\nsecond line\ttab ünï"_s;
    VariableDictionary variables;
    variables.set(u"Tricky"_s, tricky);
    variables.set(u"Db.Password"_s, u"hunter2-secret"_s, true);
    variables.set(u"Octopus.Action[Step One].Output.Url"_s, u"http://x/"_s);
    variables.set(u"Empty"_s, QString());

    const QString work = m_root + u"/work/step 1"_s;
    ScriptBootstrap bootstrap(work);
    bootstrap.setVariables(variables);
    bootstrap.setArguments(ScriptBootstrap::splitParameters(u"-Name \"web 01\" '$HOME'"_s));
    bootstrap.setScript(uR"SH(set -u
v=$(get_octopusvariable Tricky)
set_octopusvariable Echoed "$v"
set_octopusvariable Lower "$(get_octopusvariable tricky)"
set_octopusvariable Bracketed "$(get_octopusvariable 'Octopus.Action[Step One].Output.Url')"
set_octopusvariable Missing "[$(get_octopusvariable No.Such.Variable)]"
set_octopusvariable Empty "[$(get_octopusvariable Empty)]"
set_octopusvariable Args "$#|$1|$2|$3"
set_octopusvariable Pwd "$PWD"
set_octopusvariable Secret "$(get_octopusvariable Db.Password)" -sensitive
set_octopusvariable InEnvironment "$(env | grep -c hunter2)"
set_octopusvariable OnCommandLine "$(tr '\0' ' ' < /proc/$$/cmdline | grep -c hunter2)"
set_octopusvariable BootstrapLeft "$([ -e "$__cuttle_self" ] && echo present || echo gone)"
printf 'no newline at the end'
set_octopusvariable AfterPartialLine ok
echo "to stderr" >&2
)SH"_s);

    QStringList lines;
    QStringList errors;
    const Result<ScriptResult> result = bootstrap.run(*transport, [&](const ServiceMessageEvent &event, bool fromStderr) {
        if (event.kind == ServiceMessageEvent::Kind::Line)
            (fromStderr ? errors : lines).append(event.text);
    });
    QVERIFY2(result.ok(), qPrintable(result ? QString() : message(result.error())));
    QVERIFY2(result->succeeded(), qPrintable(lines.join(u'\n') + errors.join(u'\n')));

    QHash<QString, ServiceMessageEvent> outputs;
    for (const ServiceMessageEvent &event : result->outputVariables)
        outputs.insert(event.name, event);
    QCOMPARE(outputs.value(u"Echoed"_s).value, tricky);
    QCOMPARE(outputs.value(u"Lower"_s).value, tricky);
    QCOMPARE(outputs.value(u"Bracketed"_s).value, u"http://x/"_s);
    QCOMPARE(outputs.value(u"Missing"_s).value, u"[]"_s);
    QCOMPARE(outputs.value(u"Empty"_s).value, u"[]"_s);
    QCOMPARE(outputs.value(u"Args"_s).value, u"3|-Name|web 01|$HOME"_s);
    QCOMPARE(outputs.value(u"Pwd"_s).value, work);
    QCOMPARE(outputs.value(u"Secret"_s).value, u"hunter2-secret"_s);
    QVERIFY(outputs.value(u"Secret"_s).sensitive);
    QVERIFY(!outputs.value(u"Echoed"_s).sensitive);
    QCOMPARE(outputs.value(u"InEnvironment"_s).value, u"0"_s);
    QCOMPARE(outputs.value(u"OnCommandLine"_s).value, u"0"_s);
    QCOMPARE(outputs.value(u"BootstrapLeft"_s).value, u"gone"_s); // the file with the variables is deleted once read
    QCOMPARE(outputs.value(u"AfterPartialLine"_s).value, u"ok"_s);
    QCOMPARE(lines, QStringList{u"no newline at the end"_s});
    QCOMPARE(errors, QStringList{u"to stderr"_s});

    // The private directory is gone, the working directory stays for the caller.
    QVERIFY(!QFileInfo::exists(bootstrap.bootstrapDirectory()));
    QVERIFY(QFileInfo(work).isDir());
}

void tst_DeployScripts::failStepAndExitCodes()
{
    QFETCH(QString, kind);
    auto transport = connect(kind);
    QVERIFY(transport);

    struct Case
    {
        QString script;
        int exitCode;
        std::optional<QString> failure;
        QStringList lines;
    };
    const QList<Case> cases{
        {u"echo before\nfail_step \"Disk is full: 'sda1'\"\necho after\n"_s, 1, u"Disk is full: 'sda1'"_s, {u"before"_s}},
        {u"echo a\nexit 3\n"_s, 3, std::nullopt, {u"a"_s}},
        // set -e is not imposed: a failing command in the middle does not end the script.
        {u"false\necho still running\n"_s, 0, std::nullopt, {u"still running"_s}},
        {u"set -e\nfalse\necho not reached\n"_s, 1, std::nullopt, {}},
        {u"( fail_step inner )\necho continues\n"_s, 0, u"inner"_s, {u"continues"_s}},
    };
    for (const Case &c : cases) {
        ScriptBootstrap bootstrap(m_root + u"/work"_s);
        bootstrap.setScript(c.script);
        QStringList lines;
        const Result<ScriptResult> result = bootstrap.run(*transport, [&](const ServiceMessageEvent &event, bool) {
            if (event.kind == ServiceMessageEvent::Kind::Line)
                lines.append(event.text);
        });
        QVERIFY(result.ok());
        QCOMPARE(result->exit.exitCode, c.exitCode);
        QCOMPARE(result->failureMessage, c.failure);
        QCOMPARE(result->succeeded(), c.exitCode == 0 && !c.failure);
        QCOMPARE(lines, c.lines);
        QVERIFY(!QFileInfo::exists(bootstrap.bootstrapDirectory()));
    }
}

void tst_DeployScripts::afterSuccessRunsInTheSameCommandOnlyWhenTheScriptSucceeded()
{
    QFETCH(QString, kind);
    auto transport = connect(kind);
    QVERIFY(transport);
    const QString mark = m_root + u"/after-ran"_s;
    // Prints a message, a line on each stream, and ends with the given code.
    const QString after = u"touch "_s + shellQuote(mark) + u"\necho '##cuttle[afterDone]'\necho 'to stdout'\n"
                                                            "echo 'to stderr' >&2\nexit \"$AFTER_EXIT\""_s;
    struct Case
    {
        QString script;
        bool afterRuns;
        int scriptExit;
        int afterExit;
        std::optional<QString> failure = std::nullopt;
        QStringList lines = {u"deployed"_s};
    };
    const QList<Case> cases{
        {u"echo deployed\n"_s, true, 0, 0},
        {u"echo deployed\n"_s, true, 0, 7},
        {u"printf deployed"_s, true, 0, 0}, // no newline at the end: the marker still starts a line
        {u"echo deployed\nexit 4\n"_s, false, 4, 0},
        {u"echo deployed\nfail_step 'no disk'\n"_s, false, 1, 0, u"no disk"_s},
        // fail_step in a subshell fails the step although the script exits 0, and so does one
        // whose message the script captured.
        {u"echo deployed\n( fail_step 'inner' )\n"_s, false, 1, 0, u"inner"_s},
        {u"echo deployed\nx=$(fail_step 'captured')\n"_s, false, 1, 0, u"captured"_s},
        // Markers the script prints itself, even with every name of its run it can find, are
        // its output, not the start of what follows.
        {u"echo deployed\nfor id in \"$(basename \"$0\" .sh)\" \"$__cuttle_self\" \"$__cuttle_dir\"; do\n"
         "    echo \"##cuttle[scriptSucceeded id='$(printf %s \"$id\" | base64 -w0)']\"\ndone\n"
         "echo '##cuttle[afterDone]'\nexit 2\n"_s,
         false, 2, 0},
    };
    for (const Case &c : cases) {
        QFile::remove(mark);
        ScriptBootstrap bootstrap(m_root + u"/work"_s);
        bootstrap.setScript(c.script);
        bootstrap.setAfterSuccess(u"AFTER_EXIT="_s + QString::number(c.afterExit) + u'\n' + after);
        QStringList lines;
        int succeededMarkers = 0;
        const Result<ScriptResult> result = bootstrap.run(*transport, [&](const ServiceMessageEvent &event, bool) {
            if (event.kind == ServiceMessageEvent::Kind::Line)
                lines.append(event.text);
            if (event.kind == ServiceMessageEvent::Kind::Message && event.name == u"scriptSucceeded"_s)
                ++succeededMarkers;
        });
        QVERIFY2(result.ok(), qPrintable(c.script));
        QCOMPARE(QFileInfo::exists(mark), c.afterRuns);
        QCOMPARE(result->exit.exitCode, c.scriptExit);
        QCOMPARE(result->failureMessage, c.failure);
        QCOMPARE(result->afterSuccess.has_value(), c.afterRuns);
        // The handler hears of the script's end once, and only when it is the real one.
        QCOMPARE(succeededMarkers, c.afterRuns ? 1 : 0);
        if (c.afterRuns) {
            QCOMPARE(result->afterSuccess->exit.exitCode, c.afterExit);
            QCOMPARE(result->afterSuccess->messages.size(), 1);
            QCOMPARE(result->afterSuccess->messages.constFirst().name, u"afterDone"_s);
            QCOMPARE(result->afterSuccess->lines, (QStringList{u"to stdout"_s, u"to stderr"_s}));
        }
        QCOMPARE(lines, c.lines); // the script's, never the after script's
        QVERIFY(!QFileInfo::exists(bootstrap.bootstrapDirectory()));
        QVERIFY(!QFileInfo::exists(bootstrap.bootstrapDirectory() + u".failed"_s));
    }
}

void tst_DeployScripts::sharedBootstrapDirectory()
{
    QFETCH(QString, kind);
    auto transport = connect(kind);
    QVERIFY(transport);
    // Runs may share one private directory: it stays, private, and keeps none of their files.
    const QString shared = m_root + u"/.cuttle/work"_s;
    QVERIFY(QDir().mkpath(shared));
    QVERIFY(QFile::setPermissions(shared, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther
                                              | QFile::ExeOther));
    for (int i = 0; i < 3; ++i) {
        ScriptBootstrap bootstrap(m_root + u"/work/"_s + QString::number(i), shared);
        bootstrap.setScript(u"set_octopusvariable Run "_s + QString::number(i));
        const Result<ScriptResult> result = bootstrap.run(*transport);
        QVERIFY(result.ok());
        QVERIFY(result->succeeded());
        QCOMPARE(result->outputVariables.size(), 1);
        QCOMPARE(result->outputVariables.at(0).value, QString::number(i));
    }
    QVERIFY(QFileInfo(shared).isDir());
    QCOMPARE(QFileInfo(shared).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::ExeOther), QFile::Permissions());
    QVERIFY(QDir(shared).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());
}

void tst_DeployScripts::bootstrapThatCannotBeStoredFailsInOneSentence()
{
    QFETCH(QString, kind);
    auto transport = connect(kind);
    QVERIFY(transport);
    // A file where the bootstrap directory should be.
    const QString blocked = m_root + u"/blocked"_s;
    QVERIFY(writeFile(blocked, "not a directory"));
    ScriptBootstrap bootstrap(m_root + u"/work"_s, blocked + u"/boot"_s);
    bootstrap.setScript(u"echo never"_s);
    QStringList lines;
    const Result<ScriptResult> result = bootstrap.run(*transport, [&](const ServiceMessageEvent &event, bool) {
        if (event.kind == ServiceMessageEvent::Kind::Line)
            lines << event.text;
    });
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.startsWith(u"The script could not be stored in "_s + blocked + u"/boot on "_s),
             qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(u"Not a directory"_s), qPrintable(result.error().message));
    QVERIFY(!lines.contains(u"never"_s));

    // A run's own directory is made fresh: one that is there already (made by someone else,
    // with who knows what mode) is not used, and not removed.
    ScriptBootstrap own(m_root + u"/work"_s);
    own.setScript(u"echo never"_s);
    QVERIFY(QDir().mkpath(own.bootstrapDirectory()));
    QVERIFY(QFile::setPermissions(own.bootstrapDirectory(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                                                 | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther));
    lines.clear();
    const Result<ScriptResult> refused = own.run(*transport, [&](const ServiceMessageEvent &event, bool) {
        if (event.kind == ServiceMessageEvent::Kind::Line)
            lines << event.text;
    });
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.startsWith(u"The script could not be stored in "_s + own.bootstrapDirectory()),
             qPrintable(refused.error().message));
    QVERIFY2(refused.error().message.contains(u"File exists"_s), qPrintable(refused.error().message));
    QVERIFY(!lines.contains(u"never"_s));
    QVERIFY(QFileInfo(own.bootstrapDirectory()).isDir());
}

void tst_DeployScripts::scriptReadsEndOfInput()
{
    QFETCH(QString, kind);
    auto transport = connect(kind);
    QVERIFY(transport);
    // The bootstrap arrives on the command's input; the script itself must not see any of it.
    ScriptBootstrap bootstrap(m_root + u"/work"_s);
    bootstrap.setScript(u"if read -r line; then echo \"read: $line\"; else echo 'end of input'; fi"_s);
    QStringList lines;
    const Result<ScriptResult> result = bootstrap.run(*transport, [&](const ServiceMessageEvent &event, bool) {
        if (event.kind == ServiceMessageEvent::Kind::Line)
            lines << event.text;
    });
    QVERIFY(result.ok());
    QCOMPARE(lines, QStringList{u"end of input"_s});
}

void tst_DeployScripts::artifacts()
{
    QFETCH(QString, kind);
    auto transport = connect(kind);
    QVERIFY(transport);
    const QString work = m_root + u"/work"_s;
    ScriptBootstrap bootstrap(work);
    bootstrap.setScript(u"printf 'hello' > 'my report.txt'\nnew_octopusartifact 'my report.txt' Report\n"
                        u"mkdir -p logs && echo x > logs/a.log && new_octopusartifact \"$PWD/logs/a.log\"\n"
                        u"new_octopusartifact missing.txt || echo refused\n"_s);
    QStringList lines;
    QStringList errors;
    const Result<ScriptResult> result = bootstrap.run(*transport, [&](const ServiceMessageEvent &event, bool fromStderr) {
        if (event.kind == ServiceMessageEvent::Kind::Line)
            (fromStderr ? errors : lines).append(event.text);
    });
    QVERIFY(result.ok());
    QVERIFY(result->succeeded());
    QCOMPARE(errors, QStringList{u"new_octopusartifact: the file missing.txt does not exist"_s});
    QCOMPARE(result->artifacts.size(), 2);
    QCOMPARE(result->artifacts.at(0).path, work + u"/my report.txt"_s);
    QCOMPARE(result->artifacts.at(0).name, u"Report"_s);
    QCOMPARE(result->artifacts.at(0).length, 5);
    QCOMPARE(readFile(result->artifacts.at(0).path), QByteArray("hello"));
    QCOMPARE(result->artifacts.at(1).name, u"a.log"_s);
    QCOMPARE(result->artifacts.at(1).path, work + u"/logs/a.log"_s);
    QCOMPARE(lines, QStringList{u"refused"_s});
}

void tst_DeployScripts::cacheHitAndMiss()
{
    QFETCH(QString, kind);
    auto transport = connect(kind);
    QVERIFY(transport);
    PackageDeployer deployer(*transport);
    const QString hash = sha256Of(m_tarGz);
    const QString path = PackageDeployScript::cachePath(m_root, hash, u"tar.gz"_s);

    const qint64 size = QFileInfo(m_tarGz).size();

    Result<bool> cached = deployer.isCached(path, hash, size);
    QVERIFY(cached.ok());
    QVERIFY(!*cached);
    QVERIFY(QFileInfo(QFileInfo(path).absolutePath()).isDir()); // ready for the upload
    QVERIFY(deployer.uploadToCache(m_tarGz, path).ok());
    cached = deployer.isCached(path, hash, size);
    QVERIFY(cached.ok());
    QVERIFY(*cached);
    cached = deployer.isCached(path, hash, size, true);
    QVERIFY(cached.ok());
    QVERIFY(*cached);

    // A copy of another size (cut short) is a miss and is removed, so the upload replaces it.
    QVERIFY(writeFile(path, readFile(m_tarGz).left(int(size / 2))));
    cached = deployer.isCached(path, hash, size);
    QVERIFY(cached.ok());
    QVERIFY(!*cached);
    QVERIFY(!QFileInfo::exists(path));
    // A damaged copy of the right size passes the size check; hashing again finds it and removes it.
    QByteArray damaged = readFile(m_tarGz);
    damaged[damaged.size() / 2] = char(damaged.at(damaged.size() / 2) ^ 0x55);
    QVERIFY(writeFile(path, damaged));
    cached = deployer.isCached(path, hash, size);
    QVERIFY(cached.ok());
    QVERIFY(*cached);
    cached = deployer.isCached(path, hash, size, true);
    QVERIFY(cached.ok());
    QVERIFY(!*cached);
    QVERIFY(!QFileInfo::exists(path));
}

void tst_DeployScripts::receiveAndExtractInOneCommand()
{
    QFETCH(QString, kind);
    QFETCH(QString, extension);
    auto transport = connect(kind);
    QVERIFY(transport);
    const QString tree = m_target->path() + u"/tree-"_s + extension;
    QVERIFY(writeFile(tree + u"/Deploy.sh"_s, "echo hi\n"));
    QVERIFY(writeFile(tree + u"/config/app.json"_s, "{}\n"));
    const QString package = m_target->path() + u"/Acme.Stream.1.0.0."_s + extension;
    if (extension == u"zip"_s)
        QVERIFY(writeFile(package, makeZip({{"Deploy.sh", "echo hi\n"}, {"config/app.json", "{}\n"}})));
    else
        QVERIFY(run(u"tar"_s, {extension == u"tar"_s ? u"-cf"_s : u"-czf"_s, package, u"-C"_s, tree, u"."_s}));

    QStringList lines;
    PackageDeployer deployer(*transport, [&](const QString &line, bool) { lines << line; });
    const QString hash = sha256Of(package);
    const QString path = PackageDeployScript::cachePath(m_root, hash, extension);
    const QString packageDirectory = m_root + u"/Production/Acme.Stream"_s;
    const Result<ExtractedPackage> extracted =
        deployer.receiveAndExtract(package, path, extension, packageDirectory, u"1.0.0"_s);
    QVERIFY2(extracted.ok(), qPrintable(extracted ? QString() : message(extracted.error())));
    QCOMPARE(extracted->path, packageDirectory + u"/1.0.0"_s);
    QCOMPARE(extracted->conventionScripts, QStringList{u"Deploy.sh"_s});
    QCOMPARE(readFile(extracted->path + u"/config/app.json"_s), QByteArray("{}\n"));
    // The cache holds the package under its final name, or a compressed tar only as its plain tar
    // (named with its size, which is checked before it is used); nothing else.
    const bool compressed = extension == u"tar.gz"_s;
    QByteArray plain;
    if (compressed) {
        QProcess gunzip;
        gunzip.setStandardInputFile(package);
        gunzip.start(u"gzip"_s, {u"-dc"_s});
        QVERIFY(gunzip.waitForFinished());
        plain = gunzip.readAllStandardOutput();
    }
    const QString expanded = PackageDeployScript::expandedCachePath(path) + u'.' + QString::number(plain.size()) + u".tar"_s;
    const QString cacheDirectory = QFileInfo(path).absolutePath();
    QCOMPARE(QDir(cacheDirectory).entryList(QDir::Files | QDir::Hidden, QDir::Name),
             QStringList{QFileInfo(compressed ? expanded : path).fileName()});
    const qint64 size = QFileInfo(package).size();
    if (compressed) {
        QCOMPARE(readFile(expanded), plain);
        // A transfer needs the package itself, which this cache does not hold.
        const Result<bool> forTransfer = deployer.isCached(path, hash, size);
        QVERIFY(forTransfer.ok() && !*forTransfer);
    } else {
        QCOMPARE(sha256Of(path), hash);
        const Result<bool> hit = deployer.isCached(path, hash, size, true);
        QVERIFY(hit.ok() && *hit);
    }
    // The next extraction comes from the cache into its own directory.
    Result<std::optional<ExtractedPackage>> again =
        deployer.extractIfCached(path, hash, size, extension, packageDirectory, u"1.0.0"_s);
    QVERIFY2(again.ok(), qPrintable(again ? QString() : message(again.error())));
    QVERIFY(again->has_value());
    QCOMPARE((*again)->directoryName, u"1.0.0_1"_s);
    QCOMPARE(readFile((*again)->path + u"/config/app.json"_s), QByteArray("{}\n"));
    if (!compressed)
        return;

    // A plain copy cut short is noticed (tar alone would extract the part before the cut and
    // report success) and removed: a miss, so the package is sent again, which repairs the cache.
    const QByteArray good = readFile(expanded);
    QVERIFY(writeFile(expanded, good.left(700)));
    again = deployer.extractIfCached(path, hash, size, extension, packageDirectory, u"1.0.0"_s);
    QVERIFY(again.ok() && !again->has_value());
    QVERIFY(!QFileInfo::exists(expanded));
    auto resent = deployer.receiveAndExtract(package, path, extension, packageDirectory, u"1.0.0"_s);
    QVERIFY2(resent.ok(), qPrintable(resent ? QString() : message(resent.error())));
    QCOMPARE(resent->directoryName, u"1.0.0_2"_s);
    QCOMPARE(readFile(expanded), good);

    // A damaged plain copy of the right size shows at extraction: it is removed with the new
    // directory, and counts as a miss.
    QByteArray damaged = good;
    damaged.replace(0, 100, QByteArray(100, 'x'));
    QVERIFY(writeFile(expanded, damaged));
    again = deployer.extractIfCached(path, hash, size, extension, packageDirectory, u"1.0.0"_s);
    QVERIFY2(again.ok(), qPrintable(again ? QString() : message(again.error())));
    QVERIFY(!again->has_value());
    QVERIFY(!QFileInfo::exists(expanded));
    QVERIFY(!QFileInfo::exists(packageDirectory + u"/1.0.0_3"_s));
    QVERIFY2(lines.constLast().startsWith(QFileInfo(expanded).absoluteFilePath() + u" could not be read"_s),
             qPrintable(lines.join(u'\n')));

    // With the package itself in the cache too (a transfer put it there), a plain copy cut short
    // is made again from it in the same command.
    resent = deployer.receiveAndExtract(package, path, extension, packageDirectory, u"1.0.0"_s);
    QVERIFY(resent.ok());
    QVERIFY(deployer.uploadToCache(package, path).ok());
    QVERIFY(writeFile(expanded, good.left(700)));
    const Result<ExtractedPackage> repaired = deployer.extract(path, extension, packageDirectory, u"1.0.0"_s);
    QVERIFY2(repaired.ok(), qPrintable(repaired ? QString() : message(repaired.error())));
    QCOMPARE(readFile(repaired->path + u"/config/app.json"_s), QByteArray("{}\n"));
    QCOMPARE(readFile(repaired->path + u"/Deploy.sh"_s), QByteArray("echo hi\n"));
    QCOMPARE(readFile(expanded), good);
    // A package that is a miss takes its plain copy with it.
    QVERIFY(writeFile(path, "cut short"));
    const Result<bool> miss = deployer.isCached(path, hash, size);
    QVERIFY(miss.ok() && !*miss);
    QVERIFY(!QFileInfo::exists(expanded));
}

void tst_DeployScripts::extractOrReceiveInOneCommand()
{
    QFETCH(QString, kind);
    auto transport = connect(kind);
    QVERIFY(transport);
    // 16 MB of incompressible data, far more than an SSH window: on a hit the sender must stop
    // at once, and never wait for a command that does not read.
    const QString tree = m_target->path() + u"/either-tree"_s;
    const QByteArray data = randomBytes(16 * 1024 * 1024);
    QVERIFY(writeFile(tree + u"/blob.bin"_s, data));
    QVERIFY(writeFile(tree + u"/Deploy.sh"_s, "echo hi\n"));
    const QString package = m_target->path() + u"/Acme.Either.1.0.0.tar.gz"_s;
    QVERIFY(run(u"tar"_s, {u"-czf"_s, package, u"-C"_s, tree, u"."_s}));
    const QString hash = sha256Of(package);
    const QString path = PackageDeployScript::cachePath(m_root, hash, u"tar.gz"_s);
    const QString packageDirectory = m_root + u"/Production/Acme.Either"_s;
    QStringList lines;
    PackageDeployer deployer(*transport, [&](const QString &line, bool) { lines << line; });

    // A miss: received and extracted.
    auto delivered = deployer.extractOrReceive(package, path, hash, u"tar.gz"_s, packageDirectory, u"1.0.0"_s);
    QVERIFY2(delivered.ok(), qPrintable(delivered ? QString() : message(delivered.error())));
    QVERIFY(!delivered->fromCache);
    QCOMPARE(delivered->package.path, packageDirectory + u"/1.0.0"_s);
    QCOMPARE(readFile(delivered->package.path + u"/blob.bin"_s), data);
    const QStringList cacheFiles = QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files | QDir::Hidden);
    QCOMPARE(cacheFiles.size(), 1);
    const QString plain = QFileInfo(path).absolutePath() + u'/' + cacheFiles.constFirst();
    const QDateTime stored = QFileInfo(plain).lastModified();

    // A hit: extracted from the cache in the same command; the cache is left as it was.
    QElapsedTimer timer;
    timer.start();
    delivered = deployer.extractOrReceive(package, path, hash, u"tar.gz"_s, packageDirectory, u"1.0.0"_s);
    QVERIFY2(delivered.ok(), qPrintable(delivered ? QString() : message(delivered.error())));
    QVERIFY(delivered->fromCache);
    QCOMPARE(delivered->package.directoryName, u"1.0.0_1"_s);
    QCOMPARE(delivered->package.conventionScripts, QStringList{u"Deploy.sh"_s});
    QCOMPARE(readFile(delivered->package.path + u"/blob.bin"_s), data);
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files | QDir::Hidden), cacheFiles);
    QCOMPARE(QFileInfo(plain).lastModified(), stored);
    // Over SSH the sender stopped once the target said it had the package; a local command
    // reads the file itself, and drops all of it.
    if (kind == u"ssh"_s)
        QVERIFY2(delivered->bytesDropped < data.size() / 2, qPrintable(QString::number(delivered->bytesDropped)));
    else
        QCOMPARE(delivered->bytesDropped, QFileInfo(package).size());

    // A damaged cached copy is removed, and the package sent whole in a second command.
    QByteArray damaged = readFile(plain);
    damaged.replace(0, 512, QByteArray(512, 'x'));
    QVERIFY(writeFile(plain, damaged));
    delivered = deployer.extractOrReceive(package, path, hash, u"tar.gz"_s, packageDirectory, u"1.0.0"_s);
    QVERIFY2(delivered.ok(), qPrintable(delivered ? QString() : message(delivered.error())));
    QVERIFY(!delivered->fromCache);
    QCOMPARE(delivered->package.directoryName, u"1.0.0_2"_s);
    QCOMPARE(readFile(delivered->package.path + u"/blob.bin"_s), data);
    QVERIFY(lines.join(u'\n').contains(u"could not be read and has been removed from the package cache"_s));
    QVERIFY(readFile(plain).left(512) != QByteArray(512, 'x'));
    QVERIFY(!QFileInfo::exists(packageDirectory + u"/1.0.0_3"_s));
}

void tst_DeployScripts::extractIfCachedInOneCommand()
{
    QFETCH(QString, kind);
    auto transport = connect(kind);
    QVERIFY(transport);
    PackageDeployer deployer(*transport);
    const QString hash = sha256Of(m_tarGz);
    const qint64 size = QFileInfo(m_tarGz).size();
    const QString path = PackageDeployScript::cachePath(m_root, hash, u"tar.gz"_s);
    const QString packageDirectory = m_root + u"/Production/Acme.Web"_s;

    // A miss extracts nothing and leaves the cache directory ready.
    Result<std::optional<ExtractedPackage>> result =
        deployer.extractIfCached(path, hash, size, u"tar.gz"_s, packageDirectory, u"1.0.0"_s);
    QVERIFY2(result.ok(), qPrintable(result ? QString() : message(result.error())));
    QVERIFY(!result->has_value());
    QVERIFY(QFileInfo(QFileInfo(path).absolutePath()).isDir());
    QVERIFY(!QFileInfo::exists(packageDirectory + u"/1.0.0"_s));

    // A hit extracts in the same command.
    QVERIFY(deployer.uploadToCache(m_tarGz, path).ok());
    result = deployer.extractIfCached(path, hash, size, u"tar.gz"_s, packageDirectory, u"1.0.0"_s);
    QVERIFY2(result.ok(), qPrintable(result ? QString() : message(result.error())));
    QVERIFY(result->has_value());
    QCOMPARE((*result)->path, packageDirectory + u"/1.0.0"_s);
    QVERIFY(QFileInfo::exists(packageDirectory + u"/1.0.0/Deploy.sh"_s));

    // A cached copy of another size is a miss, and is removed.
    QVERIFY(writeFile(path, "cut"));
    result = deployer.extractIfCached(path, hash, size, u"tar.gz"_s, packageDirectory, u"1.0.0"_s);
    QVERIFY(result.ok());
    QVERIFY(!result->has_value());
    QVERIFY(!QFileInfo::exists(path));
}

void tst_DeployScripts::remoteFilesFetchedAndStored()
{
    QFETCH(QString, kind);
    auto transport = connect(kind);
    QVERIFY(transport);
    const QString dir = m_root + u"/Production/Acme.Web/1.0.0"_s;
    QVERIFY(writeFile(dir + u"/appsettings.json"_s, "{\"Port\": 80}\n"));
    QVERIFY(writeFile(dir + u"/config/deep/app settings.json"_s, "{}\n"));
    QVERIFY(writeFile(dir + u"/config/empty.json"_s, {}));
    QVERIFY(writeFile(dir + u"/notes.txt"_s, "not matched\n"));
    QVERIFY(QFile::setPermissions(dir + u"/appsettings.json"_s, QFile::ReadOwner | QFile::WriteOwner));

    // Each file once, in the order the patterns found them; a pattern that matches nothing is fine.
    const Result<QList<RemoteFiles::File>> files =
        RemoteFiles::fetch(*transport, dir, {u"appsettings.json"_s, u"**/*.json"_s, u"missing/*.xml"_s});
    QVERIFY2(files.ok(), qPrintable(files ? QString() : message(files.error())));
    QStringList names;
    for (const RemoteFiles::File &file : *files)
        names << file.relativePath;
    QCOMPARE(names, (QStringList{u"appsettings.json"_s, u"config/deep/app settings.json"_s, u"config/empty.json"_s}));
    QCOMPARE(files->at(0).content, QByteArray("{\"Port\": 80}\n"));
    QCOMPARE(files->at(2).content, QByteArray());
    // A link is read as the file it leads to, whole (not as long as the link's own text).
    QVERIFY(writeFile(dir + u"/shared/settings-with-a-long-name.json"_s, "{\"Shared\": \"a value longer than the link\"}\n"));
    QVERIFY(QFile::link(u"shared/settings-with-a-long-name.json"_s, dir + u"/linked.json"_s));
    const Result<QList<RemoteFiles::File>> linked = RemoteFiles::fetch(*transport, dir, {u"linked.json"_s});
    QVERIFY(linked.ok());
    QCOMPARE(linked->size(), 1);
    QCOMPARE(linked->at(0).content, QByteArray("{\"Shared\": \"a value longer than the link\"}\n"));

    // All changed files in one command, their contents one after another on its input. A file
    // linked elsewhere is replaced, not written through; each keeps its permissions.
    const QString outside = m_root + u"/shared-copy.json"_s;
    QVERIFY(::link(QFile::encodeName(dir + u"/appsettings.json"_s).constData(), QFile::encodeName(outside).constData()) == 0);
    QVERIFY(RemoteFiles::store(*transport, dir,
                               {{u"appsettings.json"_s, "{\"Port\": 8080}\n"},
                                {u"notes.txt"_s, {}},
                                {u"config/deep/app settings.json"_s, "{\"Deep\": true}\n"}})
                .ok());
    QCOMPARE(readFile(dir + u"/appsettings.json"_s), QByteArray("{\"Port\": 8080}\n"));
    QCOMPARE(readFile(outside), QByteArray("{\"Port\": 80}\n"));
    QCOMPARE(QFileInfo(dir + u"/appsettings.json"_s).permissions() & (QFile::ReadGroup | QFile::ReadOther),
             QFile::Permissions());
    QCOMPARE(QFileInfo(dir + u"/notes.txt"_s).size(), 0);
    QCOMPARE(readFile(dir + u"/config/deep/app settings.json"_s), QByteArray("{\"Deep\": true}\n"));
    // Only empty files: no input at all; the command must still end.
    QVERIFY(RemoteFiles::store(*transport, dir, {{u"config/empty.json"_s, {}}}).ok());
    QVERIFY(QDir(dir).entryList(QDir::Files | QDir::Hidden).filter(u"cuttle"_s).isEmpty());

    // More names than one command holds take several commands.
    QList<RemoteFiles::File> many;
    for (int i = 0; i < 3000; ++i) {
        const QString name = u"many/file-number-"_s + QString::number(i) + u".txt"_s;
        QVERIFY(writeFile(dir + u'/' + name, "old"));
        many.append({name, QByteArray::number(i)});
    }
    QVERIFY(RemoteFiles::store(*transport, dir, many).ok());
    QCOMPARE(readFile(dir + u"/many/file-number-0.txt"_s), QByteArray("0"));
    QCOMPARE(readFile(dir + u"/many/file-number-2999.txt"_s), QByteArray("2999"));

    // A file that cannot be replaced is one sentence that names it; the ones before it are
    // replaced, the ones after it untouched, and nothing is left behind.
    const VoidResult refused = RemoteFiles::store(*transport, dir,
                                                  {{u"appsettings.json"_s, "{\"Port\": 9090}\n"},
                                                   {u"no such dir/x.json"_s, "{}"},
                                                   {u"config/empty.json"_s, "later"}});
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.startsWith(dir + u"/no such dir/x.json on "_s), qPrintable(refused.error().message));
    QVERIFY2(refused.error().message.contains(u"could not be rewritten"_s), qPrintable(refused.error().message));
    QCOMPARE(readFile(dir + u"/appsettings.json"_s), QByteArray("{\"Port\": 9090}\n"));
    QCOMPARE(QFileInfo(dir + u"/config/empty.json"_s).size(), 0);
    QVERIFY(QDir(dir).entryList(QDir::Files | QDir::Hidden).filter(u"cuttle"_s).isEmpty());

    // Contents cut short (a connection that ends early): the file is not replaced by less than
    // was sent, and the sentence says why.
    const QList<RemoteFiles::File> whole = {{u"appsettings.json"_s, "{\"Port\": 7070, \"Name\": \"long enough\"}\n"}};
    for (const qsizetype cut : {qsizetype(30), qsizetype(10), qsizetype(3)}) {
        RunRequest request;
        request.script = RemoteFiles::storeScript(dir, whole);
        request.standardInput = RemoteFiles::storeInput(whole).chopped(cut);
        QByteArray err;
        OutputCallbacks callbacks;
        callbacks.onStderr = [&](const QByteArray &chunk) { err += chunk; };
        const Result<ExitInfo> exit = transport->run(request, callbacks);
        QVERIFY(exit.ok());
        QVERIFY(!exit->succeeded());
        QVERIFY2(err.contains("its new content arrived incomplete"), err.constData());
        QCOMPARE(readFile(dir + u"/appsettings.json"_s), QByteArray("{\"Port\": 9090}\n"));
        QVERIFY(QDir(dir).entryList(QDir::Files | QDir::Hidden).filter(u"cuttle"_s).isEmpty());
    }
}

void tst_DeployScripts::filesStoredFirstByAScriptsCommand()
{
    QFETCH(QString, kind);
    auto transport = connect(kind);
    QVERIFY(transport);
    const QString dir = m_root + u"/Production/Acme.Web/3.0.0"_s;
    QVERIFY(writeFile(dir + u"/appsettings.json"_s, "{\"Port\": 80}\n"));
    QVERIFY(writeFile(dir + u"/conf/app settings.json"_s, "old"));
    QVERIFY(writeFile(dir + u"/empty.txt"_s, "old"));

    // The script's own command writes the files first; the rest of its input is the bootstrap,
    // so the script sees the new contents and its variables.
    VariableDictionary variables;
    variables.set(u"Greeting"_s, u"hello"_s);
    ScriptBootstrap bootstrap(dir);
    bootstrap.setVariables(variables);
    bootstrap.setScript(u"cat appsettings.json 'conf/app settings.json'; get_octopusvariable Greeting; echo"_s);
    QVERIFY(bootstrap.storeFilesFirst(dir, {{u"appsettings.json"_s, "{\"Port\": 8080}\n"},
                                            {u"conf/app settings.json"_s, QByteArray("\0new", 4)},
                                            {u"empty.txt"_s, {}}}));
    QStringList lines;
    const Result<ScriptResult> result = bootstrap.run(*transport, collectLines(lines));
    QVERIFY2(result.ok(), qPrintable(result ? QString() : message(result.error())));
    QVERIFY2(result->succeeded(), qPrintable(lines.join(u'\n')));
    QCOMPARE(readFile(dir + u"/appsettings.json"_s), QByteArray("{\"Port\": 8080}\n"));
    QCOMPARE(readFile(dir + u"/conf/app settings.json"_s), QByteArray("\0new", 4));
    QCOMPARE(QFileInfo(dir + u"/empty.txt"_s).size(), 0);
    QVERIFY2(lines.contains(u"{\"Port\": 8080}"_s), qPrintable(lines.join(u'\n')));
    QVERIFY2(lines.last().endsWith(u"hello"_s), qPrintable(lines.join(u'\n')));

    // A file that cannot be written: store()'s sentence, and the script does not run.
    ScriptBootstrap failing(dir);
    failing.setScript(u"echo the script ran"_s);
    QVERIFY(failing.storeFilesFirst(dir, {{u"appsettings.json"_s, "{\"Port\": 9090}\n"}, {u"no such dir/x.json"_s, "{}"}}));
    lines.clear();
    const Result<ScriptResult> refused = failing.run(*transport, collectLines(lines));
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.startsWith(dir + u"/no such dir/x.json on "_s), qPrintable(refused.error().message));
    QVERIFY2(refused.error().message.contains(u"could not be rewritten: "_s), qPrintable(refused.error().message));
    QVERIFY(!lines.contains(u"the script ran"_s));
    // The tool's complaint is in the sentence, not logged once more.
    QVERIFY2(refused.error().message.contains(u"No such file or directory"_s), qPrintable(refused.error().message));
    QVERIFY2(lines.filter(u"No such file or directory"_s).isEmpty(), qPrintable(lines.join(u'\n')));
    QCOMPARE(readFile(dir + u"/appsettings.json"_s), QByteArray("{\"Port\": 9090}\n"));

    // More than one command holds: not taken along.
    QList<RemoteFiles::File> many;
    for (int i = 0; i < 3000; ++i)
        many.append({u"many/file-number-"_s + QString::number(i) + u".txt"_s, "x"});
    ScriptBootstrap tooMany(dir);
    QVERIFY(!tooMany.storeFilesFirst(dir, many));
    QVERIFY(!tooMany.runCommand().contains(u"file-number"_s));
}

void tst_DeployScripts::remoteFilesStoredExactlyWithAnotherHead()
{
    // A head that is not GNU head may read ahead through a buffer; this one reads everything.
    // The contents that follow one another on the command's input must still land exactly.
    const QByteArray path = qgetenv("PATH");
    const auto restorePath = qScopeGuard([&] { qputenv("PATH", path); });
    const QString bin = m_target->path() + u"/greedy-bin"_s;
    QVERIFY(writeFile(bin + u"/head"_s, "#!/bin/sh\n[ \"$1\" = --version ] && { touch \"$(dirname \"$0\")/asked\"; echo 'head (busybox)'; exit 0; }\n"
                                         "touch \"$(dirname \"$0\")/used\"\nexec cat\n"));
    QVERIFY(QFile::setPermissions(bin + u"/head"_s, QFile::ReadOwner | QFile::ExeOwner));
    // Nor does every chmod copy a mode from another file (busybox's does not).
    const QString realChmod = QStandardPaths::findExecutable(u"chmod"_s);
    QVERIFY(!realChmod.isEmpty());
    QVERIFY(writeFile(bin + u"/chmod"_s, "#!/bin/sh\ncase $1 in --reference*) echo 'chmod: unrecognized option' >&2; exit 1 ;; esac\nexec "
                                          + QFile::encodeName(realChmod) + " \"$@\"\n"));
    QVERIFY(QFile::setPermissions(bin + u"/chmod"_s, QFile::ReadOwner | QFile::ExeOwner));
    qputenv("PATH", QFile::encodeName(bin) + ':' + path);
    auto transport = connect(u"local"_s);
    QVERIFY(transport);
    const QString dir = m_root + u"/Production/Acme.Web/2.0.0"_s;
    for (const char *name : {"a.json", "b.json", "c.json"})
        QVERIFY(writeFile(dir + u'/' + QString::fromLatin1(name), "old"));
    QVERIFY(QFile::setPermissions(dir + u"/c.json"_s, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    QVERIFY(RemoteFiles::store(*transport, dir, {{u"a.json"_s, "first"}, {u"b.json"_s, {}}, {u"c.json"_s, "third\n"}}).ok());
    QCOMPARE(QFileInfo(dir + u"/c.json"_s).permissions() & (QFile::ExeOwner | QFile::ReadGroup | QFile::ReadOther),
             QFile::ExeOwner);
    QCOMPARE(readFile(dir + u"/a.json"_s), QByteArray("first"));
    QCOMPARE(readFile(dir + u"/b.json"_s), QByteArray());
    QCOMPARE(readFile(dir + u"/c.json"_s), QByteArray("third\n"));
    QVERIFY(QFileInfo::exists(bin + u"/asked"_s));
    QVERIFY(!QFileInfo::exists(bin + u"/used"_s)); // asked for its version only
}

void tst_DeployScripts::receivedPackageCutShortOrDamagedLeavesNothing_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("sent");      // bytes of the package sent
    QTest::addColumn<int>("announced"); // bytes the command expects, relative to the whole package
    QTest::addColumn<int>("exitCode");
    for (const char *kind : {"local", "ssh"}) {
        const QString k = QString::fromLatin1(kind);
        // Stand-ins for a connection that ends early: the archive is whole, or the gzip stream breaks off.
        QTest::addRow("%s, whole archive, fewer bytes than announced", kind)
            << k << 0 << 100 << int(PackageDeployScript::Incomplete);
        QTest::addRow("%s, archive cut short", kind) << k << -40 << 0 << int(PackageDeployScript::Incomplete);
        QTest::addRow("%s, damaged archive of the announced size", kind)
            << k << -40 << -40 << int(PackageDeployScript::ExtractionFailed);
    }
}

void tst_DeployScripts::receivedPackageCutShortOrDamagedLeavesNothing()
{
    QFETCH(QString, kind);
    QFETCH(int, sent);
    QFETCH(int, announced);
    QFETCH(int, exitCode);
    auto transport = connect(kind);
    QVERIFY(transport);
    const QString package = m_target->path() + u"/Acme.Broken.1.0.0.tar.gz"_s;
    const QByteArray whole = readFile(m_tarGz);
    QVERIFY(writeFile(package, whole.left(whole.size() + sent)));
    const QString path = PackageDeployScript::cachePath(m_root, sha256Of(m_tarGz), u"tar.gz"_s);
    const QString packageDirectory = m_root + u"/Production/Acme.Broken"_s;
    RunRequest request;
    request.script = PackageDeployScript::receiveAndExtractScript(path, u"tar.gz"_s, whole.size() + announced,
                                                                  packageDirectory, u"1.0.0"_s);
    request.standardInputFile = package;
    QByteArray err;
    OutputCallbacks callbacks;
    callbacks.onStderr = [&](const QByteArray &chunk) { err += chunk; };
    const Result<ExitInfo> exit = transport->run(request, callbacks);
    QVERIFY(exit.ok());
    QCOMPARE(exit->exitCode, exitCode);
    if (exitCode == PackageDeployScript::Incomplete)
        QVERIFY2(err.contains("arrived incomplete"), err.constData());
    // No cache entry, no temporary copy, no extraction directory, no journal entry.
    QVERIFY(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    QVERIFY(QDir(packageDirectory).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());
}

void tst_DeployScripts::receiveAndExtractInOneCommand_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("extension");
    for (const char *kind : {"local", "ssh"}) {
        for (const char *extension : {"tar.gz", "tar", "zip"}) // zip: stored first, then extracted
            QTest::addRow("%s %s", kind, extension) << QString::fromLatin1(kind) << QString::fromLatin1(extension);
    }
}

void tst_DeployScripts::formats_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("extension");
    for (const QString &kind : {u"local"_s, u"ssh"_s}) {
        for (const QString &extension : {u"tar.gz"_s, u"tgz"_s, u"tar.bz2"_s, u"tar.xz"_s, u"tar.zst"_s, u"tar"_s,
                                         u"zip"_s, u"nupkg"_s, u"jar"_s}) {
            QTest::addRow("%s %s", qPrintable(kind), qPrintable(extension)) << kind << extension;
        }
    }
}

void tst_DeployScripts::formats()
{
    QFETCH(QString, kind);
    QFETCH(QString, extension);
    auto transport = connect(kind);
    QVERIFY(transport);

    const QString package = QDir(m_target->path()).filePath(u"Acme.Web.2.0.0."_s + extension);
    const QList<QPair<QByteArray, QByteArray>> entries{
        {"Deploy.sh", "echo hi\n"}, {"config/", {}}, {"config/app.json", "{}\n"}, {"_rels/.rels", "x"},
        {"[Content_Types].xml", "<x/>"}, {"Acme.Web.nuspec", "<package/>"}};
    if (extension == u"zip"_s || extension == u"nupkg"_s || extension == u"jar"_s) {
        QVERIFY(writeFile(package, makeZip(entries)));
    } else {
        const QString tree = m_target->path() + u"/tree"_s;
        for (const auto &[name, data] : entries) {
            if (!name.endsWith('/'))
                QVERIFY(writeFile(tree + u'/' + QString::fromUtf8(name), data));
        }
        QVERIFY(QFile::link(u"config/app.json"_s, tree + u"/app.json"_s)); // a link that stays inside is fine
        const QString flag = extension == u"tar"_s ? u"-cf"_s
            : extension == u"tar.bz2"_s            ? u"-cjf"_s
            : extension == u"tar.xz"_s             ? u"-cJf"_s
            : extension == u"tar.zst"_s            ? u"--zstd -cf"_s
                                                   : u"-czf"_s;
        QStringList arguments = flag.split(u' ');
        arguments << package << u"-C"_s << tree << u"."_s;
        QVERIFY(run(u"tar"_s, arguments));
    }

    const QString cached = cache(*transport, package, extension);
    QVERIFY(!cached.isEmpty());
    PackageDeployer deployer(*transport);
    const QString packageDirectory = PackageDeployScript::packageDirectory(m_root, u"Production"_s, {}, u"Acme.Web"_s);
    const Result<ExtractedPackage> extracted = deployer.extract(cached, extension, packageDirectory, u"2.0.0"_s);
    QVERIFY2(extracted.ok(), qPrintable(extracted ? QString() : message(extracted.error())));
    QCOMPARE(extracted->path, packageDirectory + u"/2.0.0"_s);
    QCOMPARE(extracted->conventionScripts, QStringList{u"Deploy.sh"_s});
    QCOMPARE(readFile(extracted->path + u"/config/app.json"_s), QByteArray("{}\n"));
    QVERIFY(QFileInfo::exists(extracted->path + u"/Acme.Web.nuspec"_s));
    // NuGet's own packaging files are not part of the application.
    QCOMPARE(QFileInfo::exists(extracted->path + u"/_rels/.rels"_s), extension != u"nupkg"_s);
    QCOMPARE(QFileInfo::exists(extracted->path + u"/[Content_Types].xml"_s), extension != u"nupkg"_s);

    // The same package extracted as it arrives gives the same tree.
    QVERIFY(QFile::remove(cached));
    const Result<ExtractedPackage> arrived = deployer.receiveAndExtract(package, cached, extension, packageDirectory, u"2.0.0"_s);
    QVERIFY2(arrived.ok(), qPrintable(arrived ? QString() : message(arrived.error())));
    QCOMPARE(arrived->directoryName, u"2.0.0_1"_s);
    QCOMPARE(arrived->conventionScripts, QStringList{u"Deploy.sh"_s});
    QCOMPARE(readFile(arrived->path + u"/config/app.json"_s), QByteArray("{}\n"));
    QCOMPARE(QFileInfo::exists(arrived->path + u"/_rels/.rels"_s), extension != u"nupkg"_s);
    // A compressed tar is kept as its plain tar alone, anything else as the package itself.
    const bool compressed = extension.startsWith(u"tar."_s) || extension == u"tgz"_s;
    if (compressed)
        QVERIFY(!QFileInfo::exists(cached));
    else
        QCOMPARE(sha256Of(cached), sha256Of(package));
}

void tst_DeployScripts::freshDirectoriesAndCurrentSwitch()
{
    QFETCH(QString, kind);
    auto transport = connect(kind);
    QVERIFY(transport);
    const QString cached = cache(*transport, m_tarGz, u"tar.gz"_s);
    QVERIFY(!cached.isEmpty());
    PackageDeployer deployer(*transport);
    const QString packageDirectory = PackageDeployScript::packageDirectory(m_root, u"Test Env"_s, u"Customer A"_s, u"Acme.Web"_s);
    QCOMPARE(packageDirectory, m_root + u"/Test Env/Customer A/Acme.Web"_s);

    const QStringList expected{u"1.0.0"_s, u"1.0.0_1"_s, u"1.0.0_2"_s};
    for (const QString &name : expected) {
        const Result<ExtractedPackage> extracted = deployer.extract(cached, u"tar.gz"_s, packageDirectory, u"1.0.0"_s);
        QVERIFY2(extracted.ok(), qPrintable(extracted ? QString() : message(extracted.error())));
        QCOMPARE(extracted->directoryName, name);
        QCOMPARE(extracted->path, packageDirectory + u'/' + name);
        QCOMPARE(extracted->conventionScripts, QStringList{u"Deploy.sh"_s});
        QVERIFY(QFileInfo(extracted->path + u"/bin/run"_s).isExecutable());
        QVERIFY(deployer.switchCurrent(packageDirectory, extracted->path).ok());
        QCOMPARE(QFileInfo(packageDirectory + u"/current"_s).symLinkTarget(), extracted->path);
        QCOMPARE(QFile::symLinkTarget(packageDirectory + u"/current"_s), extracted->path);
    }
    // Only the link and the directories: no temporary links left behind.
    QStringList entries = QDir(packageDirectory).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System);
    entries.sort();
    QCOMPARE(entries, (QStringList{u".cuttle-extractions"_s, u"1.0.0"_s, u"1.0.0_1"_s, u"1.0.0_2"_s, u"current"_s}));

    // Switching to something that is not an extracted directory is refused and leaves current alone.
    QVERIFY(!deployer.switchCurrent(packageDirectory, u"9.9.9"_s).ok());
    QVERIFY(!deployer.switchCurrent(packageDirectory, u".."_s).ok());
    QCOMPARE(QFile::symLinkTarget(packageDirectory + u"/current"_s), packageDirectory + u"/1.0.0_2"_s);
}

void tst_DeployScripts::failedStepLeavesCurrent()
{
    QFETCH(QString, kind);
    auto transport = connect(kind);
    QVERIFY(transport);
    const QString cached = cache(*transport, m_tarGz, u"tar.gz"_s);
    QVERIFY(!cached.isEmpty());
    PackageDeployer deployer(*transport);
    const QString packageDirectory = PackageDeployScript::packageDirectory(m_root, u"Production"_s, {}, u"Acme.Web"_s);

    // The executor's order: extract, conventions (Deploy.sh here), and only then the switch.
    auto deploy = [&](const QString &version, bool failDeployScript) -> Result<ScriptResult> {
        const Result<ExtractedPackage> extracted = deployer.extract(cached, u"tar.gz"_s, packageDirectory, version);
        if (!extracted)
            return extracted.error();
        ScriptBootstrap bootstrap(extracted->path, m_root + u"/.cuttle/work/"_s + version);
        bootstrap.setScriptFile(u"Deploy.sh"_s);
        VariableDictionary variables;
        variables.set(u"Fail"_s, failDeployScript ? u"yes"_s : u"no"_s);
        bootstrap.setVariables(variables);
        if (failDeployScript) {
            // A package whose Deploy.sh fails: the script from the package is what runs.
            QFile script(extracted->path + u"/Deploy.sh"_s);
            if (!script.open(QIODevice::Append) || script.write("[ \"$(get_octopusvariable Fail)\" = yes ] && fail_step \"Deploy.sh failed\"\n") < 0)
                return Error::failed(u"Deploy.sh could not be changed."_s);
        }
        Result<ScriptResult> result = bootstrap.run(*transport);
        if (result && result->succeeded()) {
            const VoidResult switched = deployer.switchCurrent(packageDirectory, extracted->path);
            if (!switched)
                return switched.error();
        }
        return result;
    };

    Result<ScriptResult> first = deploy(u"1.0.0"_s, false);
    QVERIFY(first.ok());
    QVERIFY(first->succeeded());
    QCOMPARE(first->outputVariables.size(), 1);
    QCOMPARE(first->outputVariables.at(0).name, u"Deployed"_s);
    QCOMPARE(QFile::symLinkTarget(packageDirectory + u"/current"_s), packageDirectory + u"/1.0.0"_s);

    Result<ScriptResult> second = deploy(u"1.1.0"_s, true);
    QVERIFY(second.ok());
    QVERIFY(!second->succeeded());
    QCOMPARE(second->failureMessage, u"Deploy.sh failed"_s);
    QCOMPARE(QFile::symLinkTarget(packageDirectory + u"/current"_s), packageDirectory + u"/1.0.0"_s);
    QVERIFY(QFileInfo(packageDirectory + u"/1.1.0"_s).isDir()); // kept for inspection; retention removes it later
}

void tst_DeployScripts::switchIsAtomic()
{
    QFETCH(QString, kind);
    auto transport = connect(kind);
    QVERIFY(transport);
    const QString packageDirectory = m_root + u"/Production/Acme.Web"_s;
    for (const QString &name : {u"1.0.0"_s, u"1.0.1"_s})
        QVERIFY(QDir().mkpath(packageDirectory + u'/' + name));
    PackageDeployer deployer(*transport);
    QVERIFY(deployer.switchCurrent(packageDirectory, u"1.0.0"_s).ok());

    // A reader resolving `current` in a tight loop must never find it missing or dangling.
    std::atomic<bool> stop{false};
    std::atomic<int> reads{0};
    std::atomic<int> misses{0};
    const QByteArray link = QFile::encodeName(packageDirectory + u"/current/."_s);
    std::thread reader([&]() {
        while (!stop.load()) {
            if (::access(link.constData(), F_OK) != 0)
                misses.fetch_add(1);
            reads.fetch_add(1);
        }
    });
    for (int i = 0; i < 30; ++i)
        QVERIFY(deployer.switchCurrent(packageDirectory, i % 2 ? u"1.0.0"_s : u"1.0.1"_s).ok());
    stop.store(true);
    reader.join();
    QVERIFY(reads.load() > 1000);
    QCOMPARE(misses.load(), 0);
    QCOMPARE(QFile::symLinkTarget(packageDirectory + u"/current"_s), packageDirectory + u"/1.0.0"_s);
}

void tst_DeployScripts::retention()
{
    QFETCH(QString, kind);
    auto transport = connect(kind);
    QVERIFY(transport);
    const QString cached = cache(*transport, m_tarGz, u"tar.gz"_s);
    QVERIFY(!cached.isEmpty());
    PackageDeployer deployer(*transport);
    const QString packageDirectory = PackageDeployScript::packageDirectory(m_root, u"Production"_s, {}, u"Acme.Web"_s);

    // Five deployments; current stays on the first one (the later ones failed or were rolled back).
    const QStringList versions{u"1.0.0"_s, u"1.0.1"_s, u"1.0.2"_s, u"1.0.3"_s, u"1.0.4"_s};
    for (const QString &version : versions) {
        const Result<ExtractedPackage> extracted = deployer.extract(cached, u"tar.gz"_s, packageDirectory, version);
        QVERIFY(extracted.ok());
        if (version == versions.first())
            QVERIFY(deployer.switchCurrent(packageDirectory, extracted->path).ok());
    }
    QVERIFY(QDir().mkpath(packageDirectory + u"/made by hand"_s)); // not ours: never deleted

    Result<QStringList> removed = deployer.applyRetention(packageDirectory, 0);
    QVERIFY(removed.ok());
    QVERIFY(removed->isEmpty()); // keep < 1: keep everything

    removed = deployer.applyRetention(packageDirectory, 3);
    QVERIFY2(removed.ok(), qPrintable(removed ? QString() : message(removed.error())));
    QCOMPARE(*removed, QStringList{packageDirectory + u"/1.0.1"_s});
    QStringList left = QDir(packageDirectory).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks);
    left.sort();
    QCOMPARE(left, (QStringList{u"1.0.0"_s, u"1.0.2"_s, u"1.0.3"_s, u"1.0.4"_s, u"made by hand"_s}));
    QCOMPARE(QFile::symLinkTarget(packageDirectory + u"/current"_s), packageDirectory + u"/1.0.0"_s);

    // Switching to the newest and keeping one, in one command, leaves exactly that one.
    const Result<PackageDeployer::SwitchOutcome> switched =
        deployer.switchCurrentAndApplyRetention(packageDirectory, u"1.0.4"_s, 1);
    QVERIFY2(switched.ok(), qPrintable(switched ? QString() : message(switched.error())));
    QCOMPARE(switched->retentionError, QString());
    QCOMPARE(switched->removed.size(), 3);
    QCOMPARE(QFile::symLinkTarget(packageDirectory + u"/current"_s), packageDirectory + u"/1.0.4"_s);
    left = QDir(packageDirectory).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::NoSymLinks);
    left.sort();
    QCOMPARE(left, (QStringList{u"1.0.4"_s, u"made by hand"_s}));
    QCOMPARE(readFile(packageDirectory + u"/.cuttle-extractions"_s), "1.0.4\t" + QFileInfo(cached).fileName().toUtf8() + '\n');

    // A directory removed by hand does not count towards the ones kept.
    QVERIFY(deployer.extract(cached, u"tar.gz"_s, packageDirectory, u"1.0.5"_s).ok());
    QVERIFY(deployer.extract(cached, u"tar.gz"_s, packageDirectory, u"1.0.6"_s).ok());
    QVERIFY(QDir(packageDirectory + u"/1.0.6"_s).removeRecursively());
    removed = deployer.applyRetention(packageDirectory, 2);
    QVERIFY(removed.ok());
    QVERIFY(removed->isEmpty());
    const QString journal = packageDirectory + u"/.cuttle-extractions"_s;
    const QByteArray lines = "1.0.4\t" + QFileInfo(cached).fileName().toUtf8() + "\n1.0.5\t"
                             + QFileInfo(cached).fileName().toUtf8() + '\n';
    QCOMPARE(readFile(journal), lines); // 1.0.6's line went with its directory

    // A journal that loses no line is left as it is (no rewrite); one whose last line lacks its
    // newline (a write cut short) is mended, so that the next extraction's line stands alone.
    struct stat before{};
    QVERIFY(::stat(QFile::encodeName(journal).constData(), &before) == 0);
    QVERIFY(deployer.applyRetention(packageDirectory, 2).ok());
    struct stat after{};
    QVERIFY(::stat(QFile::encodeName(journal).constData(), &after) == 0);
    QCOMPARE(after.st_ino, before.st_ino);
    QVERIFY(writeFile(journal, lines.chopped(1)));
    QVERIFY(deployer.applyRetention(packageDirectory, 2).ok());
    QCOMPARE(readFile(journal), lines);
}

void tst_DeployScripts::retentionRemovesPackagesNoKeptReleaseCameFrom()
{
    QFETCH(QString, kind);
    auto transport = connect(kind);
    QVERIFY(transport);
    PackageDeployer deployer(*transport);
    const QString cacheDirectory = PackageDeployScript::cacheDirectory(m_root);
    const QString production = PackageDeployScript::packageDirectory(m_root, u"Production"_s, {}, u"Acme.Web"_s);
    const QString test = PackageDeployScript::packageDirectory(m_root, u"Test"_s, u"Customer A"_s, u"Acme.Web"_s);
    // Four versions: compressed tars (cached as their plain tar) and one plain tar.
    QStringList packages;
    QStringList cacheFiles; // what each version leaves in the cache
    for (int i = 1; i <= 4; ++i) {
        const QString tree = m_target->path() + u"/retention-tree-"_s + QString::number(i);
        QVERIFY(writeFile(tree + u"/version.txt"_s, QByteArray::number(i)));
        const bool compressed = i != 3;
        const QString package = m_target->path() + u"/Acme.Web.1.0."_s + QString::number(i) + (compressed ? u".tar.gz"_s : u".tar"_s);
        QVERIFY(run(u"tar"_s, {compressed ? u"-czf"_s : u"-cf"_s, package, u"-C"_s, tree, u"."_s}));
        packages << package;
    }
    const auto deploy = [&](int index, const QString &packageDirectory, int keep) -> Result<PackageDeployer::SwitchOutcome> {
        const QString package = packages.at(index);
        const QString extension = package.endsWith(u".tar.gz"_s) ? u"tar.gz"_s : u"tar"_s;
        auto extracted = deployer.receiveAndExtract(package, PackageDeployScript::cachePath(m_root, sha256Of(package), extension),
                                                    extension, packageDirectory, u"1.0."_s + QString::number(index + 1));
        if (!extracted)
            return extracted.error();
        return deployer.switchCurrentAndApplyRetention(packageDirectory, extracted->path, keep, cacheDirectory);
    };
    const auto cached = [&]() {
        QStringList names = QDir(cacheDirectory).entryList(QDir::Files | QDir::Hidden);
        for (QString &name : names)
            name = name.left(64);
        names.sort();
        return names;
    };
    const auto shaOf = [&](int index) { return sha256Of(packages.at(index)); };
    const auto sorted = [](QStringList list) {
        list.sort();
        return list;
    };

    // Version 1 goes to Test as well; Production keeps two releases. tar's complaints that a
    // killed extraction left behind go at the next retention.
    QVERIFY(writeFile(production + u"/.cuttle-errors-123-456"_s, "tar: killed before it could clean up"));
    QVERIFY(deploy(0, test, 2).ok());
    for (int i = 0; i < 3; ++i) {
        const auto outcome = deploy(i, production, 2);
        QVERIFY2(outcome.ok(), qPrintable(outcome ? QString() : message(outcome.error())));
        QCOMPARE(outcome->retentionError, QString());
        // Version 1 left Production's releases, but Test still runs it: it stays in the cache.
        QVERIFY(outcome->removedFromCache.isEmpty());
    }
    QCOMPARE(cached(), sorted({shaOf(0), shaOf(1), shaOf(2)}));
    QVERIFY(!QFileInfo::exists(production + u"/.cuttle-errors-123-456"_s));
    QVERIFY(QDir(production).entryList(QDir::Files | QDir::Hidden).filter(u"cuttle-errors"_s).isEmpty());

    // Production moves to version 4: version 2 is no release's any more and leaves the cache.
    auto outcome = deploy(3, production, 2);
    QVERIFY(outcome.ok());
    QCOMPARE(outcome->removed, QStringList{production + u"/1.0.2"_s});
    QCOMPARE(outcome->removedFromCache.size(), 1);
    QVERIFY(outcome->removedFromCache.constFirst().startsWith(shaOf(1)));
    QVERIFY(!outcome->cacheBusy);
    QCOMPARE(cached(), sorted({shaOf(0), shaOf(2), shaOf(3)}));

    // Another deployment (here: this test) uses the cache: extraction goes on beside it, and
    // retention leaves the cache alone until the next time. Test moves to version 3, keeping one.
    const int holder = ::open(QFile::encodeName(cacheDirectory + u".lock"_s).constData(), O_RDONLY | O_CLOEXEC);
    QVERIFY(holder >= 0);
    QVERIFY(::flock(holder, LOCK_SH) == 0);
    outcome = deploy(2, test, 1);
    ::close(holder);
    QVERIFY2(outcome.ok(), qPrintable(outcome ? QString() : message(outcome.error())));
    QCOMPARE(outcome->removed, QStringList{test + u"/1.0.1"_s});
    QVERIFY(outcome->cacheBusy);
    QVERIFY(outcome->removedFromCache.isEmpty());
    QCOMPARE(cached(), sorted({shaOf(0), shaOf(2), shaOf(3)}));

    // Test moves on to version 4: version 1, which the busy retention left, goes now.
    outcome = deploy(3, test, 1);
    QVERIFY(outcome.ok());
    QVERIFY(!outcome->cacheBusy);
    QCOMPARE(outcome->removedFromCache.size(), 1);
    QVERIFY(outcome->removedFromCache.constFirst().startsWith(shaOf(0)));
    QCOMPARE(cached(), sorted({shaOf(2), shaOf(3)}));
    QCOMPARE(QFileInfo(cacheDirectory + u".released"_s).size(), 0);

    // A journal line without a package name (written before names were kept) is kept as it is and
    // removes nothing from the cache; retention without a cache directory leaves the cache alone.
    QFile journal(production + u"/.cuttle-extractions"_s);
    QVERIFY(journal.open(QIODevice::WriteOnly | QIODevice::Truncate));
    journal.write("1.0.3\n1.0.4\n");
    journal.close();
    const Result<QStringList> removed = deployer.applyRetention(production, 1, cacheDirectory);
    QVERIFY(removed.ok());
    QCOMPARE(*removed, QStringList{production + u"/1.0.3"_s});
    QCOMPARE(cached(), sorted({shaOf(2), shaOf(3)}));
    QCOMPARE(readFile(production + u"/.cuttle-extractions"_s), QByteArray("1.0.4\n"));
}

void tst_DeployScripts::unsafeArchivesRefused_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("extension");
    QTest::addColumn<QString>("entry");
    // Another tar than GNU tar: the archive is listed before anything is written.
    QTest::addRow("local tar .. (not GNU tar)") << u"local"_s << u"tar"_s << u"../evil.txt"_s;
    QTest::addRow("local tar absolute (not GNU tar)") << u"local"_s << u"tar"_s << u"ABSOLUTE"_s;
    for (const QString &kind : {u"local"_s, u"ssh"_s}) {
        QTest::addRow("%s zip ..", qPrintable(kind)) << kind << u"zip"_s << u"../evil.txt"_s;
        QTest::addRow("%s zip nested ..", qPrintable(kind)) << kind << u"zip"_s << u"a/../../evil.txt"_s;
        QTest::addRow("%s zip absolute", qPrintable(kind)) << kind << u"zip"_s << u"/tmp/cuttle-evil.txt"_s;
        QTest::addRow("%s zip backslashes", qPrintable(kind)) << kind << u"zip"_s << u"..\\evil.txt"_s;
        QTest::addRow("%s tar ..", qPrintable(kind)) << kind << u"tar"_s << u"../evil.txt"_s;
        QTest::addRow("%s tar absolute", qPrintable(kind)) << kind << u"tar"_s << u"ABSOLUTE"_s;
        QTest::addRow("%s tar link out", qPrintable(kind)) << kind << u"tar"_s << u"LINK:/etc"_s;
        QTest::addRow("%s tar link climbing out", qPrintable(kind)) << kind << u"tar"_s << u"LINK:../../.."_s;
    }
}

void tst_DeployScripts::unsafeArchivesRefused()
{
    QFETCH(QString, kind);
    QFETCH(QString, extension);
    QFETCH(QString, entry);
    auto transport = connect(kind);
    QVERIFY(transport);

    const QByteArray path = qgetenv("PATH");
    const auto restorePath = qScopeGuard([&] { qputenv("PATH", path); });
    if (QString::fromUtf8(QTest::currentDataTag()).contains(u"not GNU tar"_s)) {
        const QString bin = m_target->path() + u"/bin"_s;
        QVERIFY(writeFile(bin + u"/tar"_s, "#!/bin/sh\n[ \"$1\" = --version ] && { echo 'bsdtar 3.6.2'; exit 0; }\n"
                                          "touch \"$(dirname \"$0\")/used\"\nexec /usr/bin/tar \"$@\"\n"));
        QVERIFY(QFile::setPermissions(bin + u"/tar"_s, QFile::ReadOwner | QFile::ExeOwner));
        qputenv("PATH", QFile::encodeName(bin) + ':' + path);
    }

    const QString work = m_target->path() + u"/build/inner"_s;
    QVERIFY(QDir().mkpath(work));
    const QString package = m_target->path() + u"/slip."_s + extension;
    QString expectedEntry = entry;
    if (extension == u"zip"_s) {
        QVERIFY(writeFile(package, makeZip({{"good.txt", "fine"}, {entry.toUtf8(), "evil"}})));
    } else {
        QVERIFY(writeFile(work + u"/good.txt"_s, "fine"));
        QVERIFY(writeFile(m_target->path() + u"/build/evil.txt"_s, "evil"));
        QString member = entry == u"ABSOLUTE"_s ? m_target->path() + u"/build/evil.txt"_s : entry;
        expectedEntry = member;
        if (entry.startsWith(u"LINK:"_s)) {
            QVERIFY(QFile::link(entry.mid(5), work + u"/config"_s));
            member = u"config"_s;
            expectedEntry = u"config -> "_s + entry.mid(5);
        }
        QVERIFY(run(u"tar"_s, {u"-P"_s, u"-cf"_s, package, u"good.txt"_s, member}, work));
    }

    const QString cached = cache(*transport, package, extension);
    QVERIFY(!cached.isEmpty());
    PackageDeployer deployer(*transport);
    const QString packageDirectory = m_root + u"/Production/Acme.Web"_s;
    const Result<ExtractedPackage> extracted = deployer.extract(cached, extension, packageDirectory, u"1.0.0"_s);
    QVERIFY(!extracted.ok());
    QCOMPARE(extracted.error().kind, ErrorKind::Validation);
    QVERIFY2(extracted.error().message.contains(expectedEntry), qPrintable(extracted.error().message));
    // Nothing was written: no version directory, no journal entry, nothing outside.
    QVERIFY(QDir(packageDirectory).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());
    QVERIFY(!QFileInfo::exists(m_root + u"/Production/evil.txt"_s));
    QVERIFY(!QFileInfo::exists(u"/tmp/cuttle-evil.txt"_s));

    // Refused the same way when extracted as it arrives, and then it does not enter the cache.
    QVERIFY(QFile::remove(cached));
    const Result<ExtractedPackage> arrived = deployer.receiveAndExtract(package, cached, extension, packageDirectory, u"1.0.0"_s);
    QVERIFY(!arrived.ok());
    QCOMPARE(arrived.error().kind, ErrorKind::Validation);
    QVERIFY2(arrived.error().message.contains(expectedEntry), qPrintable(arrived.error().message));
    QVERIFY(QDir(packageDirectory).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty());
    QVERIFY(QDir(QFileInfo(cached).absolutePath()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    QVERIFY(!QFileInfo::exists(m_root + u"/Production/evil.txt"_s));
    if (QString::fromUtf8(QTest::currentDataTag()).contains(u"not GNU tar"_s))
        QVERIFY(QFileInfo::exists(m_target->path() + u"/bin/used"_s));
}

void tst_DeployScripts::largePackage()
{
    QFETCH(QString, kind);
    auto transport = connect(kind);
    QVERIFY(transport);

    // Like the benchmark's package: ~48 MB that does not compress, 300 small files, a Deploy.sh.
    const QString tree = m_target->path() + u"/large"_s;
    QByteArray blob(48 * 1000 * 1000, Qt::Uninitialized);
    QRandomGenerator(7).fillRange(reinterpret_cast<quint32 *>(blob.data()), blob.size() / 4);
    QVERIFY(writeFile(tree + u"/data/blob.bin"_s, blob));
    blob.clear();
    for (int i = 0; i < 300; ++i)
        QVERIFY(writeFile(tree + u"/files/f"_s + QString::number(i) + u".txt"_s, QByteArray::number(i) + '\n'));
    QVERIFY(writeFile(tree + u"/Deploy.sh"_s, "echo deployed\n"));
    const QString package = m_target->path() + u"/Big.App.1.0.0.tar.gz"_s;
    QVERIFY(run(u"tar"_s, {u"-czf"_s, package, u"-C"_s, tree, u"."_s}));

    const QString hash = sha256Of(package);
    QElapsedTimer timer;
    timer.start();
    const QString cached = cache(*transport, package, u"tar.gz"_s);
    QVERIFY(!cached.isEmpty());
    const qint64 firstCache = timer.restart();
    PackageDeployer deployer(*transport);
    const Result<bool> hit = deployer.isCached(cached, hash, QFileInfo(package).size(), true);
    QVERIFY(hit.ok() && *hit);
    const qint64 hitVerified = timer.restart();
    QVERIFY(deployer.isCached(cached, hash, QFileInfo(package).size()).ok());
    const qint64 hitUnverified = timer.restart();
    const QString packageDirectory = m_root + u"/Production/Big.App"_s;
    const Result<ExtractedPackage> extracted = deployer.extract(cached, u"tar.gz"_s, packageDirectory, u"1.0.0"_s);
    QVERIFY(extracted.ok());
    const qint64 extraction = timer.restart();
    QVERIFY(deployer.switchCurrent(packageDirectory, extracted->path).ok());
    const qint64 switching = timer.restart();
    QVERIFY(deployer.applyRetention(packageDirectory, 3).ok());
    const qint64 retention = timer.restart();
    // The floor: tar alone, in one command.
    const Result<ExitInfo> floor = transport->run(u"mkdir -p floor && tar -xzf "_s + shellQuote(cached) + u" -C floor"_s);
    QVERIFY(floor.ok() && floor->succeeded());
    const qint64 plainTar = timer.restart();

    QCOMPARE(QDir(extracted->path + u"/files"_s).entryList(QDir::Files).size(), 300);
    QCOMPARE(QFileInfo(extracted->path + u"/data/blob.bin"_s).size(), 48 * 1000 * 1000);
    qInfo("%s: upload into the cache %lld ms; cache hit %lld ms verified, %lld ms unverified; extraction %lld ms "
          "(plain tar -xzf %lld ms); switch %lld ms; retention %lld ms",
          qPrintable(kind), firstCache, hitVerified, hitUnverified, extraction, plainTar, switching, retention);
}

void tst_DeployScripts::cancelStopsTheScript()
{
    QFETCH(QString, kind);
    auto transport = connect(kind);
    QVERIFY(transport);
    if (auto *local = dynamic_cast<LocalTransport *>(transport.get()))
        local->setCancelGracePeriod(std::chrono::milliseconds(500));
    const QString marker = QString::number(QRandomGenerator::global()->bounded(1000, 9999)) + u".25"_s;
    ScriptBootstrap bootstrap(m_root + u"/work"_s);
    bootstrap.setScript(u"echo started\nsleep "_s + marker + u"\necho never\n"_s);
    std::thread canceller;
    QStringList lines;
    const Result<ScriptResult> result = bootstrap.run(*transport, [&](const ServiceMessageEvent &event, bool fromStderr) {
        if (fromStderr) // bash may report the killed sleep there
            return;
        lines.append(event.text);
        if (event.text == u"started"_s)
            canceller = std::thread([&] {
                std::this_thread::sleep_for(std::chrono::milliseconds(200));
                transport->cancel();
            });
    });
    if (canceller.joinable())
        canceller.join();
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, ErrorKind::Cancelled);
    QCOMPARE(lines, QStringList{u"started"_s});
    // The remote sleep is gone, not just the local wait.
    auto sleeping = [&] {
        for (const QString &pid : QDir(u"/proc"_s).entryList(QDir::Dirs)) {
            if (readFile(u"/proc/"_s + pid + u"/cmdline"_s).contains(marker.toUtf8()))
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(!sleeping(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(bootstrap.bootstrapDirectory()), 10000);
}

void tst_DeployScripts::cancelWhileReceivingLeavesNothing()
{
    QFETCH(QString, kind);
    auto transport = connect(kind);
    QVERIFY(transport);
    if (auto *local = dynamic_cast<LocalTransport *>(transport.get()))
        local->setCancelGracePeriod(std::chrono::milliseconds(500));
    // A plain tar of 16 MB, of which the target gets the first 4 MB through a named pipe
    // before the deployment is cancelled.
    const QString tree = m_target->path() + u"/stream-tree"_s;
    QVERIFY(writeFile(tree + u"/blob.bin"_s, randomBytes(16 * 1024 * 1024)));
    const QString package = m_target->path() + u"/Acme.Stream.1.0.0.tar"_s;
    QVERIFY(run(u"tar"_s, {u"-cf"_s, package, u"-C"_s, tree, u"."_s}));
    const QByteArray bytes = readFile(package);
    const QString fifo = m_target->path() + u"/stream.fifo"_s;
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    ::signal(SIGPIPE, SIG_IGN); // the reader goes away on cancel

    const QString path = PackageDeployScript::cachePath(m_root, sha256Of(package), u"tar"_s);
    const QString packageDirectory = m_root + u"/Production/Acme.Stream"_s;
    std::atomic<bool> midStream{false};
    std::thread writer([&] {
        QFile out(fifo);
        if (!out.open(QIODevice::WriteOnly))
            return;
        out.write(bytes.left(4 * 1024 * 1024));
        out.flush();
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        // Mid-stream: the partial copy and the directory being extracted exist.
        midStream = QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files | QDir::Hidden).size() == 1
                    && QFileInfo(packageDirectory + u"/1.0.0/blob.bin"_s).isFile();
        transport->cancel();
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
    });
    RunRequest request;
    request.script = PackageDeployScript::receiveAndExtractScript(path, u"tar"_s, bytes.size(), packageDirectory, u"1.0.0"_s);
    request.standardInputFile = fifo;
    const Result<ExitInfo> exit = transport->run(request);
    writer.join();
    QVERIFY(midStream);
    QVERIFY(!exit.ok());
    QCOMPARE(exit.error().kind, ErrorKind::Cancelled);
    // Neither a cache entry nor a partial copy nor an extraction directory is left.
    QTRY_VERIFY_WITH_TIMEOUT(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files | QDir::Hidden).isEmpty(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        QDir(packageDirectory).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).isEmpty(), 10000);
}

void tst_DeployScripts::receiveRefusedBeforeReadingIsOneSentence()
{
    QFETCH(QString, kind);
    auto transport = connect(kind);
    QVERIFY(transport);
    // 16 MB, far more than an SSH window: the sender must not wait for a command that has
    // already given up without reading.
    const QString tree = m_target->path() + u"/refused-tree"_s;
    QVERIFY(writeFile(tree + u"/blob.bin"_s, randomBytes(16 * 1024 * 1024)));
    const QString package = m_target->path() + u"/Acme.Refused.1.0.0.tar"_s;
    QVERIFY(run(u"tar"_s, {u"-cf"_s, package, u"-C"_s, tree, u"."_s}));
    // A file where the package cache directory should be.
    const QString blocked = m_root + u"/blocked-root"_s;
    QVERIFY(writeFile(blocked + u"/.cuttle"_s, "not a directory"));
    const QString path = PackageDeployScript::cachePath(blocked, sha256Of(package), u"tar"_s);

    QElapsedTimer timer;
    timer.start();
    PackageDeployer deployer(*transport);
    const Result<ExtractedPackage> extracted =
        deployer.receiveAndExtract(package, path, u"tar"_s, blocked + u"/Production/Acme.Refused"_s, u"1.0.0"_s);
    QVERIFY(!extracted.ok());
    // The script's sentence first, the tool's complaint in brackets after it.
    const QString message = extracted.error().message;
    QVERIFY2(message.startsWith(u"Extracting the package on "_s + transport->targetDescription()
                                + u" failed: The package cache directory could not be created (mkdir: "_s),
             qPrintable(message));
    QVERIFY2(message.endsWith(u"Not a directory)."_s), qPrintable(message));
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
}

void tst_DeployScripts::transfer()
{
    QFETCH(QString, kind);
    auto transport = connect(kind);
    QVERIFY(transport);
    const QString cached = cache(*transport, m_tarGz, u"tar.gz"_s);
    QVERIFY(!cached.isEmpty());
    PackageDeployer deployer(*transport);
    const QString destination = m_root + u"/drop zone/in"_s;
    const Result<QString> path = deployer.transfer(cached, destination, u"Acme.Web.1.0.0.tar.gz"_s);
    QVERIFY2(path.ok(), qPrintable(path ? QString() : message(path.error())));
    QCOMPARE(*path, destination + u"/Acme.Web.1.0.0.tar.gz"_s);
    QCOMPARE(sha256Of(*path), sha256Of(m_tarGz));
    QCOMPARE(QDir(destination).entryList(QDir::Files | QDir::Hidden).size(), 1);

    const Result<QString> missing = deployer.transfer(m_root + u"/.cuttle/packages/none.zip"_s, destination, u"x.zip"_s);
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().message.contains(u"not in the target's package cache"_s), qPrintable(missing.error().message));
}

QTEST_GUILESS_MAIN(tst_DeployScripts)
#include "tst_deployscripts.moc"
