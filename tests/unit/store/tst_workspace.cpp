#include "model/store/workspace.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Cuttle;

class tst_Workspace : public QObject
{
    Q_OBJECT

private slots:
    void createsFoldersAndIdentity()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("nested/ws"));
        auto ws = Workspace::open(path);
        QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().message));
        QVERIFY(QFile::exists(QDir(path).filePath(QStringLiteral("cuttle.db"))));
        QVERIFY(QDir(path).exists(QStringLiteral("packages")));
        QVERIFY(QDir(path).exists(QStringLiteral("logs")));
        QCOMPARE((*ws)->id().size(), 32);
        const QString id = (*ws)->id();
        ws = Workspace::open(path);
        QCOMPARE((*ws)->id(), id);
        QVERIFY((*ws)->setSetting(QStringLiteral("tasks.maxConcurrent"), QStringLiteral("3")).ok());
        QCOMPARE(*(*ws)->setting(QStringLiteral("tasks.maxConcurrent")), QStringLiteral("3"));
    }

    void openExistingRefusesAnEmptyFolder()
    {
        QTemporaryDir dir;
        auto ws = Workspace::open(dir.path(), Workspace::OpenMode::OpenExisting);
        QVERIFY(!ws.ok());
        QVERIFY(ws.error().kind == ErrorKind::NotFound);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("cuttle.db"))));
    }

    void unwritableLocationGivesOneSentence()
    {
        auto ws = Workspace::open(QStringLiteral("/proc/cuttle-workspace"));
        QVERIFY(!ws.ok());
        QVERIFY2(ws.error().message.contains(QStringLiteral("cannot be created")), qPrintable(ws.error().message));
    }

    void fileInsteadOfFolder()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("file"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        auto ws = Workspace::open(path);
        QVERIFY(!ws.ok());
        QVERIFY(ws.error().message.contains(QStringLiteral("is a file")));
    }

    void resolutionOrder()
    {
        qputenv("CUTTLE_WORKSPACE", "/tmp/from-env");
        QCOMPARE(Workspace::resolveDirectory(QStringLiteral("/tmp/explicit")), QStringLiteral("/tmp/explicit"));
        QCOMPARE(Workspace::resolveDirectory({}), QStringLiteral("/tmp/from-env"));
        qunsetenv("CUTTLE_WORKSPACE");
        QCOMPARE(Workspace::resolveDirectory({}), Workspace::defaultDirectory());
    }
};

QTEST_GUILESS_MAIN(tst_Workspace)
#include "tst_workspace.moc"
