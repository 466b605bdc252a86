#include "model/engine/variableservice.h"
#include "model/secrets/inmemorysecretstore.h"
#include "model/store/auditlog.h"
#include "model/store/libraryvariablesetrepository.h"
#include "model/store/lifecyclerepository.h"
#include "model/store/projectgrouprepository.h"
#include "model/store/projectrepository.h"
#include "model/store/spacerepository.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Cuttle;

namespace {

VariableValue value(const QString &name, const QString &text, bool sensitive = false)
{
    VariableValue v;
    v.name = name;
    v.value = text;
    v.sensitive = sensitive;
    return v;
}

} // namespace

class tst_VariableService : public QObject
{
    Q_OBJECT

private:
    struct Fixture
    {
        QTemporaryDir dir;
        std::shared_ptr<Workspace> workspace;
        std::shared_ptr<InMemorySecretStore> secrets = std::make_shared<InMemorySecretStore>();
        QString spaceId;
        QString projectId;
        QString setId;

        Fixture()
        {
            workspace = *Workspace::open(dir.path());
            const StoreContext context = workspace->context(QStringLiteral("tester"));
            spaceId = SpaceRepository(context).defaultSpace()->id;
            Project p;
            p.spaceId = spaceId;
            p.name = QStringLiteral("Shop");
            p.projectGroupId = ProjectGroupRepository(context).create({{}, spaceId, QStringLiteral("Web"), {}})->id;
            p.lifecycleId = LifecycleRepository(context).create(Lifecycle{{}, spaceId, QStringLiteral("L"), {}, {}, {}, {}})->id;
            projectId = ProjectRepository(context).create(p)->id;
            setId = LibraryVariableSetRepository(context).create({{}, spaceId, QStringLiteral("Common"), {}})->id;
        }
        VariableService service() { return VariableService(workspace, secrets, QStringLiteral("tester")); }
        /// Every byte SQLite keeps for the workspace: the database and its write-ahead log.
        QByteArray databaseBytes()
        {
            QByteArray all;
            const QDir folder(workspace->directory());
            for (const QString &name : folder.entryList({QStringLiteral("cuttle.db*")}, QDir::Files)) {
                QFile file(folder.filePath(name));
                if (file.open(QIODevice::ReadOnly))
                    all += file.readAll();
            }
            return all;
        }
        int auditCount()
        {
            return int(AuditLog(workspace->context()).list({}, 100000)->size());
        }
    };

private slots:
    void secretsGoToTheStoreOnly_data()
    {
        QTest::addColumn<bool>("library");
        QTest::newRow("project") << false;
        QTest::newRow("library set") << true;
    }
    void secretsGoToTheStoreOnly()
    {
        QFETCH(bool, library);
        Fixture f;
        const VariableOwner owner = library ? VariableOwner::librarySet(f.setId) : VariableOwner::project(f.projectId);
        VariableService service = f.service();
        const QString secret = QStringLiteral("Zebra-Kettle-4711");
        auto saved = service.save(f.spaceId, owner,
                                  {{{}, value(QStringLiteral("Db.Password"), secret, true), false},
                                   {{}, value(QStringLiteral("Db.User"), QStringLiteral("shop-user")), false}});
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
        const QString key = service.secretKey(saved->at(0).id);
        QCOMPARE(f.secrets->keys(), QStringList{key});
        QCOMPARE(f.secrets->read(key)->constData(), secret.toUtf8().constData());
        QVERIFY(saved->at(0).value.value.isEmpty());

        const QByteArray bytes = f.databaseBytes();
        QVERIFY(bytes.contains("shop-user")); // the check itself can see values
        QVERIFY(!bytes.contains(secret.toUtf8()));
        QVERIFY(!bytes.contains(secret.toUtf8().toBase64()));

        // Keeping the secret (empty value) leaves the keychain alone; a single set() replaces it.
        QVERIFY(service.save(f.spaceId, owner, *saved).ok());
        QCOMPARE(f.secrets->read(key)->constData(), secret.toUtf8().constData());
        QVERIFY(service.set(f.spaceId, owner, value(QStringLiteral("DB.PASSWORD"), QStringLiteral("Other-Secret-99"), true)).ok());
        QCOMPARE(f.secrets->read(key)->constData(), "Other-Secret-99");
        QVERIFY(!f.databaseBytes().contains("Other-Secret-99"));

        // Dropping the value deletes its secret after the save.
        auto plainOnly = service.save(f.spaceId, owner, {saved->at(1)});
        QVERIFY(plainOnly.ok());
        QVERIFY(f.secrets->keys().isEmpty());
    }

    void effectiveReadsSecretsOnlyWhenAsked()
    {
        Fixture f;
        VariableService service = f.service();
        QVERIFY(service.set(f.spaceId, VariableOwner::project(f.projectId), value(QStringLiteral("A"), QStringLiteral("own"))).ok());
        QVERIFY(service.set(f.spaceId, VariableOwner::librarySet(f.setId), value(QStringLiteral("Key"), QStringLiteral("lib-secret"), true)).ok());
        QVERIFY(LibraryVariableSetRepository(f.workspace->context()).setIncluded(f.projectId, {f.setId}).ok());
        auto masked = service.effective(f.projectId, false);
        QVERIFY(masked.ok());
        QCOMPARE(masked->size(), 2);
        QCOMPARE(masked->at(0).source, QStringLiteral("Shop"));
        QCOMPARE(masked->at(1).source, QStringLiteral("Common"));
        QVERIFY(masked->at(1).fromLibrarySet);
        QVERIFY(masked->at(1).value.isEmpty());
        auto full = service.effective(f.projectId, true);
        QCOMPARE(full->at(1).value, QStringLiteral("lib-secret"));

        // Without the keychain, only the caller that asks for secrets fails.
        f.secrets->failWith(Error::failed(QStringLiteral("The keychain is locked.")));
        QVERIFY(service.effective(f.projectId, false).ok());
        QVERIFY(!service.effective(f.projectId, true).ok());
    }

    void failingSecretStoreLeavesDatabaseUnchanged_data()
    {
        QTest::addColumn<int>("operation");
        QTest::newRow("save") << 0;
        QTest::newRow("set") << 1;
        QTest::newRow("remove") << 2;
    }
    void failingSecretStoreLeavesDatabaseUnchanged()
    {
        QFETCH(int, operation);
        Fixture f;
        const VariableOwner owner = VariableOwner::project(f.projectId);
        VariableService service = f.service();
        auto before = service.save(f.spaceId, owner,
                                   {{{}, value(QStringLiteral("Plain"), QStringLiteral("1")), false},
                                    {{}, value(QStringLiteral("Secret"), QStringLiteral("first-secret"), true), false}});
        QVERIFY(before.ok());
        const int audits = f.auditCount();
        f.secrets->failWith(Error::failed(QStringLiteral("The keychain is locked.")));

        VoidResult outcome;
        if (operation == 0) {
            auto rows = *before;
            rows[0].value.value = QStringLiteral("2");
            rows << VariableRepository::Stored{{}, value(QStringLiteral("Another"), QStringLiteral("second-secret"), true), false};
            auto r = service.save(f.spaceId, owner, rows);
            if (!r)
                outcome = r.error();
        } else if (operation == 1) {
            auto r = service.set(f.spaceId, owner, value(QStringLiteral("Secret"), QStringLiteral("second-secret"), true));
            if (!r)
                outcome = r.error();
        } else {
            auto r = service.remove(f.spaceId, owner, QStringLiteral("Secret"), {});
            if (!r)
                outcome = r.error();
        }
        QVERIFY(!outcome.ok());
        QCOMPARE(outcome.error().message, QStringLiteral("The keychain is locked."));
        f.secrets->clearFailure();

        auto after = service.list(owner);
        QCOMPARE(after->size(), 2);
        QCOMPARE(after->at(0).value.value, QStringLiteral("1"));
        QCOMPARE(after->at(1).id, before->at(1).id);
        QCOMPARE(f.auditCount(), audits);
        QCOMPARE(f.secrets->keys(), QStringList{service.secretKey(before->at(1).id)});
        QCOMPARE(f.secrets->read(service.secretKey(before->at(1).id))->constData(), "first-secret");
    }

    void removeLibrarySetDeletesItsSecrets()
    {
        Fixture f;
        VariableService service = f.service();
        QVERIFY(service.set(f.spaceId, VariableOwner::librarySet(f.setId), value(QStringLiteral("K"), QStringLiteral("x-secret"), true)).ok());
        QVERIFY(LibraryVariableSetRepository(f.workspace->context()).setIncluded(f.projectId, {f.setId}).ok());
        auto refused = service.removeLibrarySet(f.spaceId, f.setId);
        QCOMPARE(refused.error().kind, ErrorKind::Conflict);
        QCOMPARE(f.secrets->keys().size(), 1);
        QVERIFY(LibraryVariableSetRepository(f.workspace->context()).setIncluded(f.projectId, {}).ok());
        QVERIFY(service.removeLibrarySet(f.spaceId, f.setId).ok());
        QVERIFY(f.secrets->keys().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_VariableService)
#include "tst_variableservice.moc"
