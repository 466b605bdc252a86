// Runs the real cuttlectl binary for `variables eval|explain|replace` on variables files.
#include "tests/integration/cli/cuttlectlrunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Cuttle::Test;
using namespace Qt::StringLiterals;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

const QByteArray kScoped = "[\n"
    "  {\"name\": \"Url\", \"value\": \"http://default\"},\n"
    "  {\"name\": \"Url\", \"value\": \"http://prod\", \"scope\": {\"environment\": [\"Production\"]}},\n"
    "  {\"name\": \"Url\", \"value\": \"http://web-prod\", \"scope\": {\"environment\": [\"Production\"], \"role\": [\"web\"]}},\n"
    "  {\"name\": \"Queue\", \"value\": \"none\"},\n"
    "  {\"name\": \"Queue\", \"value\": \"jobs\", \"scope\": {\"role\": [\"worker\"]}},\n"
    "  {\"name\": \"Password\", \"value\": \"hunter22\", \"sensitive\": true},\n"
    "  {\"name\": \"Password\", \"value\": \"prod-secret\", \"sensitive\": true, \"scope\": {\"environment\": \"Production\"}},\n"
    "  {\"name\": \"Greeting\", \"value\": \"Hi #{Queue}\"}\n"
    "]";

} // namespace

class tst_CuttlectlVariables final : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void evalFlat_data();
    void evalFlat();
    void evalScoped_data();
    void evalScoped();
    void evalTemplateFileKeepsItsBytes();
    void strict();
    void templateParseError();
    void invalidVariablesFile_data();
    void invalidVariablesFile();
    void variablesFileWithDescriptionsAndPrompts();
    void explainText();
    void explainJson();
    void explainMasksSensitive();
    void replaceInPlace();
    void replaceIntoOutput();
    void malformedFileLeftUntouched();

private:
    QString write(const QString &name, const QByteArray &content) const
    {
        const QString path = m_dir->filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qFatal("cannot write the fixture");
        return path;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_CuttlectlVariables::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_CuttlectlVariables::evalFlat_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << u"Hello #{Name}"_s << QByteArray("Hello World");
    QTest::newRow("number and bool") << u"#{Port}/#{Enabled}"_s << QByteArray("8080/True");
    QTest::newRow("case-insensitive") << u"#{name | ToUpper}"_s << QByteArray("WORLD");
    QTest::newRow("unresolved echoed") << u"[#{Missing}]"_s << QByteArray("[#{Missing}]");
    QTest::newRow("no trailing newline added") << u"x"_s << QByteArray("x");
}

void tst_CuttlectlVariables::evalFlat()
{
    QFETCH(QString, expression);
    QFETCH(QByteArray, expected);
    const QString vars = write(u"vars.json"_s, "{\"Name\": \"World\", \"Port\": 8080, \"Enabled\": true}");
    const auto run = runCuttlectl({}, {u"variables"_s, u"eval"_s, u"--variables"_s, vars, u"--expression"_s, expression});
    QCOMPARE(run.err, QByteArray());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, expected);
}

void tst_CuttlectlVariables::evalScoped_data()
{
    QTest::addColumn<QStringList>("context");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("no context: unscoped") << QStringList{} << QByteArray("http://default|none");
    QTest::newRow("environment wins over unscoped") << QStringList{u"environment=Production"_s}
                                                    << QByteArray("http://prod|none");
    QTest::newRow("other environment: unscoped") << QStringList{u"environment=Test"_s}
                                                 << QByteArray("http://default|none");
    QTest::newRow("environment and role beat environment")
        << QStringList{u"environment=Production"_s, u"role=web"_s} << QByteArray("http://web-prod|none");
    QTest::newRow("role given twice")
        << QStringList{u"environment=Production"_s, u"role=web"_s, u"role=worker"_s}
        << QByteArray("http://web-prod|jobs");
    QTest::newRow("role alone does not satisfy environment scope")
        << QStringList{u"role=web"_s, u"role=worker"_s} << QByteArray("http://default|jobs");
}

void tst_CuttlectlVariables::evalScoped()
{
    QFETCH(QStringList, context);
    QFETCH(QByteArray, expected);
    const QString vars = write(u"vars.json"_s, kScoped);
    QStringList args{u"variables"_s, u"eval"_s, u"--variables"_s, vars, u"--expression"_s, u"#{Url}|#{Queue}"_s};
    for (const QString &c : context)
        args << u"--context"_s << c;
    const auto run = runCuttlectl({}, args);
    QCOMPARE(run.err, QByteArray());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, expected);
}

void tst_CuttlectlVariables::evalTemplateFileKeepsItsBytes()
{
    const QString vars = write(u"vars.json"_s, kScoped);
    const QString tpl = write(u"page.txt"_s, "url = #{Url}\r\ngreeting = #{Greeting}\n\n");
    const auto run = runCuttlectl({}, {u"variables"_s, u"eval"_s, u"--variables"_s, vars, u"--context"_s,
                                       u"role=worker"_s, u"--template"_s, tpl});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("url = http://default\r\ngreeting = Hi jobs\n\n"));

    const auto unknownDimension = runCuttlectl({}, {u"variables"_s, u"eval"_s, u"--context"_s, u"colour=red"_s,
                                                    u"--expression"_s, u"x"_s});
    QCOMPARE(unknownDimension.exitCode, 2);
    QVERIFY(unknownDimension.err.contains("colour"));
}

void tst_CuttlectlVariables::strict()
{
    const QString vars = write(u"vars.json"_s, "{\"Name\": \"World\"}");
    const QStringList base{u"variables"_s, u"eval"_s, u"--variables"_s, vars, u"--expression"_s,
                           u"#{Name} #{Missing.Value}"_s};
    const auto lenient = runCuttlectl({}, base);
    QCOMPARE(lenient.exitCode, 0);
    QCOMPARE(lenient.out, QByteArray("World #{Missing.Value}"));

    const auto strict = runCuttlectl({}, base + QStringList{u"--strict"_s});
    QCOMPARE(strict.exitCode, 4);
    QCOMPARE(strict.out, QByteArray());
    QVERIFY2(strict.err.startsWith("cuttlectl: ") && strict.err.contains("Missing.Value"), strict.err.constData());

    const auto resolved = runCuttlectl({}, {u"variables"_s, u"eval"_s, u"--strict"_s, u"--variables"_s, vars,
                                            u"--expression"_s, u"#{Name}"_s});
    QCOMPARE(resolved.exitCode, 0);
    QCOMPARE(resolved.out, QByteArray("World"));
}

void tst_CuttlectlVariables::templateParseError()
{
    const QString tpl = write(u"broken.txt"_s, "first line\nsecond #{Name | }\n");
    const auto run = runCuttlectl({}, {u"variables"_s, u"eval"_s, u"--template"_s, tpl});
    QCOMPARE(run.exitCode, 4);
    QCOMPARE(run.out, QByteArray());
    QVERIFY2(run.err.contains(tpl.toUtf8()), run.err.constData());
    QVERIFY2(QRegularExpression(u"line 2, column \\d+"_s).match(QString::fromUtf8(run.err)).hasMatch(),
             run.err.constData());
}

void tst_CuttlectlVariables::invalidVariablesFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected");
    QTest::newRow("bad json") << QByteArray("{\n  \"A\": \"1\",\n  \"B\": \n}\n") << u"line 4, column"_s;
    QTest::newRow("nested value") << QByteArray("{\"A\": {\"B\": \"1\"}}") << u"\"A\""_s;
    QTest::newRow("unknown scope") << QByteArray("[{\"name\": \"A\", \"scope\": {\"enviroment\": [\"X\"]}}]")
                                   << u"enviroment"_s;
    QTest::newRow("entry without name") << QByteArray("[{\"value\": \"1\"}]") << u"Entry 1"_s;
    QTest::newRow("unknown prompt control")
        << QByteArray("[{\"name\": \"A\", \"prompt\": {\"label\": \"L\", \"control\": \"Dropdown\"}}]") << u"Dropdown"_s;
}

void tst_CuttlectlVariables::invalidVariablesFile()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const QString vars = write(u"vars.json"_s, content);
    const auto run = runCuttlectl({}, {u"variables"_s, u"eval"_s, u"--variables"_s, vars, u"--expression"_s, u"x"_s});
    QCOMPARE(run.exitCode, 4);
    QCOMPARE(run.out, QByteArray());
    QVERIFY2(QString::fromUtf8(run.err).contains(expected), run.err.constData());
}

void tst_CuttlectlVariables::variablesFileWithDescriptionsAndPrompts()
{
    // The entries of an export or a release snapshot, descriptions and prompts included.
    const QString vars = write(u"vars.json"_s,
                               "[{\"name\": \"Approver\", \"value\": \"nobody\", \"description\": \"Who signs off\",\n"
                               "  \"prompt\": {\"label\": \"Approver\", \"required\": true, \"control\": \"SingleLineText\"}}]");
    const auto run = runCuttlectl({}, {u"variables"_s, u"eval"_s, u"--variables"_s, vars, u"--expression"_s, u"#{Approver}"_s});
    QCOMPARE(run.err, QByteArray());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QByteArray("nobody"));
    const auto json = runCuttlectl({}, {u"--json"_s, u"variables"_s, u"explain"_s, u"Approver"_s, u"--variables"_s, vars});
    QCOMPARE(json.json().object().value("candidates"_L1).toArray().at(0).toObject().value("source"_L1).toString(), vars);
}

void tst_CuttlectlVariables::explainText()
{
    const QString vars = write(u"vars.json"_s, kScoped);
    const auto run = runCuttlectl({}, {u"variables"_s, u"explain"_s, u"Url"_s, u"--variables"_s, vars,
                                       u"--context"_s, u"environment=Production"_s});
    QCOMPARE(run.exitCode, 0);
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.contains(u"http://default"_s) && out.contains(u"http://web-prod"_s), run.out.constData());
    const QStringList lines = out.split(u'\n');
    const auto lineWith = [&lines](const QString &text) {
        for (const QString &line : lines) {
            if (line.contains(text))
                return line;
        }
        return QString();
    };
    QVERIFY2(lineWith(u"http://prod "_s).contains(u"WINNER"_s), run.out.constData());
    QVERIFY2(lineWith(u"http://web-prod"_s).contains(u"no match (target tag)"_s), run.out.constData());
    QVERIFY2(lineWith(u"http://default"_s).contains(u"matched"_s), run.out.constData());
}

void tst_CuttlectlVariables::explainJson()
{
    const QString vars = write(u"vars.json"_s, kScoped);
    const auto run = runCuttlectl({}, {u"variables"_s, u"explain"_s, u"Url"_s, u"--variables"_s, vars,
                                       u"--context"_s, u"environment=Production"_s, u"--json"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = run.json().object();
    QCOMPARE(json.value("name"_L1).toString(), u"Url"_s);
    const QJsonArray candidates = json.value("candidates"_L1).toArray();
    QCOMPARE(candidates.size(), 3);
    QCOMPARE(json.value("winnerIndex"_L1).toInt(), 1);
    QCOMPARE(json.value("value"_L1).toString(), u"http://prod"_s);
    QVERIFY(!json.value("verdict"_L1).toString().isEmpty());
    QVERIFY(candidates.at(1).toObject().value("winner"_L1).toBool());
    QVERIFY(candidates.at(0).toObject().value("matched"_L1).toBool());
    QCOMPARE(candidates.at(2).toObject().value("matched"_L1).toBool(), false);
    QCOMPARE(candidates.at(2).toObject().value("failedDimension"_L1).toString(), u"target tag"_s);
    QVERIFY(candidates.at(1).toObject().value("rank"_L1).toInteger()
            > candidates.at(0).toObject().value("rank"_L1).toInteger());
    QCOMPARE(candidates.at(1).toObject().value("scope"_L1).toObject().value("environment"_L1).toArray(),
             QJsonArray{u"Production"_s});
}

void tst_CuttlectlVariables::explainMasksSensitive()
{
    const QString vars = write(u"vars.json"_s, kScoped);
    for (const bool json : {false, true}) {
        QStringList args{u"variables"_s, u"explain"_s, u"Password"_s, u"--variables"_s, vars, u"--context"_s,
                         u"environment=Production"_s};
        if (json)
            args << u"--json"_s;
        const auto run = runCuttlectl({}, args);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(!run.out.contains("hunter22") && !run.out.contains("prod-secret"), run.out.constData());
        QVERIFY2(run.out.contains("********"), run.out.constData());
    }
}

namespace {
const QByteArray kJson = "{\n  // the database\n  \"ConnectionStrings\": { \"Db\" :   \"old\" },\n"
                         "  \"Port\":  1 ,\n  \"Untouched\": \"same\",\n}\n";
const QByteArray kJsonReplaced = "{\n  // the database\n  \"ConnectionStrings\": { \"Db\" :   \"Server=prod\" },\n"
                                 "  \"Port\":  2 ,\n  \"Untouched\": \"same\",\n}\n";
const QByteArray kYaml = "# settings\nserver:\n  host: old   # keep me\n  port: 80\nother: x\n";
const QByteArray kYamlReplaced = "# settings\nserver:\n  host: newhost   # keep me\n  port: 80\nother: x\n";
const QByteArray kReplaceVars = "[\n"
    "  {\"name\": \"ConnectionStrings:Db\", \"value\": \"Server=dev\"},\n"
    "  {\"name\": \"ConnectionStrings:Db\", \"value\": \"Server=prod\", \"scope\": {\"environment\": [\"Production\"]}},\n"
    "  {\"name\": \"Port\", \"value\": \"2\"},\n"
    "  {\"name\": \"server:host\", \"value\": \"newhost\"}\n"
    "]";
} // namespace

void tst_CuttlectlVariables::replaceInPlace()
{
    const QString vars = write(u"vars.json"_s, kReplaceVars);
    const QString json = write(u"appsettings.json"_s, kJson);
    const QString yaml = write(u"config.yaml"_s, kYaml);
    const QString plain = write(u"nothing.json"_s, "{\"Other\": 1}\n");
    const auto run = runCuttlectl({}, {u"variables"_s, u"replace"_s, u"--variables"_s, vars, u"--context"_s,
                                       u"environment=Production"_s, json, yaml, plain});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(fileBytes(json), kJsonReplaced);
    QCOMPARE(fileBytes(yaml), kYamlReplaced);
    QCOMPARE(fileBytes(plain), QByteArray("{\"Other\": 1}\n"));
    const QStringList lines = QString::fromUtf8(run.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.at(0).contains(u"appsettings.json"_s) && lines.at(0).contains(u"ConnectionStrings:Db, Port"_s),
             run.out.constData());
    QVERIFY2(lines.at(1).contains(u"config.yaml"_s) && lines.at(1).contains(u"server:host"_s), run.out.constData());
    QVERIFY2(lines.at(2).contains(u"nothing.json"_s) && lines.at(2).contains(u"no variable matched"_s),
             run.out.constData());

    // The JSON report names what matched per file.
    write(u"appsettings.json"_s, kJson);
    const auto reported = runCuttlectl({}, {u"--json"_s, u"variables"_s, u"replace"_s, u"--variables"_s, vars,
                                            json});
    QCOMPARE(reported.exitCode, 0);
    const QJsonObject entry = reported.json().array().at(0).toObject();
    QCOMPARE(entry.value("matchedNames"_L1).toArray(), (QJsonArray{u"ConnectionStrings:Db"_s, u"Port"_s}));
    QCOMPARE(entry.value("replacementCount"_L1).toInt(), 2);
    QCOMPARE(entry.value("format"_L1).toString(), u"JSON"_s);
    QVERIFY(fileBytes(json).contains("\"Server=dev\""));
}

void tst_CuttlectlVariables::replaceIntoOutput()
{
    const QString vars = write(u"vars.json"_s, kReplaceVars);
    QDir(m_dir->path()).mkdir(u"in"_s);
    const QString json = write(u"in/appsettings.json"_s, kJson);
    const QString yaml = write(u"in/config.yaml"_s, kYaml);
    const QString out = m_dir->filePath(u"out/deep"_s);
    const auto run = runCuttlectl({}, {u"variables"_s, u"replace"_s, u"--variables"_s, vars, u"--context"_s,
                                       u"environment=Production"_s, u"--output"_s, out, json, yaml});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(fileBytes(json), kJson);
    QCOMPARE(fileBytes(yaml), kYaml);
    QCOMPARE(fileBytes(out + u"/appsettings.json"_s), kJsonReplaced);
    QCOMPARE(fileBytes(out + u"/config.yaml"_s), kYamlReplaced);

    // A format forced on a file with another extension.
    const QString conf = write(u"in/settings.conf"_s, "server:\n  host: a\n");
    const auto forced = runCuttlectl({}, {u"variables"_s, u"replace"_s, u"--variables"_s, vars, u"--format"_s,
                                          u"yaml"_s, conf});
    QCOMPARE(forced.exitCode, 0);
    QCOMPARE(fileBytes(conf), QByteArray("server:\n  host: newhost\n"));
}

void tst_CuttlectlVariables::malformedFileLeftUntouched()
{
    const QString vars = write(u"vars.json"_s, kReplaceVars);
    const QString good = write(u"good.json"_s, kJson);
    const QByteArray badContent = "{\n  \"Port\": 1,\n  \"ConnectionStrings\": { \"Db\": }\n}\n";
    const QString bad = write(u"bad.json"_s, badContent);
    const auto run = runCuttlectl({}, {u"variables"_s, u"replace"_s, u"--variables"_s, vars, good, bad});
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains("bad.json") && run.err.contains("line 3"), run.err.constData());
    QCOMPARE(fileBytes(bad), badContent);
    // Nothing is written when one file fails, not even the good one.
    QCOMPARE(fileBytes(good), kJson);

    const auto outputRun = runCuttlectl({}, {u"variables"_s, u"replace"_s, u"--variables"_s, vars, u"--output"_s,
                                             m_dir->filePath(u"out"_s), bad});
    QCOMPARE(outputRun.exitCode, 4);
    QVERIFY(!QFile::exists(m_dir->filePath(u"out/bad.json"_s)));
}

QTEST_GUILESS_MAIN(tst_CuttlectlVariables)
#include "tst_cuttlectlvariables.moc"
