#include "guitestworkspace.h"

#include "model/itemmodels/spacelistmodel.h"
#include "views/configuration/configurationpage.h"
#include "views/projects/namedescriptiondialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPointer>
#include <QPushButton>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class tst_ConfigurationPage : public QObject
{
    Q_OBJECT

private:
    static NameDescriptionDialog *visibleDialog(QWidget *page)
    {
        for (auto *d : page->findChildren<NameDescriptionDialog *>()) {
            if (d->isVisible())
                return d;
        }
        return nullptr;
    }

private slots:
    void createAndRenameSpace()
    {
        GuiTestWorkspace ws;
        QVERIFY(ws.open());
        ConfigurationPage page(ws.session.get());
        page.resize(800, 600);
        page.show();
        auto *view = page.findChild<QListView *>(u"spaceList"_s);
        QTRY_COMPARE(view->model()->rowCount(), 1);

        QTest::mouseClick(page.findChild<QPushButton *>(u"addSpace"_s), Qt::LeftButton);
        auto *dialog = visibleDialog(&page);
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"name"_s), u"Staging"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"save"_s), Qt::LeftButton);
        { QPointer<QWidget> closing(dialog); QTRY_VERIFY(!closing || !closing->isVisible()); }
        QTRY_COMPARE(view->model()->rowCount(), 2);
        QTRY_COMPARE(view->currentIndex().data().toString(), u"Staging"_s);
        const QString id = view->currentIndex().data(SpaceListModel::IdRole).toString();

        QTest::mouseClick(page.findChild<QPushButton *>(u"renameSpace"_s), Qt::LeftButton);
        dialog = visibleDialog(&page);
        QVERIFY(dialog);
        QCOMPARE(dialog->name(), u"Staging"_s);
        auto *name = dialog->findChild<QLineEdit *>(u"name"_s);
        name->selectAll();
        QTest::keyClicks(name, u"default"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"save"_s), Qt::LeftButton);
        QTRY_VERIFY(dialog->findChild<QLabel *>(u"nameError"_s)->isVisible());
        name->selectAll();
        QTest::keyClicks(name, u"QA"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"save"_s), Qt::LeftButton);
        { QPointer<QWidget> closing(dialog); QTRY_VERIFY(!closing || !closing->isVisible()); }
        ws.session->waitForIdle();
        auto space = SpaceRepository(ws.context()).get(id);
        QVERIFY(space.ok());
        QCOMPARE(space->name, u"QA"_s);
        QTRY_COMPARE(view->currentIndex().data().toString(), u"QA"_s);
    }
};

QTEST_MAIN(tst_ConfigurationPage)
#include "tst_configurationpage.moc"
