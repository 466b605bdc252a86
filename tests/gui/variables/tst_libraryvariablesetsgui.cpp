#include "variablestestsupport.h"

#include "model/itemmodels/variables/libraryvariablesetlistmodel.h"
#include "model/store/libraryvariablesetrepository.h"
#include "views/library/librarypage.h"
#include "views/projects/namedescriptiondialog.h"
#include "views/variables/includedlibrarysetspanel.h"
#include "views/variables/libraryvariablesetspanel.h"
#include "views/variables/projectvariablespage.h"
#include "views/variables/scopeeditordialog.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>

using namespace Cuttle;
using namespace Qt::StringLiterals;
using namespace VariablesTestSupport;

class tst_LibraryVariableSetsGui : public QObject
{
    Q_OBJECT

private slots:
    void createEditIncludeAndRefuseDelete()
    {
        GuiTestWorkspace ws;
        QVERIFY(ws.open());
        const QString projectId = createProject(ws, u"Shop"_s);
        LibraryPage library(ws.session.get());
        library.resize(1100, 700);
        library.show();
        LibraryVariableSetsPanel *panel = library.variableSetsPanel();
        QVERIFY(panel);
        library.findChild<QTabWidget *>(u"libraryTabs"_s)->setCurrentWidget(panel);

        // Create a set through the dialog.
        QTest::mouseClick(panel->findChild<QPushButton *>(u"addLibrarySet"_s), Qt::LeftButton);
        NameDescriptionDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = panel->findChild<NameDescriptionDialog *>()));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"name"_s), u"Shared mail"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"save"_s), Qt::LeftButton);
        QTRY_COMPARE(panel->setsModel()->rowCount(), 1);
        QTRY_VERIFY(!panel->findChild<NameDescriptionDialog *>());
        const QString setId = panel->setsModel()->set(0).id;

        // Its values are edited with the same editor as a project's.
        VariablesEditor *editor = panel->editor();
        QTRY_VERIFY(editor->isLoaded());
        QCOMPARE(editor->owner(), VariableOwner::librarySet(setId));
        QTest::mouseClick(editor->findChild<QPushButton *>(u"addVariable"_s), Qt::LeftButton);
        typeIntoCell(editor->view(), 0, VariableTableModel::Name, u"Smtp.Host"_s);
        typeIntoCell(editor->view(), 0, VariableTableModel::Value, u"mail.example"_s);
        // Library sets cannot be scoped to steps or channels (their projects' steps differ).
        QTest::mouseClick(editor->findChild<QPushButton *>(u"editScope"_s), Qt::LeftButton);
        ScopeEditorDialog *scope = nullptr;
        QTRY_VERIFY((scope = editor->findChild<ScopeEditorDialog *>()));
        QVERIFY(scope->edit(ScopeFields::Kind::Environment));
        QVERIFY(!scope->edit(ScopeFields::Kind::Step));
        QVERIFY(!scope->edit(ScopeFields::Kind::Channel));
        scope->reject();
        QTRY_VERIFY(!editor->findChild<ScopeEditorDialog *>());
        QTest::mouseClick(editor->findChild<QPushButton *>(u"saveVariables"_s), Qt::LeftButton);
        QTRY_VERIFY(!editor->isDirty() && !editor->isSaving());
        QCOMPARE(editor->errorText(), QString());
        QCOMPARE(service(ws).list(VariableOwner::librarySet(setId))->size(), 1);

        // The project includes it through the Include dialog and shows its values read-only.
        ProjectVariablesPage project(ws.session.get());
        project.resize(1100, 700);
        project.show();
        project.setProject(projectId);
        IncludedLibrarySetsPanel *included = project.librarySets();
        project.tabs()->setCurrentWidget(included);
        QTRY_VERIFY(included->findChild<QPushButton *>(u"includeSet"_s)->isEnabled());
        QTest::mouseClick(included->findChild<QPushButton *>(u"includeSet"_s), Qt::LeftButton);
        QDialog *includeDialog = nullptr;
        QTRY_VERIFY((includeDialog = included->findChild<QDialog *>(u"includeSetDialog"_s)));
        auto *available = includeDialog->findChild<QListWidget *>(u"availableSets"_s);
        QCOMPARE(available->count(), 1);
        available->item(0)->setCheckState(Qt::Checked);
        QTest::mouseClick(includeDialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_COMPARE(included->includedModel()->rowCount(), 1);
        QTRY_VERIFY(included->valuesView()->isLoaded());
        VariablesEditor *values = included->valuesView();
        QVERIFY(values->isReadOnly());
        QCOMPARE(values->model()->rowCount(), 1);
        QCOMPARE(values->model()->value(0).value, u"mail.example"_s);
        QVERIFY(!(values->model()->flags(values->model()->index(0, VariableTableModel::Value)) & Qt::ItemIsEditable));
        QVERIFY(!values->findChild<QPushButton *>(u"saveVariables"_s)->isVisibleTo(values));
        screenshot(&project, u"included-sets"_s);
        screenshot(&library, u"library-sets"_s);
        QCOMPARE(LibraryVariableSetRepository(ws.context()).includedBy(projectId)->size(), 1);

        // Deleting the set is refused while the project includes it; the sentence is shown inline.
        QTRY_COMPARE(panel->setsModel()->rowCount(), 1);
        QVERIFY(panel->findChild<QPushButton *>(u"deleteLibrarySet"_s)->isEnabled());
        QTest::mouseClick(panel->findChild<QPushButton *>(u"deleteLibrarySet"_s), Qt::LeftButton);
        QTRY_VERIFY(!panel->errorText().isEmpty());
        QVERIFY(panel->findChild<QLabel *>(u"librarySetError"_s)->isVisible());
        QVERIFY2(panel->errorText().contains(u"Shop"_s), qPrintable(panel->errorText()));
        QCOMPARE(LibraryVariableSetRepository(ws.context()).list(ws.spaceId())->size(), 1);

        // Removed from the project, it can be deleted.
        QTest::mouseClick(included->findChild<QPushButton *>(u"removeIncludedSet"_s), Qt::LeftButton);
        QTRY_COMPARE(included->includedModel()->rowCount(), 0);
        QTest::mouseClick(panel->findChild<QPushButton *>(u"deleteLibrarySet"_s), Qt::LeftButton);
        QTRY_COMPARE(panel->setsModel()->rowCount(), 0);
        QCOMPARE(LibraryVariableSetRepository(ws.context()).list(ws.spaceId())->size(), 0);
    }

    void renameShowsDuplicateNameInline()
    {
        GuiTestWorkspace ws;
        QVERIFY(ws.open());
        for (const QString &name : {u"Alpha"_s, u"Beta"_s}) {
            LibraryVariableSet set;
            set.spaceId = ws.spaceId();
            set.name = name;
            QVERIFY(LibraryVariableSetRepository(ws.context()).create(set).ok());
        }
        LibraryVariableSetsPanel panel(ws.session.get());
        panel.show();
        QTRY_COMPARE(panel.setsModel()->rowCount(), 2);
        QTest::mouseClick(panel.findChild<QPushButton *>(u"renameLibrarySet"_s), Qt::LeftButton);
        NameDescriptionDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = panel.findChild<NameDescriptionDialog *>()));
        auto *name = dialog->findChild<QLineEdit *>(u"name"_s);
        name->selectAll();
        QTest::keyClicks(name, u"beta"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"save"_s), Qt::LeftButton);
        QTRY_VERIFY(!dialog->findChild<QLabel *>(u"nameError"_s)->text().isEmpty()
                    || !dialog->findChild<QLabel *>(u"generalError"_s)->text().isEmpty());
        QVERIFY(dialog->isVisible());
        QCOMPARE(panel.setsModel()->set(0).name, u"Alpha"_s);
    }
};

QTEST_MAIN(tst_LibraryVariableSetsGui)
#include "tst_libraryvariablesetsgui.moc"
