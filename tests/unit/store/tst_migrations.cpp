#include "model/store/database.h"
#include "model/store/migrations.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Cuttle;

class tst_Migrations : public QObject
{
    Q_OBJECT

private:
    static QByteArray fileHash(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    }

private slots:
    void migrationsAreNumberedWithoutGaps()
    {
        int expected = 1;
        for (const Migration &m : allMigrations()) {
            QCOMPARE(m.version, expected++);
            QVERIFY(!m.statements.isEmpty());
            QVERIFY(!m.description.isEmpty());
        }
    }

    void freshDatabaseReachesLatestVersion()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("cuttle.db")));
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        QCOMPARE((*db)->schemaVersion(), latestSchemaVersion());
        auto connection = (*db)->connection();
        QVERIFY(connection.ok());
        QSqlQuery q(*connection);
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(q.exec(QStringLiteral("SELECT name FROM spaces WHERE is_default = 1")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("Default"));
    }

    void upgradesFromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 0; v < latestSchemaVersion(); ++v)
            QTest::addRow("from %d", v) << v;
    }

    void upgradesFromEveryEarlierVersion()
    {
        QFETCH(int, from);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cuttle.db"));
        {
            auto old = Database::open(path, true, from);
            QVERIFY(old.ok());
            QCOMPARE((*old)->schemaVersion(), from);
            if (from >= 1) {
                // A record written by the older schema must survive the upgrade.
                auto connection = (*old)->connection();
                QSqlQuery q(*connection);
                QVERIFY(q.exec(QStringLiteral("INSERT INTO spaces(id, name) VALUES ('Spaces-77', 'Old data')")));
            }
        }
        auto upgraded = Database::open(path);
        QVERIFY2(upgraded.ok(), qPrintable(upgraded.ok() ? QString() : upgraded.error().message));
        QCOMPARE((*upgraded)->schemaVersion(), latestSchemaVersion());
        if (from >= 1) {
            auto connection = (*upgraded)->connection();
            QSqlQuery q(*connection);
            QVERIFY(q.exec(QStringLiteral("SELECT name FROM spaces WHERE id = 'Spaces-77'")));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("Old data"));
        }
    }

    void newerDatabaseIsRefusedAndLeftUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cuttle.db"));
        {
            auto db = Database::open(path);
            QVERIFY(db.ok());
            auto connection = (*db)->connection();
            QSqlQuery q(*connection);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = %1").arg(latestSchemaVersion() + 5)));
            QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode = DELETE")));
        }
        const QByteArray before = fileHash(path);
        auto refused = Database::open(path);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("newer version of Cuttle")), qPrintable(refused.error().message));
        QVERIFY(refused.error().message.contains(QStringLiteral("untouched")));
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")) || QFile(path + QStringLiteral("-wal")).size() == 0);
    }

    void corruptFileGivesOneSentence()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cuttle.db"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray garbage(8192, '\0');
        for (int i = 0; i < garbage.size(); ++i)
            garbage[i] = char((i * 7919) % 251);
        file.write(garbage);
        file.close();
        auto refused = Database::open(path);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("damaged or is not a Cuttle database")),
                 qPrintable(refused.error().message));
    }

    void failedMigrationLeavesPreviousVersion()
    {
        // A database at version 1 whose data breaks migration 2 (a duplicate Default space
        // name) must stay at version 1 with nothing of migration 2 applied.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cuttle.db"));
        {
            auto old = Database::open(path, true, 1);
            QVERIFY(old.ok());
            auto connection = (*old)->connection();
            QSqlQuery q(*connection);
            QVERIFY(q.exec(QStringLiteral("INSERT INTO spaces(id, name) VALUES ('Spaces-9', 'default')")));
        }
        auto failed = Database::open(path);
        QVERIFY(!failed.ok());
        QVERIFY(failed.error().message.contains(QStringLiteral("schema 2")));
        auto reopened = Database::open(path, true, 1);
        QVERIFY(reopened.ok());
        QCOMPARE((*reopened)->schemaVersion(), 1);
        auto connection = (*reopened)->connection();
        QSqlQuery q(*connection);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM workspace_settings")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_Migrations)
#include "tst_migrations.moc"
