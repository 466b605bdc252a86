#include "model/engine/deploy/servicemessageparser.h"

#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

namespace {

QByteArray b64(const QByteArray &text)
{
    return text.toBase64();
}

/// One event as a comparable line of text.
QString describe(const ServiceMessageEvent &event)
{
    switch (event.kind) {
    case ServiceMessageEvent::Kind::Line:
        return u"line[%1]:%2"_s.arg(toString(event.category), event.text);
    case ServiceMessageEvent::Kind::OutputVariable:
        return u"var:%1=%2%3"_s.arg(event.name, event.value, event.sensitive ? u" (sensitive)"_s : QString());
    case ServiceMessageEvent::Kind::Artifact:
        return u"artifact:%1|%2|%3"_s.arg(event.path, event.name).arg(event.length);
    case ServiceMessageEvent::Kind::StepFailed:
        return u"failed:"_s + event.text;
    case ServiceMessageEvent::Kind::Message: {
        QStringList keys = event.attributes.keys();
        keys.sort();
        QStringList parts;
        for (const QString &key : keys)
            parts.append(key + u'=' + event.attributes.value(key));
        return u"msg:%1{%2}"_s.arg(event.name, parts.join(u','));
    }
    }
    return {};
}

QStringList describeAll(const QList<ServiceMessageEvent> &events)
{
    QStringList result;
    for (const ServiceMessageEvent &event : events)
        result.append(describe(event));
    return result;
}

QStringList parseInPieces(const QByteArray &input, const QList<qsizetype> &cuts)
{
    ServiceMessageParser parser;
    QList<ServiceMessageEvent> events;
    qsizetype from = 0;
    for (qsizetype cut : cuts) {
        events += parser.feed(QByteArrayView(input).sliced(from, cut - from));
        from = cut;
    }
    events += parser.feed(QByteArrayView(input).sliced(from));
    events += parser.finish();
    return describeAll(events);
}

QString info(const QString &text)
{
    return u"line[Info]:"_s + text;
}

} // namespace

class tst_ServiceMessageParser final : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void invalidUtf8();
    void hugeOrdinaryLine();
    void hugeServiceMessage();
    void lineSplitInsideCharacter();
    void messagesOff();
    void formatRoundTrip();
};

void tst_ServiceMessageParser::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("plain lines") << QByteArray("one\ntwo\n") << QStringList{info(u"one"_s), info(u"two"_s)};
    QTest::newRow("last line without newline") << QByteArray("one\ntwo") << QStringList{info(u"one"_s), info(u"two"_s)};
    QTest::newRow("empty lines kept") << QByteArray("\n\nx\n") << QStringList{info({}), info({}), info(u"x"_s)};
    QTest::newRow("CRLF") << QByteArray("a\r\nb\r\n") << QStringList{info(u"a"_s), info(u"b"_s)};
    QTest::newRow("output variable")
        << QByteArray("##cuttle[setVariable name='" + b64("Greeting") + "' value='" + b64("it's \"quoted\"\nsecond line") + "']\n")
        << QStringList{u"var:Greeting=it's \"quoted\"\nsecond line"_s};
    QTest::newRow("sensitive plain flag")
        << QByteArray("##cuttle[setVariable name='" + b64("Pw") + "' value='" + b64("s3cret") + "' sensitive='True']\n")
        << QStringList{u"var:Pw=s3cret (sensitive)"_s};
    QTest::newRow("sensitive Base64 flag (reference product)")
        << QByteArray("##octopus[setVariable name='" + b64("Pw") + "' value='" + b64("x") + "' sensitive='" + b64("True") + "']\n")
        << QStringList{u"var:Pw=x (sensitive)"_s};
    QTest::newRow("missing value is empty")
        << QByteArray("##cuttle[setVariable name='" + b64("Empty") + "']\n") << QStringList{u"var:Empty="_s};
    QTest::newRow("unicode value")
        << QByteArray("##cuttle[setVariable name='" + b64("Ünï") + "' value='" + b64("日本語 ✓") + "']\n")
        << QStringList{u"var:Ünï=日本語 ✓"_s};
    QTest::newRow("artifact")
        << QByteArray("##cuttle[createArtifact path='" + b64("/tmp/w/report.txt") + "' name='" + b64("Report") + "' length='" + b64("42") + "']\n")
        << QStringList{u"artifact:/tmp/w/report.txt|Report|42"_s};
    QTest::newRow("artifact name defaults to file name")
        << QByteArray("##cuttle[createArtifact path='" + b64("/tmp/w/report.txt") + "']\n")
        << QStringList{u"artifact:/tmp/w/report.txt|report.txt|-1"_s};
    QTest::newRow("step failed") << QByteArray("before\n##cuttle[stepFailed message='" + b64("Disk full") + "']\nafter\n")
                                 << QStringList{info(u"before"_s), u"failed:Disk full"_s, info(u"after"_s)};
    QTest::newRow("other message")
        << QByteArray("##cuttle[packageCache status='" + b64("hit") + "' path='" + b64("/c/x.zip") + "']\n")
        << QStringList{u"msg:packageCache{path=/c/x.zip,status=hit}"_s};
    QTest::newRow("text before the marker on the same line")
        << QByteArray("progress 50%##cuttle[setVariable name='" + b64("A") + "' value='" + b64("1") + "']\n")
        << QStringList{info(u"progress 50%"_s), u"var:A=1"_s};
    QTest::newRow("trailing blanks after the bracket")
        << QByteArray("##cuttle[setVariable name='" + b64("A") + "' value='" + b64("1") + "']  \r\n") << QStringList{u"var:A=1"_s};
    QTest::newRow("category switches")
        << QByteArray("a\n##cuttle[stdout-warning]\nb\n##octopus[stdout-verbose]\nc\n##cuttle[stdout-highlight]\nd\n"
                      "##cuttle[stdout-error]\ne\n##cuttle[stdout-default]\nf\n")
        << QStringList{info(u"a"_s), u"line[Warning]:b"_s, u"line[Verbose]:c"_s, u"line[Highlight]:d"_s,
                       u"line[Error]:e"_s, info(u"f"_s)};

    // Malformed messages stay in the log as they were written.
    const QStringList malformed{
        u"##cuttle[setVariable name='!!notbase64!!' value='eA==']"_s,
        u"##cuttle[setVariable name='QQ==' value='eA=='"_s,
        u"##cuttle[setVariable name='QQ== value='eA==']"_s,
        u"##cuttle[setVariable value='eA==']"_s,
        u"##cuttle[setVariable name='QQ==' value='eA==' sensitive='maybe']"_s,
        u"##cuttle[setVariable name='QQ==']trailing"_s,
        u"##cuttle[setVariable name=QQ==]"_s,
        u"##cuttle[setVariablename='QQ==']"_s,
        u"##cuttle[]"_s,
        u"##cuttle[ setVariable]"_s,
        u"##cuttle[createArtifact]"_s,
        u"##cuttle[createArtifact path='L3g=' length='LTE=']"_s,
        u"##cuttle[setVariable name='QQ=='x]"_s,
        u"##cuttle"_s,
        u"##cuttle[stepFailed message='eA==']]"_s,
    };
    for (const QString &line : malformed)
        QTest::addRow("malformed: %s", qPrintable(line)) << line.toUtf8() + '\n' << QStringList{info(line)};
}

void tst_ServiceMessageParser::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, expected);

    QCOMPARE(parseInPieces(input, {}), expected);
    // Every single cut, and every chunk a single byte: output arrives in arbitrary pieces.
    for (qsizetype cut = 0; cut <= input.size(); ++cut)
        QCOMPARE(parseInPieces(input, {cut}), expected);
    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < input.size(); ++i)
        everyByte.append(i);
    QCOMPARE(parseInPieces(input, everyByte), expected);
}

void tst_ServiceMessageParser::invalidUtf8()
{
    ServiceMessageParser parser;
    QList<ServiceMessageEvent> events = parser.feed("ok \xff\xfe\xc3\n##cuttle[setVariable name='\xff' value='x']\n\xe2\x82");
    events += parser.finish();
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.at(0).kind, ServiceMessageEvent::Kind::Line);
    QVERIFY(events.at(0).text.startsWith(u"ok "_s));
    QVERIFY(events.at(0).text.contains(QChar::ReplacementCharacter));
    QCOMPARE(events.at(1).kind, ServiceMessageEvent::Kind::Line);
    QCOMPARE(events.at(2).kind, ServiceMessageEvent::Kind::Line);

    // Invalid UTF-8 inside a Base64 value decodes with replacement characters, without harm.
    ServiceMessageParser second;
    events = second.feed(QByteArray("##cuttle[setVariable name='" + QByteArray("N").toBase64() + "' value='"
                                    + QByteArray("a\xff" "b").toBase64() + "']\n"));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.at(0).kind, ServiceMessageEvent::Kind::OutputVariable);
    QCOMPARE(events.at(0).value, u"a\ufffdb"_s);
}

void tst_ServiceMessageParser::hugeOrdinaryLine()
{
    const qsizetype max = 1024 * 1024;
    ServiceMessageParser parser(max);
    QByteArray line(5 * max + 123, 'x');
    line.replace(0, 9, "##cuttle["); // a marker at the start must not make the huge line a message
    QString joined;
    int pieces = 0;
    const QByteArray chunk(64 * 1024, 'x');
    // Fed in 64 KiB chunks; memory stays bounded by the limit.
    for (qsizetype at = 0; at < line.size(); at += chunk.size()) {
        for (const ServiceMessageEvent &event : parser.feed(QByteArrayView(line).sliced(at, std::min(chunk.size(), line.size() - at)))) {
            QCOMPARE(event.kind, ServiceMessageEvent::Kind::Line);
            joined += event.text;
            ++pieces;
        }
        QVERIFY(parser.pendingSize() <= max);
    }
    const QList<ServiceMessageEvent> rest = parser.feed("\nnext\n");
    QCOMPARE(rest.size(), 2);
    joined += rest.at(0).text;
    QCOMPARE(joined.size(), line.size());
    QCOMPARE(joined.toLatin1(), line);
    QCOMPARE(pieces, 5);
    QCOMPARE(rest.at(1).text, u"next"_s);
}

void tst_ServiceMessageParser::hugeServiceMessage()
{
    ServiceMessageParser parser;
    const QByteArray value(3 * 1024 * 1024, 'v');
    const QByteArray message = "##cuttle[setVariable name='" + QByteArray("Big").toBase64() + "' value='" + value.toBase64() + "']\n";
    QList<ServiceMessageEvent> events;
    for (qsizetype at = 0; at < message.size(); at += 4096)
        events += parser.feed(QByteArrayView(message).sliced(at, std::min<qsizetype>(4096, message.size() - at)));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.at(0).kind, ServiceMessageEvent::Kind::OutputVariable);
    QCOMPARE(events.at(0).value.size(), value.size());
}

void tst_ServiceMessageParser::lineSplitInsideCharacter()
{
    // A line cut at the size limit is cut before a multi-byte character, never inside it.
    ServiceMessageParser parser(16);
    const QByteArray text = QString(u"abcdefghijklmnö€€€€€€€€"_s).toUtf8();
    QList<ServiceMessageEvent> events = parser.feed(text);
    events += parser.finish();
    QString joined;
    for (const ServiceMessageEvent &event : events) {
        QVERIFY(!event.text.contains(QChar::ReplacementCharacter));
        joined += event.text;
    }
    QCOMPARE(joined, u"abcdefghijklmnö€€€€€€€€"_s);
}

void tst_ServiceMessageParser::messagesOff()
{
    ServiceMessageParser parser;
    parser.setRecognizeMessages(false);
    const QByteArray line = "##cuttle[setVariable name='" + QByteArray("A").toBase64() + "' value='eA==']";
    QList<ServiceMessageEvent> events = parser.feed(QByteArray(line + '\n'));
    QCOMPARE(describeAll(events), QStringList{info(QString::fromLatin1(line))});
}

void tst_ServiceMessageParser::formatRoundTrip()
{
    const QByteArray message = ServiceMessageParser::format(u"setVariable"_s, {{u"name"_s, u"a'b]c"_s}, {u"value"_s, u"x\ny"_s}});
    QVERIFY(!message.contains('\n'));
    ServiceMessageParser parser;
    const QList<ServiceMessageEvent> events = parser.feed(QByteArray(message + '\n'));
    QCOMPARE(describeAll(events), QStringList{u"var:a'b]c=x\ny"_s});
}

QTEST_GUILESS_MAIN(tst_ServiceMessageParser)
#include "tst_servicemessageparser.moc"
