#include "model/core/tasktargetselection.h"
#include "model/itemmodels/tasks/tasklistmodel.h"
#include "model/itemmodels/tasks/tasklogtreemodel.h"
#include "model/store/environmentrepository.h"
#include "model/store/targetrepository.h"
#include "model/store/taskrepository.h"
#include "tests/gui/infrastructure/sessionfixture.h"
#include "views/tasks/scriptconsolewidget.h"
#include "views/tasks/tasklogview.h"
#include "views/tasks/taskspage.h"

#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QSysInfo>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTreeView>

using namespace Cuttle;
using namespace Qt::StringLiterals;

namespace {

/// Two Local targets (folders on this machine) in one environment, tagged differently, plus a disabled one.
struct Targets
{
    QString environmentId;
    QString otherEnvironmentId;
    DeploymentTarget web;
    DeploymentTarget db;
    DeploymentTarget off;
};

Targets createTargets(Test::SessionFixture &fixture)
{
    Targets t;
    Environment environment;
    environment.spaceId = fixture.defaultSpace.id;
    environment.name = u"Test"_s;
    t.environmentId = EnvironmentRepository(fixture.context()).create(environment).value().id;
    environment.name = u"Production"_s;
    t.otherEnvironmentId = EnvironmentRepository(fixture.context()).create(environment).value().id;
    const auto create = [&](const QString &name, const QString &environmentId, const QString &tag, bool disabled) {
        DeploymentTarget target;
        target.spaceId = fixture.defaultSpace.id;
        target.name = name;
        target.kind = TargetKind::Local;
        target.directory = fixture.directory.filePath(u"targets/"_s + name);
        QDir().mkpath(target.directory);
        target.environmentIds << environmentId;
        target.tags << tag;
        target.isDisabled = disabled;
        return TargetRepository(fixture.context()).create(target).value();
    };
    t.web = create(u"web01"_s, t.environmentId, u"web"_s, false);
    t.db = create(u"db01"_s, t.otherEnvironmentId, u"db"_s, false);
    t.off = create(u"off01"_s, t.environmentId, u"web"_s, true);
    return t;
}

void check(QListWidget *list, const QString &label)
{
    const auto items = list->findItems(label, Qt::MatchExactly);
    QVERIFY2(items.size() == 1, qPrintable(label));
    items.first()->setCheckState(Qt::Checked);
}

/// For looking at the page: CUTTLE_SCREENSHOT_DIR=/some/dir saves what the test shows.
void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString directory = qEnvironmentVariable("CUTTLE_SCREENSHOT_DIR");
    if (directory.isEmpty())
        return;
    QTest::qWait(200);
    widget->grab().save(directory + u'/' + name + u".png"_s);
}

QString outputOf(ScriptConsoleWidget *console, const QString &targetId)
{
    auto *output = console->findChild<QPlainTextEdit *>(u"output:"_s + targetId);
    return output ? output->toPlainText() : u"(no output view)"_s;
}

QString resultCell(ScriptConsoleWidget *console, const QString &targetName, int column)
{
    auto *table = console->findChild<QTableWidget *>(u"scriptResults"_s);
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0) && table->item(row, 0)->text() == targetName)
            return table->item(row, column) ? table->item(row, column)->text() : QString();
    }
    return u"(no row)"_s;
}

} // namespace

class tst_TasksPage final : public QObject
{
    Q_OBJECT

private slots:
    void chooseTargets_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QStringList>("environments");
        QTest::addColumn<QStringList>("tags");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("by name") << QStringList{u"db01"_s} << QStringList{} << QStringList{} << QStringList{u"db01"_s};
        QTest::newRow("by environment, disabled left out") << QStringList{} << QStringList{u"Test"_s} << QStringList{}
                                                           << QStringList{u"web01"_s};
        QTest::newRow("by tag") << QStringList{} << QStringList{} << QStringList{u"db"_s} << QStringList{u"db01"_s};
        QTest::newRow("union") << QStringList{u"db01"_s} << QStringList{} << QStringList{u"web"_s}
                               << QStringList{u"db01"_s, u"web01"_s};
    }
    void chooseTargets()
    {
        QFETCH(QStringList, names);
        QFETCH(QStringList, environments);
        QFETCH(QStringList, tags);
        QFETCH(QStringList, expected);
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        const Targets targets = createTargets(fixture);
        ScriptConsoleWidget console(fixture.session.get());
        auto *byName = console.findChild<QListWidget *>(u"targetsByName"_s);
        auto *byEnvironment = console.findChild<QListWidget *>(u"targetsByEnvironment"_s);
        auto *byTag = console.findChild<QListWidget *>(u"targetsByTag"_s);
        QTRY_COMPARE(byName->count(), 3);
        QCOMPARE(byEnvironment->count(), 2);
        QCOMPARE(byTag->count(), 2);
        // A disabled target cannot be ticked.
        QVERIFY(!(byName->findItems(u"off01"_s, Qt::MatchExactly).first()->flags() & Qt::ItemIsUserCheckable));
        for (const QString &name : names)
            check(byName, name);
        for (const QString &environment : environments)
            check(byEnvironment, environment);
        for (const QString &tag : tags)
            check(byTag, tag);
        QStringList chosen;
        for (const DeploymentTarget &t : console.chosenTargets())
            chosen << t.name;
        QCOMPARE(chosen, expected);
        QVERIFY(console.findChild<QLabel *>(u"chosenTargets"_s)->text().contains(expected.first()));
    }

    void runShowsOutputExitCodesAndRecordsTheTask()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        const Targets targets = createTargets(fixture);
        TasksPage page(fixture.session.get());
        page.resize(1100, 700);
        page.show();
        auto *stack = page.findChild<QStackedWidget *>();
        QTRY_VERIFY(page.findChild<QWidget *>(u"tasksEmptyState"_s)->isVisible());
        ScriptConsoleWidget *console = page.scriptConsole();
        page.tabs()->setCurrentWidget(console);
        auto *byName = console->findChild<QListWidget *>(u"targetsByName"_s);
        QTRY_COMPARE(byName->count(), 3);
        check(byName, u"web01"_s);
        check(byName, u"db01"_s);
        auto *script = console->findChild<QPlainTextEdit *>(u"script"_s);
        const QStringList lines{u"echo \"out $(basename \"$PWD\")\""_s, u"echo problem >&2"_s,
                                u"[ \"$(basename \"$PWD\")\" = db01 ] && exit 3"_s, u"exit 0"_s};
        for (const QString &line : lines) {
            QTest::keyClicks(script, line);
            QTest::keyClick(script, Qt::Key_Return);
        }
        QTest::mouseClick(console->findChild<QPushButton *>(u"runScript"_s), Qt::LeftButton);

        QTRY_VERIFY_WITH_TIMEOUT(!console->isRunning() && !console->taskId().isEmpty(), 20000);
        QCOMPARE(resultCell(console, u"web01"_s, 2), u"0"_s);
        QCOMPARE(resultCell(console, u"db01"_s, 2), u"3"_s);
        QCOMPARE(resultCell(console, u"web01"_s, 1), displayName(TaskLogStatus::Success));
        QCOMPARE(resultCell(console, u"db01"_s, 1), displayName(TaskLogStatus::Failed));
        QVERIFY(outputOf(console, targets.web.id).contains(u"out web01"_s));
        QVERIFY(outputOf(console, targets.web.id).contains(u"problem"_s));
        QVERIFY(outputOf(console, targets.db.id).contains(u"out db01"_s));
        QVERIFY(!outputOf(console, targets.db.id).contains(u"out web01"_s));
        saveScreenshot(&page, u"script-console"_s);
        const QString status = console->findChild<QLabel *>(u"scriptStatus"_s)->text();
        QVERIFY2(status.contains(console->taskId()) && status.contains(u"1 of 2"_s), qPrintable(status));

        // The run is a task in the list, with its log.
        QTRY_COMPARE(page.model()->rowCount(), 1);
        QTRY_COMPARE(stack->currentIndex(), 1);
        QCOMPARE(page.model()->task(0).id, console->taskId());
        QTRY_COMPARE(toString(page.model()->task(0).state), toString(TaskState::Failed));
        QTest::mouseClick(console->findChild<QPushButton *>(u"openTask"_s), Qt::LeftButton);
        QCOMPARE(page.tabs()->currentIndex(), 0);
        QTRY_COMPARE(page.logView()->taskId(), console->taskId());
        QTRY_COMPARE(page.logView()->treeModel()->nodes().size(), 3);
        QTRY_VERIFY(page.logView()->shownText().contains(u"[db01] out db01"_s));
        QVERIFY(page.logView()->shownText().contains(u"exited with code 3"_s));
        page.logView()->tree()->expandAll();
        saveScreenshot(&page, u"task-list"_s);
        // Choosing a target's node shows only its lines.
        qint64 dbNodeId = 0;
        for (const TaskLogNode &node : page.logView()->treeModel()->nodes()) {
            if (node.name == u"db01")
                dbNodeId = node.id;
        }
        const QModelIndex dbNode = page.logView()->treeModel()->indexOfNode(dbNodeId);
        QVERIFY(dbNode.isValid());
        page.logView()->tree()->setCurrentIndex(dbNode);
        QVERIFY(page.logView()->shownText().contains(u"out db01"_s));
        QVERIFY(!page.logView()->shownText().contains(u"out web01"_s));
    }

    void logFollowsARunningTask()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        const Targets targets = createTargets(fixture);
        TasksPage page(fixture.session.get());
        page.show();
        ScriptConsoleWidget *console = page.scriptConsole();
        auto *byTag = console->findChild<QListWidget *>(u"targetsByTag"_s);
        QTRY_COMPARE(byTag->count(), 2);
        check(byTag, u"web"_s);
        console->findChild<QPlainTextEdit *>(u"script"_s)->setPlainText(u"for i in 1 2 3 4; do echo tick $i; sleep 0.4; done"_s);
        console->run();
        QTRY_VERIFY(!console->taskId().isEmpty());
        QTRY_VERIFY(outputOf(console, targets.web.id).contains(u"tick 1"_s));
        page.showTask(console->taskId());
        // The log shows lines while the task still runs, then the rest.
        QTRY_VERIFY(page.logView()->shownText().contains(u"tick 1"_s));
        QVERIFY2(!isFinished(page.logView()->task().state) || page.logView()->shownText().contains(u"tick 4"_s),
                 qPrintable(page.logView()->shownText()));
        QTRY_VERIFY_WITH_TIMEOUT(page.logView()->shownText().contains(u"tick 4"_s), 15000);
        QTRY_COMPARE(toString(page.logView()->task().state), toString(TaskState::Success));
        QTRY_COMPARE(toString(page.model()->task(0).state), toString(TaskState::Success));
    }

    void cancelStopsTheScript()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        const Targets targets = createTargets(fixture);
        ScriptConsoleWidget console(fixture.session.get());
        auto *byName = console.findChild<QListWidget *>(u"targetsByName"_s);
        QTRY_COMPARE(byName->count(), 3);
        check(byName, u"web01"_s);
        check(byName, u"db01"_s);
        console.findChild<QPlainTextEdit *>(u"script"_s)->setPlainText(u"echo started; sleep 30; echo finished"_s);
        auto *cancel = console.findChild<QPushButton *>(u"cancelScript"_s);
        QVERIFY(!cancel->isEnabled());
        QTest::mouseClick(console.findChild<QPushButton *>(u"runScript"_s), Qt::LeftButton);
        QTRY_VERIFY(outputOf(&console, targets.web.id).contains(u"started"_s));
        QTRY_VERIFY(outputOf(&console, targets.db.id).contains(u"started"_s));
        QVERIFY(cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!console.isRunning(), 10000);
        QCOMPARE(resultCell(&console, u"web01"_s, 1), displayName(TaskLogStatus::Canceled));
        QCOMPARE(resultCell(&console, u"db01"_s, 1), displayName(TaskLogStatus::Canceled));
        QVERIFY(!outputOf(&console, targets.web.id).contains(u"finished"_s));
        QCOMPARE(toString(TaskRepository(fixture.context()).get(console.taskId()).value().state), toString(TaskState::Canceled));
    }

    void interruptedTasksShowAsFailed()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        TaskRepository tasks(fixture.context());
        Task task;
        task.kind = u"AdHocScript"_s;
        task.description = u"Left running by a crash"_s;
        const QString id = tasks.create(task).value().id;
        QVERIFY(tasks.start(id));
        {
            // The process that "ran" it is gone.
            QSqlQuery q(fixture.workspace->database()->connection().value());
            QVERIFY(q.prepare(u"UPDATE tasks SET owner_process = ? WHERE id = ?"_s));
            q.addBindValue(QString(QSysInfo::machineHostName() + u":999999999"_s));
            q.addBindValue(id);
            QVERIFY(q.exec());
        }
        TasksPage page(fixture.session.get());
        QTRY_COMPARE(page.model()->rowCount(), 1);
        QCOMPARE(toString(page.model()->task(0).state), toString(TaskState::Failed));
        QVERIFY(page.model()->task(0).errorMessage.contains(u"interrupted"_s));
    }

    void nothingChosenIsRefusedInline()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        createTargets(fixture);
        ScriptConsoleWidget console(fixture.session.get());
        QTRY_COMPARE(console.findChild<QListWidget *>(u"targetsByName"_s)->count(), 3);
        QTest::mouseClick(console.findChild<QPushButton *>(u"runScript"_s), Qt::LeftButton);
        QVERIFY(!console.errors().message(u"targets"_s).isEmpty());
        QVERIFY(!console.errors().message(u"script"_s).isEmpty());
        QVERIFY(!console.isRunning());
        fixture.session->waitForIdle();
        QCOMPARE(TaskRepository(fixture.context()).count().value(), 0);
    }
};

QTEST_MAIN(tst_TasksPage)
#include "tst_taskspage.moc"
