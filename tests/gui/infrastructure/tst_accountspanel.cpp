#include "model/itemmodels/accountlistmodel.h"
#include "model/store/accountrepository.h"
#include "sessionfixture.h"
#include "views/infrastructure/accountdialog.h"
#include "views/infrastructure/accountspanel.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QTest>

using namespace Cuttle;

class tst_AccountsPanel final : public QObject
{
    Q_OBJECT

private slots:
    void secretsGoToTheKeychain()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        AccountsPanel panel(fixture.session.get());
        panel.show();
        panel.addRecord();
        QPointer<AccountDialog> dialog = panel.findChild<AccountDialog *>();
        QVERIFY(dialog);
        auto *kind = dialog->findChild<QComboBox *>(QStringLiteral("kind"));
        kind->setCurrentIndex(kind->findData(int(AccountKind::SshKeyPair)));
        QVERIFY(!dialog->findChild<QLineEdit *>(QStringLiteral("password"))->isVisible());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("name")), QStringLiteral("deploy key"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("username")), QStringLiteral("deployer"));
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("privateKey"))
            ->setPlainText(QStringLiteral("-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("passphrase")), QStringLiteral("s3cret"));
        dialog->accept();
        QTRY_VERIFY(!dialog);
        QTRY_COMPARE(panel.model()->rowCount(), 1);
        const Account stored = AccountRepository(fixture.context()).list(fixture.defaultSpace.id).value().first();
        QVERIFY(stored.hasPrivateKey);
        QVERIFY(stored.hasPassphrase);
        QCOMPARE(fixture.secrets->keys().size(), 2);
        // The database holds no trace of the passphrase.
        QFile database(fixture.workspace->databasePath());
        QVERIFY(database.open(QIODevice::ReadOnly));
        QVERIFY(!database.readAll().contains("s3cret"));
    }

    void keychainFailureSavesNothing()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        fixture.secrets->failWith(Error::failed(QStringLiteral("The system keychain is not available (no Secret Service).")));
        AccountsPanel panel(fixture.session.get());
        panel.show();
        panel.addRecord();
        AccountDialog *dialog = panel.findChild<AccountDialog *>();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("name")), QStringLiteral("admin"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("username")), QStringLiteral("root"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("password")), QStringLiteral("hunter2"));
        dialog->accept();
        QTRY_COMPARE(dialog->errors().message({}), QStringLiteral("The system keychain is not available (no Secret Service)."));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("error_general"))->isVisible());
        QVERIFY(dialog->isVisible());
        fixture.session->waitForIdle();
        QVERIFY(AccountRepository(fixture.context()).list(fixture.defaultSpace.id).value().isEmpty());
    }

    void missingPasswordIsShownAtItsField()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        AccountsPanel panel(fixture.session.get());
        panel.addRecord();
        AccountDialog *dialog = panel.findChild<AccountDialog *>();
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("name")), QStringLiteral("admin"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("username")), QStringLiteral("root"));
        dialog->accept();
        QTRY_COMPARE(dialog->errors().message(QStringLiteral("password")), QStringLiteral("The account needs a password."));
    }
};

QTEST_MAIN(tst_AccountsPanel)
#include "tst_accountspanel.moc"
