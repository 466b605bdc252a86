#include "model/transport/shellquote.h"

#include <QProcess>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class tst_ShellQuote final : public QObject
{
    Q_OBJECT

private slots:
    void reachesTheCommandUnchanged_data()
    {
        QTest::addColumn<QString>("word");
        QTest::newRow("plain") << u"hello"_s;
        QTest::newRow("empty") << QString();
        QTest::newRow("single quotes") << u"it's 'quoted'"_s;
        QTest::newRow("expansions") << u"$HOME `id` $(id) \\ \" * ?"_s;
        QTest::newRow("newline") << u"a\nb"_s;
        QTest::newRow("unicode") << u"Grüße ✓"_s;
    }
    void reachesTheCommandUnchanged()
    {
        QFETCH(QString, word);
        QProcess shell;
        shell.start(u"/bin/sh"_s, {u"-c"_s, u"printf '%s' "_s + shellQuote(word)});
        QVERIFY(shell.waitForFinished());
        QCOMPARE(QString::fromUtf8(shell.readAllStandardOutput()), word);
    }
    void environmentNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("upper") << u"DEPLOY_ROOT"_s << true;
        QTest::newRow("leading underscore") << u"_x1"_s << true;
        QTest::newRow("leading digit") << u"1X"_s << false;
        QTest::newRow("dash") << u"A-B"_s << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("injection") << u"A=1;rm"_s << false;
    }
    void environmentNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(isValidEnvironmentName(name), valid);
    }
};

QTEST_GUILESS_MAIN(tst_ShellQuote)
#include "tst_shellquote.moc"
