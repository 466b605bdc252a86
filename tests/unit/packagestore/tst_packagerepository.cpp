#include "packagestoretestsupport.h"

#include "model/store/auditlog.h"
#include "model/store/packagerepository.h"

using namespace Cuttle;

Q_DECLARE_METATYPE(Cuttle::ErrorKind)

class tst_PackageRepository final : public QObject
{
    Q_OBJECT

private:
    static PackageRepository::Record record(const QString &spaceId, const QString &packageId, const QString &version,
                                            const QString &format = QStringLiteral("Zip"))
    {
        PackageRepository::Record r;
        r.spaceId = spaceId;
        r.packageId = packageId;
        r.version = version;
        r.format = format;
        r.size = 42;
        r.sha256 = QStringLiteral("ab").repeated(32);
        r.filePath = packageId + u'/' + packageId + u'.' + version + u".zip";
        return r;
    }

private slots:
    void insertFindAndAudit()
    {
        Test::PackageWorkspace ws;
        PackageRepository repo(ws.context);
        auto saved = repo.insert(record(ws.spaceId, QStringLiteral("Acme.Web"), QStringLiteral("1.2.0-Beta.1")));
        PKG_VERIFY_OK(saved);
        QCOMPARE(saved->id, QStringLiteral("Packages-1"));
        QCOMPARE(saved->uploadedBy, QStringLiteral("tester"));
        QCOMPARE(saved->normalizedVersion, QStringLiteral("1.2.0-beta.1"));

        auto found = repo.find(ws.spaceId, QStringLiteral("acme.web"), QStringLiteral("1.2.0.0-beta.1"));
        QVERIFY(found.ok());
        QCOMPARE(found->id, saved->id);
        QCOMPARE(found->size, qint64(42));
        QVERIFY(found->uploadedAt.isValid());

        auto events = AuditLog(ws.context).list(saved->id);
        QVERIFY(events.ok());
        QCOMPARE(events->size(), 1);
        QCOMPARE(events->constFirst().action, QStringLiteral("Created"));
        QCOMPARE(events->constFirst().documentKind, QStringLiteral("Package"));
    }

    void semanticDuplicatesConflict_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");
        QTest::addColumn<QString>("format");
        QTest::addColumn<bool>("conflict");
        QTest::newRow("same text") << "1.0.0" << "1.0.0" << "Zip" << true;
        QTest::newRow("four parts") << "1.0.0" << "1.0.0.0" << "Zip" << true;
        QTest::newRow("leading zeros") << "2016.01.02" << "2016.1.2" << "tar.gz" << true;
        QTest::newRow("metadata ignored") << "1.0.0+build.1" << "1.0.0" << "Zip" << true;
        QTest::newRow("pre-release case") << "1.0.0-BETA" << "1.0.0-beta" << "Zip" << true;
        QTest::newRow("other pre-release") << "1.0.0-beta.9" << "1.0.0-beta.10" << "Zip" << false;
        QTest::newRow("maven equal") << "1.0" << "1.0.0" << "Jar" << true;
        QTest::newRow("maven other") << "1.0-SNAPSHOT" << "1.0" << "Jar" << false;
    }
    void semanticDuplicatesConflict()
    {
        QFETCH(QString, first);
        QFETCH(QString, second);
        QFETCH(QString, format);
        QFETCH(bool, conflict);
        Test::PackageWorkspace ws;
        PackageRepository repo(ws.context);
        QVERIFY(repo.insert(record(ws.spaceId, QStringLiteral("Acme"), first, format)).ok());
        auto again = repo.insert(record(ws.spaceId, QStringLiteral("ACME"), second, format));
        QCOMPARE(!again.ok(), conflict);
        if (conflict)
            QCOMPARE(again.error().kind, ErrorKind::Conflict);
        QCOMPARE(repo.find(ws.spaceId, QStringLiteral("acme"), second).ok(), true);
    }

    void listNewestFirstAndFilter()
    {
        Test::PackageWorkspace ws;
        PackageRepository repo(ws.context);
        for (const char *v : {"1.0.0", "1.10.0", "1.2.0", "1.10.0-beta.2", "1.10.0-beta.10"})
            QVERIFY(repo.insert(record(ws.spaceId, QStringLiteral("Web"), QString::fromLatin1(v))).ok());
        QVERIFY(repo.insert(record(ws.spaceId, QStringLiteral("Api"), QStringLiteral("3.0.0"))).ok());

        auto web = repo.list(ws.spaceId, QStringLiteral("web"));
        QVERIFY(web.ok());
        QStringList versions;
        for (const auto &r : std::as_const(*web))
            versions << r.version;
        QCOMPARE(versions, QStringList({QStringLiteral("1.10.0"), QStringLiteral("1.10.0-beta.10"), QStringLiteral("1.10.0-beta.2"), QStringLiteral("1.2.0"), QStringLiteral("1.0.0")}));

        auto all = repo.list(ws.spaceId);
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 6);
        QCOMPARE(all->constFirst().packageId, QStringLiteral("Api"));
    }

    void replaceKeepsIdAndAudits()
    {
        Test::PackageWorkspace ws;
        PackageRepository repo(ws.context);
        auto saved = repo.insert(record(ws.spaceId, QStringLiteral("Web"), QStringLiteral("1.0.0")));
        QVERIFY(saved.ok());
        PackageRepository::Record changed = *saved;
        changed.sha256 = QStringLiteral("cd").repeated(32);
        changed.size = 99;
        auto replaced = repo.replace(changed);
        QVERIFY(replaced.ok());
        auto found = repo.get(saved->id);
        QVERIFY(found.ok());
        QCOMPARE(found->size, qint64(99));
        QCOMPARE(found->sha256, changed.sha256);
        auto events = AuditLog(ws.context).list(saved->id);
        QVERIFY(events.ok());
        QCOMPARE(events->size(), 2);
        QCOMPARE(events->constFirst().action, QStringLiteral("Replaced"));
    }

    void removeRefusedWhileReleaseUsesIt()
    {
        Test::PackageWorkspace ws;
        PackageRepository repo(ws.context);
        auto saved = repo.insert(record(ws.spaceId, QStringLiteral("Web"), QStringLiteral("1.0.0")));
        QVERIFY(saved.ok());
        // The release wrote the version differently; it is still the same version.
        QVERIFY(ws.addRelease(QStringLiteral("Releases-1"), QStringLiteral("web"), QStringLiteral("1.0")));
        QCOMPARE(repo.releaseCount(ws.spaceId, QStringLiteral("Web"), QStringLiteral("1.0.0")).valueOr(-1), 1);
        QCOMPARE(repo.releaseCount(ws.spaceId, QStringLiteral("Web"), QStringLiteral("1.0.1")).valueOr(-1), 0);
        auto refused = repo.remove(saved->id);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, ErrorKind::Conflict);
        QVERIFY(refused.error().message.contains(QStringLiteral("1 release")));
        QVERIFY(repo.get(saved->id).ok());

        QVERIFY(ws.removeReleases());
        QVERIFY(repo.remove(saved->id).ok());
        QCOMPARE(repo.get(saved->id).error().kind, ErrorKind::NotFound);
        auto events = AuditLog(ws.context).list(saved->id);
        QVERIFY(events.ok());
        QCOMPARE(events->constFirst().action, QStringLiteral("Deleted"));
    }

    void findMissing()
    {
        Test::PackageWorkspace ws;
        auto missing = PackageRepository(ws.context).find(ws.spaceId, QStringLiteral("Web"), QStringLiteral("1.0.0"));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().kind, ErrorKind::NotFound);
    }
};

QTEST_GUILESS_MAIN(tst_PackageRepository)
#include "tst_packagerepository.moc"
