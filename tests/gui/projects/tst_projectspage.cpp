#include "guitestworkspace.h"

#include "model/itemmodels/projecttreemodel.h"
#include "model/store/lifecyclerepository.h"
#include "model/store/projectgrouprepository.h"
#include "model/store/projectrepository.h"
#include "views/projects/namedescriptiondialog.h"
#include "views/projects/projectdialog.h"
#include "views/projects/projectspage.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTreeView>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class tst_ProjectsPage : public QObject
{
    Q_OBJECT

private:
    template<typename Dialog>
    static Dialog *openDialog(QWidget *page, const QString &buttonName)
    {
        auto *button = page->findChild<QPushButton *>(buttonName);
        if (!button)
            return nullptr;
        QTest::mouseClick(button, Qt::LeftButton);
        const QList<Dialog *> dialogs = page->findChildren<Dialog *>();
        for (Dialog *d : dialogs) {
            if (d->isVisible())
                return d;
        }
        return nullptr;
    }

private slots:
    void groupAndProjectThroughDialogs_data()
    {
        QTest::addColumn<QString>("groupName");
        QTest::addColumn<QString>("projectName");
        QTest::newRow("plain") << u"Web apps"_s << u"Shop"_s;
        QTest::newRow("padded names are trimmed") << u"  Services "_s << u" Billing  "_s;
    }

    void groupAndProjectThroughDialogs()
    {
        QFETCH(QString, groupName);
        QFETCH(QString, projectName);
        GuiTestWorkspace ws;
        QVERIFY(ws.open());
        Lifecycle lifecycle;
        lifecycle.spaceId = ws.spaceId();
        lifecycle.name = u"Standard"_s;
        QVERIFY(LifecycleRepository(ws.context()).create(lifecycle).ok());

        ProjectsPage page(ws.session.get());
        page.resize(900, 600);
        page.show();
        auto *tree = page.findChild<QTreeView *>(u"projectTree"_s);
        QVERIFY(tree);

        auto *groupDialog = openDialog<NameDescriptionDialog>(&page, u"addGroup"_s);
        QVERIFY(groupDialog);
        QTest::keyClicks(groupDialog->findChild<QLineEdit *>(u"name"_s), groupName);
        QTest::mouseClick(groupDialog->findChild<QPushButton *>(u"save"_s), Qt::LeftButton);
        { QPointer<QWidget> closing(groupDialog); QTRY_VERIFY(!closing || !closing->isVisible()); }
        QTRY_COMPARE(tree->model()->rowCount(), 1);
        QCOMPARE(tree->model()->index(0, 0).data().toString(), groupName.trimmed());
        // The new group is selected, so a new project lands in it.
        QTRY_COMPARE(tree->currentIndex().data().toString(), groupName.trimmed());

        auto *projectDialog = openDialog<ProjectDialog>(&page, u"addProject"_s);
        QVERIFY(projectDialog);
        QCOMPARE(projectDialog->findChild<QComboBox *>(u"lifecycle"_s)->currentText(), u"Standard"_s);
        QTest::keyClicks(projectDialog->findChild<QLineEdit *>(u"name"_s), projectName);
        QTest::mouseClick(projectDialog->findChild<QPushButton *>(u"save"_s), Qt::LeftButton);
        { QPointer<QWidget> closing(projectDialog); QTRY_VERIFY(!closing || !closing->isVisible()); }

        ws.session->waitForIdle();
        auto projects = ProjectRepository(ws.context()).list(ws.spaceId());
        QVERIFY(projects.ok());
        QCOMPARE(projects->size(), 1);
        QCOMPARE(projects->constFirst().name, projectName.trimmed());
        auto groups = ProjectGroupRepository(ws.context()).list(ws.spaceId());
        QCOMPARE(projects->constFirst().projectGroupId, groups->constFirst().id);
        QTRY_COMPARE(tree->model()->rowCount(tree->model()->index(0, 0)), 1);
        QTRY_COMPARE(tree->currentIndex().data(ProjectTreeModel::KindRole).toInt(), int(ProjectTreeModel::Kind::Project));
        QCOMPARE(page.findChild<QLabel *>(u"projectTitle"_s)->text(), projectName.trimmed());
    }

    void badNamesAreRefusedInline_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("duplicate") << u"Web apps"_s << u"already used"_s;
        QTest::newRow("duplicate, other case") << u"WEB APPS"_s << u"already used"_s;
        QTest::newRow("empty") << u"   "_s << u"needs a name"_s;
    }

    void badNamesAreRefusedInline()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        GuiTestWorkspace ws;
        QVERIFY(ws.open());
        ProjectGroup existing;
        existing.spaceId = ws.spaceId();
        existing.name = u"Web apps"_s;
        QVERIFY(ProjectGroupRepository(ws.context()).create(existing).ok());

        ProjectsPage page(ws.session.get());
        page.show();
        auto *dialog = openDialog<NameDescriptionDialog>(&page, u"addGroup"_s);
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"name"_s), name);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"save"_s), Qt::LeftButton);
        auto *error = dialog->findChild<QLabel *>(u"nameError"_s);
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->text().contains(expected, Qt::CaseInsensitive), qPrintable(error->text()));
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->findChild<QPushButton *>(u"save"_s)->isEnabled());
        ws.session->waitForIdle();
        QCOMPARE(ProjectGroupRepository(ws.context()).list(ws.spaceId())->size(), 1);
        dialog->reject();
    }
};

QTEST_MAIN(tst_ProjectsPage)
#include "tst_projectspage.moc"
