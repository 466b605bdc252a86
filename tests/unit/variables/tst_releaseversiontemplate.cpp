#include "model/variables/releaseversiontemplate.h"

#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

namespace {

std::optional<SemanticVersion> v(const char *text)
{
    return SemanticVersion::parse(QString::fromLatin1(text));
}

} // namespace

class TestReleaseVersionTemplate final : public QObject
{
    Q_OBJECT

private slots:
    void next_data()
    {
        QTest::addColumn<QString>("templateText");
        QTest::addColumn<QString>("latest");
        QTest::addColumn<QString>("expected");
        QTest::newRow("default, first release") << QString() << QString() << u"0.0.1"_s;
        QTest::newRow("default continues the patch") << QString() << u"1.4.7"_s << u"1.4.8"_s;
        QTest::newRow("default drops a pre-release") << QString() << u"2.0.3-beta.2"_s << u"2.0.4"_s;
        QTest::newRow("next major") << u"#{Octopus.Version.NextMajor}.0.0"_s << u"1.4.7"_s << u"2.0.0"_s;
        QTest::newRow("suffix") << u"1.2.#{Octopus.Version.NextPatch}-#{Octopus.Version.LastSuffix}"_s << u"1.2.3-rc"_s
                                << u"1.2.4-rc"_s;
        QTest::newRow("channel name") << u"1.0.#{Octopus.Version.Channel.NextPatch}-#{Octopus.Release.Channel.Name}"_s
                                      << u"1.0.9"_s << u"1.0.5-hotfix"_s;
        QTest::newRow("other channel by name") << u"#{Octopus.Version.Channel[Default].LastMajor}.9.0"_s << QString()
                                               << u"3.9.0"_s;
        QTest::newRow("date parts") << u"#{Octopus.Date.Year}.#{Octopus.Date.Month}.#{Octopus.Date.Day}"_s << QString()
                                    << u"2026.11.26"_s;
        QTest::newRow("mask continues the matching release") << u"1.i"_s << u"2.0"_s << u"1.5.0"_s;
        QTest::newRow("mask with a project variable") << u"#{Major}.c.i"_s << QString() << u"1.4.8"_s;
        QTest::newRow("conditional") << u"#{if Preview}0.0.#{Octopus.Version.NextPatch}#{else}1.0.0#{/if}"_s
                                     << u"0.0.3"_s << u"1.0.0"_s;
    }
    void next()
    {
        QFETCH(QString, templateText);
        QFETCH(QString, latest);
        QFETCH(QString, expected);
        ReleaseVersionTemplate::Inputs inputs;
        inputs.existingVersions = {*v("1.4.7"), *v("1.2.0"), *v("2.0"), *v("1.0.9")};
        if (!latest.isEmpty())
            inputs.latest = SemanticVersion::parse(latest);
        inputs.channelName = u"hotfix"_s;
        inputs.latestInChannel = v("1.0.4");
        inputs.latestByChannelName.insert(u"Default"_s, v("3.1.0"));
        inputs.now = QDateTime(QDate(2026, 11, 26), QTime(9, 30));
        VariableDictionary project;
        project.set(u"Major"_s, u"1"_s);
        project.set(u"Preview"_s, u"False"_s);
        const Result<SemanticVersion> next = ReleaseVersionTemplate::next(templateText, project, inputs);
        QVERIFY2(next, next ? "" : qPrintable(next.error().message));
        QCOMPARE(next->toString(), expected);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("templateText");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("not a version") << u"release-#{Octopus.Version.NextPatch}"_s << u"\"release-1\", which is not a version"_s;
        QTest::newRow("unknown variable") << u"1.0.#{Build.Number}"_s << u"refers to Build.Number, which has no value"_s;
        QTest::newRow("broken template") << u"1.0.#{Octopus.Version.NextPatch"_s << u"cannot be evaluated"_s;
    }
    void refusals()
    {
        QFETCH(QString, templateText);
        QFETCH(QString, sentence);
        const Result<SemanticVersion> next = ReleaseVersionTemplate::next(templateText, {}, {});
        QVERIFY(!next);
        QVERIFY2(next.error().message.contains(sentence), qPrintable(next.error().message));
        QCOMPARE(next.error().field, u"releaseVersionTemplate"_s);
    }
};

QTEST_GUILESS_MAIN(TestReleaseVersionTemplate)
#include "tst_releaseversiontemplate.moc"
