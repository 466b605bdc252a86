#include "model/itemmodels/tasks/tasklistmodel.h"
#include "model/itemmodels/tasks/tasklogtreemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

namespace {

Task task(const QString &id, TaskState state, qint64 durationMs = -1)
{
    Task t;
    t.id = id;
    t.kind = u"AdHocScript"_s;
    t.description = u"Run "_s + id;
    t.state = state;
    if (durationMs >= 0) {
        t.startedAt = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
        t.completedAt = t.startedAt.addMSecs(durationMs);
    }
    return t;
}

TaskLogNode node(qint64 id, qint64 parentId, const QString &name, TaskLogStatus status = TaskLogStatus::Pending)
{
    TaskLogNode n;
    n.id = id;
    n.parentId = parentId;
    n.name = name;
    n.status = status;
    return n;
}

} // namespace

class tst_TaskItemModels final : public QObject
{
    Q_OBJECT

private slots:
    void listInsertsNewTasksAtTheTop()
    {
        TaskListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTasks({task(u"T-2"_s, TaskState::Executing), task(u"T-1"_s, TaskState::Success, 1500)});
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.hasUnfinishedTasks());
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setTasks({task(u"T-3"_s, TaskState::Queued), task(u"T-2"_s, TaskState::Success, 10),
                        task(u"T-1"_s, TaskState::Success, 1500)});
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.rowOfId(u"T-3"_s), 0);
        QCOMPARE(model.index(1, TaskListModel::State).data().toString(), displayName(TaskState::Success));
        QCOMPARE(model.index(2, TaskListModel::Description).data().toString(), u"Run T-1"_s);
        QCOMPARE(model.index(0, 0).data(TaskListModel::IdRole).toString(), u"T-3"_s);
        model.setTasks({task(u"X-1"_s, TaskState::Failed)});
        QCOMPARE(reset.size(), 1);
        QVERIFY(!model.hasUnfinishedTasks());
        model.setTasks({});
        QCOMPARE(model.rowCount(), 0);
    }

    void durationText_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("unknown") << qint64(-1) << QString();
        QTest::newRow("ms") << qint64(850) << u"850 ms"_s;
        QTest::newRow("minutes") << qint64(245000) << u"4m 05s"_s;
        QTest::newRow("hours") << qint64(7800000) << u"2h 10m"_s;
    }
    void durationText()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(TaskListModel::durationText(ms), text);
    }

    void logTreeNestsTargetsUnderTheirStep()
    {
        TaskLogTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setNodes({node(1, 0, u"Run script"_s, TaskLogStatus::Running), node(2, 1, u"web01"_s),
                        node(3, 1, u"db01"_s), node(4, 0, u"Second step"_s)});
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex step = model.index(0, 0);
        QCOMPARE(step.data().toString(), u"Run script"_s);
        QCOMPARE(model.rowCount(step), 2);
        const QModelIndex db = model.index(1, 0, step);
        QCOMPARE(db.data().toString(), u"db01"_s);
        QCOMPARE(model.parent(db), step);
        QCOMPARE(model.indexOfNode(3), db);
        QCOMPARE(model.subtree(1), (QList<qint64>{1, 2, 3}));

        // Status changes keep the rows; a new node resets.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setNodes({node(1, 0, u"Run script"_s, TaskLogStatus::Failed), node(2, 1, u"web01"_s, TaskLogStatus::Success),
                        node(3, 1, u"db01"_s, TaskLogStatus::Failed), node(4, 0, u"Second step"_s)});
        QCOMPARE(reset.size(), 0);
        QVERIFY(changed.size() >= 3);
        QCOMPARE(model.index(1, TaskLogTreeModel::Status, step).data().toString(), displayName(TaskLogStatus::Failed));
        model.setNodes({node(1, 0, u"Run script"_s), node(9, 77, u"orphan"_s)});
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.rowCount(), 2); // a node whose parent is missing shows at the top
        model.setNodes({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_TaskItemModels)
#include "tst_taskitemmodels.moc"
