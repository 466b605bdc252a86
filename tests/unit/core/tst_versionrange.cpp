#include "model/core/versionrange.h"

#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class TestVersionRange final : public QObject
{
    Q_OBJECT

private slots:
    void contains_data();
    void contains();
    void invalid_data();
    void invalid();
    void toStringRoundTrip_data();
    void toStringRoundTrip();
    void unbounded();
    void maven_data();
    void maven();
    void mavenInvalid();
};

void TestVersionRange::contains_data()
{
    QTest::addColumn<QString>("range");
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("expected");
    struct Case { const char *range; const char *in[5]; const char *out[5]; };
    const Case cases[] = {
        {"1.0", {"1.0", "1.0.0.0", "1.0.1", "2.0-beta", "99.0"}, {"0.9", "1.0-beta", "0.0.1", "0.99.99.99", nullptr}},
        {"[1.0]", {"1.0", "1.0.0", "1.0.0.0", "1.0.0+meta", nullptr}, {"1.0.1", "0.9", "1.0-rc", "1.0.0.1", nullptr}},
        {"[1.0,2.0)", {"1.0", "1.5", "1.99.99", "2.0-beta", "1.0.0.1"}, {"2.0", "2.0.0.0", "0.9", "1.0-alpha", "3.0"}},
        {"[1.0,2.0]", {"1.0", "2.0", "2.0.0.0", "1.5-beta", nullptr}, {"2.0.1", "2.0.0.1", "0.9", nullptr, nullptr}},
        {"(1.0,2.0)", {"1.0.1", "1.0.0.1", "1.9", "2.0-rc.1", nullptr}, {"1.0", "2.0", "1.0-beta", nullptr, nullptr}},
        {"(1.0,2.0]", {"1.0.1", "2.0", nullptr, nullptr, nullptr}, {"1.0", "2.1", nullptr, nullptr, nullptr}},
        {"(,2.0]", {"0.0.1", "1.0", "2.0", "2.0-beta", nullptr}, {"2.0.1", "3.0", nullptr, nullptr, nullptr}},
        {"(,2.0)", {"0.0.1", "1.9.9", "2.0-beta", nullptr, nullptr}, {"2.0", "2.0.1", nullptr, nullptr, nullptr}},
        {"[1.0,)", {"1.0", "100.0", nullptr, nullptr, nullptr}, {"0.9", "1.0-beta", nullptr, nullptr, nullptr}},
        {"(1.0,)", {"1.0.1", "100.0", nullptr, nullptr, nullptr}, {"1.0", "0.9", nullptr, nullptr, nullptr}},
        {" [ 1.0 , 2.0 ) ", {"1.0", "1.9", nullptr, nullptr, nullptr}, {"2.0", "0.1", nullptr, nullptr, nullptr}},
        {"[2016.01.02, 2016.02)", {"2016.1.2", "2016.1.10", nullptr, nullptr, nullptr}, {"2016.2.0", "2016.1.1", nullptr, nullptr, nullptr}},
        {"[3.0.0-beta.9,3.0.0-beta.11]", {"3.0.0-beta.9", "3.0.0-beta.10", "3.0.0-beta.11", nullptr, nullptr}, {"3.0.0-beta.8", "3.0.0-beta.12", "3.0.0", nullptr, nullptr}},
        {"[1.0.0.1,1.0.0.3)", {"1.0.0.1", "1.0.0.2", nullptr, nullptr, nullptr}, {"1.0.0", "1.0.0.3", nullptr, nullptr, nullptr}},
        {"(,)", {"0.0.0", "1.0-beta", "999.0", nullptr, nullptr}, {nullptr, nullptr, nullptr, nullptr, nullptr}},
    };
    for (const Case &c : cases) {
        for (const char *v : c.in) {
            if (v)
                QTest::addRow("%s contains %s", c.range, v) << QString::fromUtf8(c.range) << QString::fromUtf8(v) << true;
        }
        for (const char *v : c.out) {
            if (v)
                QTest::addRow("%s excludes %s", c.range, v) << QString::fromUtf8(c.range) << QString::fromUtf8(v) << false;
        }
    }
}

void TestVersionRange::contains()
{
    QFETCH(QString, range);
    QFETCH(QString, version);
    QFETCH(bool, expected);
    const auto r = VersionRange::parse(range);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    const auto v = SemanticVersion::parse(version);
    QVERIFY(v);
    QCOMPARE(r->contains(*v), expected);
}

void TestVersionRange::invalid_data()
{
    QTest::addColumn<QString>("range");
    const char *rows[] = {"", "   ", "abc", "[1.0", "1.0]", "[1.0,2.0", "[1.0,2.0,3.0]", "(1.0)", "[1.0)",
                          "(1.0]", "[]", "()", "[,]x", "[2.0,1.0]", "[1.0,1.0)", "(1.0,1.0]", "[a,2.0]",
                          "[1.0,b)", "[1.0;2.0]", "{1.0,2.0}", "1.0,2.0", "[1.0.0.0.0,)", "v1.0", "[ ]"};
    for (const char *r : rows)
        QTest::addRow("'%s'", r) << QString::fromUtf8(r);
}

void TestVersionRange::invalid()
{
    QFETCH(QString, range);
    const auto r = VersionRange::parse(range);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::Validation);
    const QString message = r.error().message;
    QVERIFY(!message.isEmpty());
    QVERIFY2(message.endsWith(u'.'), qPrintable(message));
    QCOMPARE(message.count(u". "), 0); // one sentence
}

void TestVersionRange::toStringRoundTrip_data()
{
    QTest::addColumn<QString>("range");
    QTest::addColumn<QString>("expected");
    QTest::newRow("minimum") << u"1.0"_s << u"1.0.0"_s;
    QTest::newRow("exact") << u"[1.0]"_s << u"[1.0.0]"_s;
    QTest::newRow("half open") << u"[1.0,2.0)"_s << u"[1.0.0, 2.0.0)"_s;
    QTest::newRow("upper only") << u"(,2.0]"_s << u"(, 2.0.0]"_s;
    QTest::newRow("lower only exclusive") << u"(1.0,)"_s << u"(1.0.0, )"_s;
}

void TestVersionRange::toStringRoundTrip()
{
    QFETCH(QString, range);
    QFETCH(QString, expected);
    const auto r = VersionRange::parse(range);
    QVERIFY(r.ok());
    QCOMPARE(r->toString(), expected);
    const auto again = VersionRange::parse(r->toString());
    QVERIFY(again.ok());
    QCOMPARE(again->toString(), expected);
}

void TestVersionRange::unbounded()
{
    const VersionRange any;
    QVERIFY(any.isUnbounded());
    QVERIFY(any.contains(*SemanticVersion::parse(u"0.0.0-a")));
    QVERIFY(VersionRange::parse(u"(,)")->isUnbounded());
}

void TestVersionRange::maven_data()
{
    QTest::addColumn<QString>("range");
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("expected");
    struct Case { const char *range; const char *version; bool expected; };
    const Case cases[] = {
        {"[1.0,2.0)", "1.0", true},
        {"[1.0,2.0)", "1.5-SNAPSHOT", true},
        {"[1.0,2.0)", "2.0-SNAPSHOT", true},
        {"[1.0,2.0)", "2.0", false},
        {"[1.0,2.0)", "2.0.0.RELEASE", false},
        {"[1.0,2.0)", "1.0-rc1", false},
        {"[1.0-SNAPSHOT,1.0]", "1.0-SNAPSHOT", true},
        {"[1.0-SNAPSHOT,1.0]", "1.0-rc-1", false},
        {"[1.0-SNAPSHOT,1.0]", "1.0.0.Final", true},
        {"(,1.0-beta]", "1.0-alpha-2", true},
        {"(,1.0-beta]", "1.0-milestone-1", false},
        {"[2.0.0.RELEASE,)", "2.0", true},
        {"[2.0.0.RELEASE,)", "2.0-sp1", true},
        {"[2.0.0.RELEASE,)", "1.9.9", false},
        {"1.2", "1.2.0", true},
        {"1.2", "1.10", true},
        {"1.2", "1.2-rc", false},
        {"[1.2]", "1.2.0.0", true},
        {"[1.2]", "1.2.1", false},
    };
    for (const Case &c : cases)
        QTest::addRow("%s %s %s", c.range, c.expected ? "contains" : "excludes", c.version)
            << QString::fromUtf8(c.range) << QString::fromUtf8(c.version) << c.expected;
}

void TestVersionRange::maven()
{
    QFETCH(QString, range);
    QFETCH(QString, version);
    QFETCH(bool, expected);
    const auto r = VersionRange::parseMaven(range);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    const auto v = MavenVersion::parse(version);
    QVERIFY(v);
    QCOMPARE(r->contains(*v), expected);
    // A semantic range answers for Maven versions too when its bounds are semantic versions.
    if (const auto semantic = VersionRange::parse(range); semantic.ok())
        QCOMPARE(semantic->contains(*v), expected);
}

void TestVersionRange::mavenInvalid()
{
    QVERIFY(!VersionRange::parseMaven(u"[2.0,1.0]").ok());
    QVERIFY(!VersionRange::parseMaven(u"[1.0 beta,2.0]").ok());
    QVERIFY(!VersionRange::parseMaven(u"[1.0-SNAPSHOT,1.0-alpha]").ok());
    QVERIFY(!VersionRange::parse(u"[2.0.0.RELEASE,)").ok()); // not a semantic version
    const auto r = VersionRange::parseMaven(u"[2.0.0.RELEASE,)");
    QVERIFY(r.ok());
    QVERIFY(!r->contains(*SemanticVersion::parse(u"3.0.0"))); // a bound it cannot compare with
    QCOMPARE(r->toString(), u"2.0.0.RELEASE"_s); // "at least", like "1.0"
}

QTEST_GUILESS_MAIN(TestVersionRange)
#include "tst_versionrange.moc"
