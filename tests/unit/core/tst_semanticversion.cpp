#include "model/core/semanticversion.h"

#include <QSet>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class TestSemanticVersion final : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void invalid_data();
    void invalid();
    void ordering_data();
    void ordering();
    void equality_data();
    void equality();
    void preReleaseParts_data();
    void preReleaseParts();
    void constructFromParts();
};

void TestSemanticVersion::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("major");
    QTest::addColumn<int>("minor");
    QTest::addColumn<int>("patch");
    QTest::addColumn<int>("revision");
    QTest::addColumn<QString>("preRelease");
    QTest::addColumn<QString>("metadata");
    QTest::addColumn<QString>("normalized");

    auto row = [](const char *text, int a, int b, int c, int d, const char *pre, const char *meta,
                  const char *normalized) {
        QTest::addRow("%s", text) << QString::fromUtf8(text) << a << b << c << d << QString::fromUtf8(pre)
                                  << QString::fromUtf8(meta) << QString::fromUtf8(normalized);
    };
    row("1", 1, 0, 0, 0, "", "", "1.0.0");
    row("1.2", 1, 2, 0, 0, "", "", "1.2.0");
    row("1.2.3", 1, 2, 3, 0, "", "", "1.2.3");
    row("1.2.3.4", 1, 2, 3, 4, "", "", "1.2.3.4");
    row("1.0.0.0", 1, 0, 0, 0, "", "", "1.0.0");
    row("0.0.0", 0, 0, 0, 0, "", "", "0.0.0");
    row("2016.01.02", 2016, 1, 2, 0, "", "", "2016.1.2");
    row("2016.01.02.0003", 2016, 1, 2, 3, "", "", "2016.1.2.3");
    row("007", 7, 0, 0, 0, "", "", "7.0.0");
    row("3.0.0-beta.10", 3, 0, 0, 0, "beta.10", "", "3.0.0-beta.10");
    row("3.0.0-beta.10+sha.1234", 3, 0, 0, 0, "beta.10", "sha.1234", "3.0.0-beta.10");
    row("1.0.0+build", 1, 0, 0, 0, "", "build", "1.0.0");
    row("1.0.0+build-5.x", 1, 0, 0, 0, "", "build-5.x", "1.0.0");
    row("1.0.0-alpha-1", 1, 0, 0, 0, "alpha-1", "", "1.0.0-alpha-1");
    row("1.0.0-x.7.z.92", 1, 0, 0, 0, "x.7.z.92", "", "1.0.0-x.7.z.92");
    row("1.0.0-0.3.7", 1, 0, 0, 0, "0.3.7", "", "1.0.0-0.3.7");
    row("1.2.3.4-rc1+meta", 1, 2, 3, 4, "rc1", "meta", "1.2.3.4-rc1");
    row("1-beta", 1, 0, 0, 0, "beta", "", "1.0.0-beta");
    row("1.2-beta", 1, 2, 0, 0, "beta", "", "1.2.0-beta");
    row("1.0.0--", 1, 0, 0, 0, "-", "", "1.0.0--");
    row("1.0.0-BETA", 1, 0, 0, 0, "BETA", "", "1.0.0-BETA");
    row("2147483647.0.0", 2147483647, 0, 0, 0, "", "", "2147483647.0.0");
    row("1.0.0-a.b.c.d.e.f.g.h.i.j.k", 1, 0, 0, 0, "a.b.c.d.e.f.g.h.i.j.k", "", "1.0.0-a.b.c.d.e.f.g.h.i.j.k");
    row("1.0.0-01", 1, 0, 0, 0, "01", "", "1.0.0-01");
    row("10.20.30.40", 10, 20, 30, 40, "", "", "10.20.30.40");
    row("0.0.0.1", 0, 0, 0, 1, "", "", "0.0.0.1");
}

void TestSemanticVersion::parse()
{
    QFETCH(QString, text);
    QFETCH(int, major);
    QFETCH(int, minor);
    QFETCH(int, patch);
    QFETCH(int, revision);
    QFETCH(QString, preRelease);
    QFETCH(QString, metadata);
    QFETCH(QString, normalized);

    const auto v = SemanticVersion::parse(text);
    QVERIFY(v.has_value());
    QCOMPARE(v->major(), major);
    QCOMPARE(v->minor(), minor);
    QCOMPARE(v->patch(), patch);
    QCOMPARE(v->revision(), revision);
    QCOMPARE(v->preRelease(), preRelease);
    QCOMPARE(v->metadata(), metadata);
    QCOMPARE(v->isPreRelease(), !preRelease.isEmpty());
    QCOMPARE(v->toString(), text);
    QCOMPARE(v->toNormalizedString(), normalized);
    // The normalized form parses back to an equal version.
    const auto again = SemanticVersion::parse(normalized);
    QVERIFY(again.has_value());
    QVERIFY(*again == *v);
}

void TestSemanticVersion::invalid_data()
{
    QTest::addColumn<QString>("text");
    const char *rows[] = {"", " ", "1.0.0 ", " 1.0.0", "v1.0.0", "1.", ".1", "1..0", "1.2.3.4.5",
                          "1.0.0-", "1.0.0+", "1.0.0-beta..1", "1.0.0-beta.", "1.0.0-.beta",
                          "1.0.0+meta..x", "1.0.0-be ta", "1.0.0-beta_1", "1.0.0-ß", "a.b.c",
                          "1.a.0", "-1.0.0", "1.-1.0", "2147483648.0.0", "99999999999.0",
                          "1.0.0+meta+more", "1.0.0-beta+", "1,0,0", "1.0.0.", "١.٢.٣", "*", "1.*",
                          "1.0.0-beta!"};
    for (const char *r : rows)
        QTest::addRow("'%s'", r) << QString::fromUtf8(r);
}

void TestSemanticVersion::invalid()
{
    QFETCH(QString, text);
    QVERIFY(!SemanticVersion::parse(text).has_value());
}

// Ascending; each row compares two positions of this list.
static const char *const s_ascending[] = {
    "0.0.1-alpha",
    "0.0.1",
    "0.1.0",
    "1.0.0-0",
    "1.0.0-0.0",
    "1.0.0-1",
    "1.0.0-2",
    "1.0.0-10",
    "1.0.0-a",
    "1.0.0-alpha",
    "1.0.0-alpha.1",
    "1.0.0-alpha.2",
    "1.0.0-alpha.10",
    "1.0.0-alpha.beta",
    "1.0.0-alpha1",
    "1.0.0-beta",
    "1.0.0-beta.2",
    "1.0.0-beta.9",
    "1.0.0-beta.11",
    "1.0.0-beta.11.1",
    "1.0.0-rc.1",
    "1.0.0",
    "1.0.0.1-beta",
    "1.0.0.1",
    "1.0.0.2",
    "1.0.0.10",
    "1.0.1",
    "1.0.10",
    "1.1",
    "1.2.0",
    "1.10.0",
    "2.0.0-alpha",
    "2.0.0",
    "3.0.0-beta.9",
    "3.0.0-beta.10",
    "3.0.0",
    "2016.1.2",
    "2016.1.10",
};

void TestSemanticVersion::ordering_data()
{
    QTest::addColumn<QString>("left");
    QTest::addColumn<QString>("right");
    QTest::addColumn<int>("expected");
    const int n = int(std::size(s_ascending));
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j) {
            if (i == j || std::abs(i - j) > 6)
                continue; // neighbours within six positions: enough to pin every boundary
            QTest::addRow("%s vs %s", s_ascending[i], s_ascending[j])
                << QString::fromUtf8(s_ascending[i]) << QString::fromUtf8(s_ascending[j]) << (i < j ? -1 : 1);
        }
    }
}

void TestSemanticVersion::ordering()
{
    QFETCH(QString, left);
    QFETCH(QString, right);
    QFETCH(int, expected);
    const auto a = SemanticVersion::parse(left);
    const auto b = SemanticVersion::parse(right);
    QVERIFY(a && b);
    const auto c = *a <=> *b;
    QCOMPARE(c < 0 ? -1 : (c > 0 ? 1 : 0), expected);
    QCOMPARE(*a == *b, false);
    QCOMPARE(*a < *b, expected < 0);
}

void TestSemanticVersion::equality_data()
{
    QTest::addColumn<QString>("left");
    QTest::addColumn<QString>("right");
    auto row = [](const char *a, const char *b) {
        QTest::addRow("%s == %s", a, b) << QString::fromUtf8(a) << QString::fromUtf8(b);
    };
    row("1.0.0.0", "1.0.0");
    row("1", "1.0.0");
    row("1.0", "1.0.0.0");
    row("2016.01.02", "2016.1.2");
    row("01.002.0003.0", "1.2.3");
    row("1.0.0+a", "1.0.0+b");
    row("1.0.0+a", "1.0.0");
    row("1.0.0-beta+x", "1.0.0-beta+y");
    row("1.0.0-BETA", "1.0.0-beta");
    row("1.0.0-Alpha.1", "1.0.0-alpha.1");
    row("1.0.0-beta.01", "1.0.0-beta.1");
    row("1.0-rc.1+build.5", "1.0.0.0-rc.1");
}

void TestSemanticVersion::equality()
{
    QFETCH(QString, left);
    QFETCH(QString, right);
    const auto a = SemanticVersion::parse(left);
    const auto b = SemanticVersion::parse(right);
    QVERIFY(a && b);
    QVERIFY(*a == *b);
    QVERIFY((*a <=> *b) == 0);
    QCOMPARE(qHash(*a), qHash(*b));
    QSet<SemanticVersion> set{*a, *b};
    QCOMPARE(set.size(), 1);
}

void TestSemanticVersion::preReleaseParts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("counter");
    auto row = [](const char *text, const char *prefix, const char *counter) {
        QTest::addRow("%s", text) << QString::fromUtf8(text) << QString::fromUtf8(prefix) << QString::fromUtf8(counter);
    };
    row("3.0.0-beta.10", "beta", "10");
    row("3.0.0-beta10", "beta", "10");
    row("3.0.0-beta", "beta", "");
    row("3.0.0", "", "");
    row("3.0.0-rc.1+meta.2", "rc", "1");
    row("3.0.0-alpha.1.2", "alpha.1", "2");
    row("3.0.0-7", "", "7");
    row("3.0.0-rc-2", "rc-2", "");
    row("3.0.0-feature-x.3", "feature-x", "3");
}

void TestSemanticVersion::preReleaseParts()
{
    QFETCH(QString, text);
    QFETCH(QString, prefix);
    QFETCH(QString, counter);
    const auto v = SemanticVersion::parse(text);
    QVERIFY(v);
    QCOMPARE(v->preReleasePrefix(), prefix);
    QCOMPARE(v->preReleaseCounter(), counter);
}

void TestSemanticVersion::constructFromParts()
{
    const SemanticVersion v(1, 2, 3, 0, u"beta.1"_s, u"abc"_s);
    QCOMPARE(v.toString(), u"1.2.3-beta.1+abc"_s);
    QVERIFY(v == *SemanticVersion::parse(u"1.2.3-beta.1"));
    QCOMPARE(SemanticVersion().toString(), u"0.0.0"_s);
    QCOMPARE(SemanticVersion(1, 2, 3, 4).toNormalizedString(), u"1.2.3.4"_s);
}

QTEST_GUILESS_MAIN(TestSemanticVersion)
#include "tst_semanticversion.moc"
