// `cuttlectl --json target list` on a workspace of 500 projects, 50 environments and
// 2,000 targets, run 10 times as a process; prints the min and median wall time (goal: 0.2 s).
//
// Usage: bench_cli_targets [WORKSPACE-DIR] [RUNS]
// The workspace is built on the first run (through the repositories, which takes a while)
// and reused when the folder already holds it.
#include "model/store/environmentrepository.h"
#include "model/store/lifecyclerepository.h"
#include "model/store/projectgrouprepository.h"
#include "model/store/projectrepository.h"
#include "model/store/spacerepository.h"
#include "model/store/targetrepository.h"
#include "model/store/workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace Cuttle;

namespace {

constexpr int kEnvironments = 50;
constexpr int kProjects = 500;
constexpr int kTargets = 2000;

// CPU seconds (user + system) used by waited-for child processes so far: on a busy
// machine wall time mostly measures the scheduler, this measures cuttlectl.
double childCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.size() % 2 ? values.at(values.size() / 2)
                             : (values.at(values.size() / 2 - 1) + values.at(values.size() / 2)) / 2;
}

void fail(const QString &what, const Error &error)
{
    std::fprintf(stderr, "bench_cli_targets: %s: %s\n", qPrintable(what), qPrintable(error.message));
    std::exit(1);
}

template<typename T>
T check(Result<T> result, const char *what)
{
    if (!result)
        fail(QString::fromLatin1(what), result.error());
    return std::move(result).value();
}

void build(Workspace &workspace)
{
    const StoreContext context = workspace.context(QStringLiteral("bench"));
    const Space space = check(SpaceRepository(context).defaultSpace(), "default space");
    EnvironmentRepository environments(context);
    QStringList environmentIds;
    for (const Environment &e : check(environments.list(space.id), "environments"))
        environmentIds << e.id;
    for (int i = environmentIds.size(); i < kEnvironments; ++i) {
        Environment e;
        e.spaceId = space.id;
        e.name = QStringLiteral("Environment %1").arg(i + 1, 2, 10, QLatin1Char('0'));
        environmentIds << check(environments.create(e), "environment").id;
    }
    std::fprintf(stderr, "environments: %lld\n", qlonglong(environmentIds.size()));

    const auto groups = check(ProjectGroupRepository(context).list(space.id), "groups");
    const QString groupId = groups.isEmpty()
        ? check(ProjectGroupRepository(context).create({{}, space.id, QStringLiteral("Bench"), {}}), "group").id
        : groups.constFirst().id;
    const auto lifecycles = check(LifecycleRepository(context).list(space.id), "lifecycles");
    QString lifecycleId;
    if (lifecycles.isEmpty()) {
        Lifecycle l;
        l.spaceId = space.id;
        l.name = QStringLiteral("Bench lifecycle");
        lifecycleId = check(LifecycleRepository(context).create(l), "lifecycle").id;
    } else {
        lifecycleId = lifecycles.constFirst().id;
    }
    ProjectRepository projects(context);
    for (qsizetype i = check(projects.list(space.id), "projects").size(); i < kProjects; ++i) {
        Project p;
        p.spaceId = space.id;
        p.name = QStringLiteral("Project %1").arg(i + 1, 3, 10, QLatin1Char('0'));
        p.projectGroupId = groupId;
        p.lifecycleId = lifecycleId;
        check(projects.create(p), "project");
        if ((i + 1) % 100 == 0)
            std::fprintf(stderr, "projects: %lld\n", qlonglong(i + 1));
    }

    TargetRepository targets(context);
    for (qsizetype i = check(targets.list(space.id), "targets").size(); i < kTargets; ++i) {
        DeploymentTarget t;
        t.spaceId = space.id;
        t.name = QStringLiteral("target-%1").arg(i + 1, 4, 10, QLatin1Char('0'));
        if (i % 2 == 0) {
            t.kind = TargetKind::Ssh;
            t.host = QStringLiteral("host-%1.example.com").arg(i + 1);
        } else {
            t.kind = TargetKind::Local;
            t.directory = QStringLiteral("/srv/cuttle/%1").arg(i + 1);
        }
        t.environmentIds = {environmentIds.at(i % kEnvironments)};
        if (i % 3 == 0)
            t.environmentIds << environmentIds.at((i + 7) % kEnvironments);
        t.tags = {QStringLiteral("web"), QStringLiteral("role-%1").arg(i % 10)};
        check(targets.create(t), "target");
        if ((i + 1) % 250 == 0)
            std::fprintf(stderr, "targets: %lld\n", qlonglong(i + 1));
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const QString directory = args.size() > 1 ? args.at(1) : QDir::temp().filePath(QStringLiteral("cuttle-bench-cli-targets"));
    const int runs = args.size() > 2 ? args.at(2).toInt() : 10;

    {
        auto workspace = Workspace::open(directory, Workspace::OpenMode::OpenOrCreate);
        if (!workspace)
            fail(QStringLiteral("opening %1").arg(directory), workspace.error());
        QElapsedTimer buildTimer;
        buildTimer.start();
        build(**workspace);
        std::fprintf(stderr, "workspace ready in %.1f s: %s\n", double(buildTimer.elapsed()) / 1000.0, qPrintable(directory));
    }

    QList<double> seconds;
    QList<double> cpuSeconds;
    for (int i = 0; i < runs; ++i) {
        const double cpuBefore = childCpuSeconds();
        QProcess process;
        QElapsedTimer timer;
        timer.start();
        process.start(QStringLiteral(CUTTLECTL_PATH),
                      {QStringLiteral("--workspace"), directory, QStringLiteral("--json"), QStringLiteral("target"), QStringLiteral("list")});
        if (!process.waitForFinished(60000) || process.exitCode() != 0) {
            std::fprintf(stderr, "cuttlectl failed: %s\n", process.readAllStandardError().constData());
            return 1;
        }
        const QByteArray out = process.readAllStandardOutput();
        seconds << double(timer.nsecsElapsed()) / 1e9;
        cpuSeconds << childCpuSeconds() - cpuBefore;
        const qsizetype count = QJsonDocument::fromJson(out).array().size();
        if (count != kTargets) {
            std::fprintf(stderr, "expected %d targets, got %lld\n", kTargets, qlonglong(count));
            return 1;
        }
    }
    std::printf("cuttlectl --json target list, %d targets, %d runs: wall min %.3f s, median %.3f s (goal < 0.200 s); "
                "CPU (user+sys) min %.3f s, median %.3f s\n",
                kTargets, runs, *std::min_element(seconds.cbegin(), seconds.cend()), median(seconds),
                *std::min_element(cpuSeconds.cbegin(), cpuSeconds.cend()), median(cpuSeconds));
    return 0;
}
