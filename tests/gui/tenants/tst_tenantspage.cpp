#include "guitestworkspace.h"

#include "model/itemmodels/tenanttablemodel.h"
#include "model/store/tagsetrepository.h"
#include "model/store/tenantrepository.h"
#include "views/tenants/tenantdialog.h"
#include "views/tenants/tenantspage.h"

#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableView>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class tst_TenantsPage : public QObject
{
    Q_OBJECT

private slots:
    void tagATenant()
    {
        GuiTestWorkspace ws;
        QVERIFY(ws.open());
        TagSet region;
        region.spaceId = ws.spaceId();
        region.name = u"Region"_s;
        region.tags = {Tag{{}, u"East"_s, u"#3465a4"_s, {}}, Tag{{}, u"West"_s, u"#cc0000"_s, {}}};
        QVERIFY(TagSetRepository(ws.context()).create(region).ok());

        TenantsPage page(ws.session.get());
        page.resize(900, 600);
        page.show();
        ws.session->waitForIdle();
        QTest::qWait(50);
        QTest::mouseClick(page.findChild<QPushButton *>(u"addTenant"_s), Qt::LeftButton);
        auto *dialog = page.findChild<TenantDialog *>(u"tenantDialog"_s);
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"name"_s), u"Acme"_s);
        QVERIFY(dialog->setTagChecked(u"Region/West"_s, true));
        QVERIFY(!dialog->setTagChecked(u"Region/North"_s, true));
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"save"_s), Qt::LeftButton);
        { QPointer<QWidget> closing(dialog); QTRY_VERIFY(!closing || !closing->isVisible()); }
        ws.session->waitForIdle();
        auto tenants = TenantRepository(ws.context()).list(ws.spaceId());
        QVERIFY(tenants.ok());
        QCOMPARE(tenants->size(), 1);
        QCOMPARE(tenants->constFirst().tags, QStringList{u"Region/West"_s});
        auto *table = page.findChild<QTableView *>(u"tenantTable"_s);
        QTRY_COMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, TenantTableModel::TagsColumn).data(TenantTableModel::TagColorsRole).toStringList(),
                 QStringList{u"#cc0000"_s});

        // A second tenant with the same name is refused next to the name.
        QTest::mouseClick(page.findChild<QPushButton *>(u"addTenant"_s), Qt::LeftButton);
        TenantDialog *second = nullptr;
        for (TenantDialog *d : page.findChildren<TenantDialog *>()) {
            if (d->isVisible())
                second = d;
        }
        QVERIFY(second);
        QTest::keyClicks(second->findChild<QLineEdit *>(u"name"_s), u"acme"_s);
        QTest::mouseClick(second->findChild<QPushButton *>(u"save"_s), Qt::LeftButton);
        QTRY_VERIFY(second->findChild<QLabel *>(u"nameError"_s)->isVisible());
        QVERIFY(second->isVisible());
        QCOMPARE(TenantRepository(ws.context()).list(ws.spaceId())->size(), 1);
    }
};

QTEST_MAIN(tst_TenantsPage)
#include "tst_tenantspage.moc"
