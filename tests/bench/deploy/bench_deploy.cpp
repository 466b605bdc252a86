// Deployment benchmark (issue 6): a ~48 MB .tar.gz (incompressible data, 300 small files, a
// JSON config with one structured replacement and a Deploy.sh) deployed by the engine to 8
// sshd targets on loopback, against the tight shell floor in the same run: one `ssh` per
// target, in parallel, that receives the package on stdin, extracts it, edits the config with
// sed, switches a `current` link and runs the script. Then a redeploy of the same release
// (package cached on the targets) and its own floor (the same pipeline from the cached tar), the
// peak RSS of this process, and log lines stored per second per target while 8 targets each
// print 20,000 lines.
//
// Each round runs the floor, a first deployment (the targets' directories and package caches
// emptied before) and a redeployment, in alternating order; the medians are what the goals
// compare. Each measurement starts after a sync, so that none pays for writing back the data of
// the one before.
//
// Usage: bench_deploy [--user NAME] [--rounds N] [--directory DIR]
//   --user: log in as another account through PAM; the account's login shell start-up then counts
//   for both sides. --rounds: default 3. --directory: where the targets' directories (and the
//   floor's) are made, default /tmp; it must be writable by that account.
//
// The file system under --directory decides much of the figures: creating the package's 300 files
// is most of an extraction's work, and ext4 without a journal scans for recently deleted inodes at
// every file it creates (tens of times slower than ext4 with its journal). The benchmark names the
// file system it ran on.
#include "tests/integration/deployexecutor/deploymentfixture.h"
#include "model/engine/accountservice.h"
#include "tests/support/sshdfixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QStorageInfo>
#include <QProcess>
#include <QStandardPaths>

#include <algorithm>
#include <cstdio>
#include <pwd.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace Cuttle;
using namespace Cuttle::Test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kTargets = 8;

void die(const QString &message)
{
    std::fprintf(stderr, "bench_deploy: %s\n", qPrintable(message));
    std::exit(1);
}

bool run(const QString &program, const QStringList &arguments, const QString &stdinFile = {})
{
    QProcess process;
    if (!stdinFile.isEmpty())
        process.setStandardInputFile(stdinFile);
    process.start(program, arguments);
    if (!process.waitForFinished(600000) || process.exitCode() != 0) {
        std::fprintf(stderr, "%s failed: %s\n", qPrintable(program), process.readAllStandardError().constData());
        return false;
    }
    return true;
}

QString makePackage(const QString &dir)
{
    const QString content = dir + u"/content"_s;
    QDir().mkpath(content + u"/static"_s);
    if (!run(u"sh"_s, {u"-c"_s, u"head -c 48M /dev/urandom > '"_s + content + u"/blob.bin'"_s}))
        die(u"cannot write random data"_s);
    for (int i = 0; i < 300; ++i) {
        QFile file(content + u"/static/file"_s + QString::number(i) + u".txt"_s);
        if (!file.open(QIODevice::WriteOnly))
            die(u"cannot write a small file"_s);
        file.write(QByteArray(512, char('a' + i % 26)));
    }
    QFile config(content + u"/appsettings.json"_s);
    config.open(QIODevice::WriteOnly);
    config.write("{\n  \"Port\": 80,\n  \"Name\": \"bench\"\n}\n");
    config.close();
    QFile deploy(content + u"/Deploy.sh"_s);
    deploy.open(QIODevice::WriteOnly);
    deploy.write("echo deployed\n");
    deploy.close();
    const QString package = dir + u"/Acme.Bench.1.0.0.tar.gz"_s;
    if (!run(u"tar"_s, {u"czf"_s, package, u"-C"_s, content, u"."_s}))
        die(u"cannot make the package"_s);
    return package;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

/// The median of numerator[i] / denominator[i]: each round compared with itself, so that a
/// machine that slows down from round to round does not pair a fast round with a slow one.
double medianRatio(const QList<double> &numerator, const QList<double> &denominator)
{
    QList<double> ratios;
    for (qsizetype i = 0; i < numerator.size(); ++i)
        ratios << numerator.at(i) / denominator.at(i);
    return median(ratios);
}

double cpuSeconds(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

/// Busy and stolen CPU seconds of the whole machine (all processes, sshd and the targets' shells
/// included), from /proc/stat: what a measurement cost the machine, and how much of the machine the
/// hypervisor took meanwhile.
struct MachineCpu
{
    double busy = 0;
    double steal = 0;
};

MachineCpu machineCpu()
{
    QFile stat(u"/proc/stat"_s);
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> fields = stat.readLine().simplified().split(' ');
    if (fields.size() < 9)
        return {};
    const double tick = double(sysconf(_SC_CLK_TCK));
    // user nice system idle iowait irq softirq steal
    const double busy = fields.at(1).toDouble() + fields.at(2).toDouble() + fields.at(3).toDouble()
                        + fields.at(6).toDouble() + fields.at(7).toDouble();
    return {busy / tick, fields.at(8).toDouble() / tick};
}

/// "ext4 on /dev/vda, mounted on /, without a journal": what the targets' files are written to.
QString describeFileSystem(const QString &directory)
{
    const QStorageInfo storage(directory);
    QString text = QString::fromUtf8(storage.fileSystemType()) + u" on "_s + QString::fromUtf8(storage.device())
                   + u", mounted on "_s + storage.rootPath();
    if (storage.fileSystemType() == "ext4") {
        // Every journaled ext4 has a jbd2 entry named after its device.
        const QString device = QFileInfo(QString::fromUtf8(storage.device())).fileName();
        const bool journaled = !QDir(u"/proc/fs/jbd2"_s).entryList({device + u"-*"_s}, QDir::Dirs).isEmpty();
        text += journaled ? u", with a journal"_s : u", without a journal"_s;
    }
    return text;
}

double peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QString user = QString::fromLocal8Bit(getpwuid(geteuid())->pw_name);
    bool pam = false;
    int rounds = 3;
    QString base = u"/tmp"_s;
    const QStringList args = app.arguments().mid(1);
    for (qsizetype i = 0; i + 1 < args.size(); i += 2) {
        if (args.at(i) == u"--user"_s) {
            user = args.at(i + 1);
            pam = true;
        } else if (args.at(i) == u"--rounds"_s) {
            rounds = std::max(1, args.at(i + 1).toInt());
        } else if (args.at(i) == u"--directory"_s) {
            base = QDir(args.at(i + 1)).absolutePath();
        } else {
            die(u"unknown option "_s + args.at(i));
        }
    }
    if (!QFileInfo(base).isDir())
        die(base + u" is not a directory"_s);
    std::printf("logging in as %s; target directories under %s (%s)\n", qPrintable(user), qPrintable(base),
                qPrintable(describeFileSystem(base)));
    const auto targetDirectory = [&](int port) -> QString { return base + u"/cuttle-bench-target-"_s + QString::number(port); };
    const auto floorDirectory = [&](int port) -> QString { return base + u"/cuttle-bench-floor-"_s + QString::number(port); };

    DeploymentFixture f;
    const QString key = f.dir.filePath(u"id_ed25519"_s);
    QString error;
    if (!SshdFixture::generateKey(key, u"ed25519"_s, {}, false, &error))
        die(error);
    QFile privateKey(key);
    privateKey.open(QIODevice::ReadOnly);
    QFile publicKey(key + u".pub"_s);
    publicKey.open(QIODevice::ReadOnly);
    const QString publicLine = QString::fromUtf8(publicKey.readAll());
    Account account;
    account.spaceId = f.spaceId;
    account.name = u"bench"_s;
    account.kind = AccountKind::SshKeyPair;
    account.username = user;
    AccountSecrets secrets;
    secrets.privateKey = privateKey.readAll();
    auto created = AccountService(f.workspace, f.secrets).create(account, secrets);
    if (!created)
        die(created.error().message);

    std::vector<std::unique_ptr<SshdFixture>> servers;
    for (int i = 0; i < kTargets; ++i) {
        auto sshd = std::make_unique<SshdFixture>();
        if (pam)
            sshd->setExtraConfig(u"UsePAM yes\n"_s);
        sshd->authorizeKey(publicLine);
        if (!sshd->start(&error))
            die(error);
        DeploymentTarget target;
        target.spaceId = f.spaceId;
        target.name = u"web"_s + QString::number(i + 1);
        target.kind = TargetKind::Ssh;
        target.host = u"127.0.0.1"_s;
        target.port = sshd->port();
        target.accountId = created->id;
        target.hostKeyFingerprint = sshd->hostKeyFingerprint();
        target.directory = targetDirectory(sshd->port());
        target.environmentIds = {f.development};
        target.tags = {u"web"_s};
        if (!TargetRepository(f.context).create(target))
            die(u"cannot create a target"_s);
        servers.push_back(std::move(sshd));
    }

    const QString package = makePackage(f.dir.path());
    std::printf("package: %.1f MiB\n", QFileInfo(package).size() / 1048576.0);

    if (!BuiltinRepository(f.context, f.workspace->packagesDirectory(), f.spaceId).push(package))
        die(u"cannot push the package"_s);
    f.setVariable(u"Port"_s, u"8080"_s);
    f.setProcess({packageStep(u"Deploy"_s, u"Acme.Bench"_s, {u"web"_s},
                              {{u"Octopus.Action.StructuredConfigurationVariables.TargetFiles"_s, u"appsettings.json"_s}})});
    f.release(u"1.0.0"_s);

    // The floor: one ssh per target, in parallel. `source` is the remote command that writes the
    // package's tar to stdout: the package itself arriving on stdin for the first deployment, the
    // plain tar Cuttle keeps in the target's cache for the redeployment floor.
    const auto floor = [&](bool fromCache) {
        sync(); // each measurement starts with nothing of the one before left to write back
        QElapsedTimer timer;
        timer.start();
        std::vector<std::unique_ptr<QProcess>> floors;
        for (const auto &sshd : servers) {
            auto process = std::make_unique<QProcess>();
            const QString dir = floorDirectory(sshd->port());
            QString extract = u"tar xzf - -C $n"_s;
            if (fromCache) {
                extract = u"tar xf "_s + targetDirectory(sshd->port()) + u"/.cuttle/packages/*.expanded.*.tar -C $n"_s;
                process->setStandardInputFile(QProcess::nullDevice());
            } else {
                process->setStandardInputFile(package);
            }
            const QString remote = u"set -e; d="_s + dir + u"; mkdir -p $d; n=$d/r$(date +%s%N); mkdir $n; "_s + extract
                                   + u"; sed -i 's/\"Port\": 80/\"Port\": 8080/' $n/appsettings.json; "
                                     "ln -sfn $n $d/current.tmp; mv -T $d/current.tmp $d/current; cd $n && bash Deploy.sh"_s;
            process->start(u"ssh"_s, {u"-i"_s, key, u"-p"_s, QString::number(sshd->port()), u"-o"_s,
                                      u"StrictHostKeyChecking=no"_s, u"-o"_s, u"UserKnownHostsFile=/dev/null"_s, u"-o"_s,
                                      u"BatchMode=yes"_s, u"-o"_s, u"LogLevel=ERROR"_s, user + u"@127.0.0.1"_s, remote});
            floors.push_back(std::move(process));
        }
        for (auto &process : floors) {
            if (!process->waitForFinished(600000) || process->exitCode() != 0)
                die(u"the floor's ssh failed: "_s + QString::fromUtf8(process->readAllStandardError()));
        }
        return timer.nsecsElapsed() / 1e9;
    };
    const auto deploy = [&](const char *what) {
        sync();
        QElapsedTimer timer;
        timer.start();
        if (f.deploy(u"1.0.0"_s, u"Development"_s) != TaskState::Success)
            die(QString::fromLatin1(what) + u" failed: "_s + f.storedLog(f.lastTaskId).join(u'\n'));
        return timer.nsecsElapsed() / 1e9;
    };
    const auto emptyTargets = [&]() {
        for (const auto &sshd : servers) {
            QDir(targetDirectory(sshd->port())).removeRecursively();
            QDir(floorDirectory(sshd->port())).removeRecursively();
        }
    };

    QList<double> floorTimes;
    QList<double> firstTimes;
    QList<double> redeployTimes;
    QList<double> redeployFloorTimes;
    QList<double> redeployBusy;
    QList<double> redeployFloorBusy;
    double stolen = 0;
    // Machine CPU around one measurement: busy seconds go to `busy`, stolen ones to the total.
    const auto onMachine = [&](QList<double> &busy, const auto &measure) {
        const MachineCpu before = machineCpu();
        const double seconds = measure();
        const MachineCpu after = machineCpu();
        busy << after.busy - before.busy;
        stolen += after.steal - before.steal;
        return seconds;
    };
    for (int round = 1; round <= rounds; ++round) {
        emptyTargets();
        // CPU on this side: the floor's ssh clients against this process (engine and libssh).
        // Odd rounds measure the floor first, even rounds Cuttle first, so that neither side
        // always runs on a machine the other has just warmed or loaded.
        const bool floorFirst = round % 2 == 1;
        double clients = 0;
        const auto measureFloor = [&]() {
            const double clientsBefore = cpuSeconds(RUSAGE_CHILDREN);
            floorTimes << floor(false);
            clients = cpuSeconds(RUSAGE_CHILDREN) - clientsBefore;
        };
        if (floorFirst)
            measureFloor();
        const double selfBefore = cpuSeconds(RUSAGE_SELF);
        firstTimes << deploy("the deployment");
        const double self = cpuSeconds(RUSAGE_SELF) - selfBefore;
        if (!floorFirst)
            measureFloor();
        // The redeployment floor reads the plain tar the first deployment left in the cache.
        double redeploySelf = 0;
        const auto redeploy = [&]() {
            const double before = cpuSeconds(RUSAGE_SELF);
            redeployTimes << onMachine(redeployBusy, [&]() { return deploy("the redeployment"); });
            redeploySelf = cpuSeconds(RUSAGE_SELF) - before;
        };
        const auto redeployFloor = [&]() { redeployFloorTimes << onMachine(redeployFloorBusy, [&]() { return floor(true); }); };
        if (floorFirst) {
            redeploy();
            redeployFloor();
        } else {
            redeployFloor();
            redeploy();
        }
        std::printf("round %d: floor %.2f s, first deployment %.2f s, redeployment %.2f s, redeployment floor %.2f s "
                    "(CPU here: floor's ssh clients %.2f s, first deployment %.2f s, redeployment %.2f s; machine CPU: redeployment %.2f s, "
                    "redeployment floor %.2f s)\n",
                    round, floorTimes.constLast(), firstTimes.constLast(), redeployTimes.constLast(),
                    redeployFloorTimes.constLast(), clients, self, redeploySelf, redeployBusy.constLast(), redeployFloorBusy.constLast());
    }
    const double floorSeconds = median(floorTimes);
    const double firstSeconds = median(firstTimes);
    const double redeploySeconds = median(redeployTimes);
    std::printf("floor (8 x ssh | tar | sed | ln | Deploy.sh), median: %.2f s\n", floorSeconds);
    std::printf("cuttle deploy to 8 targets, median: %.2f s = %.2fx the floor; round by round, median %.2fx (goal <= 1.0x)\n",
                firstSeconds, firstSeconds / floorSeconds, medianRatio(firstTimes, floorTimes));
    std::printf("cuttle redeploy, package cached, median: %.2f s = %.2fx the first deployment; round by round, median %.2fx "
                "(goal <= 0.3x)\n",
                redeploySeconds, redeploySeconds / firstSeconds, medianRatio(redeployTimes, firstTimes));
    // What a redeployment cannot go below here: the same shell pipeline, from the plain tar
    // already on the target, into a fresh directory.
    const double redeployFloorSeconds = median(redeployFloorTimes);
    std::printf("redeployment floor (8 x ssh tar xf <cached tar> | sed | ln | Deploy.sh), median: %.2f s = %.2fx the floor; "
                "cuttle's redeploy = %.2fx this floor (round by round, median %.2fx)\n",
                redeployFloorSeconds, redeployFloorSeconds / floorSeconds, redeploySeconds / redeployFloorSeconds,
                medianRatio(redeployTimes, redeployFloorTimes));

    std::printf("machine CPU of a redeployment, median: %.2f s, of the redeployment floor: %.2f s; "
                "CPU time the hypervisor took during the redeployments and their floors: %.2f s\n",
                median(redeployBusy), median(redeployFloorBusy), stolen);

    // Log throughput: every target prints 20,000 lines at once.
    constexpr int kLines = 20000;
    f.setProcess({scriptStep(u"Chatter"_s, u"seq 1 "_s + QString::number(kLines) + u" | sed 's/^/log line /'"_s, {u"web"_s})});
    f.release(u"1.1.0"_s);
    QElapsedTimer timer;
    timer.start();
    if (f.deploy(u"1.1.0"_s, u"Development"_s) != TaskState::Success)
        die(u"the chatty deployment failed"_s);
    const double chatterSeconds = timer.nsecsElapsed() / 1e9;
    qsizetype stored = 0;
    for (qint64 after = 0;;) {
        const auto page = TaskRepository(f.context).linesAfter(f.lastTaskId, after, 50000);
        if (!page || page->isEmpty())
            break;
        stored += page->size();
        after = page->constLast().id;
    }
    std::printf("log: %lld lines stored in %.2f s = %.0f lines/s per target (goal >= 1,000)\n",
                static_cast<long long>(stored), chatterSeconds, kLines / chatterSeconds);
    std::printf("peak RSS of this process (engine + benchmark): %.1f MiB (goal for cuttlectl deploy < 150 MB)\n", peakRssMiB());

    for (const auto &sshd : servers) {
        QDir(targetDirectory(sshd->port())).removeRecursively();
        QDir(floorDirectory(sshd->port())).removeRecursively();
    }
    return 0;
}
