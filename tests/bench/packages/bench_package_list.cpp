// `cuttlectl --json package list` on a space with 10,000 package versions (2,000 ids x 5),
// run as a real process several times. Goal: under 200 ms wall time.
// Usage: bench_package_list [workspace directory, kept and reused; default a temporary one] [runs]
#include "tests/bench/packages/packagebenchworkspace.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>

using namespace Cuttle;

namespace {

constexpr int kRecords = 10000;

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTemporaryDir temporary;
    const QString directory = args.size() > 1 ? args.at(1) : temporary.path();
    const int runs = args.size() > 2 ? std::max(1, args.at(2).toInt()) : 7;

    QElapsedTimer seeding;
    seeding.start();
    {
        auto workspace = Bench::checked(Workspace::open(directory), "open workspace");
        Bench::seedPackages(*workspace, kRecords);
    }
    std::printf("seeded %d package records in %lld ms\n", kRecords, static_cast<long long>(seeding.elapsed()));

    QList<double> times;
    for (int run = 0; run < runs + 1; ++run) {
        QProcess cuttlectl;
        QElapsedTimer timer;
        timer.start();
        cuttlectl.start(QStringLiteral(CUTTLECTL_PATH),
                        {QStringLiteral("--workspace"), directory, QStringLiteral("--json"), QStringLiteral("package"), QStringLiteral("list")});
        if (!cuttlectl.waitForFinished(60000) || cuttlectl.exitCode() != 0) {
            std::fprintf(stderr, "cuttlectl failed: %s\n", cuttlectl.readAllStandardError().constData());
            return 1;
        }
        const double ms = timer.nsecsElapsed() / 1e6;
        const QByteArray out = cuttlectl.readAllStandardOutput();
        const int rows = int(QJsonDocument::fromJson(out).array().size());
        if (rows != kRecords) {
            std::fprintf(stderr, "expected %d rows, got %d\n", kRecords, rows);
            return 1;
        }
        if (run == 0)
            continue; // the first run warms the page cache
        times << ms;
    }
    std::sort(times.begin(), times.end());
    const double median = times.size() % 2 ? times.at(times.size() / 2)
                                            : (times.at(times.size() / 2 - 1) + times.at(times.size() / 2)) / 2;
    std::printf("cuttlectl --json package list, %d records, %d runs: min %.1f ms, median %.1f ms, max %.1f ms (goal < 200 ms): %s\n",
                kRecords, int(times.size()), times.first(), median, times.last(), median < 200 ? "met" : "MISSED");
    return median < 200 ? 0 : 2;
}
