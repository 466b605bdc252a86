#include "../infrastructure/sessionfixture.h"
#include "model/itemmodels/environmentlistmodel.h"
#include "model/itemmodels/spacelistmodel.h"
#include "model/store/environmentrepository.h"
#include "views/infrastructure/environmentspanel.h"
#include "views/infrastructure/infrastructurepage.h"
#include "views/infrastructure/targetspanel.h"
#include "views/shell/emptystatewidget.h"
#include "views/shell/mainwindow.h"
#include "views/shell/spaceswitcher.h"

#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

using namespace Cuttle;

namespace {

QStringList environmentNames(const MainWindow &window)
{
    const EnvironmentListModel *model = window.infrastructurePage()->environments()->model();
    QStringList names;
    for (int i = 0; i < model->rowCount(); ++i)
        names << model->index(i).data().toString();
    return names;
}

} // namespace

class tst_MainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationName(QStringLiteral("cuttle-tst-mainwindow"));
        QSettings().clear();
    }

    void layout()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        MainWindow window(fixture.session.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        const QStringList expected{QStringLiteral("Dashboard"), QStringLiteral("Projects"), QStringLiteral("Infrastructure"),
                                   QStringLiteral("Tenants"), QStringLiteral("Library"), QStringLiteral("Tasks"),
                                   QStringLiteral("Configuration")};
        QStringList shown;
        for (int i = 0; i < window.navigation()->count(); ++i)
            shown << window.navigation()->item(i)->text();
        QCOMPARE(shown, expected);
        QCOMPARE(window.currentPage(), MainWindow::Dashboard);
        QVERIFY(window.windowTitle().contains(QDir(fixture.directory.path()).dirName()));

        // The space switcher is the first control a keyboard user reaches.
        QWidget *first = window.nextInFocusChain();
        while (first && !(first->focusPolicy() & Qt::TabFocus))
            first = first->nextInFocusChain();
        QCOMPARE(first, static_cast<QWidget *>(window.spaceSwitcher()));

        auto *path = window.statusBar()->findChild<QLabel *>(QStringLiteral("workspacePath"));
        QVERIFY(path->text().contains(QDir::toNativeSeparators(fixture.directory.path())));
        auto *keychain = window.statusBar()->findChild<QLabel *>(QStringLiteral("keychainBackend"));
        QVERIFY(keychain->text().contains(fixture.secrets->backendName()));

        QStringList menus;
        for (QAction *action : window.menuBar()->actions())
            menus << action->text();
        QCOMPARE(menus, (QStringList{QStringLiteral("&File"), QStringLiteral("&Help")}));

        // Pages later work fills say what they will hold rather than pretending.
        auto *dashboard = window.findChild<EmptyStateWidget *>(QStringLiteral("dashboardEmptyState"));
        QVERIFY(dashboard);
        QVERIFY(dashboard->explanation().contains(QStringLiteral("environment")));
        QVERIFY(window.findChild<EmptyStateWidget *>(QStringLiteral("tasksEmptyState")));

        QTest::mouseClick(window.navigation()->viewport(), Qt::LeftButton, {},
                          window.navigation()->visualItemRect(window.navigation()->item(MainWindow::Infrastructure)).center());
        QCOMPARE(window.currentPage(), MainWindow::Infrastructure);
        QTRY_VERIFY(window.infrastructurePage()->targets()->isLoaded());

        if (const QString shots = qEnvironmentVariable("CUTTLE_SCREENSHOT_DIR"); !shots.isEmpty()) {
            window.resize(1200, 720);
            window.grab().save(QDir(shots).filePath(QStringLiteral("mainwindow-infrastructure.png")));
            window.showPage(MainWindow::Dashboard);
            window.grab().save(QDir(shots).filePath(QStringLiteral("mainwindow-dashboard.png")));
        }
    }

    void switchSpaces()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        EnvironmentRepository environments(fixture.context());
        QVERIFY(environments.create({{}, fixture.defaultSpace.id, QStringLiteral("Default-Dev")}));
        auto ops = SpaceRepository(fixture.context()).create({{}, QStringLiteral("Operations"), {}, false});
        QVERIFY(ops);
        QVERIFY(environments.create({{}, ops->id, QStringLiteral("Ops-Staging")}));
        QVERIFY(environments.create({{}, ops->id, QStringLiteral("Ops-Live")}));

        MainWindow window(fixture.session.get());
        window.showPage(MainWindow::Infrastructure);
        window.show();
        SpaceSwitcher *switcher = window.spaceSwitcher();
        QTRY_COMPARE(switcher->count(), 2);
        QCOMPARE(switcher->currentText(), QStringLiteral("Default"));
        QTRY_COMPARE(environmentNames(window), QStringList{QStringLiteral("Default-Dev")});

        QSignalSpy spaceChanged(fixture.session.get(), &WorkspaceSession::currentSpaceChanged);
        switcher->setFocus();
        const int opsRow = switcher->spaces()->rowOfId(ops->id);
        QTest::keyClick(switcher, opsRow > switcher->currentIndex() ? Qt::Key_Down : Qt::Key_Up);
        QCOMPARE(switcher->currentText(), QStringLiteral("Operations"));
        QCOMPARE(spaceChanged.count(), 1);
        QCOMPARE(fixture.session->currentSpaceId(), ops->id);
        QTRY_COMPARE(environmentNames(window), (QStringList{QStringLiteral("Ops-Staging"), QStringLiteral("Ops-Live")}));

        // A new space made elsewhere (Configuration) appears in the switcher.
        QVERIFY(SpaceRepository(fixture.context()).create({{}, QStringLiteral("Web"), {}, false}));
        emit fixture.session->changed(QStringLiteral("Space"));
        QTRY_COMPARE(switcher->count(), 3);
        QCOMPARE(switcher->currentText(), QStringLiteral("Operations"));

        QVERIFY(switcher->switchTo(fixture.defaultSpace.id));
        QTRY_COMPARE(environmentNames(window), QStringList{QStringLiteral("Default-Dev")});
    }

    void remembersTheLastSpace()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        auto ops = SpaceRepository(fixture.context()).create({{}, QStringLiteral("Operations"), {}, false});
        QVERIFY(ops);
        {
            MainWindow window(fixture.session.get());
            QTRY_COMPARE(window.spaceSwitcher()->count(), 2);
            QVERIFY(window.spaceSwitcher()->switchTo(ops->id));
            window.close();
        }
        // A fresh session (the next start of the console) opens where the user left off.
        WorkspaceSession next(fixture.workspace, fixture.secrets);
        MainWindow window(&next);
        QTRY_COMPARE(next.currentSpaceId(), ops->id);
        QCOMPARE(window.spaceSwitcher()->currentText(), QStringLiteral("Operations"));
    }
};

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
