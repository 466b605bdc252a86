// Deployments run by the real engine against Local targets (directories of this machine):
// scripts with output variables, a package with substitution and structured replacement,
// the atomic `current` switch, the package cache, failures that leave `current` alone,
// masking, conditions and cancellation.
#include "deploymentfixture.h"
#include "model/engine/automaticdeployments.h"
#include "model/engine/deploy/remotefiles.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <csignal>

using namespace Cuttle;
using namespace Cuttle::Test;
using namespace Qt::StringLiterals;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QList<TestEntry> webPackage(const QByteArray &deployScript = "echo \"deployed to $(get_octopusvariable Octopus.Environment.Name)\"\n")
{
    return {TestEntry::file("index.html", "<h1>#{Greeting}</h1>\n"),
            TestEntry::file("appsettings.json", "{\n  \"Port\": 80,\n  \"Name\": \"shop\"\n}\n"),
            TestEntry::file("Deploy.sh", deployScript, 0755)};
}

QMap<QString, QString> conventions()
{
    return {{u"Octopus.Action.SubstituteInFiles.TargetFiles"_s, u"index.html"_s},
            {u"Octopus.Action.StructuredConfigurationVariables.TargetFiles"_s, u"*.json"_s}};
}

} // namespace

class tst_LocalDeployment final : public QObject
{
    Q_OBJECT

private slots:
    void threeStepsWithOutputVariablesAndAPackage()
    {
        DeploymentFixture f;
        const DeploymentTarget web = f.localTarget(u"web01"_s, {f.development, f.test}, {u"web"_s});
        f.push(u"Acme.Web.1.0.0.tar.gz"_s, webPackage());
        f.setVariable(u"Greeting"_s, u"Hello"_s);
        f.setVariable(u"Port"_s, u"8080"_s, false, {u"Development"_s});
        f.setVariable(u"Port"_s, u"9090"_s, false, {u"Test"_s});
        f.setVariable(u"ApiKey"_s, u"s3cr3t-api-key"_s, true);
        f.setProcess({scriptStep(u"Prepare"_s, u"echo \"greeting #{Greeting}\"\nset_octopusvariable Colour blue\necho \"key $(get_octopusvariable ApiKey)\""_s, {u"web"_s}),
                      packageStep(u"Deploy web"_s, u"Acme.Web"_s, {u"web"_s}, conventions()),
                      scriptStep(u"Report"_s, u"echo \"colour=#{Octopus.Action[Prepare].Output.Colour}\"\necho \"installed=#{Octopus.Action[Deploy web].Output.Package.InstallationDirectoryPath}\""_s, {u"web"_s})});
        f.release(u"1.0.0"_s);

        QStringList lines;
        QCOMPARE(toString(f.deploy(u"1.0.0"_s, u"Development"_s, &lines)), u"Success"_s);
        const QString log = f.storedLog(f.lastTaskId).join(u'\n');
        QVERIFY2(log.contains(u"greeting Hello"_s), qPrintable(log));
        QVERIFY2(log.contains(u"colour=blue"_s), qPrintable(log));
        QVERIFY(log.contains(u"deployed to Development"_s));
        QVERIFY(!log.contains(u"s3cr3t-api-key"_s));
        QVERIFY(log.contains(u"key ********"_s));
        QVERIFY(!lines.join(u'\n').contains(u"s3cr3t-api-key"_s));

        const QString current = web.directory + u"/Development/Acme.Web/current"_s;
        QVERIFY(QFileInfo(current).isSymLink());
        QCOMPARE(QFileInfo(current).symLinkTarget(), QFileInfo(web.directory + u"/Development/Acme.Web/1.0.0"_s).absoluteFilePath());
        QCOMPARE(readFile(current + u"/index.html"_s), QByteArray("<h1>Hello</h1>\n"));
        QCOMPARE(readFile(current + u"/appsettings.json"_s), QByteArray("{\n  \"Port\": 8080,\n  \"Name\": \"shop\"\n}\n"));
        QVERIFY(log.contains(u"installed="_s + web.directory + u"/Development/Acme.Web/1.0.0"_s));

        // Promoted to Test: its own directory, its own scoped value, the package from the cache.
        QCOMPARE(toString(f.deploy(u"1.0.0"_s, u"Test"_s)), u"Success"_s);
        const QString testLog = f.storedLog(f.lastTaskId).join(u'\n');
        QVERIFY2(testLog.contains(u"already in the target's package cache"_s), qPrintable(testLog));
        QCOMPARE(readFile(web.directory + u"/Test/Acme.Web/current/appsettings.json"_s),
                 QByteArray("{\n  \"Port\": 9090,\n  \"Name\": \"shop\"\n}\n"));
    }

    void redeployUsesAFreshDirectory()
    {
        DeploymentFixture f;
        const DeploymentTarget web = f.localTarget(u"web01"_s, {f.development}, {u"web"_s});
        f.push(u"Acme.Web.1.0.0.tar.gz"_s, webPackage());
        f.setVariable(u"Greeting"_s, u"Hi"_s);
        f.setProcess({packageStep(u"Deploy web"_s, u"Acme.Web"_s, {u"web"_s}, conventions())});
        f.release(u"1.0.0"_s);
        QCOMPARE(toString(f.deploy(u"1.0.0"_s, u"Development"_s)), u"Success"_s);
        QCOMPARE(toString(f.deploy(u"1.0.0"_s, u"Development"_s)), u"Success"_s);
        QCOMPARE(QFileInfo(web.directory + u"/Development/Acme.Web/current"_s).symLinkTarget(),
                 QFileInfo(web.directory + u"/Development/Acme.Web/1.0.0_1"_s).absoluteFilePath());
    }

    void aFailingDeployScriptLeavesCurrentOnThePreviousRelease()
    {
        DeploymentFixture f;
        const DeploymentTarget web = f.localTarget(u"web01"_s, {f.development}, {u"web"_s});
        f.push(u"Acme.Web.1.0.0.tar.gz"_s, webPackage());
        f.setVariable(u"Greeting"_s, u"Hi"_s);
        f.setProcess({packageStep(u"Deploy web"_s, u"Acme.Web"_s, {u"web"_s}, conventions()),
                      scriptStep(u"After"_s, u"echo should not run"_s, {u"web"_s}),
                      [] {
                          DeploymentStep cleanup = scriptStep(u"Clean up"_s, u"echo cleaning up"_s, {u"web"_s});
                          cleanup.condition = StepCondition::Failure;
                          return cleanup;
                      }()});
        f.release(u"1.0.0"_s);
        QCOMPARE(toString(f.deploy(u"1.0.0"_s, u"Development"_s)), u"Success"_s);
        f.push(u"Acme.Web.2.0.0.tar.gz"_s, webPackage("echo about to fail\nexit 3\n"));
        f.release(u"2.0.0"_s);
        QCOMPARE(toString(f.deploy(u"2.0.0"_s, u"Development"_s)), u"Failed"_s);
        const Task task = *TaskRepository(f.context).get(f.lastTaskId);
        QVERIFY2(task.errorMessage.contains(u"The step \"Deploy web\" failed on web01: Deploy.sh exited with code 3."_s),
                 qPrintable(task.errorMessage));
        const QString log = f.storedLog(f.lastTaskId).join(u'\n');
        QVERIFY(!log.contains(u"should not run"_s));
        QVERIFY(log.contains(u"cleaning up"_s));
        QVERIFY(log.contains(u"still points at the previous release"_s));
        QCOMPARE(QFileInfo(web.directory + u"/Development/Acme.Web/current"_s).symLinkTarget(),
                 QFileInfo(web.directory + u"/Development/Acme.Web/1.0.0"_s).absoluteFilePath());
        QVERIFY(QFileInfo::exists(web.directory + u"/Development/Acme.Web/2.0.0/Deploy.sh"_s));
    }

    void filesTheConventionsChangeComeAlongWithTheExtraction()
    {
        DeploymentFixture f;
        const DeploymentTarget web = f.localTarget(u"web01"_s, {f.development}, {u"web"_s});
        const QByteArray config = "{\n  \"Name\": \"#{Greeting}\",\n  \"Port\": 80\n}\n";
        f.push(u"Acme.Web.1.0.0.tar.gz"_s, {TestEntry::file("config.json", config), TestEntry::file("Deploy.sh", "cat config.json\n", 0755)});
        f.setVariable(u"Greeting"_s, u"Hello"_s);
        f.setVariable(u"Port"_s, u"8080"_s);
        f.setProcess({packageStep(u"Deploy web"_s, u"Acme.Web"_s, {u"web"_s},
                                  {{u"Octopus.Action.SubstituteInFiles.TargetFiles"_s, u"*.json\n*.txt"_s},
                                   {u"Octopus.Action.StructuredConfigurationVariables.TargetFiles"_s, u"config.json"_s}})});
        f.release(u"1.0.0"_s);
        QCOMPARE(toString(f.deploy(u"1.0.0"_s, u"Development"_s)), u"Success"_s);
        const QString current = web.directory + u"/Development/Acme.Web/current"_s;
        // Substituted, then replaced: the second convention saw the first one's change (no variable
        // is called Name, so only the substitution filled it in).
        QCOMPARE(readFile(current + u"/config.json"_s), QByteArray("{\n  \"Name\": \"Hello\",\n  \"Port\": 8080\n}\n"));
        QStringList log = f.storedLog(f.lastTaskId);
        QVERIFY2(log.contains(u"1 file(s) matching *.json, *.txt came along with the extraction."_s), qPrintable(log.join(u'\n')));
        QVERIFY(log.contains(u"1 file(s) matching config.json came along with the extraction."_s));

        // The package's PreDeploy.sh rewrites the file: the conventions read it after that.
        f.push(u"Acme.Web.2.0.0.tar.gz"_s,
               {TestEntry::file("config.json", config), TestEntry::file("Deploy.sh", "cat config.json\n", 0755),
                TestEntry::file("PreDeploy.sh",
                                "printf '{\\n  \"Name\": \"#{Greeting}\",\\n  \"Port\": 1,\\n  \"Added\": \"#{Greeting}\"\\n}\\n' > config.json\n",
                                0755)});
        f.release(u"2.0.0"_s);
        QCOMPARE(toString(f.deploy(u"2.0.0"_s, u"Development"_s)), u"Success"_s);
        QCOMPARE(readFile(current + u"/config.json"_s),
                 QByteArray("{\n  \"Name\": \"Hello\",\n  \"Port\": 8080,\n  \"Added\": \"Hello\"\n}\n"));
        log = f.storedLog(f.lastTaskId);
        QVERIFY(!log.join(u'\n').contains(u"came along"_s));

        // A set larger than what comes along is read by a command of its own; the other still comes along.
        const QByteArray big = QByteArray(RemoteFiles::PrefetchBudgetBytes, 'x') + "\n#{Greeting}\n";
        f.push(u"Acme.Web.3.0.0.tar.gz"_s, {TestEntry::file("config.json", config), TestEntry::file("big.txt", big),
                                            TestEntry::file("Deploy.sh", "cat config.json\n", 0755)});
        f.release(u"3.0.0"_s);
        QCOMPARE(toString(f.deploy(u"3.0.0"_s, u"Development"_s)), u"Success"_s);
        log = f.storedLog(f.lastTaskId);
        QVERIFY(!log.contains(u"2 file(s) matching *.json, *.txt came along with the extraction."_s));
        QVERIFY(log.contains(u"1 file(s) matching config.json came along with the extraction."_s));
        QVERIFY(readFile(current + u"/big.txt"_s).endsWith("x\nHello\n"));
        QCOMPARE(readFile(current + u"/config.json"_s), QByteArray("{\n  \"Name\": \"Hello\",\n  \"Port\": 8080\n}\n"));

        // A pattern that needs the installation directory is read after the extraction, as an
        // absolute path; it is still the file the other set changed. Shell characters in a
        // pattern are names, not syntax.
        f.push(u"Acme.Web.4.0.0.tar.gz"_s, {TestEntry::file("config.json", config), TestEntry::file("Deploy.sh", "cat config.json\n", 0755),
                                            TestEntry::file("it's (odd); $x.txt", "#{Greeting}\n")});
        f.setProcess({packageStep(u"Deploy web"_s, u"Acme.Web"_s, {u"web"_s},
                                  {{u"Octopus.Action.SubstituteInFiles.TargetFiles"_s, u"*.json\nit's (odd); $x.txt"_s},
                                   {u"Octopus.Action.StructuredConfigurationVariables.TargetFiles"_s,
                                    u"#{Octopus.Action.Package.InstallationDirectoryPath}/config.json"_s}})});
        f.release(u"4.0.0"_s);
        QCOMPARE(toString(f.deploy(u"4.0.0"_s, u"Development"_s)), u"Success"_s);
        log = f.storedLog(f.lastTaskId);
        QVERIFY2(log.contains(u"2 file(s) matching *.json, it's (odd); $x.txt came along with the extraction."_s),
                 qPrintable(log.join(u'\n')));
        QVERIFY(!log.join(u'\n').contains(u"config.json came along"_s));
        QCOMPARE(readFile(current + u"/config.json"_s), QByteArray("{\n  \"Name\": \"Hello\",\n  \"Port\": 8080\n}\n"));
        QCOMPARE(readFile(current + u"/it's (odd); $x.txt"_s), QByteArray("Hello\n"));

        // Only the step has a PreDeploy script: nothing comes along either.
        f.push(u"Acme.Web.5.0.0.tar.gz"_s, {TestEntry::file("config.json", config), TestEntry::file("Deploy.sh", "cat config.json\n", 0755)});
        f.setProcess({packageStep(u"Deploy web"_s, u"Acme.Web"_s, {u"web"_s},
                                  {{u"Octopus.Action.SubstituteInFiles.TargetFiles"_s, u"*.json"_s},
                                   {u"Octopus.Action.StructuredConfigurationVariables.TargetFiles"_s, u"config.json"_s},
                                   {ActionProperty::customScript(u"PreDeploy"_s), u"sed -i 's/\"Name\"/\"Title\"/' config.json"_s}})});
        f.release(u"5.0.0"_s);
        QCOMPARE(toString(f.deploy(u"5.0.0"_s, u"Development"_s)), u"Success"_s);
        QVERIFY(!f.storedLog(f.lastTaskId).join(u'\n').contains(u"came along"_s));
        QCOMPARE(readFile(current + u"/config.json"_s), QByteArray("{\n  \"Title\": \"Hello\",\n  \"Port\": 8080\n}\n"));
    }

    void stepScriptsRunAfterThePackagesOwn()
    {
        DeploymentFixture f;
        const DeploymentTarget web = f.localTarget(u"web01"_s, {f.development}, {u"web"_s});
        QList<TestEntry> package = webPackage("echo package Deploy\n");
        package << TestEntry::file("PreDeploy.sh", "echo package PreDeploy\n", 0755);
        f.push(u"Acme.Web.1.0.0.tar.gz"_s, package);
        f.setVariable(u"Greeting"_s, u"Hi"_s);
        QMap<QString, QString> properties = conventions();
        properties.insert(ActionProperty::customScript(u"PreDeploy"_s), u"echo step PreDeploy #{Greeting}"_s);
        properties.insert(ActionProperty::customScript(u"Deploy"_s), u"echo step Deploy; cat index.html"_s);
        properties.insert(ActionProperty::customScript(u"PostDeploy"_s), u"echo \"step PostDeploy in $PWD\""_s);
        f.setProcess({packageStep(u"Deploy web"_s, u"Acme.Web"_s, {u"web"_s}, properties)});
        f.release(u"1.0.0"_s);
        QCOMPARE(toString(f.deploy(u"1.0.0"_s, u"Development"_s)), u"Success"_s);
        const QString directory = web.directory + u"/Development/Acme.Web/1.0.0"_s;
        const QStringList expected{u"package PreDeploy"_s, u"step PreDeploy Hi"_s, u"package Deploy"_s, u"step Deploy"_s,
                                   u"<h1>Hi</h1>"_s, u"step PostDeploy in "_s + directory};
        QStringList seen;
        for (const QString &line : f.storedLog(f.lastTaskId)) {
            if (expected.contains(line))
                seen << line;
        }
        QCOMPARE(seen, expected); // in this order: substitution came before Deploy
        // The step's PreDeploy may change the files: they are read after it.
        QVERIFY(!f.storedLog(f.lastTaskId).join(u'\n').contains(u"came along"_s));

        // A failing step script runs the step's DeployFailed and leaves current alone.
        properties.insert(ActionProperty::customScript(u"Deploy"_s), u"echo step Deploy failing; exit 4"_s);
        properties.insert(ActionProperty::customScript(u"DeployFailed"_s), u"echo step DeployFailed ran"_s);
        f.setProcess({packageStep(u"Deploy web"_s, u"Acme.Web"_s, {u"web"_s}, properties)});
        f.release(u"1.0.1"_s);
        QCOMPARE(toString(f.deploy(u"1.0.1"_s, u"Development"_s)), u"Failed"_s);
        const Task task = *TaskRepository(f.context).get(f.lastTaskId);
        QVERIFY2(task.errorMessage.contains(u"The step's Deploy.sh exited with code 4."_s), qPrintable(task.errorMessage));
        const QStringList log = f.storedLog(f.lastTaskId);
        QVERIFY(log.contains(u"step DeployFailed ran"_s));
        QVERIFY(!log.contains(u"step PostDeploy in "_s + web.directory + u"/Development/Acme.Web/1.0.0_1"_s));
        QCOMPARE(QFileInfo(web.directory + u"/Development/Acme.Web/current"_s).symLinkTarget(), directory);
    }

    void theLastScriptSwitchesCurrentOnlyWhenItSucceeded()
    {
        // The last script's command switches current: not when fail_step ran in a subshell of
        // a script that then exits 0 (here with its message captured), and a switch that fails after a successful script fails
        // the step with the switch's sentence, without running DeployFailed.
        DeploymentFixture f;
        const DeploymentTarget web = f.localTarget(u"web01"_s, {f.development}, {u"web"_s});
        const QString packageDirectory = web.directory + u"/Development/Acme.Web"_s;
        QList<TestEntry> package = webPackage("result=$(fail_step 'the smoke test failed')\necho carried on\n");
        package << TestEntry::file("DeployFailed.sh", "echo package DeployFailed ran\n", 0755);
        f.push(u"Acme.Web.1.0.0.tar.gz"_s, webPackage("echo first\n"));
        f.setVariable(u"Greeting"_s, u"Hi"_s);
        f.setProcess({packageStep(u"Deploy web"_s, u"Acme.Web"_s, {u"web"_s}, conventions())});
        f.release(u"1.0.0"_s);
        const TaskState first = f.deploy(u"1.0.0"_s, u"Development"_s);
        QVERIFY2(first == TaskState::Success, qPrintable(f.storedLog(f.lastTaskId).join(u'\n')));
        QVERIFY2(f.storedLog(f.lastTaskId).contains(packageDirectory + u"/current now points at 1.0.0."_s),
                 qPrintable(f.storedLog(f.lastTaskId).join(u'\n')));
        f.push(u"Acme.Web.1.1.0.tar.gz"_s, package);
        f.release(u"1.1.0"_s);
        QCOMPARE(toString(f.deploy(u"1.1.0"_s, u"Development"_s)), u"Failed"_s);
        QCOMPARE(TaskRepository(f.context).get(f.lastTaskId)->errorMessage,
                 u"The step \"Deploy web\" failed on web01: the smoke test failed"_s);
        QStringList log = f.storedLog(f.lastTaskId);
        QVERIFY(log.contains(u"carried on"_s));
        QVERIFY(log.contains(u"package DeployFailed ran"_s));
        QCOMPARE(QFileInfo(packageDirectory + u"/current"_s).symLinkTarget(), packageDirectory + u"/1.0.0"_s);

        // current made a directory by the script: it cannot be replaced.
        QList<TestEntry> blocking = webPackage("rm -f ../current && mkdir -p ../current/kept\n");
        blocking << TestEntry::file("DeployFailed.sh", "echo package DeployFailed ran\n", 0755);
        f.push(u"Acme.Web.1.2.0.tar.gz"_s, blocking);
        f.release(u"1.2.0"_s);
        QCOMPARE(toString(f.deploy(u"1.2.0"_s, u"Development"_s)), u"Failed"_s);
        const QString error = TaskRepository(f.context).get(f.lastTaskId)->errorMessage;
        QVERIFY2(error.startsWith(u"The step \"Deploy web\" failed on web01: Switching the current release on "_s),
                 qPrintable(error));
        QVERIFY2(error.contains(packageDirectory + u"/current could not be replaced"_s), qPrintable(error));
        log = f.storedLog(f.lastTaskId);
        QVERIFY(!log.contains(u"package DeployFailed ran"_s));
        QVERIFY(QFileInfo(packageDirectory + u"/current/kept"_s).isDir());
        QVERIFY(QDir(packageDirectory).entryList(QDir::AllEntries | QDir::Hidden).filter(u".current.cuttle"_s).isEmpty());
    }

    void cancellationStopsTheRemoteCommand()
    {
        DeploymentFixture f;
        const DeploymentTarget web = f.localTarget(u"web01"_s, {f.development}, {u"web"_s});
        f.setProcess({scriptStep(u"Wait"_s, u"sleep 60 & echo $! > ../../../sleep.pid; wait"_s, {u"web"_s})});
        f.release(u"1.0.0"_s);
        std::atomic<bool> cancel{false};
        QThread *canceller = QThread::create([&] {
            QThread::msleep(1500);
            cancel = true;
        });
        canceller->start();
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(toString(f.deploy(u"1.0.0"_s, u"Development"_s, nullptr, &cancel)), u"Canceled"_s);
        QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
        canceller->wait();
        delete canceller;
        // The command itself stopped, not only the wait for it.
        QFile pidFile(web.directory + u"/.cuttle/sleep.pid"_s);
        QVERIFY2(pidFile.open(QIODevice::ReadOnly), qPrintable(pidFile.fileName()));
        const pid_t pid = pid_t(pidFile.readAll().trimmed().toLongLong());
        QVERIFY(pid > 0);
        QTRY_VERIFY_WITH_TIMEOUT(::kill(pid, 0) != 0, 10000);
    }
    void guidedFailureRetrySucceedsOnceTheFaultIsGone()
    {
        DeploymentFixture f;
        f.guidedFailure = true;
        const DeploymentTarget web = f.localTarget(u"web01"_s, {f.development}, {u"web"_s});
        f.setProcess({scriptStep(u"Check"_s, u"test -f ../../../../ready || { echo \"not ready\"; exit 2; }\necho ready"_s, {u"web"_s})});
        f.release(u"1.0.0"_s);
        Responder responder(f, u"retry"_s, [&] {
            QFile ready(web.directory + u"/ready"_s);
            QVERIFY(ready.open(QIODevice::WriteOnly));
        });
        QCOMPARE(toString(f.deploy(u"1.0.0"_s, u"Development"_s)), u"Success"_s);
        const Interruption asked = responder.interruption();
        QCOMPARE(asked.title, u"Check failed on web01"_s);
        QVERIFY(asked.instructions.contains(u"exited with code 2"_s));
        const QString log = f.storedLog(f.lastTaskId).join(u'\n');
        QVERIFY(log.contains(u"not ready"_s));
        QVERIFY(log.contains(u"answered Retry: checked"_s));
        QVERIFY(log.contains(u"\nready"_s) || log.endsWith(u"ready"_s) || log.contains(u"ready\n"_s));
        QVERIFY(!TaskRepository(f.context).get(f.lastTaskId)->hasPendingInterruptions);
    }

    void guidedFailureExcludeMachineLeavesItOutOfLaterSteps()
    {
        DeploymentFixture f;
        f.guidedFailure = true;
        f.localTarget(u"web01"_s, {f.development}, {u"web"_s});
        f.localTarget(u"web02"_s, {f.development}, {u"web"_s});
        f.setProcess({scriptStep(u"Break one"_s, u"[ \"#{Octopus.Machine.Name}\" = web01 ] && exit 1; echo fine"_s, {u"web"_s}),
                      scriptStep(u"Afterwards"_s, u"echo \"after on #{Octopus.Machine.Name}\""_s, {u"web"_s})});
        f.release(u"1.0.0"_s);
        Responder responder(f, u"Exclude"_s);
        QCOMPARE(toString(f.deploy(u"1.0.0"_s, u"Development"_s)), u"Success"_s);
        const QString log = f.storedLog(f.lastTaskId).join(u'\n');
        QVERIFY(log.contains(u"after on web02"_s));
        QVERIFY(!log.contains(u"after on web01"_s));
        QVERIFY(log.contains(u"web01 was excluded from this deployment"_s));
        QVERIFY(TaskRepository(f.context).get(f.lastTaskId)->hasWarnings);
    }

    void manualInterventionProceedsAndAborts()
    {
        DeploymentFixture f;
        f.localTarget(u"web01"_s, {f.development}, {u"web"_s});
        DeploymentStep approve;
        approve.name = u"Approve"_s;
        DeploymentAction manual;
        manual.name = u"Approve"_s;
        manual.type = ActionType::ManualIntervention;
        manual.properties.insert(ActionProperty::Instructions, u"Check #{Octopus.Environment.Name} before going on."_s);
        approve.actions << manual;
        f.setProcess({approve, scriptStep(u"Go"_s, u"echo went ahead"_s, {u"web"_s})});
        f.release(u"1.0.0"_s);
        {
            Responder responder(f, u"Proceed"_s);
            QCOMPARE(toString(f.deploy(u"1.0.0"_s, u"Development"_s)), u"Success"_s);
            QCOMPARE(responder.interruption().instructions, u"Check Development before going on."_s);
            QVERIFY(f.storedLog(f.lastTaskId).join(u'\n').contains(u"went ahead"_s));
        }
        {
            Responder responder(f, u"Abort"_s);
            QCOMPARE(toString(f.deploy(u"1.0.0"_s, u"Development"_s)), u"Failed"_s);
            QCOMPARE(TaskRepository(f.context).get(f.lastTaskId)->errorMessage, u"The manual intervention \"Approve\" was aborted."_s);
            QVERIFY(!f.storedLog(f.lastTaskId).join(u'\n').contains(u"went ahead"_s));
        }
    }

    void printVariablesMasksSensitiveOnes()
    {
        DeploymentFixture f;
        f.localTarget(u"web01"_s, {f.development}, {u"web"_s});
        f.setVariable(u"OctopusPrintVariables"_s, u"True"_s);
        f.setVariable(u"DbPassword"_s, u"pa55-word-here"_s, true);
        f.setProcess({scriptStep(u"Hello"_s, u"echo hi"_s, {u"web"_s})});
        f.release(u"1.0.0"_s);
        QCOMPARE(toString(f.deploy(u"1.0.0"_s, u"Development"_s)), u"Success"_s);
        const QString log = f.storedLog(f.lastTaskId).join(u'\n');
        QVERIFY2(log.contains(u"DbPassword = ********"_s), qPrintable(log));
        QVERIFY(log.contains(u"Octopus.Environment.Name = Development"_s));
        QVERIFY(!log.contains(u"pa55-word-here"_s));
    }
    void automaticEnvironmentsDeployAsSoonAsTheReleaseIsEligible()
    {
        DeploymentFixture f;
        f.localTarget(u"web01"_s, {f.development, f.test}, {u"web"_s});
        Lifecycle lifecycle = *LifecycleRepository(f.context).find(f.spaceId, u"Standard"_s);
        for (LifecyclePhase &phase : lifecycle.phases)
            std::swap(phase.automaticEnvironmentIds, phase.optionalEnvironmentIds);
        QVERIFY(LifecycleRepository(f.context).update(lifecycle));
        f.setProcess({scriptStep(u"Hello"_s, u"echo \"hello #{Octopus.Environment.Name}\""_s, {u"web"_s})});
        const Release release = f.release(u"1.0.0"_s);
        auto queued = TaskRepository(f.context).list(f.spaceId);
        QVERIFY(queued);
        QCOMPARE(queued->size(), 1);
        QCOMPARE(toString(queued->first().state), u"Queued"_s);
        QCOMPARE(toString(*TaskRunner(f.workspace, f.secrets).runWhenAllowed(queued->first().id)), u"Success"_s);
        // Development succeeded: Testing is open, and Test is automatic.
        auto next = TaskRepository(f.context).list(f.spaceId);
        QCOMPARE(next->size(), 2);
        QCOMPARE(toString(next->first().state), u"Queued"_s);
        QCOMPARE(toString(*TaskRunner(f.workspace, f.secrets).runWhenAllowed(next->first().id)), u"Success"_s);
        QVERIFY(f.storedLog(next->first().id).join(u'\n').contains(u"hello Test"_s));
        // Nothing is due twice.
        QVERIFY(AutomaticDeployments(f.context).queueDue(release.id)->isEmpty());
    }
    void rollingWindowRunsChildStepsPerTargetOneWindowAtATime()
    {
        DeploymentFixture f;
        QList<DeploymentTarget> targets;
        for (const QString &name : {u"web01"_s, u"web02"_s, u"web03"_s})
            targets << f.localTarget(name, {f.development}, {u"web"_s});
        DeploymentStep rolling;
        rolling.name = u"Rolling"_s;
        rolling.targetTags = {u"web"_s};
        rolling.windowSize = u"1"_s;
        for (const QString &child : {u"Drain"_s, u"Upgrade"_s}) {
            DeploymentAction action;
            action.name = child;
            action.properties.insert(ActionProperty::ScriptBody,
                                     u"echo \"$(date +%s%N) "_s + child + u"\" >> ../../../../order; sleep 0.2"_s);
            rolling.actions << action;
        }
        f.setProcess({rolling});
        f.release(u"1.0.0"_s);
        QCOMPARE(toString(f.deploy(u"1.0.0"_s, u"Development"_s)), u"Success"_s);
        // Each target ran Drain then Upgrade, and no two targets ran at once.
        QList<std::pair<qint64, qint64>> spans;
        for (const DeploymentTarget &target : std::as_const(targets)) {
            QFile order(target.directory + u"/order"_s);
            QVERIFY(order.open(QIODevice::ReadOnly));
            const QList<QByteArray> lines = order.readAll().trimmed().split('\n');
            QCOMPARE(lines.size(), 2);
            QVERIFY(lines.at(0).endsWith("Drain") && lines.at(1).endsWith("Upgrade"));
            spans << std::pair{lines.at(0).split(' ').at(0).toLongLong(), lines.at(1).split(' ').at(0).toLongLong()};
        }
        std::sort(spans.begin(), spans.end());
        for (qsizetype i = 1; i < spans.size(); ++i)
            QVERIFY2(spans.at(i - 1).second < spans.at(i).first, "two targets of a window of 1 overlapped");
    }

    void startWithPreviousRunsAlongside()
    {
        DeploymentFixture f;
        const DeploymentTarget web = f.localTarget(u"web01"_s, {f.development}, {u"web"_s});
        const DeploymentTarget api = f.localTarget(u"api01"_s, {f.development}, {u"api"_s});
        DeploymentStep second = scriptStep(u"Api"_s, u"date +%s%N > ../../../../start; sleep 1; date +%s%N > ../../../../end"_s, {u"api"_s});
        second.startTrigger = StartTrigger::StartWithPrevious;
        f.setProcess({scriptStep(u"Web"_s, u"date +%s%N > ../../../../start; sleep 1; date +%s%N > ../../../../end"_s, {u"web"_s}),
                      second});
        f.release(u"1.0.0"_s);
        QCOMPARE(toString(f.deploy(u"1.0.0"_s, u"Development"_s)), u"Success"_s);
        const auto read = [](const QString &path) {
            QFile file(path);
            return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toLongLong() : 0;
        };
        QVERIFY(read(web.directory + u"/start"_s) < read(api.directory + u"/end"_s));
        QVERIFY(read(api.directory + u"/start"_s) < read(web.directory + u"/end"_s));
    }
};

QTEST_GUILESS_MAIN(tst_LocalDeployment)
#include "tst_localdeployment.moc"
