// cuttlectl on a session with no Secret Service
// (tests/support/with-secret-service.sh --without-secret-service): saving an account says
// so in one sentence, exits 1 and saves nothing.
#include "tests/integration/cli/cuttlectlrunner.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Cuttle::Test;
using namespace Qt::StringLiterals;

class tst_CuttlectlNoKeychain final : public QObject
{
    Q_OBJECT

private slots:
    void accountNotSaved();
};

void tst_CuttlectlNoKeychain::accountNotSaved()
{
    QVERIFY2(qgetenv("CUTTLE_TEST_SECRET_SERVICE") == "none",
             "run this test through tests/support/with-secret-service.sh --without-secret-service");
    QTemporaryDir dir;
    const QString workspace = dir.filePath(u"ws"_s);
    QCOMPARE(runCuttlectl(workspace, {u"workspace"_s, u"init"_s}).exitCode, 0);
    const auto r = runCuttlectl(workspace, {u"account"_s, u"create"_s, u"deploy"_s, u"--username"_s, u"deployer"_s,
                                            u"--password-stdin"_s}, "secret-value\n");
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith("cuttlectl: ") && r.err.count('\n') == 1, r.err.constData());
    QVERIFY(r.err.contains("keychain"));
    QVERIFY(!r.err.contains("secret-value"));
    const auto list = runCuttlectl(workspace, {u"--json"_s, u"account"_s, u"list"_s});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.json().array().size(), 0);
}

QTEST_GUILESS_MAIN(tst_CuttlectlNoKeychain)
#include "tst_cuttlectlnokeychain.moc"
