#include "model/engine/deploy/scriptbootstrap.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

namespace {

/// bash -n: the generated file must at least parse.
QString syntaxErrors(const QByteArray &script)
{
    QProcess bash;
    bash.start(u"/bin/bash"_s, {u"-n"_s});
    bash.write(script);
    bash.closeWriteChannel();
    bash.waitForFinished(10000);
    return bash.exitCode() == 0 ? QString() : QString::fromUtf8(bash.readAllStandardError());
}

} // namespace

class tst_ScriptBootstrap final : public QObject
{
    Q_OBJECT

private slots:
    void splitParameters_data();
    void splitParameters();
    void secretsStayOffCommandLines();
    void bootstrapParses_data();
    void bootstrapParses();
    void scriptFileIsSourcedRelativeToWorkingDirectory();
    void defaultBootstrapDirectoryIsFreshAndHidden();
};

void tst_ScriptBootstrap::splitParameters_data()
{
    QTest::addColumn<QString>("parameters");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("empty") << QString() << QStringList();
    QTest::newRow("blanks only") << u"   \t "_s << QStringList();
    QTest::newRow("words") << u"-Name web  --port 80"_s << QStringList{u"-Name"_s, u"web"_s, u"--port"_s, u"80"_s};
    QTest::newRow("double quotes") << u"--msg \"hello world\""_s << QStringList{u"--msg"_s, u"hello world"_s};
    QTest::newRow("single quotes literal") << u"'a \"b\" \\c'"_s << QStringList{u"a \"b\" \\c"_s};
    QTest::newRow("escaped quote in double quotes") << u"\"say \\\"hi\\\"\""_s << QStringList{u"say \"hi\""_s};
    QTest::newRow("backslash outside quotes") << u"a\\ b c"_s << QStringList{u"a b"_s, u"c"_s};
    QTest::newRow("nothing expanded") << u"$HOME `id` $(id) *"_s
                                      << QStringList{u"$HOME"_s, u"`id`"_s, u"$(id)"_s, u"*"_s};
    QTest::newRow("empty quoted word") << u"a '' b"_s << QStringList{u"a"_s, QString(), u"b"_s};
    QTest::newRow("adjacent parts join") << u"pre'fix'\"suf\""_s << QStringList{u"prefixsuf"_s};
    QTest::newRow("unterminated quote takes the rest") << u"a \"b c"_s << QStringList{u"a"_s, u"b c"_s};
}

void tst_ScriptBootstrap::splitParameters()
{
    QFETCH(QString, parameters);
    QFETCH(QStringList, expected);
    QCOMPARE(ScriptBootstrap::splitParameters(parameters), expected);
}

void tst_ScriptBootstrap::secretsStayOffCommandLines()
{
    ScriptBootstrap bootstrap(u"/srv/work/step1"_s, u"/srv/work/.boot1"_s);
    VariableDictionary variables;
    variables.set(u"Db.Password"_s, u"hunter2-secret"_s, true);
    bootstrap.setVariables(variables);
    bootstrap.setArguments({u"--token"_s, u"arg-secret"_s});
    bootstrap.setScript(u"echo hi"_s);

    const QString command = bootstrap.runCommand();
    QVERIFY2(!command.contains(u"hunter2"_s), qPrintable(command));
    QVERIFY2(!command.contains(u"arg-secret"_s), qPrintable(command));
    QVERIFY(bootstrap.bootstrapPath().startsWith(u"/srv/work/.boot1/cuttle-"_s));
    QVERIFY(bootstrap.bootstrapPath().endsWith(u".sh"_s));
    // A shared directory may be there already, with another mode: its mode is insisted on.
    QVERIFY2(command.startsWith(u"mkdir -p -m 700 -- '/srv/work/.boot1' && chmod 700 -- '/srv/work/.boot1' && { cat > '"_s
                                + bootstrap.bootstrapPath() + u"' "_s),
             qPrintable(command));
    QVERIFY2(command.endsWith(u"\nexec bash '"_s + bootstrap.bootstrapPath() + u"' < /dev/null"_s), qPrintable(command));
    // Two runs sharing a directory never share files.
    const ScriptBootstrap other(u"/srv/work/step1"_s, u"/srv/work/.boot1"_s);
    QVERIFY(other.bootstrapPath() != bootstrap.bootstrapPath());
    // Values travel Base64-encoded in the uploaded file, never in clear text.
    const QByteArray file = bootstrap.bootstrapFile();
    QVERIFY(!file.contains("hunter2-secret"));
    QVERIFY(file.contains(QByteArray("hunter2-secret").toBase64()));
    QVERIFY(file.contains("'arg-secret'"));
}

void tst_ScriptBootstrap::bootstrapParses_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::newRow("simple") << u"echo hi"_s << u"A"_s << u"b"_s;
    QTest::newRow("brackets and quotes in the name") << u"echo hi\n"_s << u"Octopus.Action[It's \"x\"].Output.Y]"_s
                                                       << u"v"_s;
    QTest::newRow("shell syntax in the name") << u"echo hi"_s << u"$(reboot) `id` ${X}"_s << u"v"_s;
    QTest::newRow("script containing heredoc-like lines")
        << u"cat <<'EOF'\n__CUTTLE_SCRIPT_\nEOF\necho done"_s << u"A"_s << u"b"_s;
    QTest::newRow("empty script") << QString() << u"A"_s << QString();
    QTest::newRow("script with CRLF") << u"echo a\r\necho b\r\n"_s << u"A"_s << u"line1\nline2"_s;
}

void tst_ScriptBootstrap::bootstrapParses()
{
    QFETCH(QString, script);
    QFETCH(QString, name);
    QFETCH(QString, value);
    ScriptBootstrap bootstrap(u"work"_s);
    VariableDictionary variables;
    variables.set(name, value);
    bootstrap.setVariables(variables);
    bootstrap.setArguments({u"it's"_s, u"$x"_s});
    bootstrap.setScript(script);
    const QByteArray file = bootstrap.bootstrapFile();
    const QString errors = syntaxErrors(file);
    QVERIFY2(errors.isEmpty(), qPrintable(errors + QString::fromUtf8(file)));
}

void tst_ScriptBootstrap::scriptFileIsSourcedRelativeToWorkingDirectory()
{
    ScriptBootstrap bootstrap(u"/srv/app/1.0.0"_s, u"/srv/.boot"_s);
    bootstrap.setScriptFile(u"Deploy.sh"_s);
    const QByteArray file = bootstrap.bootstrapFile();
    QVERIFY(file.contains("__cuttle_script='./Deploy.sh'"));
    QVERIFY(file.contains("cd -- '/srv/app/1.0.0'"));
    QVERIFY(!file.contains("<<'__CUTTLE_SCRIPT_"));
    QVERIFY(syntaxErrors(file).isEmpty());
}

void tst_ScriptBootstrap::defaultBootstrapDirectoryIsFreshAndHidden()
{
    const ScriptBootstrap first(u"/srv/work/"_s);
    const ScriptBootstrap second(u"/srv/work"_s);
    QCOMPARE(first.workingDirectory(), u"/srv/work"_s);
    QVERIFY(first.bootstrapDirectory().startsWith(u"/srv/work/.cuttle-"_s));
    QVERIFY(first.bootstrapDirectory() != second.bootstrapDirectory());
    // Made fresh with its mode (no -p, no chmod after), under a working directory made only if missing.
    QVERIFY2(first.runCommand().startsWith(u"{ [ -d '/srv/work' ] || mkdir -p -- '/srv/work'; } && mkdir -m 700 -- '"_s
                                           + first.bootstrapDirectory() + u"' && { cat > '"_s + first.bootstrapPath()
                                           + u"' "_s),
             qPrintable(first.runCommand()));
}

QTEST_GUILESS_MAIN(tst_ScriptBootstrap)
#include "tst_scriptbootstrap.moc"
