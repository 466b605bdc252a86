#include "model/variables/templateengine.h"
#include "model/variables/variableset.h"

#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

namespace {

VariableValue value(const QString &v, ScopeSpec scope = {}, bool library = false)
{
    VariableValue out;
    out.name = u"Conn"_s;
    out.value = v;
    out.scope = std::move(scope);
    out.fromLibrarySet = library;
    out.source = library ? u"Shared"_s : u"Project"_s;
    return out;
}

ScopeContext context()
{
    ScopeContext c;
    c.environment = u"Production"_s;
    c.machine = u"web01"_s;
    c.machineTags = {u"web"_s, u"cache"_s};
    c.stepTargetTags = {u"web"_s};
    c.step = u"Deploy"_s;
    c.channel = u"Default"_s;
    c.tenant = u"Acme"_s;
    c.tenantTags = {u"Tier/Gold"_s};
    c.process = u"Deployment"_s;
    return c;
}

} // namespace

class TestVariableSet final : public QObject
{
    Q_OBJECT

private slots:
    void winner_data();
    void winner();
    void dimensionMismatch_data();
    void dimensionMismatch();
    void tieWarning();
    void explain();
    void resolveFeedsTemplates();
    void resolveTenThousandIsFast();
};

void TestVariableSet::winner_data()
{
    QTest::addColumn<QList<VariableValue>>("values");
    QTest::addColumn<QString>("expected");

    auto env = [](const QString &e) { ScopeSpec s; s.environments = {e}; return s; };
    ScopeSpec step;
    step.steps = {u"Deploy"_s};
    ScopeSpec machine;
    machine.machines = {u"web01"_s};
    ScopeSpec tagBoth;
    tagBoth.roles = {u"web"_s};
    ScopeSpec tagMachineOnly;
    tagMachineOnly.roles = {u"cache"_s};
    ScopeSpec tenant;
    tenant.tenants = {u"Acme"_s};
    ScopeSpec tenantTag;
    tenantTag.tenantTags = {u"Tier/Gold"_s};
    ScopeSpec channel;
    channel.channels = {u"Default"_s};
    ScopeSpec process;
    process.processes = {u"Deployment"_s};
    ScopeSpec envAndChannel = env(u"Production"_s);
    envAndChannel.channels = {u"Default"_s};
    ScopeSpec envOr;
    envOr.environments = {u"Test"_s, u"production"_s};

    QTest::newRow("only unscoped") << QList<VariableValue>{value(u"u"_s)} << u"u"_s;
    QTest::newRow("environment beats unscoped") << QList<VariableValue>{value(u"u"_s), value(u"e"_s, env(u"Production"_s))} << u"e"_s;
    QTest::newRow("other environment ignored") << QList<VariableValue>{value(u"u"_s), value(u"t"_s, env(u"Test"_s))} << u"u"_s;
    QTest::newRow("OR within dimension") << QList<VariableValue>{value(u"u"_s), value(u"o"_s, envOr)} << u"o"_s;
    QTest::newRow("step beats machine") << QList<VariableValue>{value(u"m"_s, machine), value(u"s"_s, step)} << u"s"_s;
    QTest::newRow("machine beats tag") << QList<VariableValue>{value(u"t"_s, tagBoth), value(u"m"_s, machine)} << u"m"_s;
    QTest::newRow("tag on machine and step beats tag on machine")
        << QList<VariableValue>{value(u"c"_s, tagMachineOnly), value(u"w"_s, tagBoth)} << u"w"_s;
    QTest::newRow("tag beats tenant") << QList<VariableValue>{value(u"t"_s, tenant), value(u"c"_s, tagMachineOnly)} << u"c"_s;
    QTest::newRow("tenant beats tenant tag") << QList<VariableValue>{value(u"g"_s, tenantTag), value(u"t"_s, tenant)} << u"t"_s;
    QTest::newRow("tenant tag beats environment") << QList<VariableValue>{value(u"e"_s, env(u"Production"_s)), value(u"g"_s, tenantTag)} << u"g"_s;
    QTest::newRow("environment beats channel") << QList<VariableValue>{value(u"c"_s, channel), value(u"e"_s, env(u"Production"_s))} << u"e"_s;
    QTest::newRow("channel beats process") << QList<VariableValue>{value(u"p"_s, process), value(u"c"_s, channel)} << u"c"_s;
    QTest::newRow("process beats unscoped") << QList<VariableValue>{value(u"u"_s), value(u"p"_s, process)} << u"p"_s;
    QTest::newRow("more dimensions win") << QList<VariableValue>{value(u"e"_s, env(u"Production"_s)), value(u"ec"_s, envAndChannel)} << u"ec"_s;
    QTest::newRow("higher dimension beats two lower") << QList<VariableValue>{value(u"ec"_s, envAndChannel), value(u"g"_s, tenantTag)} << u"g"_s;
    QTest::newRow("tie project beats library") << QList<VariableValue>{value(u"lib"_s, env(u"Production"_s), true), value(u"proj"_s, env(u"Production"_s))} << u"proj"_s;
    QTest::newRow("tie first defined") << QList<VariableValue>{value(u"first"_s, env(u"Production"_s)), value(u"second"_s, env(u"Production"_s))} << u"first"_s;
    QTest::newRow("case-insensitive scope") << QList<VariableValue>{value(u"u"_s), value(u"e"_s, env(u"PRODUCTION"_s))} << u"e"_s;
}

void TestVariableSet::winner()
{
    QFETCH(QList<VariableValue>, values);
    QFETCH(QString, expected);
    const VariableSet set(values);
    QCOMPARE(set.resolve(context()).value(u"conn"_s).value_or(u"<none>"_s), expected);
    QCOMPARE(set.resolveOne(u"CONN"_s, context())->value, expected);
    // Definition order of distinct ranks must not matter.
    QList<VariableValue> reversed(values.rbegin(), values.rend());
    for (int i = 0; i < reversed.size(); ++i)
        reversed[i].order = int(values.size()) - 1 - i;
    QCOMPARE(VariableSet(reversed).resolve(context()).value(u"Conn"_s).value_or(u"<none>"_s), expected);
}

void TestVariableSet::dimensionMismatch_data()
{
    QTest::addColumn<int>("dimension");
    QTest::addColumn<QString>("failed");
    for (int d = 0; d < 8; ++d) {
        static const char *names[] = {"environment", "machine", "target tag", "step", "channel", "tenant", "tenant tag", "process"};
        QTest::newRow(names[d]) << d << QString::fromLatin1(names[d]);
    }
}

void TestVariableSet::dimensionMismatch()
{
    QFETCH(int, dimension);
    QFETCH(QString, failed);
    ScopeSpec scope;
    QStringList *lists[] = {&scope.environments, &scope.machines, &scope.roles, &scope.steps,
                            &scope.channels, &scope.tenants, &scope.tenantTags, &scope.processes};
    *lists[dimension] = {u"elsewhere"_s};
    QString reason;
    QVERIFY(!VariableSet::rank(scope, context(), &reason));
    QCOMPARE(reason, failed);
    // A dimension the context does not have never applies (e.g. channel during a runbook).
    ScopeContext empty;
    *lists[dimension] = {u"anything"_s};
    QVERIFY(!VariableSet::rank(scope, empty));
    QCOMPARE(*VariableSet::rank(ScopeSpec{}, empty), 0u);
}

void TestVariableSet::tieWarning()
{
    ScopeSpec env;
    env.environments = {u"Production"_s};
    const VariableSet set({value(u"a"_s, env, true), value(u"b"_s, env)});
    QStringList warnings;
    const VariableDictionary vars = set.resolve(context(), &warnings);
    QCOMPARE(vars.value(u"Conn"_s), u"b"_s);
    QCOMPARE(warnings.size(), 1);
    QVERIFY(warnings.first().contains(u"Conn"_s));
    warnings.clear();
    VariableSet({value(u"a"_s, env), value(u"u"_s)}).resolve(context(), &warnings);
    QVERIFY(warnings.isEmpty());
}

void TestVariableSet::explain()
{
    ScopeSpec env;
    env.environments = {u"Production"_s};
    ScopeSpec test;
    test.environments = {u"Test"_s};
    VariableValue secret = value(u"hidden"_s, env);
    secret.sensitive = true;
    const VariableSet set({value(u"u"_s), value(u"t"_s, test), secret});
    const VariableExplanation e = set.explain(u"conn"_s, context());
    QCOMPARE(e.candidates.size(), 3);
    QCOMPARE(e.winnerIndex, 2);
    QVERIFY(e.candidates[0].matched);
    QCOMPARE(e.candidates[0].rank, 0u);
    QVERIFY(!e.candidates[1].matched);
    QCOMPARE(e.candidates[1].failedDimension, u"environment"_s);
    QCOMPARE(e.candidates[2].rank, quint32(ScopeDimension::Environment));
    QVERIFY(e.candidates[2].winner);
    QCOMPARE(e.candidates[2].value.value, u"********"_s);
    QVERIFY(!e.tie);
    QVERIFY2(e.verdict.contains(u"most specific"_s), qPrintable(e.verdict));
    const VariableExplanation none = set.explain(u"Nope"_s, context());
    QCOMPARE(none.winnerIndex, -1);
    QVERIFY(!none.verdict.isEmpty());
}

void TestVariableSet::resolveFeedsTemplates()
{
    ScopeSpec env;
    env.environments = {u"Production"_s};
    VariableValue url;
    url.name = u"Url"_s;
    url.value = u"https://#{Host}/"_s;
    VariableValue host = value(u"prod.example"_s, env);
    host.name = u"Host"_s;
    VariableValue devHost = value(u"dev.example"_s);
    devHost.name = u"Host"_s;
    const VariableSet set({url, devHost, host});
    QCOMPARE(TemplateEngine::evaluate(u"#{Url}"_s, set.resolve(context())).text, u"https://prod.example/"_s);
}

void TestVariableSet::resolveTenThousandIsFast()
{
    QList<VariableValue> values;
    for (int i = 0; i < 10000; ++i) {
        VariableValue v;
        v.name = u"Var.%1"_s.arg(i);
        v.value = u"u"_s;
        values.append(v);
        v.value = u"e"_s;
        v.scope.environments = {u"Production"_s};
        values.append(v);
        v.value = u"m"_s;
        v.scope.machines = {u"web02"_s};
        values.append(v);
    }
    const VariableSet set(values);
    QElapsedTimer timer;
    timer.start();
    const VariableDictionary vars = set.resolve(context());
    const qint64 ms = timer.elapsed();
    QCOMPARE(vars.size(), 10000);
    QCOMPARE(vars.value(u"var.9999"_s), u"e"_s);
    // The budget is 50 ms in a release build; sanitizer builds are allowed more.
    QVERIFY2(ms < 500, qPrintable(QString::number(ms)));
}

QTEST_GUILESS_MAIN(TestVariableSet)
#include "tst_variableset.moc"
