// Startup and filtering of the console with a large workspace: 500 projects, 50
// environments and 2,000 targets. Goals: main window shown with targets and environments
// loaded within 0.5 s of process start; text filtering of the targets list within 50 ms.
#include "model/itemmodels/targetfilterproxymodel.h"
#include "model/itemmodels/targettablemodel.h"
#include "model/store/environmentrepository.h"
#include "model/store/lifecyclerepository.h"
#include "model/store/projectgrouprepository.h"
#include "model/store/projectrepository.h"
#include "model/store/spacerepository.h"
#include "model/store/targetrepository.h"
#include "model/store/workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Cuttle;

namespace {

constexpr int kEnvironments = 50;
constexpr int kProjects = 500;
constexpr int kTargets = 2000;
constexpr int kRuns = 5;

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.size() % 2 ? values.at(values.size() / 2)
                             : (values.at(values.size() / 2 - 1) + values.at(values.size() / 2)) / 2;
}

template<typename T>
T check(Result<T> result, const char *what)
{
    if (!result) {
        std::fprintf(stderr, "bench_gui_startup: %s: %s\n", what, qPrintable(result.error().message));
        std::exit(1);
    }
    return std::move(result).value();
}

void populate(Workspace &workspace)
{
    const StoreContext context = workspace.context(QStringLiteral("bench"));
    const Space space = check(SpaceRepository(context).defaultSpace(), "default space");
    EnvironmentRepository environments(context);
    QStringList environmentIds;
    for (const Environment &e : check(environments.list(space.id), "environments"))
        environmentIds << e.id;
    for (int i = int(environmentIds.size()); i < kEnvironments; ++i) {
        Environment e;
        e.spaceId = space.id;
        e.name = QStringLiteral("Environment %1").arg(i + 1, 2, 10, QLatin1Char('0'));
        environmentIds << check(environments.create(e), "environment").id;
    }
    const auto groups = check(ProjectGroupRepository(context).list(space.id), "groups");
    const QString groupId = groups.isEmpty()
                                ? check(ProjectGroupRepository(context).create({{}, space.id, QStringLiteral("Bench"), {}}), "group").id
                                : groups.constFirst().id;
    const auto lifecycles = check(LifecycleRepository(context).list(space.id), "lifecycles");
    QString lifecycleId;
    if (lifecycles.isEmpty()) {
        Lifecycle lifecycle;
        lifecycle.spaceId = space.id;
        lifecycle.name = QStringLiteral("Bench lifecycle");
        lifecycleId = check(LifecycleRepository(context).create(lifecycle), "lifecycle").id;
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
        if ((i + 1) % 500 == 0)
            std::fprintf(stderr, "targets: %lld\n", qlonglong(i + 1));
    }
}

/// One start of the console; the elapsed ms it reports, or -1.
double startOnce(const QString &directory, const QString &configHome)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("CUTTLE_STARTUP_PROBE"), QStringLiteral("1"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome);
    environment.insert(QStringLiteral("CUTTLE_LAUNCH_TIME_MS"), QString::number(QDateTime::currentMSecsSinceEpoch()));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(CUTTLE_PATH), {QStringLiteral("--workspace"), directory});
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        std::fprintf(stderr, "the console did not finish within 60 s\n");
        return -1;
    }
    const QString output = QString::fromUtf8(process.readAllStandardError());
    static const QRegularExpression probe(QStringLiteral("cuttle-startup-ms: (\\d+) targets: (\\d+) environments: (\\d+)"));
    const auto match = probe.match(output);
    if (!match.hasMatch() || process.exitCode() != 0) {
        std::fprintf(stderr, "no startup figure (exit %d): %s\n", process.exitCode(), qPrintable(output));
        return -1;
    }
    if (match.captured(2).toInt() != kTargets || match.captured(3).toInt() != kEnvironments) {
        std::fprintf(stderr, "the console showed %s targets and %s environments\n", qPrintable(match.captured(2)),
                     qPrintable(match.captured(3)));
        return -1;
    }
    return match.captured(1).toDouble();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir scratch;
    const QString directory = argc > 1 ? QDir(QString::fromLocal8Bit(argv[1])).absolutePath() : scratch.filePath(QStringLiteral("workspace"));
    QTemporaryDir configHome;

    QElapsedTimer timer;
    timer.start();
    auto workspace = check(Workspace::open(directory), "open workspace");
    populate(*workspace);
    std::printf("workspace %s ready in %lld ms (%d projects, %d environments, %d targets)\n", qPrintable(directory),
                timer.elapsed(), kProjects, kEnvironments, kTargets);

    QList<double> startups;
    for (int run = 0; run < kRuns; ++run) {
        const double ms = startOnce(directory, configHome.path());
        if (ms < 0)
            return 1;
        startups << ms;
        std::printf("  start %d: %.0f ms\n", run + 1, ms);
    }
    std::printf("startup to populated main window: min %.0f ms, median %.0f ms (goal < 500 ms)\n",
                *std::min_element(startups.cbegin(), startups.cend()), median(startups));

    // Filtering in process, as the targets panel does it: a sorted proxy over the table model.
    const StoreContext context = workspace->context();
    const Space space = check(SpaceRepository(context).defaultSpace(), "default space");
    QHash<QString, QString> names;
    for (const Environment &e : check(EnvironmentRepository(context).list(space.id), "environments"))
        names.insert(e.id, e.name);
    TargetTableModel model;
    model.setEnvironmentNames(names);
    model.setTargets(check(TargetRepository(context).list(space.id), "targets"));
    TargetFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(TargetTableModel::Name);

    // Typing "host-19" one key at a time, then a miss, an environment name and clearing.
    QStringList texts;
    const QString typed = QStringLiteral("host-19");
    for (qsizetype i = 1; i <= typed.size(); ++i)
        texts << typed.left(i);
    texts << QStringLiteral("nothing-matches") << QStringLiteral("environment 07") << QStringLiteral("role-3 web") << QString();
    QList<double> filterTimes;
    for (int round = 0; round < kRuns; ++round) {
        for (const QString &text : std::as_const(texts)) {
            QElapsedTimer t;
            t.start();
            proxy.setText(text);
            const int rows = proxy.rowCount();
            filterTimes << double(t.nsecsElapsed()) / 1e6;
            if (round == 0)
                std::printf("  filter \"%s\": %d rows, %.2f ms\n", qPrintable(text), rows, filterTimes.last());
        }
    }
    std::printf("text filter over %d targets: median %.2f ms, max %.2f ms (goal < 50 ms)\n", kTargets, median(filterTimes),
                *std::max_element(filterTimes.cbegin(), filterTimes.cend()));
    return 0;
}
