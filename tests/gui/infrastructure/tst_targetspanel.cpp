#include "model/itemmodels/targetfilterproxymodel.h"
#include "model/itemmodels/targettablemodel.h"
#include "model/store/environmentrepository.h"
#include "model/store/tagsetrepository.h"
#include "model/store/tenantrepository.h"
#include "model/store/targetrepository.h"
#include "sessionfixture.h"
#include "views/infrastructure/targetdialog.h"
#include "views/infrastructure/targetspanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QTableView>
#include <QTest>

using namespace Cuttle;

namespace {

struct Seeded
{
    Environment development;
    Environment production;
};

Seeded seed(const Test::SessionFixture &fixture)
{
    Seeded s;
    EnvironmentRepository environments(fixture.context());
    s.development = environments.create({{}, fixture.defaultSpace.id, QStringLiteral("Development")}).value();
    s.production = environments.create({{}, fixture.defaultSpace.id, QStringLiteral("Production")}).value();
    DeploymentTarget existing;
    existing.spaceId = fixture.defaultSpace.id;
    existing.name = QStringLiteral("web-old");
    existing.kind = TargetKind::Ssh;
    existing.host = QStringLiteral("old.example.com");
    existing.environmentIds << s.production.id;
    existing.tags << QStringLiteral("web") << QStringLiteral("worker");
    TargetRepository(fixture.context()).create(existing).value();
    return s;
}

void checkEnvironment(TargetDialog *dialog, const QString &name)
{
    auto *list = dialog->findChild<QListWidget *>(QStringLiteral("environments"));
    const auto items = list->findItems(name, Qt::MatchExactly);
    QVERIFY(!items.isEmpty());
    items.first()->setCheckState(Qt::Checked);
}

} // namespace

class tst_TargetsPanel final : public QObject
{
    Q_OBJECT

private slots:
    void addSshTargetWithTags()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        const Seeded seeded = seed(fixture);
        TargetsPanel panel(fixture.session.get());
        panel.show();
        QTRY_COMPARE(panel.model()->rowCount(), 1);

        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("addTarget")), Qt::LeftButton);
        QPointer<TargetDialog> dialog = panel.findChild<TargetDialog *>();
        QVERIFY(dialog);
        auto *kind = dialog->findChild<QComboBox *>(QStringLiteral("kind"));
        QVERIFY(TargetKind(kind->currentData().toInt()) == TargetKind::Ssh);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("name")), QStringLiteral("web-01"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("host")), QStringLiteral("web01.example.com"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("port")), QStringLiteral("2222"));
        checkEnvironment(dialog, QStringLiteral("Development"));
        checkEnvironment(dialog, QStringLiteral("Production"));

        // Completion offers the tags already in use for the word being typed.
        auto *tags = dialog->findChild<QLineEdit *>(QStringLiteral("tags"));
        QTest::keyClicks(tags, QStringLiteral("api, wo"));
        auto *completer = dialog->findChild<QCompleter *>();
        QVERIFY(completer);
        QCOMPARE(completer->completionPrefix(), QStringLiteral("wo"));
        QCOMPARE(completer->completionCount(), 1);
        QCOMPARE(completer->currentCompletion(), QStringLiteral("worker"));
        emit completer->activated(QStringLiteral("worker"));
        QCOMPARE(tags->text(), QStringLiteral("api, worker, "));

        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save), Qt::LeftButton);
        QTRY_VERIFY(!dialog);

        auto stored = TargetRepository(fixture.context()).find(fixture.defaultSpace.id, QStringLiteral("web-01"));
        QVERIFY(stored);
        QVERIFY(stored->kind == TargetKind::Ssh);
        QCOMPARE(stored->host, QStringLiteral("web01.example.com"));
        QCOMPARE(stored->port, 2222);
        QCOMPARE(stored->tags, (QStringList{QStringLiteral("api"), QStringLiteral("worker")}));
        QCOMPARE(stored->environmentIds, (QStringList{seeded.development.id, seeded.production.id}));
        QVERIFY(!stored->isDisabled);
        QTRY_COMPARE(panel.model()->rowCount(), 2);
    }

    void badInputShowsOneSentenceAtItsField_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("port");
        QTest::addColumn<QString>("tags");
        QTest::addColumn<bool>("withEnvironment");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty name") << QString() << QStringLiteral("h1") << QString() << QString() << true
                                    << QStringLiteral("name") << QStringLiteral("The target needs a name.");
        QTest::newRow("duplicate name") << QStringLiteral("WEB-OLD") << QStringLiteral("h1") << QString() << QString() << true
                                        << QStringLiteral("name")
                                        << QStringLiteral("The name \"WEB-OLD\" is already used by another target.");
        QTest::newRow("bad host") << QStringLiteral("t") << QStringLiteral("bad host!") << QString() << QString() << true
                                  << QStringLiteral("host")
                                  << QStringLiteral("\"bad host!\" is not a valid host name or IP address.");
        QTest::newRow("no host") << QStringLiteral("t") << QString() << QString() << QString() << true << QStringLiteral("host")
                                 << QStringLiteral("The target needs a host name or IP address.");
        QTest::newRow("port too large") << QStringLiteral("t") << QStringLiteral("h1") << QStringLiteral("70000") << QString()
                                        << true << QStringLiteral("port")
                                        << QStringLiteral("The port must be a number from 1 to 65535, not 70000.");
        QTest::newRow("port not a number") << QStringLiteral("t") << QStringLiteral("h1") << QStringLiteral("ssh") << QString()
                                           << true << QStringLiteral("port")
                                           << QStringLiteral("The port must be a number from 1 to 65535, not \"ssh\".");
        QTest::newRow("tag of only spaces") << QStringLiteral("t") << QStringLiteral("h1") << QString()
                                            << QStringLiteral("web,   , db") << true << QStringLiteral("tags")
                                            << QStringLiteral("A target tag cannot be empty or only spaces.");
        QTest::newRow("tags field of only spaces") << QStringLiteral("t") << QStringLiteral("h1") << QString()
                                                   << QStringLiteral("   ") << true << QStringLiteral("tags")
                                                   << QStringLiteral("A target tag cannot be empty or only spaces.");
        QTest::newRow("no environment") << QStringLiteral("t") << QStringLiteral("h1") << QString() << QString() << false
                                        << QStringLiteral("environments")
                                        << QStringLiteral("The target must belong to at least one environment.");
    }

    void badInputShowsOneSentenceAtItsField()
    {
        QFETCH(QString, name);
        QFETCH(QString, host);
        QFETCH(QString, port);
        QFETCH(QString, tags);
        QFETCH(bool, withEnvironment);
        QFETCH(QString, field);
        QFETCH(QString, message);
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        seed(fixture);
        TargetsPanel panel(fixture.session.get());
        panel.show();
        QTRY_COMPARE(panel.model()->rowCount(), 1);

        panel.addTarget();
        TargetDialog *dialog = panel.findChild<TargetDialog *>();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("name")), name);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("host")), host);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("port")), port);
        dialog->findChild<QLineEdit *>(QStringLiteral("tags"))->setText(tags);
        if (withEnvironment)
            checkEnvironment(dialog, QStringLiteral("Production"));
        dialog->accept();
        QTRY_COMPARE(dialog->errors().message(field), message);
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("error_") + field)->isVisible());
        QVERIFY(dialog->isVisible());
        fixture.session->waitForIdle();
        QCOMPARE(TargetRepository(fixture.context()).list(fixture.defaultSpace.id).value().size(), 1);
    }

    void tenantedTargetServesChosenTenantsAndTags()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        seed(fixture);
        TagSet tier;
        tier.spaceId = fixture.defaultSpace.id;
        tier.name = QStringLiteral("Tier");
        tier.tags = {Tag{{}, QStringLiteral("Gold"), {}, {}}};
        QVERIFY(TagSetRepository(fixture.context()).create(tier));
        Tenant tenant;
        tenant.spaceId = fixture.defaultSpace.id;
        tenant.name = QStringLiteral("Contoso");
        auto contoso = TenantRepository(fixture.context()).create(tenant);
        QVERIFY(contoso);

        TargetsPanel panel(fixture.session.get());
        panel.show();
        QTRY_COMPARE(panel.model()->rowCount(), 1);
        panel.addTarget();
        QPointer<TargetDialog> dialog = panel.findChild<TargetDialog *>();
        auto *tenants = dialog->findChild<QListWidget *>(QStringLiteral("tenantList"));
        auto *tenantTags = dialog->findChild<QListWidget *>(QStringLiteral("tenantTagList"));
        QVERIFY(tenants && tenantTags);
        QVERIFY(!tenants->isEnabled()); // untenanted by default
        auto *participation = dialog->findChild<QComboBox *>(QStringLiteral("tenants"));
        participation->setCurrentIndex(participation->findData(int(TenantedParticipation::Tenanted)));
        QVERIFY(tenants->isEnabled());
        QCOMPARE(tenantTags->count(), 1);
        QCOMPARE(tenantTags->item(0)->text(), QStringLiteral("Tier/Gold"));
        tenants->item(0)->setCheckState(Qt::Checked);
        tenantTags->item(0)->setCheckState(Qt::Checked);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("name")), QStringLiteral("tenant-web"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("host")), QStringLiteral("10.1.2.3"));
        checkEnvironment(dialog, QStringLiteral("Production"));
        dialog->accept();
        QTRY_VERIFY(!dialog);
        auto stored = TargetRepository(fixture.context()).find(fixture.defaultSpace.id, QStringLiteral("tenant-web"));
        QVERIFY(stored);
        QCOMPARE(stored->tenantIds, QStringList{contoso->id});
        QCOMPARE(stored->tenantTags, QStringList{QStringLiteral("Tier/Gold")});
    }

    void localTargetNeedsOnlyADirectory()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        seed(fixture);
        TargetsPanel panel(fixture.session.get());
        panel.show();
        QTRY_COMPARE(panel.model()->rowCount(), 1);
        panel.addTarget();
        QPointer<TargetDialog> dialog = panel.findChild<TargetDialog *>();
        auto *kind = dialog->findChild<QComboBox *>(QStringLiteral("kind"));
        kind->setCurrentIndex(kind->findData(int(TargetKind::Local)));
        QVERIFY(!dialog->findChild<QLineEdit *>(QStringLiteral("host"))->isVisible());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("name")), QStringLiteral("here"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("directory")), QStringLiteral("relative/dir"));
        checkEnvironment(dialog, QStringLiteral("Development"));
        dialog->findChild<QCheckBox *>(QStringLiteral("enabled"))->setChecked(false);
        dialog->accept();
        QCOMPARE(dialog->errors().message(QStringLiteral("directory")),
                 QStringLiteral("The directory \"relative/dir\" must be an absolute path."));
        dialog->findChild<QLineEdit *>(QStringLiteral("directory"))->setText(QStringLiteral("/srv/here"));
        dialog->accept();
        QTRY_VERIFY(!dialog);
        auto stored = TargetRepository(fixture.context()).find(fixture.defaultSpace.id, QStringLiteral("here"));
        QVERIFY(stored);
        QVERIFY(stored->kind == TargetKind::Local);
        QCOMPARE(stored->directory, QStringLiteral("/srv/here"));
        QVERIFY(stored->isDisabled);
    }

    void filters()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        const Seeded seeded = seed(fixture);
        DeploymentTarget local;
        local.spaceId = fixture.defaultSpace.id;
        local.name = QStringLiteral("dev-box");
        local.kind = TargetKind::Local;
        local.directory = QStringLiteral("/srv/dev");
        local.environmentIds << seeded.development.id;
        local.tags << QStringLiteral("api");
        QVERIFY(TargetRepository(fixture.context()).create(local));
        TargetsPanel panel(fixture.session.get());
        panel.show();
        QTRY_COMPARE(panel.model()->rowCount(), 2);
        QCOMPARE(panel.proxy()->rowCount(), 2);

        QTest::keyClicks(panel.filterText(), QStringLiteral("old.example"));
        QCOMPARE(panel.proxy()->rowCount(), 1);
        QCOMPARE(panel.proxy()->index(0, 0).data().toString(), QStringLiteral("web-old"));
        panel.filterText()->clear();
        QCOMPARE(panel.proxy()->rowCount(), 2);

        auto *environment = panel.findChild<QComboBox *>(QStringLiteral("filterEnvironment"));
        environment->setCurrentIndex(environment->findData(seeded.development.id));
        QCOMPARE(panel.proxy()->rowCount(), 1);
        QCOMPARE(panel.proxy()->index(0, 0).data().toString(), QStringLiteral("dev-box"));
        environment->setCurrentIndex(0);

        auto *tag = panel.findChild<QComboBox *>(QStringLiteral("filterTag"));
        QCOMPARE(tag->count(), 4); // all, api, web, worker
        tag->setCurrentIndex(tag->findData(QStringLiteral("worker")));
        QCOMPARE(panel.proxy()->rowCount(), 1);
        tag->setCurrentIndex(0);

        auto *kind = panel.findChild<QComboBox *>(QStringLiteral("filterKind"));
        kind->setCurrentIndex(kind->findData(int(TargetKind::Local)));
        QCOMPARE(panel.proxy()->rowCount(), 1);
        kind->setCurrentIndex(0);

        auto *health = panel.findChild<QComboBox *>(QStringLiteral("filterHealth"));
        health->setCurrentIndex(health->findData(int(HealthStatus::Healthy)));
        QCOMPARE(panel.proxy()->rowCount(), 0);
        QVERIFY(panel.findChild<QLabel *>(QStringLiteral("targetCount"))->text().contains(QStringLiteral("No target")));
        health->setCurrentIndex(health->findData(int(HealthStatus::Unknown)));
        QCOMPARE(panel.proxy()->rowCount(), 2);
    }

    void screenshots()
    {
        const QString shots = qEnvironmentVariable("CUTTLE_SCREENSHOT_DIR");
        if (shots.isEmpty())
            QSKIP("Set CUTTLE_SCREENSHOT_DIR to look at the targets panel and the target editor.");
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        seed(fixture);
        TargetsPanel panel(fixture.session.get());
        panel.resize(1000, 420);
        panel.show();
        QTRY_COMPARE(panel.model()->rowCount(), 1);
        panel.grab().save(QDir(shots).filePath(QStringLiteral("targets.png")));
        panel.addTarget();
        TargetDialog *dialog = panel.findChild<TargetDialog *>();
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("host")), QStringLiteral("bad host!"));
        dialog->findChild<QLineEdit *>(QStringLiteral("tags"))->setText(QStringLiteral("web,  ,"));
        dialog->accept();
        dialog->adjustSize();
        dialog->grab().save(QDir(shots).filePath(QStringLiteral("targetdialog.png")));
    }
};

QTEST_MAIN(tst_TargetsPanel)
#include "tst_targetspanel.moc"
