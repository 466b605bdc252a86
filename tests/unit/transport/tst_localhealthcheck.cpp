#include "model/transport/healthcheck.h"
#include "model/transport/local/localtransport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Cuttle::HealthStatus)

class tst_LocalHealthCheck final : public QObject
{
    Q_OBJECT

private slots:
    void check_data()
    {
        QTest::addColumn<QString>("root");
        QTest::addColumn<bool>("connectionOnly");
        QTest::addColumn<qint64>("warningBytes");
        QTest::addColumn<HealthStatus>("status");
        QTest::addColumn<QString>("message");
        QTest::newRow("healthy") << u"ROOT"_s << false << qint64(1) << HealthStatus::Healthy << QString();
        QTest::newRow("little free space") << u"ROOT"_s << false << (qint64(1) << 60) << HealthStatus::HasWarnings
                                           << u"are free in"_s;
        QTest::newRow("root missing") << u"ROOT/missing"_s << false << qint64(1) << HealthStatus::Unhealthy
                                      << u"does not exist"_s;
        QTest::newRow("connection test only") << u"ROOT"_s << true << (qint64(1) << 60) << HealthStatus::Healthy
                                              << QString();
    }
    void check()
    {
        QFETCH(QString, root);
        QFETCH(bool, connectionOnly);
        QFETCH(qint64, warningBytes);
        QFETCH(HealthStatus, status);
        QFETCH(QString, message);
        QTemporaryDir dir;
        LocalTransport transport(dir.path());
        HealthCheckOptions options;
        options.rootDirectory = root.replace(u"ROOT"_s, dir.path());
        options.connectionTestOnly = connectionOnly;
        options.freeSpaceWarningBytes = warningBytes;
        const HealthReport report = HealthCheck::check(transport, options);
        QCOMPARE(toString(report.status), toString(status));
        QVERIFY(report.checkedAt.isValid());
        if (message.isEmpty())
            QVERIFY2(report.messages.isEmpty(), qPrintable(report.messages.join(u' ')));
        else
            QVERIFY2(report.messages.join(u' ').contains(message), qPrintable(report.messages.join(u' ')));
        if (!connectionOnly) {
            QVERIFY(!report.operatingSystem.isEmpty());
            QVERIFY(report.logLines.contains(u"tool.sha256sum=yes"_s));
        }
        if (status == HealthStatus::Healthy && !connectionOnly)
            QVERIFY(report.freeBytes > 0);
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
    }
    void unavailableTarget()
    {
        LocalTransport transport(u"/nonexistent/cuttle"_s);
        const HealthReport report = HealthCheck::check(transport, {});
        QCOMPARE(toString(report.status), toString(HealthStatus::Unavailable));
        QCOMPARE(report.messages.size(), 1);
    }
    void checkManyKeepsOrderAndReportsProgress()
    {
        QTemporaryDir dir;
        QList<HealthCheck::Job> jobs;
        for (int i = 0; i < 6; ++i) {
            HealthCheck::Job job;
            const QString root = i == 3 ? u"/nonexistent/cuttle"_s : dir.path();
            job.createTransport = [root] { return std::make_unique<LocalTransport>(root); };
            job.options.freeSpaceWarningBytes = 1;
            jobs << job;
        }
        std::atomic<bool> cancelled{false};
        QList<int> seen;
        int lastDone = 0;
        const QList<HealthReport> reports = HealthCheck::checkMany(jobs, 3, [&](int done, int total, int index, const HealthReport &) {
            QCOMPARE(total, 6);
            lastDone = std::max(lastDone, done);
            seen << index;
        }, cancelled);
        QCOMPARE(reports.size(), 6);
        QCOMPARE(lastDone, 6);
        std::sort(seen.begin(), seen.end());
        QCOMPARE(seen, (QList<int>{0, 1, 2, 3, 4, 5}));
        for (int i = 0; i < 6; ++i)
            QCOMPARE(toString(reports.at(i).status), toString(i == 3 ? HealthStatus::Unavailable : HealthStatus::Healthy));
    }
    void checkManyCancels()
    {
        QTemporaryDir dir;
        QList<HealthCheck::Job> jobs;
        std::atomic<bool> cancelled{false};
        for (int i = 0; i < 8; ++i) {
            HealthCheck::Job job;
            job.createTransport = [&, root = dir.path()]() -> std::unique_ptr<Transport> {
                cancelled = true; // the first target to start cancels the whole batch
                return std::make_unique<LocalTransport>(root);
            };
            jobs << job;
        }
        const QList<HealthReport> reports = HealthCheck::checkMany(jobs, 2, {}, cancelled);
        QCOMPARE(reports.size(), 8);
        int unavailable = 0;
        for (const HealthReport &report : reports)
            unavailable += report.status == HealthStatus::Unavailable;
        QCOMPARE(unavailable, 8);
    }
};

QTEST_GUILESS_MAIN(tst_LocalHealthCheck)
#include "tst_localhealthcheck.moc"
