#include "archivebuilder.h"
#include "packagestoretestsupport.h"

#include "model/engine/builtinrepository.h"
#include "model/store/auditlog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QThread>

using namespace Cuttle;
using namespace Cuttle::Test;

Q_DECLARE_METATYPE(Cuttle::ErrorKind)

class tst_BuiltinRepository final : public QObject
{
    Q_OBJECT

private:
    /// Writes a tar.gz package into the workspace's scratch folder and returns its path.
    static QString makePackage(PackageWorkspace &ws, const QString &fileName, const QByteArray &content = "hello")
    {
        const QString folder = ws.dir.filePath(QStringLiteral("incoming"));
        QDir().mkpath(folder);
        const QString path = folder + u'/' + fileName;
        QFile::remove(path);
        const bool written = writeArchive(path, TestFormat::TarGz,
                                          {TestEntry::directory("bin"), TestEntry::file("bin/app.sh", content, 0755),
                                           TestEntry::file("README.md", "# readme")});
        return written ? path : QString();
    }

    static BuiltinRepository repositoryOf(PackageWorkspace &ws)
    {
        return BuiltinRepository(ws.context, ws.workspace->packagesDirectory(), ws.spaceId);
    }

    static QStringList versionsOf(const QList<PackageRepository::Record> &records)
    {
        QStringList result;
        for (const auto &r : records)
            result << r.version;
        return result;
    }

private slots:
    void pushAddsFileAndRecord()
    {
        PackageWorkspace ws;
        BuiltinRepository repo = repositoryOf(ws);
        const QString file = makePackage(ws, QStringLiteral("Acme.Web.1.2.3.tar.gz"));
        QVERIFY(!file.isEmpty());
        auto pushed = repo.push(file);
        PKG_VERIFY_OK(pushed);
        QCOMPARE(pushed->outcome, BuiltinRepository::PushOutcome::Added);
        QCOMPARE(pushed->record.packageId, QStringLiteral("Acme.Web"));
        QCOMPARE(pushed->record.version, QStringLiteral("1.2.3"));
        QCOMPARE(pushed->record.format, QStringLiteral("tar.gz"));
        QCOMPARE(pushed->record.size, QFileInfo(file).size());
        QCOMPARE(pushed->record.sha256.size(), 64);
        QCOMPARE(pushed->record.uploadedBy, QStringLiteral("tester"));
        const QString stored = repo.absolutePath(pushed->record);
        QVERIFY(stored.startsWith(ws.workspace->packagesDirectory() + u'/' + ws.spaceId + u'/'));
        QVERIFY(QFileInfo::exists(stored));

        auto entries = repo.entries(QStringLiteral("acme.web"), QStringLiteral("1.2.3.0"));
        PKG_VERIFY_OK(entries);
        QStringList paths;
        for (const ArchiveEntry &e : std::as_const(*entries))
            paths << e.path;
        QVERIFY(paths.contains(QStringLiteral("bin/app.sh")));
        QVERIFY(paths.contains(QStringLiteral("README.md")));

        auto events = AuditLog(ws.context).list(pushed->record.id);
        QVERIFY(events.ok());
        QCOMPARE(events->size(), 1);
    }

    void pushExisting_data()
    {
        QTest::addColumn<QString>("secondName");
        QTest::addColumn<QByteArray>("secondContent");
        QTest::addColumn<bool>("replace");
        QTest::addColumn<int>("outcome"); // -1: refused with Conflict
        QTest::newRow("identical file") << "Acme.Web.1.0.0.tar.gz" << QByteArray("hello") << false
                                        << int(BuiltinRepository::PushOutcome::Unchanged);
        QTest::newRow("identical, replace asked") << "Acme.Web.1.0.0.tar.gz" << QByteArray("hello") << true
                                                  << int(BuiltinRepository::PushOutcome::Unchanged);
        QTest::newRow("other content") << "Acme.Web.1.0.0.tar.gz" << QByteArray("changed") << false << -1;
        QTest::newRow("other content, equal version") << "acme.web.1.0.tar.gz" << QByteArray("changed") << false << -1;
        QTest::newRow("other content, replace") << "Acme.Web.1.0.0.tar.gz" << QByteArray("changed") << true
                                                << int(BuiltinRepository::PushOutcome::Replaced);
        QTest::newRow("other format, replace") << "Acme.Web.1.0.0.0.tgz" << QByteArray("changed") << true
                                               << int(BuiltinRepository::PushOutcome::Replaced);
    }
    void pushExisting()
    {
        QFETCH(QString, secondName);
        QFETCH(QByteArray, secondContent);
        QFETCH(bool, replace);
        QFETCH(int, outcome);
        PackageWorkspace ws;
        BuiltinRepository repo = repositoryOf(ws);
        auto first = repo.push(makePackage(ws, QStringLiteral("Acme.Web.1.0.0.tar.gz")));
        PKG_VERIFY_OK(first);
        const QString firstPath = repo.absolutePath(first->record);
        // Archives written at different seconds differ in their timestamps; the identical
        // rows must push the very same bytes, so copy the first file.
        QString second;
        if (secondContent == "hello" && secondName == QStringLiteral("Acme.Web.1.0.0.tar.gz")) {
            second = ws.dir.filePath(QStringLiteral("copy/") + secondName);
            QDir().mkpath(ws.dir.filePath(QStringLiteral("copy")));
            QVERIFY(QFile::copy(firstPath, second));
        } else {
            second = makePackage(ws, secondName, secondContent);
        }
        auto pushed = repo.push(second, replace);
        auto all = repo.records().list(ws.spaceId);
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 1);
        if (outcome < 0) {
            QVERIFY(!pushed.ok());
            QCOMPARE(pushed.error().kind, ErrorKind::Conflict);
            QCOMPARE(all->constFirst().sha256, first->record.sha256);
            QVERIFY(QFileInfo::exists(firstPath));
            return;
        }
        PKG_VERIFY_OK(pushed);
        QCOMPARE(int(pushed->outcome), outcome);
        QCOMPARE(pushed->record.id, first->record.id);
        auto events = AuditLog(ws.context).list(first->record.id);
        QVERIFY(events.ok());
        if (pushed->outcome == BuiltinRepository::PushOutcome::Unchanged) {
            QCOMPARE(events->size(), 1);
            QCOMPARE(all->constFirst().uploadedAt, first->record.uploadedAt);
        } else {
            QCOMPARE(events->size(), 2);
            QCOMPARE(events->constFirst().action, QStringLiteral("Replaced"));
            QVERIFY(all->constFirst().sha256 != first->record.sha256);
            QVERIFY(QFileInfo::exists(repo.absolutePath(all->constFirst())));
            // Exactly one file for the version, whatever its format.
            QCOMPARE(QDir(QFileInfo(firstPath).path()).entryList(QDir::Files).size(), 1);
        }
    }

    void rejectedPushLeavesNothing_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<ErrorKind>("kind");
        QTest::newRow("not a package name") << "readme.txt" << QByteArray("x") << ErrorKind::Validation;
        QTest::newRow("damaged archive") << "Acme.Web.1.0.0.zip" << QByteArray("not a zip at all") << ErrorKind::Validation;
    }
    void rejectedPushLeavesNothing()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, bytes);
        QFETCH(ErrorKind, kind);
        PackageWorkspace ws;
        BuiltinRepository repo = repositoryOf(ws);
        const QString path = ws.dir.filePath(fileName);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        auto pushed = repo.push(path);
        QVERIFY(!pushed.ok());
        QCOMPARE(pushed.error().kind, kind);
        QCOMPARE(repo.records().list(ws.spaceId).valueOr({}).size(), 0);
        auto report = repo.checkConsistency(false, std::chrono::seconds(0));
        QVERIFY(report.ok());
        QVERIFY(report->isConsistent());
        QCOMPARE(report->stalePartialFiles, 0);
    }

    void deleteRefusedWhileReleaseUsesIt()
    {
        PackageWorkspace ws;
        BuiltinRepository repo = repositoryOf(ws);
        auto pushed = repo.push(makePackage(ws, QStringLiteral("Acme.Web.2.0.0.tar.gz")));
        PKG_VERIFY_OK(pushed);
        const QString stored = repo.absolutePath(pushed->record);
        QVERIFY(ws.addRelease(QStringLiteral("Releases-1"), QStringLiteral("Acme.Web"), QStringLiteral("2.0")));

        auto refused = repo.remove(QStringLiteral("Acme.Web"), QStringLiteral("2.0.0"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::Conflict);
        QVERIFY(QFileInfo::exists(stored));

        // Replacing what a release deployed would change the release after the fact.
        auto replaced = repo.push(makePackage(ws, QStringLiteral("Acme.Web.2.0.0.tar.gz"), "other"), true);
        QVERIFY(!replaced.ok());
        QCOMPARE(replaced.error().kind, ErrorKind::Conflict);

        QVERIFY(ws.removeReleases());
        auto removed = repo.remove(QStringLiteral("acme.web"), QStringLiteral("2.0.0.0"));
        PKG_VERIFY_OK(removed);
        QVERIFY(!QFileInfo::exists(stored));
        QCOMPARE(repo.remove(QStringLiteral("Acme.Web"), QStringLiteral("2.0.0")).error().kind, ErrorKind::NotFound);
    }

    void retentionKeepsUsedAndRecent()
    {
        PackageWorkspace ws;
        BuiltinRepository repo = repositoryOf(ws);
        for (const char *name : {"Web.1.0.0.tar.gz", "Web.1.1.0.tar.gz", "Api.3.0.0.tar.gz"})
            PKG_VERIFY_OK(repo.push(makePackage(ws, QString::fromLatin1(name))));
        QVERIFY(ws.addRelease(QStringLiteral("Releases-1"), QStringLiteral("Web"), QStringLiteral("1.1.0")));

        auto none = repo.applyRetention(30);
        PKG_VERIFY_OK(none);
        QCOMPARE(none->size(), 0);

        auto removed = repo.applyRetention(30, QDateTime::currentDateTimeUtc().addDays(31));
        PKG_VERIFY_OK(removed);
        QStringList names;
        for (const auto &r : std::as_const(*removed))
            names << r.displayName();
        names.sort();
        QCOMPARE(names, QStringList({QStringLiteral("Api 3.0.0"), QStringLiteral("Web 1.0.0")}));
        auto left = repo.records().list(ws.spaceId);
        QVERIFY(left.ok());
        QCOMPARE(left->size(), 1);
        QCOMPARE(left->constFirst().version, QStringLiteral("1.1.0"));
        auto report = repo.checkConsistency(false, std::chrono::seconds(0));
        QVERIFY(report.ok());
        QVERIFY(report->isConsistent());
        QCOMPARE(repo.applyRetention(-1).error().kind, ErrorKind::Validation);
    }

    void versions_data()
    {
        QTest::addColumn<QString>("range");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QStringList>("expected");
        const QStringList all{QStringLiteral("2.0.0"), QStringLiteral("2.0.0-rc.1"), QStringLiteral("1.10.0"),
                              QStringLiteral("1.10.0-beta.10"), QStringLiteral("1.10.0-beta.9"), QStringLiteral("1.2.0")};
        QTest::newRow("everything") << QString() << QString() << all;
        QTest::newRow("stable only") << QString() << QStringLiteral("^$")
                                     << QStringList({QStringLiteral("2.0.0"), QStringLiteral("1.10.0"), QStringLiteral("1.2.0")});
        QTest::newRow("betas") << QString() << QStringLiteral("^beta")
                               << QStringList({QStringLiteral("1.10.0-beta.10"), QStringLiteral("1.10.0-beta.9")});
        QTest::newRow("below 2") << QStringLiteral("[1.0,2.0)") << QString()
                                 << QStringList({QStringLiteral("2.0.0-rc.1"), QStringLiteral("1.10.0"), QStringLiteral("1.10.0-beta.10"),
                                                 QStringLiteral("1.10.0-beta.9"), QStringLiteral("1.2.0")});
        QTest::newRow("below 2, stable") << QStringLiteral("[1.0,2.0)") << QStringLiteral("^$")
                                         << QStringList({QStringLiteral("1.10.0"), QStringLiteral("1.2.0")});
        QTest::newRow("exact") << QStringLiteral("[1.2]") << QString() << QStringList({QStringLiteral("1.2.0")});
        QTest::newRow("minimum") << QStringLiteral("1.10.0") << QStringLiteral("^$")
                                 << QStringList({QStringLiteral("2.0.0"), QStringLiteral("1.10.0")});
    }
    void versions()
    {
        QFETCH(QString, range);
        QFETCH(QString, tag);
        QFETCH(QStringList, expected);
        PackageWorkspace ws;
        BuiltinRepository repo = repositoryOf(ws);
        for (const char *v : {"1.2.0", "1.10.0-beta.9", "1.10.0-beta.10", "1.10.0", "2.0.0-rc.1", "2.0.0"})
            PKG_VERIFY_OK(repo.push(makePackage(ws, QStringLiteral("Web.") + QString::fromLatin1(v) + QStringLiteral(".tar.gz"))));
        PKG_VERIFY_OK(repo.push(makePackage(ws, QStringLiteral("Other.9.0.0.tar.gz"))));
        auto found = repo.versions(QStringLiteral("web"), range, tag);
        PKG_VERIFY_OK(found);
        QCOMPARE(versionsOf(*found), expected);
    }

    void versionsRefusesBadInput()
    {
        PackageWorkspace ws;
        BuiltinRepository repo = repositoryOf(ws);
        PKG_VERIFY_OK(repo.push(makePackage(ws, QStringLiteral("Web.1.0.0.tar.gz"))));
        QCOMPARE(repo.versions(QStringLiteral("Web"), QStringLiteral("[2.0,1.0")).error().kind, ErrorKind::Validation);
        QCOMPARE(repo.versions(QStringLiteral("Web"), {}, QStringLiteral("(")).error().kind, ErrorKind::Validation);
        QCOMPARE(repo.versions(QStringLiteral("Nothing")).error().kind, ErrorKind::NotFound);
    }

    void crashRecovery()
    {
        PackageWorkspace ws;
        BuiltinRepository repo = repositoryOf(ws);
        auto kept = repo.push(makePackage(ws, QStringLiteral("Web.1.0.0.tar.gz")));
        PKG_VERIFY_OK(kept);
        auto lost = repo.push(makePackage(ws, QStringLiteral("Web.2.0.0.tar.gz")));
        PKG_VERIFY_OK(lost);

        // A crash after the file was renamed into place but before its record was written.
        const QString webFolder = QFileInfo(repo.absolutePath(kept->record)).path();
        QVERIFY(QFile::copy(makePackage(ws, QStringLiteral("Web.3.0.0.tar.gz")), webFolder + QStringLiteral("/Web.3.0.0.tar.gz")));
        // A crash in the middle of writing.
        QFile partial(webFolder + QStringLiteral("/.Web.4.0.0.tar.gz.partial-AbC123"));
        QVERIFY(partial.open(QIODevice::WriteOnly));
        partial.write("half a package");
        partial.close();
        // A file lost behind Cuttle's back.
        QVERIFY(QFile::remove(repo.absolutePath(lost->record)));

        // Pushes of other processes may still be running: fresh files are left alone.
        auto fresh = repo.checkConsistency(false);
        QVERIFY(fresh.ok());
        QCOMPARE(fresh->filesWithoutRecord, QStringList());
        QCOMPARE(fresh->recordsWithoutFile, QStringList({QStringLiteral("Web 2.0.0")}));
        QCOMPARE(fresh->stalePartialFiles, 0);

        auto report = repo.checkConsistency(false, std::chrono::seconds(0));
        QVERIFY(report.ok());
        QVERIFY(!report->isConsistent());
        QCOMPARE(report->filesWithoutRecord, QStringList({QStringLiteral("Web/Web.3.0.0.tar.gz")}));
        QCOMPARE(report->recordsWithoutFile, QStringList({QStringLiteral("Web 2.0.0")}));
        QCOMPARE(report->stalePartialFiles, 1);
        QVERIFY(!report->repaired);
        // Reporting changes nothing.
        QVERIFY(QFileInfo::exists(webFolder + QStringLiteral("/Web.3.0.0.tar.gz")));
        QVERIFY(partial.exists());

        auto repaired = repo.checkConsistency(true, std::chrono::seconds(0));
        QVERIFY(repaired.ok());
        QVERIFY(repaired->repaired);
        QCOMPARE(repaired->stalePartialFiles, 1);
        QVERIFY(!QFileInfo::exists(webFolder + QStringLiteral("/Web.3.0.0.tar.gz")));
        QVERIFY(!partial.exists());
        QCOMPARE(versionsOf(repo.records().list(ws.spaceId).valueOr({})), QStringList({QStringLiteral("1.0.0")}));

        auto again = repo.checkConsistency(false, std::chrono::seconds(0));
        QVERIFY(again.ok());
        QVERIFY(again->isConsistent());
        QCOMPARE(again->stalePartialFiles, 0);
    }

    void pushOverOrphanFile()
    {
        PackageWorkspace ws;
        BuiltinRepository repo = repositoryOf(ws);
        // A file a crashed push left without a record does not block pushing the version.
        const QString folder = repo.fileDirectory() + QStringLiteral("/Web");
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::copy(makePackage(ws, QStringLiteral("Web.1.0.0.tar.gz"), "old"), folder + QStringLiteral("/Web.1.0.0.tar.gz")));
        auto pushed = repo.push(makePackage(ws, QStringLiteral("Web.1.0.0.tar.gz"), "new"));
        PKG_VERIFY_OK(pushed);
        QCOMPARE(pushed->outcome, BuiltinRepository::PushOutcome::Added);
        auto report = repo.checkConsistency(false, std::chrono::seconds(0));
        QVERIFY(report.ok());
        QVERIFY(report->isConsistent());
    }

    void recordWithoutFileIsRestoredByPush()
    {
        PackageWorkspace ws;
        BuiltinRepository repo = repositoryOf(ws);
        const QString file = makePackage(ws, QStringLiteral("Web.1.0.0.tar.gz"));
        auto first = repo.push(file);
        PKG_VERIFY_OK(first);
        QVERIFY(QFile::remove(repo.absolutePath(first->record)));
        // Same bytes, but the stored copy is gone: the push puts it back instead of claiming "unchanged".
        auto again = repo.push(file);
        PKG_VERIFY_OK(again);
        QCOMPARE(again->outcome, BuiltinRepository::PushOutcome::Replaced);
        QVERIFY(QFileInfo::exists(repo.absolutePath(again->record)));
    }

    void concurrentPushesOfOneVersion()
    {
        PackageWorkspace ws;
        const QString a = makePackage(ws, QStringLiteral("Web.1.0.0.tar.gz"), "first");
        QDir().mkpath(ws.dir.filePath(QStringLiteral("b")));
        const QString b = ws.dir.filePath(QStringLiteral("b/Web.1.0.0.tar.gz"));
        QVERIFY(writeArchive(b, TestFormat::TarGz, {TestEntry::file("app.txt", QByteArray(200000, 'x'))}));
        QList<Result<BuiltinRepository::PushResult>> results;
        QMutex mutex;
        auto pushOne = [&](const QString &file) {
            BuiltinRepository repo = repositoryOf(ws);
            auto r = repo.push(file);
            QMutexLocker locker(&mutex);
            results << r;
        };
        std::unique_ptr<QThread> first(QThread::create(pushOne, a));
        std::unique_ptr<QThread> second(QThread::create(pushOne, b));
        first->start();
        second->start();
        QVERIFY(first->wait(30000));
        QVERIFY(second->wait(30000));
        QCOMPARE(results.size(), 2);
        const int added = int(results.at(0).ok()) + int(results.at(1).ok());
        QCOMPARE(added, 1);
        for (const auto &r : std::as_const(results)) {
            if (!r.ok())
                QCOMPARE(r.error().kind, ErrorKind::Conflict);
        }
        // Whoever won, its record and its file agree.
        BuiltinRepository repo = repositoryOf(ws);
        auto report = repo.checkConsistency(false, std::chrono::seconds(0));
        QVERIFY(report.ok());
        QVERIFY(report->isConsistent());
        auto record = repo.records().find(ws.spaceId, QStringLiteral("Web"), QStringLiteral("1.0.0"));
        QVERIFY(record.ok());
        QCOMPARE(QFileInfo(repo.absolutePath(*record)).size(), record->size);
    }

    void spacesAreSeparate()
    {
        PackageWorkspace ws;
        auto other = SpaceRepository(ws.context).create([] {
            Space s;
            s.name = QStringLiteral("Other");
            return s;
        }());
        PKG_VERIFY_OK(other);
        BuiltinRepository first = repositoryOf(ws);
        BuiltinRepository second(ws.context, ws.workspace->packagesDirectory(), other->id);
        const QString file = makePackage(ws, QStringLiteral("Web.1.0.0.tar.gz"));
        PKG_VERIFY_OK(first.push(file));
        auto pushed = second.push(file);
        PKG_VERIFY_OK(pushed);
        QCOMPARE(pushed->outcome, BuiltinRepository::PushOutcome::Added);
        PKG_VERIFY_OK(first.remove(QStringLiteral("Web"), QStringLiteral("1.0.0")));
        QVERIFY(QFileInfo::exists(second.absolutePath(pushed->record)));
    }
};

QTEST_GUILESS_MAIN(tst_BuiltinRepository)
#include "tst_builtinrepository.moc"
