#include "model/variables/variablefilter.h"

#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class tst_VariableFilter : public QObject
{
    Q_OBJECT

private:
    static VariableValue sample(bool sensitive = false)
    {
        VariableValue v;
        v.name = u"Database.ConnectionString"_s;
        v.value = u"Server=db01;Database=Shop"_s;
        v.sensitive = sensitive;
        v.scope.environments = {u"Production"_s, u"Staging"_s};
        v.scope.roles = {u"web-server"_s};
        v.scope.tenants = {u"Acme Corp"_s};
        v.scope.tenantTags = {u"Tier/Gold"_s};
        v.scope.steps = {u"Deploy site"_s};
        v.scope.channels = {u"Hotfix"_s};
        v.scope.machines = {u"web-01"_s};
        v.scope.processes = {u"Nightly"_s};
        return v;
    }

private slots:
    void matches_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("sensitive");
        QTest::addColumn<bool>("expected");
        QTest::newRow("empty matches everything") << QString() << false << true;
        QTest::newRow("blank matches everything") << u"   "_s << false << true;
        QTest::newRow("name part, any case") << u"connectionSTRING"_s << false << true;
        QTest::newRow("value part") << u"db01"_s << false << true;
        QTest::newRow("sensitive value is never matched") << u"db01"_s << true << false;
        QTest::newRow("sensitive still matches its name") << u"database.conn"_s << true << true;
        QTest::newRow("scope environment") << u"staging"_s << false << true;
        QTest::newRow("scope tenant tag") << u"tier/gold"_s << false << true;
        QTest::newRow("two words both match") << u"database prod"_s << false << true;
        QTest::newRow("one word misses") << u"database test"_s << false << false;
        QTest::newRow("no match") << u"nothing-here"_s << false << false;
        QTest::newRow("name: prefix on name") << u"name:connection"_s << false << true;
        QTest::newRow("name: prefix does not look at value") << u"name:db01"_s << false << false;
        QTest::newRow("value: prefix") << u"value:Shop"_s << false << true;
        QTest::newRow("value: prefix on sensitive") << u"value:Shop"_s << true << false;
        QTest::newRow("env: prefix") << u"env:prod"_s << false << true;
        QTest::newRow("environment: prefix misses other dimension") << u"environment:gold"_s << false << false;
        QTest::newRow("tag: prefix") << u"tag:web"_s << false << true;
        QTest::newRow("role: prefix misses env") << u"role:production"_s << false << false;
        QTest::newRow("target: prefix") << u"target:web-01"_s << false << true;
        QTest::newRow("tenant: prefix") << u"tenant:acme"_s << false << true;
        QTest::newRow("tenanttag: prefix") << u"tenanttag:gold"_s << false << true;
        QTest::newRow("step: prefix") << u"step:deploy"_s << false << true;
        QTest::newRow("channel: prefix") << u"channel:hotfix"_s << false << true;
        QTest::newRow("process: prefix") << u"process:nightly"_s << false << true;
        QTest::newRow("scope: prefix") << u"scope:hotfix"_s << false << true;
        QTest::newRow("scope: prefix ignores name") << u"scope:database"_s << false << false;
        QTest::newRow("quoted phrase with a space") << u"\"acme corp\""_s << false << true;
        QTest::newRow("quoted phrase that misses") << u"\"acme shop\""_s << false << false;
        QTest::newRow("prefix with quoted value") << u"tenant:\"Acme Corp\""_s << false << true;
        QTest::newRow("unknown prefix is plain text") << u"server=db01"_s << false << true;
        QTest::newRow("bare prefix is plain text") << u"env:"_s << false << false;
    }

    void matches()
    {
        QFETCH(QString, text);
        QFETCH(bool, sensitive);
        QFETCH(bool, expected);
        const VariableFilter filter(text);
        QCOMPARE(filter.matches(sample(sensitive)), expected);
    }

    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("terms");
        QTest::addColumn<int>("firstField");
        QTest::addColumn<QString>("firstText");
        QTest::newRow("empty") << QString() << 0 << -1 << QString();
        QTest::newRow("words") << u"a  b\tc"_s << 3 << int(VariableFilter::Field::Any) << u"a"_s;
        QTest::newRow("duplicates collapse") << u"a A a"_s << 1 << int(VariableFilter::Field::Any) << u"a"_s;
        QTest::newRow("prefix lower-cases") << u"ENV:Prod"_s << 1 << int(VariableFilter::Field::Environment) << u"prod"_s;
        QTest::newRow("quotes") << u"\"x y\" z"_s << 2 << int(VariableFilter::Field::Any) << u"x y"_s;
        QTest::newRow("unterminated quote") << u"\"x y"_s << 1 << int(VariableFilter::Field::Any) << u"x y"_s;
        QTest::newRow("empty quotes") << u"\"\""_s << 0 << -1 << QString();
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(int, terms);
        QFETCH(int, firstField);
        QFETCH(QString, firstText);
        const auto parsed = VariableFilter::parse(text);
        QCOMPARE(parsed.size(), terms);
        if (terms > 0) {
            QCOMPARE(int(parsed.first().field), firstField);
            QCOMPARE(parsed.first().text, firstText);
        }
        VariableFilter filter;
        filter.setText(text);
        QCOMPARE(filter.isEmpty(), terms == 0);
        QCOMPARE(filter.text(), text);
    }
};

QTEST_GUILESS_MAIN(tst_VariableFilter)
#include "tst_variablefilter.moc"
