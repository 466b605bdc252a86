#include "model/core/task.h"
#include "model/core/taskenums.h"

#include <QTest>

using namespace Cuttle;

class tst_TaskEnums final : public QObject
{
    Q_OBJECT

private slots:
    void stateRoundTrip_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("finished");
        QTest::newRow("queued") << int(TaskState::Queued) << QStringLiteral("Queued") << false;
        QTest::newRow("executing") << int(TaskState::Executing) << QStringLiteral("Executing") << false;
        QTest::newRow("cancelling") << int(TaskState::Cancelling) << QStringLiteral("Cancelling") << false;
        QTest::newRow("canceled") << int(TaskState::Canceled) << QStringLiteral("Canceled") << true;
        QTest::newRow("failed") << int(TaskState::Failed) << QStringLiteral("Failed") << true;
        QTest::newRow("timed out") << int(TaskState::TimedOut) << QStringLiteral("TimedOut") << true;
        QTest::newRow("success") << int(TaskState::Success) << QStringLiteral("Success") << true;
    }
    void stateRoundTrip()
    {
        QFETCH(int, state);
        QFETCH(QString, name);
        QFETCH(bool, finished);
        QCOMPARE(toString(TaskState(state)), name);
        QCOMPARE(taskStateFromString(name), std::optional(TaskState(state)));
        QCOMPARE(taskStateFromString(name.toLower()), std::optional(TaskState(state)));
        QCOMPARE(isFinished(TaskState(state)), finished);
        QVERIFY(!displayName(TaskState(state)).isEmpty());
    }

    void statusAndCategoryRoundTrip_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("isStatus");
        for (const char *status : {"Pending", "Running", "Success", "SuccessWithWarning", "Failed", "Skipped", "Canceled"})
            QTest::newRow(status) << QString::fromLatin1(status) << true;
        for (const char *category : {"Verbose", "Info", "Warning", "Error", "Highlight"})
            QTest::newRow(category) << QString::fromLatin1(category) << false;
    }
    void statusAndCategoryRoundTrip()
    {
        QFETCH(QString, name);
        QFETCH(bool, isStatus);
        if (isStatus) {
            const auto status = taskLogStatusFromString(name);
            QVERIFY(status);
            QCOMPARE(toString(*status), name);
            QCOMPARE(isFinished(*status), name != u"Pending" && name != u"Running");
        } else {
            const auto category = taskLogCategoryFromString(name);
            QVERIFY(category);
            QCOMPARE(toString(*category), name);
        }
    }

    void unknownSpellingsAreRefused()
    {
        QVERIFY(!taskStateFromString(u"Done"));
        QVERIFY(!taskLogStatusFromString(u""));
        QVERIFY(!taskLogCategoryFromString(u"Fatal"));
        QCOMPARE(taskStateNames().size(), 7);
    }

    void durationRunsUntilCompletion()
    {
        Task task;
        QCOMPARE(task.durationMs(), -1);
        task.startedAt = QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC);
        QCOMPARE(task.durationMs(task.startedAt.addSecs(5)), 5000);
        task.completedAt = task.startedAt.addSecs(2);
        QCOMPARE(task.durationMs(task.startedAt.addSecs(60)), 2000);
    }
};

QTEST_GUILESS_MAIN(tst_TaskEnums)
#include "tst_taskenums.moc"
