#include "model/core/versiontagrule.h"

#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class TestVersionTagRule final : public QObject
{
    Q_OBJECT

private slots:
    void matches_data();
    void matches();
    void invalid_data();
    void invalid();
};

void TestVersionTagRule::matches_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("expected");
    struct Case { const char *pattern; const char *version; bool expected; };
    const Case cases[] = {
        {"^$", "1.0.0", true},
        {"^$", "1.0.0.0", true},
        {"^$", "1.0.0+build.5", true},
        {"^$", "1.0.0-beta", false},
        {"^$", "1.0.0-beta+build", false},
        {"^$", "1.0.0-0", false},
        {"^beta", "1.0.0-beta", true},
        {"^beta", "1.0.0-beta.1", true},
        {"^beta", "1.0.0-beta10", true},
        {"^beta", "1.0.0-alpha", false},
        {"^beta", "1.0.0-alpha.beta", false},
        {"^beta", "1.0.0", false},
        {"^beta", "1.0.0+beta", true},
        {"^beta", "1.0.0-BETA", false},
        {"^(?!beta).+", "1.0.0-alpha", true},
        {"^(?!beta).+", "1.0.0-rc.1", true},
        {"^(?!beta).+", "1.0.0-beta", false},
        {"^(?!beta).+", "1.0.0-beta.2", false},
        {"^(?!beta).+", "1.0.0", false},
        {"^(?!beta).+", "1.0.0+build", true},
        {"beta", "1.0.0-pre-beta.1", true},
        {"^(beta|rc)$", "1.0.0-rc", true},
        {"^(beta|rc)$", "1.0.0-rc.1", false},
        {"^feature-.*", "1.0.0-feature-login.3", true},
        {"^feature-.*", "1.0.0-hotfix.3", false},
        {"", "1.0.0", true},
        {"", "1.0.0-anything", true},
        {"^\\d+$", "1.0.0-42", true},
        {"^\\d+$", "1.0.0-42a", false},
        {"(?i)^beta", "1.0.0-BETA", true},
    };
    for (const Case &c : cases)
        QTest::addRow("%s on %s", c.pattern, c.version) << QString::fromUtf8(c.pattern) << QString::fromUtf8(c.version) << c.expected;
}

void TestVersionTagRule::matches()
{
    QFETCH(QString, pattern);
    QFETCH(QString, version);
    QFETCH(bool, expected);
    const auto rule = VersionTagRule::parse(pattern);
    QVERIFY(rule.ok());
    QCOMPARE(rule->pattern(), pattern);
    const auto v = SemanticVersion::parse(version);
    QVERIFY(v);
    QCOMPARE(rule->matches(*v), expected);
}

void TestVersionTagRule::invalid_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::newRow("unclosed group") << u"^(beta"_s;
    QTest::newRow("unclosed class") << u"[a-"_s;
    QTest::newRow("dangling quantifier") << u"*beta"_s;
    QTest::newRow("bad escape") << u"\\"_s;
    QTest::newRow("bad lookahead") << u"(?<!"_s;
}

void TestVersionTagRule::invalid()
{
    QFETCH(QString, pattern);
    const auto rule = VersionTagRule::parse(pattern);
    QVERIFY(!rule.ok());
    QCOMPARE(rule.error().kind, ErrorKind::Validation);
    QVERIFY(rule.error().message.contains(pattern));
}

QTEST_GUILESS_MAIN(TestVersionTagRule)
#include "tst_versiontagrule.moc"
