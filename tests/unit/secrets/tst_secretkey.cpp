#include "model/secrets/secretkey.h"

#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class tst_SecretKey final : public QObject
{
    Q_OBJECT

private slots:
    void toStringAndBack_data();
    void toStringAndBack();
    void parseRejects_data();
    void parseRejects();
    void emptyComponentIsInvalid_data();
    void emptyComponentIsInvalid();
    void distinctRecordsGetDistinctKeys();
};

void tst_SecretKey::toStringAndBack_data()
{
    QTest::addColumn<QString>("workspace");
    QTest::addColumn<QString>("record");
    QTest::addColumn<QString>("part");
    QTest::addColumn<QString>("expected");

    QTest::newRow("account password")
        << u"7f3c9a2e-1b4d-4c8e-9f00-123456789abc"_s << u"Accounts-3"_s << u"password"_s
        << u"7f3c9a2e-1b4d-4c8e-9f00-123456789abc/Accounts-3/password"_s;
    QTest::newRow("ssh passphrase") << u"ws"_s << u"Accounts-12"_s << u"passphrase"_s
                                    << u"ws/Accounts-12/passphrase"_s;
    QTest::newRow("slash in part is encoded")
        << u"ws"_s << u"Variables-7"_s << u"Db/Password"_s << u"ws/Variables-7/Db%2FPassword"_s;
    QTest::newRow("percent is encoded")
        << u"ws"_s << u"Variables-7"_s << u"100%"_s << u"ws/Variables-7/100%25"_s;
    QTest::newRow("encoded-looking text stays itself")
        << u"ws"_s << u"r"_s << u"a%2Fb"_s << u"ws/r/a%252Fb"_s;
    QTest::newRow("unicode kept as is") << u"ws"_s << u"Konten-ä"_s << u"paßwort"_s
                                        << u"ws/Konten-ä/paßwort"_s;
}

void tst_SecretKey::toStringAndBack()
{
    QFETCH(QString, workspace);
    QFETCH(QString, record);
    QFETCH(QString, part);
    QFETCH(QString, expected);

    const SecretKey key(workspace, record, part);
    QVERIFY(key.isValid());
    QCOMPARE(key.toString(), expected);

    const auto parsed = SecretKey::parse(expected);
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->workspaceId(), workspace);
    QCOMPARE(parsed->recordId(), record);
    QCOMPARE(parsed->part(), part);
    QVERIFY(*parsed == key);
}

void tst_SecretKey::parseRejects_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QString();
    QTest::newRow("two components") << u"ws/Accounts-3"_s;
    QTest::newRow("four components") << u"ws/Accounts-3/password/extra"_s;
    QTest::newRow("empty record") << u"ws//password"_s;
    QTest::newRow("empty part") << u"ws/Accounts-3/"_s;
    QTest::newRow("unknown escape") << u"ws/Accounts-3/pa%41ss"_s;
    QTest::newRow("truncated escape") << u"ws/Accounts-3/pass%2"_s;
}

void tst_SecretKey::parseRejects()
{
    QFETCH(QString, text);
    QVERIFY(!SecretKey::parse(text).has_value());
}

void tst_SecretKey::emptyComponentIsInvalid_data()
{
    QTest::addColumn<QString>("workspace");
    QTest::addColumn<QString>("record");
    QTest::addColumn<QString>("part");

    QTest::newRow("workspace") << QString() << u"Accounts-3"_s << u"password"_s;
    QTest::newRow("record") << u"ws"_s << QString() << u"password"_s;
    QTest::newRow("part") << u"ws"_s << u"Accounts-3"_s << QString();
}

void tst_SecretKey::emptyComponentIsInvalid()
{
    QFETCH(QString, workspace);
    QFETCH(QString, record);
    QFETCH(QString, part);
    QVERIFY(!SecretKey(workspace, record, part).isValid());
}

void tst_SecretKey::distinctRecordsGetDistinctKeys()
{
    // Without encoding, ("a/b", "c") and ("a", "b/c") would share one key.
    const SecretKey first(u"ws"_s, u"a/b"_s, u"c"_s);
    const SecretKey second(u"ws"_s, u"a"_s, u"b/c"_s);
    QVERIFY(first.toString() != second.toString());
}

QTEST_GUILESS_MAIN(tst_SecretKey)
#include "tst_secretkey.moc"
