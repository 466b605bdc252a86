#include "model/core/tasktargetselection.h"

#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class tst_TaskTargetSelection final : public QObject
{
    Q_OBJECT

private slots:
    void resolve_data()
    {
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<QStringList>("environments");
        QTest::addColumn<QStringList>("tags");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("nothing") << QStringList{} << QStringList{} << QStringList{} << QStringList{};
        QTest::newRow("by name") << QStringList{u"m2"_s} << QStringList{} << QStringList{} << QStringList{u"m2"_s};
        QTest::newRow("by environment") << QStringList{} << QStringList{u"e1"_s} << QStringList{} << QStringList{u"m1"_s, u"m2"_s};
        QTest::newRow("by tag, any case") << QStringList{} << QStringList{} << QStringList{u"WEB"_s} << QStringList{u"m1"_s, u"m3"_s};
        QTest::newRow("union, each once, in list order") << QStringList{u"m3"_s, u"m1"_s} << QStringList{u"e1"_s}
                                                         << QStringList{u"web"_s} << QStringList{u"m1"_s, u"m2"_s, u"m3"_s};
        QTest::newRow("disabled never") << QStringList{u"m4"_s} << QStringList{u"e2"_s} << QStringList{u"db"_s}
                                        << QStringList{u"m2"_s, u"m3"_s};
    }
    void resolve()
    {
        QFETCH(QStringList, ids);
        QFETCH(QStringList, environments);
        QFETCH(QStringList, tags);
        QFETCH(QStringList, expected);
        const auto target = [](const char *id, const char *environment, QStringList tags, bool disabled = false) {
            DeploymentTarget t;
            t.id = QString::fromLatin1(id);
            t.name = t.id;
            t.environmentIds << QString::fromLatin1(environment);
            t.tags = tags;
            t.isDisabled = disabled;
            return t;
        };
        const QList<DeploymentTarget> all{target("m1", "e1", {u"web"_s}), target("m2", "e1", {u"db"_s}),
                                          target("m3", "e2", {u"web"_s}), target("m4", "e2", {u"db"_s}, true)};
        const TaskTargetSelection selection{ids, environments, tags};
        QCOMPARE(selection.isEmpty(), ids.isEmpty() && environments.isEmpty() && tags.isEmpty());
        QStringList chosen;
        for (const DeploymentTarget &t : selection.resolve(all))
            chosen << t.id;
        QCOMPARE(chosen, expected);
    }
};

QTEST_GUILESS_MAIN(tst_TaskTargetSelection)
#include "tst_tasktargetselection.moc"
