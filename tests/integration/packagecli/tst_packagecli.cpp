// `cuttlectl package ...` end to end: push (with its per-file outcome lines and exit codes),
// list, show, versions, files, delete and check, on the real binary.
#include "tests/integration/cli/cuttlectlrunner.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Cuttle::Test;
using namespace Qt::StringLiterals;

class tst_PackageCli final : public QObject
{
    Q_OBJECT

private:
    QString workspace() const { return m_dir->filePath(u"ws"_s); }

    CuttlectlRun run(const QStringList &arguments) const { return runCuttlectl(workspace(), arguments); }

    /// A tar.gz package named `fileName` holding app.txt with `content` and conf/settings.json.
    QString makePackage(const QString &fileName, const QByteArray &content = "hello") const
    {
        const QString source = m_dir->filePath(u"src-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces));
        QDir().mkpath(source + u"/conf"_s);
        QFile app(source + u"/app.txt"_s);
        if (!app.open(QIODevice::WriteOnly))
            return {};
        app.write(content);
        app.close();
        QFile conf(source + u"/conf/settings.json"_s);
        if (!conf.open(QIODevice::WriteOnly))
            return {};
        conf.write("{}");
        conf.close();
        const QString target = m_dir->filePath(u"out-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces));
        QDir().mkpath(target);
        const QString path = target + u'/' + fileName;
        QProcess tar;
        tar.start(u"tar"_s, {u"-czf"_s, path, u"-C"_s, source, u"app.txt"_s, u"conf"_s});
        if (!tar.waitForFinished(30000) || tar.exitCode() != 0)
            return {};
        return path;
    }

    QStringList versionsIn(const QJsonArray &rows) const
    {
        QStringList result;
        for (const QJsonValue &v : rows)
            result << v.toObject().value("version"_L1).toString();
        return result;
    }

    /// Makes a release use a package version, written straight into the database (releases
    /// need projects and channels this test does not care about).
    bool addRelease(const QString &packageId, const QString &version) const
    {
        const QString name = QUuid::createUuid().toString();
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(workspace() + u"/cuttle.db"_s);
            if (db.open()) {
                QSqlQuery q(db);
                ok = q.exec(u"PRAGMA foreign_keys = OFF"_s)
                    && q.exec(u"INSERT INTO releases(id, space_id, project_id, channel_id, version, created_at, created_by, "
                              "process_snapshot, variables_snapshot, variables_snapshot_at) SELECT 'Releases-1', id, "
                              "'Projects-1', 'Channels-1', '1.0', '2026-01-01', 'tester', '{}', '{}', '2026-01-01' "
                              "FROM spaces WHERE is_default = 1"_s);
                q.prepare(u"INSERT INTO release_packages(release_id, action_name, package_id, version) VALUES ('Releases-1', 'Deploy', ?, ?)"_s);
                q.addBindValue(packageId);
                q.addBindValue(version);
                ok = ok && q.exec();
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

    /// Moves the upload time of every version of `packageId` `days` days into the past.
    bool ageUploads(const QString &packageId, int days) const
    {
        const QString name = QUuid::createUuid().toString();
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(workspace() + u"/cuttle.db"_s);
            if (db.open()) {
                QSqlQuery q(db);
                q.prepare(u"UPDATE packages SET uploaded_at = ? WHERE package_id = ?"_s);
                q.addBindValue(QDateTime::currentDateTimeUtc().addDays(-days).toString(Qt::ISODateWithMs));
                q.addBindValue(packageId);
                ok = q.exec() && q.numRowsAffected() > 0;
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

    std::unique_ptr<QTemporaryDir> m_dir;

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        const auto created = runCuttlectl(QString(), {u"--workspace"_s, workspace(), u"workspace"_s, u"init"_s});
        QCOMPARE(created.exitCode, 0);
    }

    void pushReportsEachFile()
    {
        const QString good1 = makePackage(u"Acme.Web.1.0.0.tar.gz"_s);
        const QString good2 = makePackage(u"Acme.Web.1.1.0-beta.1.tar.gz"_s);
        const QString badName = makePackage(u"not-a-package.tar.gz"_s);
        const QString damaged = m_dir->filePath(u"Acme.Api.2.0.0.zip"_s);
        QFile f(damaged);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a zip file");
        f.close();
        QVERIFY(!good1.isEmpty() && !good2.isEmpty() && !badName.isEmpty());

        auto pushed = run({u"package"_s, u"push"_s, good1, badName, good2, damaged});
        QCOMPARE(pushed.exitCode, 4);
        const QList<QByteArray> out = pushed.out.trimmed().split('\n');
        QCOMPARE(out.size(), 2);
        QVERIFY(out.at(0).startsWith("Added Acme.Web 1.0.0"));
        QVERIFY(out.at(1).startsWith("Added Acme.Web 1.1.0-beta.1"));
        const QList<QByteArray> err = pushed.err.trimmed().split('\n');
        QCOMPARE(err.size(), 2);
        QVERIFY2(err.at(0).startsWith("cuttlectl: not-a-package.tar.gz: "), err.at(0).constData());
        QVERIFY2(err.at(1).startsWith("cuttlectl: Acme.Api.2.0.0.zip: "), err.at(1).constData());

        auto listed = run({u"package"_s, u"list"_s, u"--json"_s});
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray rows = listed.json().array();
        QCOMPARE(versionsIn(rows), QStringList({u"1.1.0-beta.1"_s, u"1.0.0"_s}));
        const QJsonObject first = rows.at(1).toObject();
        QCOMPARE(first.value("packageId"_L1).toString(), u"Acme.Web"_s);
        QCOMPARE(first.value("format"_L1).toString(), u"tar.gz"_s);
        QCOMPARE(qint64(first.value("size"_L1).toDouble()), QFileInfo(good1).size());
        QCOMPARE(first.value("sha256"_L1).toString().size(), 64);

        // All files good: success.
        auto ok = run({u"package"_s, u"push"_s, makePackage(u"Acme.Api.2.0.0.tar.gz"_s)});
        QCOMPARE(ok.exitCode, 0);
        QVERIFY(ok.err.isEmpty());
        auto filtered = run({u"package"_s, u"list"_s, u"--id"_s, u"acme.api"_s, u"--json"_s});
        QCOMPARE(filtered.exitCode, 0);
        QCOMPARE(versionsIn(filtered.json().array()), QStringList({u"2.0.0"_s}));
    }

    void pushAgain()
    {
        const QString file = makePackage(u"Acme.Web.1.0.0.tar.gz"_s);
        QCOMPARE(run({u"package"_s, u"push"_s, file}).exitCode, 0);

        auto same = run({u"package"_s, u"push"_s, file});
        QCOMPARE(same.exitCode, 0);
        QVERIFY2(same.out.startsWith("Unchanged Acme.Web 1.0.0"), same.out.constData());

        const QString changed = makePackage(u"Acme.Web.1.0.tar.gz"_s, "changed");
        auto refused = run({u"package"_s, u"push"_s, changed});
        QCOMPARE(refused.exitCode, 4);
        QVERIFY(refused.out.isEmpty());
        QVERIFY(refused.err.contains("replace"));

        auto replaced = run({u"package"_s, u"push"_s, u"--replace"_s, changed});
        QCOMPARE(replaced.exitCode, 0);
        QVERIFY2(replaced.out.startsWith("Replaced Acme.Web 1.0"), replaced.out.constData());
        auto listed = run({u"package"_s, u"list"_s, u"--json"_s});
        QCOMPARE(listed.json().array().size(), 1);

        QCOMPARE(run({u"package"_s, u"push"_s}).exitCode, 2);
    }

    void versions_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("all") << QStringList() << QStringList({u"2.0.0"_s, u"1.10.0"_s, u"1.10.0-beta.2"_s, u"1.9.0"_s});
        QTest::newRow("stable") << QStringList({u"--tag"_s, u"^$"_s}) << QStringList({u"2.0.0"_s, u"1.10.0"_s, u"1.9.0"_s});
        QTest::newRow("range") << QStringList({u"--range"_s, u"[1.9,2.0)"_s})
                               << QStringList({u"1.10.0"_s, u"1.10.0-beta.2"_s, u"1.9.0"_s});
        QTest::newRow("range and tag") << QStringList({u"--range"_s, u"(1.9,2.0)"_s, u"--tag"_s, u"^beta"_s})
                                       << QStringList({u"1.10.0-beta.2"_s});
    }
    void versions()
    {
        QFETCH(QStringList, options);
        QFETCH(QStringList, expected);
        QStringList files;
        for (const QString &v : {u"1.9.0"_s, u"1.10.0-beta.2"_s, u"1.10.0"_s, u"2.0.0"_s})
            files << makePackage(u"Web."_s + v + u".tar.gz"_s);
        QCOMPARE(run(QStringList({u"package"_s, u"push"_s}) + files).exitCode, 0);

        auto plain = run(QStringList({u"package"_s, u"versions"_s, u"web"_s}) + options);
        QCOMPARE(plain.exitCode, 0);
        QCOMPARE(QString::fromUtf8(plain.out).split(u'\n', Qt::SkipEmptyParts), expected);
        auto json = run(QStringList({u"--json"_s, u"package"_s, u"versions"_s, u"web"_s}) + options);
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(versionsIn(json.json().array()), expected);
    }

    void versionsErrors()
    {
        QCOMPARE(run({u"package"_s, u"push"_s, makePackage(u"Web.1.0.0.tar.gz"_s)}).exitCode, 0);
        QCOMPARE(run({u"package"_s, u"versions"_s, u"Nothing"_s}).exitCode, 3);
        QCOMPARE(run({u"package"_s, u"versions"_s, u"Web"_s, u"--range"_s, u"[2.0"_s}).exitCode, 4);
        QCOMPARE(run({u"package"_s, u"versions"_s, u"Web"_s, u"--tag"_s, u"("_s}).exitCode, 4);
    }

    void showAndFiles()
    {
        QCOMPARE(run({u"package"_s, u"push"_s, makePackage(u"Web.1.0.0.tar.gz"_s)}).exitCode, 0);
        auto shown = run({u"--json"_s, u"package"_s, u"show"_s, u"web"_s, u"1.0"_s});
        QCOMPARE(shown.exitCode, 0);
        QCOMPARE(shown.json().object().value("version"_L1).toString(), u"1.0.0"_s);
        QCOMPARE(run({u"package"_s, u"show"_s, u"Web"_s, u"9.9.9"_s}).exitCode, 3);

        auto files = run({u"--json"_s, u"package"_s, u"files"_s, u"Web"_s, u"1.0.0"_s});
        QCOMPARE(files.exitCode, 0);
        QStringList paths;
        for (const QJsonValue &v : files.json().array())
            paths << v.toObject().value("path"_L1).toString();
        paths.sort();
        QCOMPARE(paths, QStringList({u"app.txt"_s, u"conf"_s, u"conf/settings.json"_s}));
        auto table = run({u"package"_s, u"files"_s, u"Web"_s, u"1.0.0"_s});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.contains("conf/settings.json"));
        QCOMPARE(run({u"package"_s, u"files"_s, u"Web"_s, u"2.0.0"_s}).exitCode, 3);
    }

    void deleteAndInUse()
    {
        QCOMPARE(run({u"package"_s, u"push"_s, makePackage(u"Web.1.0.0.tar.gz"_s), makePackage(u"Web.2.0.0.tar.gz"_s)}).exitCode, 0);
        QVERIFY(addRelease(u"web"_s, u"2.0"_s));

        auto refused = run({u"package"_s, u"delete"_s, u"Web"_s, u"2.0.0"_s});
        QCOMPARE(refused.exitCode, 4);
        QVERIFY(refused.err.startsWith("cuttlectl: "));
        QVERIFY(refused.err.contains("release"));

        auto deleted = run({u"--json"_s, u"package"_s, u"delete"_s, u"Web"_s, u"1.0.0"_s});
        QCOMPARE(deleted.exitCode, 0);
        QCOMPARE(deleted.json().object().value("deleted"_L1).toBool(), true);
        QCOMPARE(run({u"package"_s, u"delete"_s, u"Web"_s, u"1.0.0"_s}).exitCode, 3);
        auto listed = run({u"package"_s, u"list"_s, u"--json"_s});
        QCOMPARE(versionsIn(listed.json().array()), QStringList({u"2.0.0"_s}));
    }

    void checkAndRepair()
    {
        QCOMPARE(run({u"package"_s, u"push"_s, makePackage(u"Web.1.0.0.tar.gz"_s), makePackage(u"Web.2.0.0.tar.gz"_s)}).exitCode, 0);
        QCOMPARE(run({u"package"_s, u"check"_s}).exitCode, 0);

        QString stored;
        QDirIterator it(workspace() + u"/packages"_s, {u"Web.1.0.0.tar.gz"_s}, QDir::Files, QDirIterator::Subdirectories);
        if (it.hasNext())
            stored = it.next();
        QVERIFY(!stored.isEmpty());
        QVERIFY(QFile::remove(stored));

        auto found = run({u"--json"_s, u"package"_s, u"check"_s});
        QCOMPARE(found.exitCode, 4);
        QCOMPARE(found.json().object().value("recordsWithoutFile"_L1).toArray().size(), 1);
        auto repaired = run({u"package"_s, u"check"_s, u"--repair"_s});
        QCOMPARE(repaired.exitCode, 0);
        QVERIFY(repaired.out.contains("Web 1.0.0"));
        QCOMPARE(run({u"package"_s, u"check"_s}).exitCode, 0);
        auto listed = run({u"package"_s, u"list"_s, u"--json"_s});
        QCOMPARE(versionsIn(listed.json().array()), QStringList({u"2.0.0"_s}));
    }

    void prune()
    {
        QCOMPARE(run({u"package"_s, u"push"_s, makePackage(u"Old.1.0.0.tar.gz"_s), makePackage(u"Old.2.0.0.tar.gz"_s),
                      makePackage(u"Used.1.0.0.tar.gz"_s), makePackage(u"Fresh.1.0.0.tar.gz"_s)}).exitCode, 0);
        QVERIFY(ageUploads(u"Old"_s, 40));
        QVERIFY(ageUploads(u"Used"_s, 40));
        QVERIFY(addRelease(u"Used"_s, u"1.0"_s)); // 1.0 is 1.0.0: the comparison is semantic

        // A dry run names what would go and what a release keeps, and deletes nothing.
        auto dry = run({u"--json"_s, u"package"_s, u"prune"_s, u"--older-than"_s, u"30"_s, u"--dry-run"_s});
        QCOMPARE(dry.exitCode, 0);
        const QJsonObject plan = dry.json().object();
        QCOMPARE(plan.value("dryRun"_L1).toBool(), true);
        QCOMPARE(plan.value("olderThanDays"_L1).toInt(), 30);
        QCOMPARE(versionsIn(plan.value("packages"_L1).toArray()), QStringList({u"2.0.0"_s, u"1.0.0"_s}));
        QCOMPARE(plan.value("packages"_L1).toArray().at(0).toObject().value("packageId"_L1).toString(), u"Old"_s);
        QCOMPARE(plan.value("keptInUse"_L1).toArray().size(), 1);
        QCOMPARE(plan.value("keptInUse"_L1).toArray().at(0).toObject().value("packageId"_L1).toString(), u"Used"_s);
        QCOMPARE(run({u"--json"_s, u"package"_s, u"list"_s}).json().array().size(), 4);

        auto dryText = run({u"package"_s, u"prune"_s, u"--older-than"_s, u"30"_s, u"--dry-run"_s});
        QCOMPARE(dryText.exitCode, 0);
        QVERIFY2(dryText.out.contains("Would delete Old 2.0.0"), dryText.out.constData());
        QVERIFY(dryText.out.contains("Kept Used 1.0.0: a release uses it."));

        // Younger than the limit: nothing goes.
        auto none = run({u"package"_s, u"prune"_s, u"--older-than"_s, u"50"_s});
        QCOMPARE(none.exitCode, 0);
        QVERIFY(none.out.contains("No package version older than 50"));
        QCOMPARE(run({u"--json"_s, u"package"_s, u"list"_s}).json().array().size(), 4);

        auto pruned = run({u"--json"_s, u"package"_s, u"prune"_s, u"--older-than"_s, u"30"_s});
        QCOMPARE(pruned.exitCode, 0);
        QCOMPARE(pruned.json().object().value("dryRun"_L1).toBool(), false);
        QCOMPARE(pruned.json().object().value("packages"_L1).toArray().size(), 2);
        const QJsonArray left = run({u"--json"_s, u"package"_s, u"list"_s}).json().array();
        QStringList ids;
        for (const QJsonValue &row : left)
            ids << row.toObject().value("packageId"_L1).toString();
        QCOMPARE(ids, QStringList({u"Fresh"_s, u"Used"_s}));
        // Files go with their records.
        QVERIFY(!QDir(workspace() + u"/packages"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());
        QCOMPARE(run({u"package"_s, u"check"_s}).exitCode, 0);
        QDirIterator it(workspace() + u"/packages"_s, {u"Old.*"_s}, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        QVERIFY(!it.hasNext());
    }

    // The list writes its JSON by hand for speed; it must be byte for byte what Qt's writer
    // makes of the same rows, escapes and non-ASCII text included.
    void listJsonIsWhatQtWrites()
    {
        QCOMPARE(run({u"--json"_s, u"package"_s, u"list"_s}).out, QByteArray("[\n]\n"));
        QCOMPARE(run({u"package"_s, u"push"_s, makePackage(u"Acme.Web.1.0.0.tar.gz"_s), makePackage(u"Acme.Web.1.10.0.tar.gz"_s),
                      makePackage(u"Zeta.2.0.0-rc.1.tar.gz"_s)}).exitCode, 0);
        const QString name = QUuid::createUuid().toString();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(workspace() + u"/cuttle.db"_s);
            QVERIFY(db.open());
            QSqlQuery q(db);
            q.prepare(u"UPDATE packages SET description = ?, release_notes = ?, title = ? WHERE version = '1.10.0'"_s);
            q.addBindValue(u"Quote \" backslash \\ slash / tab \t bell \u0007 del \u007f"_s);
            q.addBindValue(u"Line one\nLine two\r\n— Größe 😀"_s);
            q.addBindValue(u"Ünïcode title"_s);
            QVERIFY(q.exec());
            QCOMPARE(q.numRowsAffected(), 1);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);

        auto listed = run({u"--json"_s, u"package"_s, u"list"_s});
        QCOMPARE(listed.exitCode, 0);
        const QJsonDocument parsed = listed.json();
        QCOMPARE(parsed.array().size(), 3);
        QCOMPARE(listed.out, parsed.toJson(QJsonDocument::Indented));
        QCOMPARE(parsed.array().at(0).toObject().value("releaseNotes"_L1).toString(), u"Line one\nLine two\r\n— Größe 😀"_s);
        QCOMPARE(versionsIn(parsed.array()), QStringList({u"1.10.0"_s, u"1.0.0"_s, u"2.0.0-rc.1"_s}));
    }

    void pruneErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("no limit") << QStringList{u"package"_s, u"prune"_s} << 2;
        QTest::newRow("negative") << QStringList{u"package"_s, u"prune"_s, u"--older-than"_s, u"-1"_s} << 4;
        QTest::newRow("not a number") << QStringList{u"package"_s, u"prune"_s, u"--older-than"_s, u"soon"_s} << 4;
    }

    void pruneErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        auto result = run(arguments);
        QCOMPARE(result.exitCode, exitCode);
        QVERIFY(!result.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_PackageCli)
#include "tst_packagecli.moc"
