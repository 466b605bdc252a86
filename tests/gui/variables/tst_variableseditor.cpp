#include "variablestestsupport.h"

#include "model/secrets/secretkey.h"
#include "model/store/spacerepository.h"
#include "model/store/targetrepository.h"
#include "views/projects/fielderrorlabel.h"
#include "views/projects/projectdetailwidget.h"
#include "views/variables/variabledetailsdialog.h"
#include "views/variables/projectvariablespage.h"
#include "views/variables/scopeeditordialog.h"
#include "views/variables/scopevaluesedit.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QGroupBox>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

using namespace Cuttle;
using namespace Qt::StringLiterals;
using namespace VariablesTestSupport;

namespace {

/// A keychain that refuses every write, as a locked or missing Secret Service does.
class RefusingSecretStore final : public SecretStore
{
public:
    VoidResult write(const QString &, const QByteArray &) override
    {
        return Error::failed(u"The keychain is locked."_s);
    }
    Result<QByteArray> read(const QString &) override { return Error::notFound(u"No such secret."_s); }
    VoidResult remove(const QString &) override { return {}; }
    QString backendName() const override { return u"refusing"_s; }
};

} // namespace

class tst_VariablesEditor : public QObject
{
    Q_OBJECT

private:
    struct Fixture
    {
        GuiTestWorkspace ws;
        QString projectId;
        std::unique_ptr<ProjectVariablesPage> page;
        VariablesEditor *editor = nullptr;

        bool open()
        {
            if (!ws.open())
                return false;
            createEnvironments(ws, {u"Development"_s, u"Test"_s, u"Production"_s});
            projectId = createProject(ws, u"Shop"_s);
            page = std::make_unique<ProjectVariablesPage>(ws.session.get());
            page->resize(1100, 700);
            page->show();
            editor = page->editor();
            editor->setAskBeforeDropping(false);
            page->setProject(projectId);
            return !projectId.isEmpty();
        }
        QTableView *view() const { return editor->view(); }
        QPushButton *button(const QString &name) const { return editor->findChild<QPushButton *>(name); }
        QList<VariableRepository::Stored> stored() { return *service(ws).list(VariableOwner::project(projectId)); }
    };

    static ScopeEditorDialog *openScopeDialog(Fixture &f)
    {
        QTest::mouseClick(f.button(u"editScope"_s), Qt::LeftButton);
        ScopeEditorDialog *dialog = nullptr;
        [&]() { QTRY_VERIFY((dialog = f.editor->findChild<ScopeEditorDialog *>()) && dialog->isVisible()); }();
        return dialog;
    }

    static void setScope(Fixture &f, const QString &environments)
    {
        ScopeEditorDialog *dialog = openScopeDialog(f);
        QVERIFY(dialog);
        ScopeValuesEdit *edit = dialog->edit(ScopeFields::Kind::Environment);
        QTest::keyClicks(edit, environments);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY(!f.editor->findChild<ScopeEditorDialog *>());
    }

    static void addValue(Fixture &f, const QString &name, const QString &value)
    {
        QTest::mouseClick(f.button(u"addVariable"_s), Qt::LeftButton);
        const int row = f.view()->currentIndex().row();
        QVERIFY(row >= 0);
        typeIntoCell(f.view(), row, VariableTableModel::Name, name);
        typeIntoCell(f.view(), row, VariableTableModel::Value, value);
    }

private slots:
    void addValuesWithScopesAndSave()
    {
        Fixture f;
        QVERIFY(f.open());
        QTRY_VERIFY(f.editor->isLoaded());
        QCOMPARE(f.editor->model()->rowCount(), 0);
        QVERIFY(!f.button(u"saveVariables"_s)->isEnabled());

        addValue(f, u"Url"_s, u"http://prod.example"_s);
        setScope(f, u"Production"_s);
        // Another value of the same name, scoped differently.
        QTest::mouseClick(f.button(u"addAnotherValue"_s), Qt::LeftButton);
        const int second = f.view()->currentIndex().row();
        QCOMPARE(f.view()->model()->index(second, VariableTableModel::Name).data().toString(), u"Url"_s);
        typeIntoCell(f.view(), second, VariableTableModel::Value, u"http://test.example"_s);
        setScope(f, u"Test, Development"_s);
        addValue(f, u"Port"_s, u"8080"_s);
        QCOMPARE(f.editor->model()->rowCount(), 3);
        QCOMPARE(f.editor->findChild<QLabel *>(u"variablesState"_s)->text(), u"Unsaved changes"_s);
        QVERIFY(f.button(u"saveVariables"_s)->isEnabled());

        QTest::mouseClick(f.button(u"saveVariables"_s), Qt::LeftButton);
        QTRY_VERIFY(!f.editor->isDirty() && !f.editor->isSaving());
        QCOMPARE(f.editor->errorText(), QString());
        const auto stored = f.stored();
        QCOMPARE(stored.size(), 3);
        QCOMPARE(stored.at(0).value.name, u"Url"_s);
        QCOMPARE(stored.at(0).value.value, u"http://prod.example"_s);
        QCOMPARE(stored.at(0).value.scope.environments, QStringList{u"Production"_s});
        QCOMPARE(stored.at(1).value.value, u"http://test.example"_s);
        QStringList environments = stored.at(1).value.scope.environments;
        environments.sort();
        QCOMPARE(environments, (QStringList{u"Development"_s, u"Test"_s}));
        QCOMPARE(stored.at(2).value.name, u"Port"_s);
        QVERIFY(stored.at(2).value.scope.isUnscoped());
        QCOMPARE(f.view()->model()->index(0, VariableTableModel::Scope).data().toString(), u"Environment: Production"_s);
        screenshot(f.page.get(), u"editor"_s);

        // Delete one and discard: the stored set comes back.
        f.view()->setCurrentIndex(f.view()->model()->index(2, 0));
        QTest::mouseClick(f.button(u"deleteVariables"_s), Qt::LeftButton);
        QCOMPARE(f.editor->model()->rowCount(), 2);
        QTest::mouseClick(f.button(u"discardVariables"_s), Qt::LeftButton);
        QTRY_COMPARE(f.editor->model()->rowCount(), 3);
        QVERIFY(!f.editor->isDirty());
    }

    void refusedSaveShowsInlineAndSavesNothing_data()
    {
        QTest::addColumn<QString>("secondName");
        QTest::addColumn<QString>("expected");
        QTest::newRow("same name and scope") << u"url"_s << u"same scope"_s;
        QTest::newRow("no name") << QString() << u"needs a variable name"_s;
    }

    void refusedSaveShowsInlineAndSavesNothing()
    {
        QFETCH(QString, secondName);
        QFETCH(QString, expected);
        Fixture f;
        QVERIFY(f.open());
        QTRY_VERIFY(f.editor->isLoaded());
        addValue(f, u"Url"_s, u"a"_s);
        if (secondName.isEmpty()) {
            QTest::mouseClick(f.button(u"addVariable"_s), Qt::LeftButton);
            typeIntoCell(f.view(), 1, VariableTableModel::Value, u"b"_s);
        } else {
            addValue(f, secondName, u"b"_s);
        }
        QTest::mouseClick(f.button(u"saveVariables"_s), Qt::LeftButton);
        QVERIFY2(f.editor->errorText().contains(expected), qPrintable(f.editor->errorText()));
        QCOMPARE(f.view()->currentIndex().row(), 1);
        QVERIFY(f.editor->isDirty());
        f.ws.session->waitForIdle();
        QVERIFY(f.stored().isEmpty());
    }

    void sensitiveValueIsHiddenAndKept()
    {
        Fixture f;
        QVERIFY(f.open());
        QTRY_VERIFY(f.editor->isLoaded());
        QTest::mouseClick(f.button(u"addVariable"_s), Qt::LeftButton);
        typeIntoCell(f.view(), 0, VariableTableModel::Name, u"Db.Password"_s);
        QTest::mouseClick(f.button(u"sensitiveToggle"_s), Qt::LeftButton);
        QVERIFY(f.editor->model()->value(0).sensitive);
        // The editor of a sensitive value does not echo what is typed.
        const QModelIndex valueIndex = f.view()->model()->index(0, VariableTableModel::Value);
        f.view()->setCurrentIndex(valueIndex);
        f.view()->edit(valueIndex);
        auto *line = qobject_cast<QLineEdit *>(f.view()->indexWidget(valueIndex));
        QVERIFY(line);
        QCOMPARE(line->echoMode(), QLineEdit::Password);
        QTest::keyClicks(line, u"hunter2-secret"_s);
        QTest::keyClick(line, Qt::Key_Return);
        QTRY_COMPARE(valueIndex.data().toString(), VariableTableModel::mask());
        QTest::mouseClick(f.button(u"saveVariables"_s), Qt::LeftButton);
        QTRY_VERIFY(!f.editor->isDirty() && !f.editor->isSaving());
        QCOMPARE(f.editor->errorText(), QString());

        // Saved: shown masked, not held by the console, and in the keychain.
        QCOMPARE(f.view()->model()->index(0, VariableTableModel::Value).data().toString(), VariableTableModel::mask());
        QVERIFY(f.editor->model()->value(0).value.isEmpty());
        QVERIFY(f.editor->model()->keepsSecret(0));
        const QString id = f.editor->model()->id(0);
        QVERIFY(!id.isEmpty());
        QCOMPARE(f.stored().first().value.value, QString());
        QCOMPARE(*f.ws.session->secrets()->read(service(f.ws).secretKey(id)), QByteArray("hunter2-secret"));

        // Editing the cell starts empty: the stored value is never loaded.
        f.view()->edit(f.view()->model()->index(0, VariableTableModel::Value));
        line = qobject_cast<QLineEdit *>(f.view()->indexWidget(f.view()->model()->index(0, VariableTableModel::Value)));
        QVERIFY(line);
        QCOMPARE(line->text(), QString());
        QTest::keyClick(line, Qt::Key_Escape);

        // A second save of other changes keeps the secret.
        addValue(f, u"Db.User"_s, u"shop"_s);
        QTest::mouseClick(f.button(u"saveVariables"_s), Qt::LeftButton);
        QTRY_VERIFY(!f.editor->isDirty() && !f.editor->isSaving());
        QCOMPARE(f.editor->errorText(), QString());
        QCOMPARE(f.stored().size(), 2);
        QCOMPARE(f.stored().first().id, id);
        QCOMPARE(*f.ws.session->secrets()->read(service(f.ws).secretKey(id)), QByteArray("hunter2-secret"));
        const auto effective = service(f.ws).effective(f.projectId, true);
        QVERIFY(effective.ok());
        QCOMPARE(effective->first().value, u"hunter2-secret"_s);
    }

    void filterByNameValueAndScope_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("rows");
        QTest::newRow("everything") << QString() << 5;
        QTest::newRow("name") << u"url"_s << 2;
        QTest::newRow("value") << u"8443"_s << 1;
        QTest::newRow("environment scope") << u"env:production"_s << 2;
        QTest::newRow("name and scope") << u"url production"_s << 1;
        QTest::newRow("sensitive value not searchable") << u"topsecret"_s << 0;
        QTest::newRow("nothing") << u"zzz"_s << 0;
    }

    void filterByNameValueAndScope()
    {
        QFETCH(QString, text);
        QFETCH(int, rows);
        Fixture f;
        QVERIFY(f.open());
        QList<VariableRepository::Stored> seed;
        auto add = [&](const QString &name, const QString &value, const QStringList &environments, bool sensitive = false) {
            VariableRepository::Stored s;
            s.value.name = name;
            s.value.value = value;
            s.value.sensitive = sensitive;
            s.value.scope.environments = environments;
            seed << s;
        };
        add(u"Url"_s, u"http://prod"_s, {u"Production"_s});
        add(u"Url"_s, u"http://test"_s, {u"Test"_s});
        add(u"Port"_s, u"8443"_s, {});
        add(u"ApiKey"_s, u"topsecret"_s, {u"Production"_s}, true);
        add(u"Region"_s, u"eu"_s, {});
        QVERIFY(service(f.ws).save(f.ws.spaceId(), VariableOwner::project(f.projectId), seed).ok());
        f.editor->reload();
        QTRY_COMPARE(f.editor->model()->rowCount(), 5);
        QTest::keyClicks(f.editor->filterEdit(), text);
        QCOMPARE(f.view()->model()->rowCount(), rows);
        const QString count = f.editor->findChild<QLabel *>(u"variableCount"_s)->text();
        QVERIFY2(count.contains(QString::number(rows)), qPrintable(count));
        f.editor->filterEdit()->clear();
        QCOMPARE(f.view()->model()->rowCount(), 5);
    }

    void scopeEditorCompletesRealRecords()
    {
        Fixture f;
        QVERIFY(f.open());
        DeploymentTarget target;
        target.spaceId = f.ws.spaceId();
        target.name = u"web-01"_s;
        target.kind = TargetKind::Local;
        target.directory = u"/srv/web"_s;
        target.tags = {u"web-server"_s};
        target.environmentIds = {EnvironmentRepository(f.ws.context()).find(f.ws.spaceId(), u"Production"_s)->id};
        QVERIFY(TargetRepository(f.ws.context()).create(target).ok());
        f.page->setProject(QString());
        f.page->setProject(f.projectId); // reload the choices with the target
        QTRY_VERIFY(f.editor->isLoaded());
        QTRY_COMPARE(f.editor->scopeChoices().machines, QStringList{u"web-01"_s});
        addValue(f, u"Url"_s, u"x"_s);

        ScopeEditorDialog *dialog = openScopeDialog(f);
        QVERIFY(dialog);
        ScopeValuesEdit *environments = dialog->edit(ScopeFields::Kind::Environment);
        QCOMPARE(environments->choices(), (QStringList{u"Development"_s, u"Test"_s, u"Production"_s}));
        QCOMPARE(dialog->edit(ScopeFields::Kind::Machine)->choices(), QStringList{u"web-01"_s});
        QCOMPARE(dialog->edit(ScopeFields::Kind::Role)->choices(), QStringList{u"web-server"_s});
        QVERIFY(dialog->edit(ScopeFields::Kind::Step));
        QVERIFY(dialog->findChild<QLabel *>(u"freeTextHint"_s)->text().contains(u"not records yet"_s));

        // Typing pops up the matching environments; choosing one completes it.
        environments->setFocus();
        QTest::keyClicks(environments, u"duc"_s);
        QCompleter *completer = environments->valueCompleter();
        QTRY_VERIFY(completer->popup()->isVisible());
        QCOMPARE(completer->completionCount(), 1);
        QCOMPARE(completer->currentCompletion(), u"Production"_s);
        QTest::keyClick(completer->popup(), Qt::Key_Down);
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QCOMPARE(environments->values(), QStringList{u"Production"_s});
        // Down on an empty part lists every environment.
        QTest::keyClick(environments, Qt::Key_Down);
        QTRY_VERIFY(completer->popup()->isVisible());
        QCOMPARE(completer->completionCount(), 3);
        QTest::keyClick(completer->popup(), Qt::Key_Escape);

        // A name that is no environment of the space is refused inline.
        QTest::keyClicks(environments, u"Staging"_s);
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->error(ScopeFields::Kind::Environment).contains(u"Staging"_s));
        environments->setValues({u"Production"_s});
        QTest::keyClicks(dialog->edit(ScopeFields::Kind::Step), u"Deploy site"_s);
        screenshot(dialog, u"scope-dialog"_s);
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY(!f.editor->findChild<ScopeEditorDialog *>());
        const ScopeSpec scope = f.editor->model()->value(0).scope;
        QCOMPARE(scope.environments, QStringList{u"Production"_s});
        QCOMPARE(scope.steps, QStringList{u"Deploy site"_s});
    }

    void detailsDescriptionAndPromptAreSaved()
    {
        Fixture f;
        QVERIFY(f.open());
        QTRY_VERIFY(f.editor->isLoaded());
        addValue(f, u"Release.Notes.Url"_s, u"https://notes"_s);
        QTest::mouseClick(f.button(u"editDetails"_s), Qt::LeftButton);
        VariableDetailsDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = f.editor->findChild<VariableDetailsDialog *>()) && dialog->isVisible());
        QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(u"variableDescription"_s), u"Where release notes live"_s);
        auto *prompted = dialog->findChild<QGroupBox *>(u"promptGroup"_s);
        prompted->setChecked(true);
        auto *label = dialog->findChild<QLineEdit *>(u"promptLabel"_s);
        QCOMPARE(label->text(), u"Release.Notes.Url"_s); // suggested from the name
        label->clear();
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QVERIFY(dialog->isVisible()); // a prompt needs a label: refused inline
        QTest::keyClicks(label, u"Notes URL"_s);
        dialog->findChild<QCheckBox *>(u"promptRequired"_s)->setChecked(true);
        auto *control = dialog->findChild<QComboBox *>(u"promptControl"_s);
        control->setCurrentIndex(control->findData(int(VariablePrompt::Control::MultiLineText)));
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY(!f.editor->findChild<VariableDetailsDialog *>());
        QTest::mouseClick(f.button(u"saveVariables"_s), Qt::LeftButton);
        QTRY_VERIFY(!f.editor->isDirty() && !f.editor->isSaving());
        QCOMPARE(f.editor->errorText(), QString());
        const auto stored = f.stored();
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().value.description, u"Where release notes live"_s);
        QVERIFY(stored.first().value.prompt.has_value());
        QCOMPARE(stored.first().value.prompt->label, u"Notes URL"_s);
        QVERIFY(stored.first().value.prompt->required);
        QCOMPARE(stored.first().value.prompt->control, VariablePrompt::Control::MultiLineText);
        QVERIFY(f.view()->model()->index(0, 0).data(Qt::ToolTipRole).toString().contains(u"Notes URL"_s));
    }

    void keychainFailureSavesNothing()
    {
        QTemporaryDir dir;
        auto workspace = Workspace::open(dir.path());
        QVERIFY(workspace.ok());
        WorkspaceSession session(*workspace, std::make_shared<RefusingSecretStore>());
        const auto space = SpaceRepository((*workspace)->context()).defaultSpace();
        session.setCurrentSpace(space->id, space->name);
        Environment e;
        e.spaceId = space->id;
        e.name = u"Production"_s;
        QVERIFY(EnvironmentRepository((*workspace)->context()).create(e).ok());
        Lifecycle lifecycle;
        lifecycle.spaceId = space->id;
        lifecycle.name = u"Standard"_s;
        const QString lifecycleId = LifecycleRepository((*workspace)->context()).create(lifecycle)->id;
        const QString groupId = ProjectGroupRepository((*workspace)->context()).create({{}, space->id, u"Apps"_s, {}})->id;
        Project project;
        project.spaceId = space->id;
        project.name = u"Shop"_s;
        project.projectGroupId = groupId;
        project.lifecycleId = lifecycleId;
        const QString projectId = ProjectRepository((*workspace)->context()).create(project)->id;

        VariablesEditor editor(&session);
        editor.setAskBeforeDropping(false);
        editor.show();
        editor.setOwner(VariableOwner::project(projectId));
        QTRY_VERIFY(editor.isLoaded());
        QTest::mouseClick(editor.findChild<QPushButton *>(u"addVariable"_s), Qt::LeftButton);
        typeIntoCell(editor.view(), 0, VariableTableModel::Name, u"Plain"_s);
        typeIntoCell(editor.view(), 0, VariableTableModel::Value, u"visible"_s);
        QTest::mouseClick(editor.findChild<QPushButton *>(u"addVariable"_s), Qt::LeftButton);
        typeIntoCell(editor.view(), 1, VariableTableModel::Name, u"Secret"_s);
        QTest::mouseClick(editor.findChild<QPushButton *>(u"sensitiveToggle"_s), Qt::LeftButton);
        typeIntoCell(editor.view(), 1, VariableTableModel::Value, u"hunter2"_s);
        QTest::mouseClick(editor.findChild<QPushButton *>(u"saveVariables"_s), Qt::LeftButton);
        QTRY_VERIFY(!editor.isSaving());
        // The failure is said inline, the typed values stay, and not even the plain value was stored.
        QVERIFY2(editor.errorText().contains(u"keychain is locked"_s), qPrintable(editor.errorText()));
        QVERIFY(editor.findChild<QLabel *>(u"variablesError"_s)->isVisible());
        QVERIFY(editor.isDirty());
        QCOMPARE(editor.model()->rowCount(), 2);
        QCOMPARE(VariableService(*workspace, session.secrets()).list(VariableOwner::project(projectId))->size(), 0);
    }

    void switchingWithUnsavedChangesAsks_data()
    {
        QTest::addColumn<bool>("save");
        QTest::newRow("save") << true;
        QTest::newRow("discard") << false;
    }

    void switchingWithUnsavedChangesAsks()
    {
        QFETCH(bool, save);
        Fixture f;
        QVERIFY(f.open());
        const QString otherId = createProject(f.ws, u"Blog"_s);
        f.editor->setAskBeforeDropping(true);
        QTRY_VERIFY(f.editor->isLoaded());
        addValue(f, u"Url"_s, u"http://shop"_s);
        QVERIFY(f.editor->isDirty());
        bool asked = false;
        // The question is modal: answer it from the event loop it runs.
        auto *answer = new QTimer(this);
        connect(answer, &QTimer::timeout, this, [&asked, save, answer]() {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            asked = true;
            answer->stop();
            QTest::mouseClick(box->button(save ? QMessageBox::Save : QMessageBox::Discard), Qt::LeftButton);
        });
        answer->start(20);
        f.page->setProject(otherId);
        QVERIFY(asked);
        QTRY_VERIFY(f.editor->isLoaded() && !f.editor->isSaving());
        QCOMPARE(f.editor->owner(), VariableOwner::project(otherId));
        QCOMPARE(f.editor->model()->rowCount(), 0);
        f.ws.session->waitForIdle();
        QCOMPARE(f.stored().size(), save ? 1 : 0);
        delete answer;
    }

    void projectDetailHasTheVariablesTab()
    {
        GuiTestWorkspace ws;
        QVERIFY(ws.open());
        const QString projectId = createProject(ws, u"Shop"_s);
        VariableRepository::Stored port;
        port.value.name = u"Port"_s;
        port.value.value = u"8080"_s;
        QVERIFY(service(ws).save(ws.spaceId(), VariableOwner::project(projectId), {port}).ok());
        ProjectDetailWidget detail(ws.session.get());
        detail.show();
        QVERIFY(detail.variablesPage());
        Project project = *ProjectRepository(ws.context()).get(projectId);
        detail.setProject(project, ProjectGroup{}, Lifecycle{});
        QTRY_VERIFY(detail.variablesPage()->editor()->isLoaded());
        QCOMPARE(detail.variablesPage()->editor()->model()->value(0).name, u"Port"_s);
        auto *tabs = detail.findChild<QTabWidget *>();
        bool found = false;
        for (int i = 0; i < tabs->count(); ++i)
            found = found || tabs->widget(i) == detail.variablesPage();
        QVERIFY(found);
    }
};

QTEST_MAIN(tst_VariablesEditor)
#include "tst_variableseditor.moc"
