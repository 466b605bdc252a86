#include "model/store/environmentrepository.h"
#include "model/store/targetrepository.h"
#include "sessionfixture.h"
#include "tests/support/sshdfixture.h"
#include "views/infrastructure/hostkeydialog.h"
#include "views/infrastructure/targetdialog.h"

#include <QDir>
#include <QFile>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

/// "Check health" in the target editor: a live log of the check, the verdict, and the host key
/// questions of a first SSH contact.
class tst_TargetDialogHealth final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // SSH targets without an account log in through the agent; a missing one fails after the host key check.
        qputenv("SSH_AUTH_SOCK", QByteArrayLiteral("/nonexistent/cuttle-test-agent"));
        qputenv("USER", QByteArrayLiteral("cuttle"));
    }

    void localTarget_data()
    {
        QTest::addColumn<bool>("folderExists");
        QTest::addColumn<QString>("verdict");
        QTest::newRow("healthy") << true << displayName(HealthStatus::Healthy);
        QTest::newRow("missing folder") << false << displayName(HealthStatus::Unavailable);
    }
    void localTarget()
    {
        QFETCH(bool, folderExists);
        QFETCH(QString, verdict);
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        DeploymentTarget target = createTarget(fixture, TargetKind::Local);
        target.directory = fixture.directory.filePath(u"local"_s);
        if (folderExists)
            QVERIFY(QDir().mkpath(target.directory));
        QVERIFY(TargetRepository(fixture.context()).update(target));

        TargetDialog dialog(fixture.session.get(), target, context(fixture));
        dialog.show();
        QVERIFY(dialog.checkHealthButton()->isEnabled());
        QTest::mouseClick(dialog.checkHealthButton(), Qt::LeftButton);
        QVERIFY(!dialog.checkHealthButton()->isEnabled()); // one check at a time
        QTRY_VERIFY2_WITH_TIMEOUT(dialog.healthVerdict().startsWith(verdict), qPrintable(dialog.healthVerdict()), 15000);
        QVERIFY(dialog.healthLog()->isVisible());
        const QString log = dialog.healthLog()->toPlainText();
        QVERIFY2(log.contains(u"Connecting to "_s + target.directory), qPrintable(log));
        QVERIFY2(log.contains(u"Health: "_s + verdict), qPrintable(log));
        QVERIFY(dialog.checkHealthButton()->isEnabled());
        QTRY_COMPARE(displayName(TargetRepository(fixture.context()).get(target.id).value().healthStatus), verdict);
        // For looking at the dialog: CUTTLE_SCREENSHOT_DIR=/some/dir saves it.
        if (const QString directory = qEnvironmentVariable("CUTTLE_SCREENSHOT_DIR"); !directory.isEmpty())
            dialog.grab().save(directory + u"/targetdialog-health-"_s + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-') + u".png"_s);
    }

    void unsavedTargetCannotBeChecked()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        DeploymentTarget target;
        target.kind = TargetKind::Local;
        TargetDialog dialog(fixture.session.get(), target, context(fixture));
        QVERIFY(!dialog.checkHealthButton()->isEnabled());
        QVERIFY(!dialog.checkHealthButton()->toolTip().isEmpty());
    }

    void firstSshContactAsksBeforePinning()
    {
        Test::SshdFixture sshd;
        QString error;
        QVERIFY2(sshd.start(&error), qPrintable(error));
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        DeploymentTarget target = createTarget(fixture, TargetKind::Ssh);
        target.host = u"127.0.0.1"_s;
        target.port = sshd.port();
        target.connectTimeoutSeconds = 5;
        QVERIFY(TargetRepository(fixture.context()).update(target));

        TargetDialog dialog(fixture.session.get(), target, context(fixture));
        dialog.show();
        QTest::mouseClick(dialog.checkHealthButton(), Qt::LeftButton);
        HostKeyDialog *question = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((question = Test::findDialog<HostKeyDialog>()) != nullptr, 15000);
        QCOMPARE(question->situation(), HostKeyDialog::Situation::Unknown);
        QCOMPARE(question->offeredFingerprint(), sshd.hostKeyFingerprint());
        QVERIFY(TargetRepository(fixture.context()).get(target.id).value().hostKeyFingerprint.isEmpty());
        QTest::mouseClick(question->pinButton(), Qt::LeftButton);

        QTRY_COMPARE(TargetRepository(fixture.context()).get(target.id).value().hostKeyFingerprint, sshd.hostKeyFingerprint());
        QTRY_COMPARE(dialog.target().hostKeyFingerprint, sshd.hostKeyFingerprint());
        QTRY_VERIFY_WITH_TIMEOUT(dialog.checkHealthButton()->isEnabled(), 15000);
        const QString log = dialog.healthLog()->toPlainText();
        QVERIFY2(log.contains(u"Pinning the host key"_s), qPrintable(log));
        QVERIFY2(log.count(u"Connecting to"_s) == 2, qPrintable(log));
        // The second check got past the host key (the agent is what fails now), so no new question.
        QTest::qWait(100);
        QVERIFY(!Test::findDialog<HostKeyDialog>());
    }

private:
    static DeploymentTarget createTarget(Test::SessionFixture &fixture, TargetKind kind)
    {
        Environment environment;
        environment.spaceId = fixture.defaultSpace.id;
        environment.name = u"Test"_s;
        const QString environmentId = EnvironmentRepository(fixture.context()).create(environment).value().id;
        DeploymentTarget target;
        target.spaceId = fixture.defaultSpace.id;
        target.name = u"target01"_s;
        target.kind = kind;
        target.host = kind == TargetKind::Ssh ? u"127.0.0.1"_s : QString();
        target.directory = kind == TargetKind::Local ? fixture.directory.filePath(u"local"_s) : QString();
        target.environmentIds << environmentId;
        return TargetRepository(fixture.context()).create(target).value();
    }
    static TargetDialogContext context(Test::SessionFixture &fixture)
    {
        TargetDialogContext context;
        context.environments = EnvironmentRepository(fixture.context()).list(fixture.defaultSpace.id).value();
        return context;
    }
};

QTEST_MAIN(tst_TargetDialogHealth)
#include "tst_targetdialoghealth.moc"
