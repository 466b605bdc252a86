#include "model/itemmodels/accountlistmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Cuttle;

class tst_AccountListModel final : public QObject
{
    Q_OBJECT

private slots:
    void secretsColumn_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("password");
        QTest::addColumn<bool>("key");
        QTest::addColumn<bool>("passphrase");
        QTest::addColumn<QString>("expected");
        QTest::newRow("password") << int(AccountKind::UsernamePassword) << true << false << false << QStringLiteral("password");
        QTest::newRow("key and passphrase") << int(AccountKind::SshKeyPair) << false << true << true
                                            << QStringLiteral("private key, passphrase");
        QTest::newRow("nothing stored") << int(AccountKind::WinRm) << false << false << false << QStringLiteral("none");
    }

    void secretsColumn()
    {
        QFETCH(int, kind);
        QFETCH(bool, password);
        QFETCH(bool, key);
        QFETCH(bool, passphrase);
        QFETCH(QString, expected);
        AccountListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Account account;
        account.id = QStringLiteral("Accounts-1");
        account.name = QStringLiteral("deploy");
        account.kind = AccountKind(kind);
        account.username = QStringLiteral("deployer");
        account.hasPassword = password;
        account.hasPrivateKey = key;
        account.hasPassphrase = passphrase;
        model.setAccounts({account});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, AccountListModel::Name).data().toString(), QStringLiteral("deploy"));
        QCOMPARE(model.index(0, AccountListModel::Username).data().toString(), QStringLiteral("deployer"));
        QCOMPARE(model.index(0, AccountListModel::Kind).data().toString(), displayName(AccountKind(kind)));
        QCOMPARE(model.index(0, AccountListModel::Secrets).data().toString(), expected);
        QCOMPARE(model.index(0, 0).data(AccountListModel::IdRole).toString(), QStringLiteral("Accounts-1"));
        QCOMPARE(model.rowOfId(QStringLiteral("Accounts-1")), 0);
        model.setAccounts({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_AccountListModel)
#include "tst_accountlistmodel.moc"
