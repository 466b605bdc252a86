#include "model/variables/filevariablesubstitution.h"

#include <QFile>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class TestFileVariableSubstitution final : public QObject
{
    Q_OBJECT

private slots:
    void encodings_data();
    void encodings();
    void binaryRefused();
    void unresolvedIsAnError();
    void unresolvedIgnored();
    void parseErrorLeavesFile();
    void missingFile();
};

namespace {

VariableDictionary vars()
{
    VariableDictionary v;
    v.set(u"Name"_s, u"Wörld"_s);
    return v;
}

QByteArray read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

void TestFileVariableSubstitution::encodings_data()
{
    QTest::addColumn<int>("encoding");
    QTest::addColumn<QByteArray>("bom");
    QTest::addColumn<QString>("name");
    QTest::newRow("utf-8") << int(QStringConverter::Utf8) << QByteArray() << u"UTF-8"_s;
    QTest::newRow("utf-8 bom") << int(QStringConverter::Utf8) << QByteArray("\xEF\xBB\xBF") << u"UTF-8 with BOM"_s;
    QTest::newRow("utf-16le") << int(QStringConverter::Utf16LE) << QByteArray("\xFF\xFE") << u"UTF-16LE"_s;
    QTest::newRow("utf-16be") << int(QStringConverter::Utf16BE) << QByteArray("\xFE\xFF") << u"UTF-16BE"_s;
}

void TestFileVariableSubstitution::encodings()
{
    QFETCH(int, encoding);
    QFETCH(QByteArray, bom);
    QFETCH(QString, name);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"app.config"_s);
    QStringEncoder enc{QStringConverter::Encoding(encoding)};
    write(path, bom + QByteArray(enc.encode(u"Hello #{Name}!\r\nΩ ##{Name}\r\n"_s)));
    const auto result = FileVariableSubstitution::substitute(path, vars());
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
    QCOMPARE(result->encoding, name);
    QVERIFY(result->changed);
    QStringEncoder enc2{QStringConverter::Encoding(encoding)};
    QCOMPARE(read(path), bom + QByteArray(enc2.encode(u"Hello Wörld!\r\nΩ #{Name}\r\n"_s)));
}

void TestFileVariableSubstitution::binaryRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"lib.so"_s);
    const QByteArray binary("\x7F" "ELF\0\0#{Name}", 12);
    write(path, binary);
    const auto result = FileVariableSubstitution::substitute(path, vars());
    QVERIFY(!result.ok());
    QVERIFY(result.error().message.contains(u"binary"_s));
    QCOMPARE(read(path), binary);
}

void TestFileVariableSubstitution::unresolvedIsAnError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"a.txt"_s);
    write(path, "#{Name} #{Missing}");
    const auto result = FileVariableSubstitution::substitute(path, vars());
    QVERIFY(!result.ok());
    QVERIFY(result.error().message.contains(u"Missing"_s));
    QCOMPARE(read(path), QByteArray("#{Name} #{Missing}"));
}

void TestFileVariableSubstitution::unresolvedIgnored()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"a.txt"_s);
    write(path, "#{Name} #{Missing}");
    const auto result = FileVariableSubstitution::substitute(path, vars(), true);
    QVERIFY(result.ok());
    QCOMPARE(result->unresolved, QStringList{u"Missing"_s});
    QCOMPARE(read(path), QByteArray("W\xC3\xB6rld #{Missing}"));
}

void TestFileVariableSubstitution::parseErrorLeavesFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"a.txt"_s);
    write(path, "ok #{Name");
    const auto result = FileVariableSubstitution::substitute(path, vars());
    QVERIFY(!result.ok());
    QVERIFY(result.error().message.contains(u"line 1"_s));
    QCOMPARE(read(path), QByteArray("ok #{Name"));
}

void TestFileVariableSubstitution::missingFile()
{
    QTemporaryDir dir;
    const auto result = FileVariableSubstitution::substitute(dir.filePath(u"nope"_s), vars());
    QVERIFY(!result.ok());
}

QTEST_GUILESS_MAIN(TestFileVariableSubstitution)
#include "tst_filevariablesubstitution.moc"
