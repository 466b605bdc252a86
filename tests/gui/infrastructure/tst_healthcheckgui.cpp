#include "model/itemmodels/targettablemodel.h"
#include "model/store/environmentrepository.h"
#include "model/store/targetrepository.h"
#include "sessionfixture.h"
#include "views/infrastructure/healthcheckcontroller.h"
#include "views/infrastructure/hostkeydialog.h"
#include "views/infrastructure/targetspanel.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTest>

using namespace Cuttle;

namespace {

QString createLocal(const Test::SessionFixture &fixture, const QString &environmentId, const QString &name,
                    const QString &directory)
{
    QDir().mkpath(directory);
    DeploymentTarget target;
    target.spaceId = fixture.defaultSpace.id;
    target.name = name;
    target.kind = TargetKind::Local;
    target.directory = directory;
    target.environmentIds << environmentId;
    return TargetRepository(fixture.context()).create(target).value().id;
}

/// An SSH target without an account: with SSH_AUTH_SOCK set, planning succeeds and connecting does the waiting.
QString createSsh(const Test::SessionFixture &fixture, const QString &environmentId, const QString &name, quint16 port,
                  int connectTimeoutSeconds)
{
    DeploymentTarget target;
    target.spaceId = fixture.defaultSpace.id;
    target.name = name;
    target.kind = TargetKind::Ssh;
    target.host = QStringLiteral("127.0.0.1");
    target.port = port;
    target.connectTimeoutSeconds = connectTimeoutSeconds;
    target.environmentIds << environmentId;
    return TargetRepository(fixture.context()).create(target).value().id;
}

QString shownHealth(TargetsPanel &panel, const QString &id)
{
    const int row = panel.model()->rowOfId(id);
    if (row < 0)
        return QStringLiteral("(missing)");
    return displayName(HealthStatus(panel.model()->index(row, 0).data(TargetTableModel::HealthRole).toInt()));
}

QString storedHealth(const Test::SessionFixture &fixture, const QString &id)
{
    auto target = TargetRepository(fixture.context()).get(id);
    return target ? displayName(target->healthStatus) : QStringLiteral("(missing)");
}

} // namespace

class tst_HealthCheckGui final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qputenv("SSH_AUTH_SOCK", QByteArrayLiteral("/nonexistent/cuttle-test-agent"));
        qputenv("USER", QByteArrayLiteral("cuttle"));
    }

    void checkAllRecordsHealth_data()
    {
        QTest::addColumn<bool>("writable");
        QTest::newRow("writable directories") << true;
        QTest::newRow("one directory cannot be created") << false;
    }

    void checkAllRecordsHealth()
    {
        QFETCH(bool, writable);
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        const Environment environment =
            EnvironmentRepository(fixture.context()).create({{}, fixture.defaultSpace.id, QStringLiteral("Test")}).value();
        QTemporaryDir roots;
        QVERIFY(roots.isValid());
        const QString healthyId = createLocal(fixture, environment.id, QStringLiteral("here"), roots.filePath(QStringLiteral("here")));
        // A directory below a plain file can never be created.
        QFile blocker(roots.filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString secondDirectory = writable ? roots.filePath(QStringLiteral("there"))
                                                 : roots.filePath(QStringLiteral("blocker/inside"));
        const QString secondId = createLocal(fixture, environment.id, QStringLiteral("there"), secondDirectory);

        TargetsPanel panel(fixture.session.get());
        panel.show();
        QTRY_COMPARE(panel.model()->rowCount(), 2);
        auto *checkAll = panel.findChild<QPushButton *>(QStringLiteral("checkAll"));
        auto *progress = panel.findChild<QProgressBar *>(QStringLiteral("checkProgress"));
        QVERIFY(checkAll && checkAll->isEnabled());
        QSignalSpy finished(panel.healthChecks(), &HealthCheckController::finished);
        QTest::mouseClick(checkAll, Qt::LeftButton);
        QVERIFY(panel.healthChecks()->isRunning() || finished.count() == 1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QCOMPARE(progress->value(), 2);
        QVERIFY(checkAll->isEnabled());

        QTRY_COMPARE(shownHealth(panel, healthyId), displayName(HealthStatus::Healthy));
        QCOMPARE(storedHealth(fixture, healthyId), displayName(HealthStatus::Healthy));
        const QString second = storedHealth(fixture, secondId);
        if (writable) {
            QTRY_COMPARE(shownHealth(panel, secondId), displayName(HealthStatus::Healthy));
            QCOMPARE(second, displayName(HealthStatus::Healthy));
        } else {
            QVERIFY2(second == displayName(HealthStatus::Unhealthy) || second == displayName(HealthStatus::Unavailable),
                     qPrintable(second));
            QTRY_COMPARE(shownHealth(panel, secondId), second);
            QVERIFY(!TargetRepository(fixture.context()).get(secondId)->healthMessage.isEmpty());
        }
    }

    void checkSelectedChecksOnlyThose()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        const Environment environment =
            EnvironmentRepository(fixture.context()).create({{}, fixture.defaultSpace.id, QStringLiteral("Test")}).value();
        QTemporaryDir roots;
        const QString aId = createLocal(fixture, environment.id, QStringLiteral("a"), roots.filePath(QStringLiteral("a")));
        const QString bId = createLocal(fixture, environment.id, QStringLiteral("b"), roots.filePath(QStringLiteral("b")));
        TargetsPanel panel(fixture.session.get());
        panel.show();
        QTRY_COMPARE(panel.model()->rowCount(), 2);
        auto *check = panel.findChild<QPushButton *>(QStringLiteral("checkHealth"));
        QVERIFY(!check->isEnabled());
        panel.view()->selectRow(0); // sorted by name: "a"
        QVERIFY(check->isEnabled());
        QSignalSpy finished(panel.healthChecks(), &HealthCheckController::finished);
        QTest::mouseClick(check, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QTRY_COMPARE(shownHealth(panel, aId), displayName(HealthStatus::Healthy));
        QCOMPARE(storedHealth(fixture, bId), displayName(HealthStatus::Unknown));
        QVERIFY(panel.findChild<QLabel *>(QStringLiteral("checkProgressText"))->text().startsWith(QStringLiteral("1 of 1")));

        // Several selected rows can be checked together, but not edited or deleted as one.
        panel.view()->selectAll();
        QVERIFY(check->isEnabled());
        QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("editTarget"))->isEnabled());
        QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("deleteTarget"))->isEnabled());
        QTest::mouseClick(check, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 20000);
        QCOMPARE(finished.last().at(0).value<QList<TargetHealthReport>>().size(), 2);
        QTRY_COMPARE(shownHealth(panel, bId), displayName(HealthStatus::Healthy));
        QCOMPARE(storedHealth(fixture, bId), displayName(HealthStatus::Healthy));
    }

    void cancelStopsARunningCheck()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        const Environment environment =
            EnvironmentRepository(fixture.context()).create({{}, fixture.defaultSpace.id, QStringLiteral("Test")}).value();
        // Accepts connections and never says a word, so the SSH handshake waits out its timeout.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        const QString id = createSsh(fixture, environment.id, QStringLiteral("silent"), silent.serverPort(), 120);
        TargetsPanel panel(fixture.session.get());
        panel.show();
        QTRY_COMPARE(panel.model()->rowCount(), 1);
        QSignalSpy finished(panel.healthChecks(), &HealthCheckController::finished);
        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("checkAll")), Qt::LeftButton);
        QVERIFY(panel.healthChecks()->isRunning());
        auto *cancel = panel.findChild<QPushButton *>(QStringLiteral("cancelCheck"));
        QVERIFY(cancel->isVisible());
        QTest::qWait(300); // let the connection attempt begin
        if (!finished.isEmpty())
            QFAIL(qPrintable(finished.first().at(0).value<QList<TargetHealthReport>>().first().message));
        QElapsedTimer timer;
        timer.start();
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
        QVERIFY2(timer.elapsed() < 15000, "cancel did not stop the check");
        QCOMPARE(finished.first().at(1).toBool(), true);
        QVERIFY(!cancel->isVisible());
        QVERIFY(panel.message().contains(QStringLiteral("cancelled")));
        QCOMPARE(storedHealth(fixture, id), displayName(HealthStatus::Unknown));
    }

    void unknownHostKeyDialogPins()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        const Environment environment =
            EnvironmentRepository(fixture.context()).create({{}, fixture.defaultSpace.id, QStringLiteral("Test")}).value();
        // Nothing listens on a port just released, so the re-check after pinning fails fast.
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            closedPort = probe.serverPort();
        }
        const QString id = createSsh(fixture, environment.id, QStringLiteral("fresh"), closedPort, 5);
        const QString offered = QStringLiteral("SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8");

        HealthCheckController controller(fixture.session.get());
        HostKeyDialog dialog(HostKeyDialog::Situation::Unknown, id, QStringLiteral("fresh"), offered);
        connect(&dialog, &HostKeyDialog::pinRequested, &controller, &HealthCheckController::pinAndRecheck);
        QSignalSpy pinned(&controller, &HealthCheckController::hostKeyPinned);
        QSignalSpy finished(&controller, &HealthCheckController::finished);
        dialog.show();
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("offeredFingerprint"))->text(), offered);
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("pinnedFingerprint")));
        QVERIFY(dialog.pinButton()->isDefault());
        QTest::mouseClick(dialog.pinButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QTRY_COMPARE(pinned.count(), 1);
        QCOMPARE(TargetRepository(fixture.context()).get(id)->hostKeyFingerprint, offered);
        // The target is checked again with the pinned key.
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        const auto reports = finished.first().at(0).value<QList<TargetHealthReport>>();
        QCOMPARE(reports.size(), 1);
        QCOMPARE(reports.first().targetId, id);
    }

    void panelAsksAboutEachHostKey()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        const Environment environment =
            EnvironmentRepository(fixture.context()).create({{}, fixture.defaultSpace.id, QStringLiteral("Test")}).value();
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            closedPort = probe.serverPort();
        }
        const QString freshId = createSsh(fixture, environment.id, QStringLiteral("fresh"), closedPort, 5);
        const QString movedId = createSsh(fixture, environment.id, QStringLiteral("moved"), closedPort, 5);
        TargetsPanel panel(fixture.session.get());
        panel.show();
        QTRY_COMPARE(panel.model()->rowCount(), 2);

        // What a check of two SSH targets reports when one is new and the other's key changed.
        TargetHealthReport fresh;
        fresh.targetId = freshId;
        fresh.targetName = QStringLiteral("fresh");
        fresh.status = HealthStatus::Unavailable;
        fresh.hostKey = TargetConnector::Connection::HostKey::Unknown;
        fresh.offeredFingerprint = QStringLiteral("SHA256:freshfreshfreshfreshfreshfreshfreshfresh00");
        TargetHealthReport moved = fresh;
        moved.targetId = movedId;
        moved.targetName = QStringLiteral("moved");
        moved.hostKey = TargetConnector::Connection::HostKey::Changed;
        moved.offeredFingerprint = QStringLiteral("SHA256:movedmovedmovedmovedmovedmovedmovedmoved00");
        panel.askAboutHostKeys({fresh, moved});

        QTRY_VERIFY(Test::findDialog<HostKeyDialog>());
        HostKeyDialog *first = Test::findDialog<HostKeyDialog>();
        QVERIFY(first->situation() == HostKeyDialog::Situation::Unknown);
        QCOMPARE(first->targetId(), freshId);
        QTest::mouseClick(first->pinButton(), Qt::LeftButton);
        QTRY_COMPARE(TargetRepository(fixture.context()).get(freshId)->hostKeyFingerprint, fresh.offeredFingerprint);

        // One question at a time: the changed key comes next, and refusing pins nothing.
        QTRY_VERIFY(Test::findDialog<HostKeyDialog>()
                    && Test::findDialog<HostKeyDialog>()->situation() == HostKeyDialog::Situation::Changed);
        HostKeyDialog *second = Test::findDialog<HostKeyDialog>();
        QCOMPARE(second->targetId(), movedId);
        QTest::mouseClick(second->refuseButton(), Qt::LeftButton);
        QTRY_VERIFY(!Test::findDialog<HostKeyDialog>());
        QVERIFY(TargetRepository(fixture.context()).get(movedId)->hostKeyFingerprint.isEmpty());
        // The re-check after pinning runs to its end before the panel goes.
        QTRY_VERIFY_WITH_TIMEOUT(!panel.healthChecks()->isRunning(), 20000);
    }

    void changedHostKeyDialog_data()
    {
        QTest::addColumn<bool>("repin");
        QTest::newRow("keep refusing") << false;
        QTest::newRow("re-pin") << true;
    }

    void changedHostKeyDialog()
    {
        QFETCH(bool, repin);
        const QString pinnedKey = QStringLiteral("SHA256:oldoldoldoldoldoldoldoldoldoldoldoldoldold0");
        const QString offered = QStringLiteral("SHA256:newnewnewnewnewnewnewnewnewnewnewnewnewnew0");
        HostKeyDialog dialog(HostKeyDialog::Situation::Changed, QStringLiteral("t1"), QStringLiteral("web-01"), offered,
                             pinnedKey);
        QSignalSpy requested(&dialog, &HostKeyDialog::pinRequested);
        dialog.show();
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("headline"))->text().contains(QStringLiteral("refused")));
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("pinnedFingerprint"))->text(), pinnedKey);
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("offeredFingerprint"))->text(), offered);
        QCOMPARE(dialog.pinButton()->text(), QStringLiteral("Re-pin the new key"));
        // Enter must not re-pin a changed key.
        QVERIFY(dialog.refuseButton()->isDefault());
        QVERIFY(!dialog.pinButton()->isDefault());
        QTest::mouseClick(repin ? dialog.pinButton() : dialog.refuseButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(repin ? QDialog::Accepted : QDialog::Rejected));
        QCOMPARE(requested.count(), repin ? 1 : 0);
        if (repin) {
            QCOMPARE(requested.first().at(0).toString(), QStringLiteral("t1"));
            QCOMPARE(requested.first().at(1).toString(), offered);
        }
    }
};

QTEST_MAIN(tst_HealthCheckGui)
#include "tst_healthcheckgui.moc"
