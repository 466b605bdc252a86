#include "model/core/mavenversion.h"

#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class TestMavenVersion final : public QObject
{
    Q_OBJECT

private slots:
    void ordering_data();
    void ordering();
    void equality_data();
    void equality();
    void canonical_data();
    void canonical();
    void invalid_data();
    void invalid();
};

// Ascending lists in the style of Maven's own ComparableVersion tests.
static const char *const s_qualifiers[] = {
    "1-alpha2snapshot", "1-alpha2", "1-alpha-123", "1-beta-2", "1-beta123", "1-m2", "1-m11",
    "1-rc", "1-cr2", "1-rc123", "1-SNAPSHOT", "1", "1-sp", "1-sp2", "1-sp123", "1-abc",
    "1-def", "1-pom-1", "1-1-snapshot", "1-1", "1-2", "1-123",
};
static const char *const s_numbers[] = {
    "2.0", "2.0.2", "2.0.123", "2.1.0", "2.1.0.1", "2.2", "2.123", "11.a2", "11.a11", "11.b2",
    "11.b11", "11.m2", "11.m11", "11", "11.a", "11b", "11c", "11m",
};
static const char *const s_common[] = {
    "1.0-alpha-1", "1.0-alpha-2", "1.0-beta-1", "1.0-milestone-1", "1.0-rc-1", "1.0-SNAPSHOT",
    "1.0", "1.0-sp-1", "1.0.1", "1.1-alpha", "1.1", "1.10", "2.0.0-RC1", "2.0.0", "10.0",
    "12345678901234567890", "12345678901234567891",
};

template<size_t N>
static void addPairs(const char *group, const char *const (&list)[N])
{
    for (size_t i = 0; i < N; ++i) {
        for (size_t j = 0; j < N; ++j) {
            if (i != j)
                QTest::addRow("%s: %s vs %s", group, list[i], list[j])
                    << QString::fromUtf8(list[i]) << QString::fromUtf8(list[j]) << (i < j ? -1 : 1);
        }
    }
}

void TestMavenVersion::ordering_data()
{
    QTest::addColumn<QString>("left");
    QTest::addColumn<QString>("right");
    QTest::addColumn<int>("expected");
    addPairs("qualifiers", s_qualifiers);
    addPairs("numbers", s_numbers);
    addPairs("common", s_common);
}

void TestMavenVersion::ordering()
{
    QFETCH(QString, left);
    QFETCH(QString, right);
    QFETCH(int, expected);
    const auto a = MavenVersion::parse(left);
    const auto b = MavenVersion::parse(right);
    QVERIFY(a && b);
    const auto c = *a <=> *b;
    QCOMPARE(c < 0 ? -1 : (c > 0 ? 1 : 0), expected);
}

void TestMavenVersion::equality_data()
{
    QTest::addColumn<QString>("left");
    QTest::addColumn<QString>("right");
    auto row = [](const char *a, const char *b) {
        QTest::addRow("%s == %s", a, b) << QString::fromUtf8(a) << QString::fromUtf8(b);
    };
    row("1", "1.0");
    row("1", "1.0.0");
    row("1", "1-0");
    row("1", "1.0-0");
    row("1.0", "1.0-ga");
    row("1.0", "1.0-final");
    row("1.0", "1.0-release");
    row("1.0", "1-GA");
    row("1-a1", "1-alpha-1");
    row("1-b2", "1-beta-2");
    row("1-m3", "1-milestone-3");
    row("1-cr1", "1-rc-1");
    row("1-CR1", "1-RC1");
    row("1.0-SNAPSHOT", "1-snapshot");
    row("1.0.0-ALPHA1", "1-a1");
    row("01.002", "1.2");
    row("1.0.0.0.0", "1");
}

void TestMavenVersion::equality()
{
    QFETCH(QString, left);
    QFETCH(QString, right);
    const auto a = MavenVersion::parse(left);
    const auto b = MavenVersion::parse(right);
    QVERIFY(a && b);
    QVERIFY(*a == *b);
    QCOMPARE(a->toCanonicalString(), b->toCanonicalString());
    QCOMPARE(a->toString(), left);
}

void TestMavenVersion::canonical_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("plain") << u"1.2.3"_s << u"1.2.3"_s;
    QTest::newRow("trailing zeros") << u"1.0.0"_s << u"1"_s;
    QTest::newRow("alias") << u"1.0.0-CR1"_s << u"1-rc-1"_s;
    QTest::newRow("snapshot") << u"2.0-SNAPSHOT"_s << u"2-snapshot"_s;
    QTest::newRow("digit letter switch") << u"1.0b3"_s << u"1-beta-3"_s;
}

void TestMavenVersion::canonical()
{
    QFETCH(QString, text);
    QFETCH(QString, canonical);
    const auto v = MavenVersion::parse(text);
    QVERIFY(v);
    QCOMPARE(v->toCanonicalString(), canonical);
}

void TestMavenVersion::invalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("space") << u"1.0 beta"_s;
    QTest::newRow("tab") << u"1.0\t"_s;
    QTest::newRow("newline") << u"1\n"_s;
}

void TestMavenVersion::invalid()
{
    QFETCH(QString, text);
    QVERIFY(!MavenVersion::parse(text));
}

QTEST_GUILESS_MAIN(TestMavenVersion)
#include "tst_mavenversion.moc"
