#include "model/variables/sensitivevaluemasker.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class TestSensitiveValueMasker final : public QObject
{
    Q_OBJECT

private slots:
    void mask_data();
    void mask();
    void splitAtEveryPosition_data();
    void splitAtEveryPosition();
    void randomChunkings();
    void holdsBackOnlyPossiblePrefixes();
    void manyValuesStayFast();
};

void TestSensitiveValueMasker::mask_data()
{
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("simple") << QStringList{u"secret"_s} << u"the secret is out"_s << u"the ******** is out"_s;
    QTest::newRow("twice") << QStringList{u"secret"_s} << u"secret secret"_s << u"******** ********"_s;
    QTest::newRow("adjacent") << QStringList{u"abcd"_s} << u"abcdabcd"_s << u"****************"_s;
    QTest::newRow("short ignored") << QStringList{u"abc"_s} << u"abc abcd"_s << u"abc abcd"_s;
    QTest::newRow("exactly four") << QStringList{u"abcd"_s} << u"xabcdx"_s << u"x********x"_s;
    QTest::newRow("case sensitive") << QStringList{u"Secret"_s} << u"secret Secret"_s << u"secret ********"_s;
    QTest::newRow("longest wins") << QStringList{u"pass"_s, u"password1"_s} << u"my password1!"_s << u"my ********!"_s;
    QTest::newRow("longest wins reversed") << QStringList{u"password1"_s, u"pass"_s} << u"password1 pass"_s
                                           << u"******** ********"_s;
    QTest::newRow("contained later") << QStringList{u"word"_s, u"password"_s} << u"password"_s << u"********"_s;
    QTest::newRow("overlapping merged") << QStringList{u"abcdef"_s, u"defghi"_s} << u"xabcdefghix"_s
                                        << u"x********x"_s;
    QTest::newRow("prefix not complete") << QStringList{u"secret"_s} << u"secre"_s << u"secre"_s;
    QTest::newRow("repeated prefix") << QStringList{u"aaab"_s} << u"aaaaaab"_s << u"aaa********"_s;
    QTest::newRow("inside word") << QStringList{u"hunter2"_s} << u"xxhunter2yy"_s << u"xx********yy"_s;
    QTest::newRow("multiline value") << QStringList{u"line1\nline2"_s} << u"a line1\nline2 b"_s << u"a ******** b"_s;
    QTest::newRow("unicode") << QStringList{u"pässwörd"_s} << u"→pässwörd←"_s << u"→********←"_s;
    QTest::newRow("no values") << QStringList{} << u"anything"_s << u"anything"_s;
    QTest::newRow("empty text") << QStringList{u"secret"_s} << QString() << QString();
    QTest::newRow("many values") << QStringList{u"alpha1"_s, u"beta22"_s, u"gamma333"_s} << u"alpha1 beta22 gamma333 delta"_s
                                 << u"******** ******** ******** delta"_s;
}

void TestSensitiveValueMasker::mask()
{
    QFETCH(QStringList, values);
    QFETCH(QString, text);
    QFETCH(QString, expected);
    SensitiveValueMasker masker(values);
    QCOMPARE(masker.mask(text), expected);
    QString streamed = masker.push(text);
    streamed += masker.flush();
    QCOMPARE(streamed, expected);
}

void TestSensitiveValueMasker::splitAtEveryPosition_data()
{
    mask_data();
}

void TestSensitiveValueMasker::splitAtEveryPosition()
{
    QFETCH(QStringList, values);
    QFETCH(QString, text);
    QFETCH(QString, expected);
    for (qsizetype i = 0; i <= text.size(); ++i) {
        for (qsizetype j = i; j <= text.size(); ++j) {
            SensitiveValueMasker masker(values);
            QString out = masker.push(QStringView(text).left(i));
            out += masker.push(QStringView(text).mid(i, j - i));
            out += masker.push(QStringView(text).mid(j));
            out += masker.flush();
            QVERIFY2(out == expected, qPrintable(u"split at %1 and %2: %3"_s.arg(i).arg(j).arg(out)));
        }
    }
}

void TestSensitiveValueMasker::randomChunkings()
{
    const QStringList values{u"s3cr3t-token"_s, u"token-xyz"_s, u"p4ssw0rd"_s, u"abab"_s};
    SensitiveValueMasker reference(values);
    QRandomGenerator rng(12345);
    const QStringList words{u"s3cr3t-token"_s, u"token-xyz"_s, u"p4ssw0rd"_s, u"abab"_s, u"aba"_s, u"s3cr3t"_s,
                            u"token"_s, u" "_s, u"\n"_s, u"log"_s, u"p4ss"_s, u"b"_s};
    for (int round = 0; round < 300; ++round) {
        QString text;
        const int n = int(rng.bounded(1, 30));
        for (int i = 0; i < n; ++i)
            text += words.at(int(rng.bounded(qsizetype(words.size()))));
        const QString expected = reference.mask(text);
        SensitiveValueMasker masker(values);
        QString out;
        qsizetype pos = 0;
        while (pos < text.size()) {
            const qsizetype len = rng.bounded(1, 8);
            out += masker.push(QStringView(text).mid(pos, len));
            pos += len;
        }
        out += masker.flush();
        QCOMPARE(out, expected);
        for (const QString &value : values)
            QVERIFY2(!out.contains(value), qPrintable(out));
    }
}

void TestSensitiveValueMasker::holdsBackOnlyPossiblePrefixes()
{
    SensitiveValueMasker masker({u"secret"_s});
    QCOMPARE(masker.push(u"hello sec"), u"hello "_s);
    QCOMPARE(masker.pendingSize(), 3);
    QCOMPARE(masker.push(u"x"), u"secx"_s);
    QCOMPARE(masker.pendingSize(), 0);
    QCOMPARE(masker.push(u"no match at all"), u"no match at all"_s);
    QCOMPARE(masker.push(u"secre"), QString());
    QCOMPARE(masker.push(u"t."), u"********."_s);
    QCOMPARE(masker.push(u"s"), QString());
    QCOMPARE(masker.flush(), u"s"_s);
}

void TestSensitiveValueMasker::manyValuesStayFast()
{
    QStringList values;
    for (int i = 0; i < 5000; ++i)
        values.append(u"secret-value-%1"_s.arg(i));
    SensitiveValueMasker masker(values);
    QString text;
    for (int i = 0; i < 20000; ++i)
        text += u"line %1 uses secret-value-%2 and more\n"_s.arg(i).arg(i % 5000);
    QElapsedTimer timer;
    timer.start();
    QString out;
    for (qsizetype pos = 0; pos < text.size(); pos += 4096)
        out += masker.push(QStringView(text).mid(pos, 4096));
    out += masker.flush();
    QVERIFY(!out.contains(u"secret-value-"_s));
    QCOMPARE(out.count(u"********"_s), 20000);
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
}

QTEST_GUILESS_MAIN(TestSensitiveValueMasker)
#include "tst_sensitivevaluemasker.moc"
