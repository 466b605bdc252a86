#include "model/core/versionmask.h"

#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class TestVersionMask final : public QObject
{
    Q_OBJECT

private slots:
    void isMask_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("mask");
        for (const char *plain : {"1.0", "1.0.0", "1.0.0.0", "1.0.0.0-foo", "1.0-foo", "1.-i", "1.1.2-i",
                                  "127.0.0.1-localhost", "1.0.0-alpha.1", "1.0.0-alpha.i+foo", "1.2.3.4.i", "x.i", ""})
            QTest::newRow(plain) << QString::fromLatin1(plain) << false;
        for (const char *mask : {"1.i", "1.0.i", "1.0.0.i", "1.0.c.i", "i.i", "c.c", "i.i.0", "c.c.i.0", "i.i.i.i",
                                 "127.c.0.i-localhost", "1.0.0-alpha.i", "1.0.0-alpha.beta9.i", "1.0.c-alpha.beta9.i"})
            QTest::newRow(mask) << QString::fromLatin1(mask) << true;
    }
    void isMask()
    {
        QFETCH(QString, text);
        QFETCH(bool, mask);
        QCOMPARE(VersionMask::isMask(text), mask);
    }

    void apply_data()
    {
        QTest::addColumn<QString>("mask");
        QTest::addColumn<QString>("current");
        QTest::addColumn<QString>("expected");
        QTest::newRow("increment a minor") << u"0.i"_s << u"0.0"_s << u"0.1"_s;
        QTest::newRow("increment a build") << u"1.1.i"_s << u"1.1.1234"_s << u"1.1.1235"_s;
        QTest::newRow("current and increment") << u"c.c.i"_s << u"1.0.1"_s << u"1.0.2"_s;
        QTest::newRow("missing parts reset to zero") << u"1.i"_s << u"1.1.5"_s << u"1.2.0"_s;
        QTest::newRow("literal after an increment") << u"1.i.1"_s << u"1.1.5"_s << u"1.2.1"_s;
        QTest::newRow("increment of a missing part") << u"1.c.i"_s << u"1.1"_s << u"1.1.1"_s;
        QTest::newRow("increment of the current part") << u"1.c.i"_s << u"1.1.5"_s << u"1.1.6"_s;
        QTest::newRow("increment after increment is zero") << u"1.i.i"_s << u"1.1.5"_s << u"1.2.0"_s;
        QTest::newRow("current after increment is zero") << u"1.i.c"_s << u"1.1.5"_s << u"1.2.0"_s;
        QTest::newRow("four parts") << u"2.1.c.i"_s << u"2.1.5.3"_s << u"2.1.5.4"_s;
        QTest::newRow("mask tag kept") << u"2.19.i-channel"_s << u"2.19.30"_s << u"2.19.31-channel"_s;
        QTest::newRow("mask tag replaces current tag") << u"2.19.i-channel"_s << u"2.19.30-baz"_s << u"2.19.31-channel"_s;
        QTest::newRow("current tag dropped") << u"2.19.i"_s << u"2.19.30-baz"_s << u"2.19.31"_s;
        QTest::newRow("pre-release counter") << u"1.2.c-alpha.i"_s << u"1.2.3-alpha.4"_s << u"1.2.3-alpha.5"_s;
        QTest::newRow("missing pre-release counter") << u"1.2.0-alpha.i"_s << u"1.2.3"_s << u"1.2.0-alpha.1"_s;
        QTest::newRow("pre-release increment resets later ones")
            << u"1.2.0-alpha.c.i.i"_s << u"1.2.0-alpha.2.3.4"_s << u"1.2.0-alpha.2.4.0"_s;
    }
    void apply()
    {
        QFETCH(QString, mask);
        QFETCH(QString, current);
        QFETCH(QString, expected);
        const auto parsed = VersionMask::parse(mask);
        QVERIFY(parsed);
        QCOMPARE(parsed->apply(SemanticVersion::parse(current)).toString(), expected);
    }

    void applyWithoutCurrent_data()
    {
        QTest::addColumn<QString>("mask");
        QTest::addColumn<QString>("expected");
        QTest::newRow("substitutes start at zero") << u"1.c.i"_s << u"1.0.0"_s;
        QTest::newRow("major from zero") << u"c.i"_s << u"0.0"_s;
        QTest::newRow("tag kept") << u"c.i.1-foo"_s << u"0.0.1-foo"_s;
        QTest::newRow("pre-release counter from zero") << u"1.2.3-alpha.i"_s << u"1.2.3-alpha.0"_s;
    }
    void applyWithoutCurrent()
    {
        QFETCH(QString, mask);
        QFETCH(QString, expected);
        QCOMPARE(VersionMask::parse(mask)->apply(std::nullopt).toString(), expected);
    }

    void latestMatching_data()
    {
        QTest::addColumn<QString>("mask");
        QTest::addColumn<QStringList>("versions");
        QTest::addColumn<QString>("expected"); // empty: none
        const QStringList four{u"1.1.1"_s, u"2.2.1"_s, u"2.2.3"_s, u"2.3"_s};
        QTest::newRow("trailing increment") << u"2.2.i"_s << QStringList{u"1.1.1"_s, u"2.2.1"_s, u"2.2.3"_s, u"2.2"_s} << u"2.2.3"_s;
        QTest::newRow("trailing current") << u"2.2.c"_s << QStringList{u"1.1.1"_s, u"2.2.1"_s, u"2.2.3"_s, u"2.2"_s} << u"2.2.3"_s;
        QTest::newRow("version without build") << u"2.3.i"_s << four << u"2.3"_s;
        QTest::newRow("several substitutes") << u"2.i.i"_s << four << u"2.3"_s;
        QTest::newRow("not the global maximum") << u"1.i.i"_s << four << u"1.1.1"_s;
        QTest::newRow("tag in the mask") << u"2.19.i-channel"_s << QStringList{u"2.19.30-baz"_s, u"2.19.31"_s, u"2.20.0"_s} << u"2.19.31"_s;
        QTest::newRow("tag in the match") << u"2.19.i"_s << QStringList{u"2.19.30-baz"_s, u"2.19.29"_s, u"2.20.0"_s} << u"2.19.30-baz"_s;
        QTest::newRow("literals after a substitute ignored") << u"4.i.1-tagx"_s << QStringList{u"4.0.1-tagx"_s, u"4.1"_s, u"5.0.0"_s} << u"4.1"_s;
        QTest::newRow("deeper match") << u"2.i"_s << QStringList{u"2.19.2"_s} << u"2.19.2"_s;
        QTest::newRow("no such minor") << u"1.2.i"_s << four << QString();
        QTest::newRow("no such patch") << u"2.2.4.i"_s << four << QString();
        QTest::newRow("no versions") << u"2.2.4.i"_s << QStringList{} << QString();
    }
    void latestMatching()
    {
        QFETCH(QString, mask);
        QFETCH(QStringList, versions);
        QFETCH(QString, expected);
        QList<SemanticVersion> parsed;
        for (const QString &version : versions)
            parsed << *SemanticVersion::parse(version);
        const auto latest = VersionMask::parse(mask)->latestMatching(parsed);
        QCOMPARE(latest ? latest->toString() : QString(), expected);
    }
};

QTEST_GUILESS_MAIN(TestVersionMask)
#include "tst_versionmask.moc"
