// The shell's own Base64 encoder and message writer (ServiceMessageShell), run by a real bash:
// every value comes back byte for byte, through the engine's parser where it is UTF-8.
#include "model/engine/deploy/servicemessageparser.h"
#include "model/engine/deploy/servicemessageshell.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class TestServiceMessageShell : public QObject
{
    Q_OBJECT

private:
    /// Runs the functions and then `commands` under `set -eu` in the given locale; stdout.
    static QByteArray runBash(const QString &commands, const QString &locale = u"C.UTF-8"_s)
    {
        QProcess bash;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"LC_ALL"_s, locale);
        bash.setProcessEnvironment(environment);
        bash.start(u"/bin/bash"_s, {u"-c"_s, u"set -eu\n"_s + ServiceMessageShell::functions() + commands});
        if (!bash.waitForFinished(60000))
            return {};
        if (bash.exitCode() != 0)
            qWarning("bash: %s", bash.readAllStandardError().constData());
        return bash.readAllStandardOutput();
    }

    /// The value of `key='...'` in a raw message line, decoded from Base64.
    static QByteArray attribute(const QByteArray &line, const QByteArray &key)
    {
        const QByteArray start = ' ' + key + "='";
        const qsizetype at = line.indexOf(start);
        if (at < 0)
            return "<missing>";
        const qsizetype from = at + start.size();
        const QByteArray encoded = line.mid(from, line.indexOf('\'', from) - from);
        auto decoded = QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
        return decoded ? *decoded : QByteArray("<not base64: ") + encoded + '>';
    }

private slots:
    void everyValueComesBackByteForByte_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("one byte") << QByteArray("a");
        QTest::newRow("two bytes") << QByteArray("ab");
        QTest::newRow("three bytes") << QByteArray("abc");
        QTest::newRow("four bytes") << QByteArray("abcd");
        QTest::newRow("quotes, brackets, newlines") << QByteArray("it's \"quoted\" ] [x]\n\nend\n");
        QTest::newRow("a path with spaces and accents") << QByteArray("/srv/appé root/Acme Web/1.0.0_2");
        QByteArray everyByte;
        for (int b = 1; b < 256; ++b)
            everyByte += char(b);
        QTest::newRow("every byte but NUL (not UTF-8)") << everyByte;
        QByteArray boundary(512, 'x');
        QTest::newRow("512 bytes, the shell's own") << boundary;
        QTest::newRow("513 bytes, through base64(1)") << boundary + 'y';
        QByteArray random;
        for (int i = 0; i < 4000; ++i)
            random += char(1 + QRandomGenerator::global()->bounded(255));
        QTest::newRow("4,000 random bytes") << random;
    }

    void everyValueComesBackByteForByte()
    {
        QFETCH(QByteArray, value);
        QTemporaryDir dir;
        QFile file(dir.filePath(u"value"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(value);
        file.close();
        // The trailing x keeps the value's own trailing newlines.
        const QString read = u"v=$(cat '"_s + file.fileName() + u"'; printf x); v=${v%x}\n"_s;
        for (const QString &locale : {u"C.UTF-8"_s, u"C"_s}) {
            const QByteArray out = runBash(read + u"__cuttle_message test value \"$v\" other \"$v\"\n"
                                                  u"__cuttle_b64 e \"$v\"; printf '%s\\n' \"$e\"\n"_s,
                                           locale);
            const QList<QByteArray> lines = out.split('\n');
            QVERIFY2(lines.size() >= 2, out.constData());
            QVERIFY2(lines.at(0).startsWith("##cuttle[test value='") && lines.at(0).endsWith("']"), lines.at(0).constData());
            QCOMPARE(attribute(lines.at(0), "value"), value);
            QCOMPARE(attribute(lines.at(0), "other"), value);
            QCOMPARE(lines.at(1), value.toBase64());
        }
    }

    void messagesReadByTheEngine()
    {
        const QByteArray out = runBash(u"__cuttle_message packageExtracted path '/srv/ü x' directory \"1.0.0_1\" scripts ''\n"
                                       u"__cuttle_encode 'héllo'; echo\n"_s);
        ServiceMessageParser parser;
        QList<ServiceMessageEvent> events = parser.feed(out);
        events += parser.finish();
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).kind, ServiceMessageEvent::Kind::Message);
        QCOMPARE(events.at(0).name, u"packageExtracted"_s);
        QCOMPARE(events.at(0).attributes.value(u"path"_s), u"/srv/ü x"_s);
        QCOMPARE(events.at(0).attributes.value(u"directory"_s), u"1.0.0_1"_s);
        QVERIFY(events.at(0).attributes.contains(u"scripts"_s));
        QCOMPARE(events.at(0).attributes.value(u"scripts"_s), QString());
        QCOMPARE(events.at(1).text, QString::fromLatin1(QByteArray("héllo").toBase64()));
    }

    void theCallersLocaleIsKept()
    {
        // __cuttle_b64 counts bytes under LC_ALL=C; the script that sourced it must not.
        const QByteArray out = runBash(u"v='é'\n__cuttle_b64 e \"$v\"\nprintf '%s %s\\n' \"${#v}\" \"$LC_ALL\"\n"_s);
        QCOMPARE(out, QByteArray("1 C.UTF-8\n"));
    }

    void noProcessStartedForShortValues()
    {
        // With PATH empty, base64 and tr cannot be found: short values must not need them.
        const QByteArray out = runBash(u"PATH=\n__cuttle_message m value 'short enough'\n"_s);
        QCOMPARE(out, QByteArray("##cuttle[m value='") + QByteArray("short enough").toBase64() + "']\n");
    }
};

QTEST_GUILESS_MAIN(TestServiceMessageShell)
#include "tst_servicemessageshell.moc"
