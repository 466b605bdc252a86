#include "views/variables/variableseditor.h"

#include "model/engine/variableservice.h"
#include "model/engine/workspacesession.h"
#include "model/itemmodels/variables/variablefilterproxymodel.h"
#include "model/itemmodels/variables/variabletablemodel.h"
#include "views/projects/fielderrorlabel.h"
#include "views/variables/scopeeditordialog.h"
#include "views/variables/variabledetailsdialog.h"
#include "views/variables/variablevaluedelegate.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Cuttle {

namespace {

using StoredList = QList<VariableRepository::Stored>;

QPushButton *button(const QString &text, const QString &name, QStyle::StandardPixmap icon, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(name);
    if (icon != QStyle::SP_CustomBase)
        b->setIcon(parent->style()->standardIcon(icon));
    return b;
}

} // namespace

VariablesEditor::VariablesEditor(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    m_model = new VariableTableModel(this);
    m_proxy = new VariableFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);

    auto *top = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(u"variableFilter"_s);
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(tr("Filter by name, value or scope"));
    m_filter->setToolTip(tr("Every word must match the name, the value or a scope value. Limit a word with name:, value:, "
                            "scope:, env:, target:, tag:, tenant:, tenanttag:, step:, channel: or process:, and keep "
                            "spaces with quotes, e.g. env:Production \"connection string\"."));
    m_filter->addAction(style()->standardIcon(QStyle::SP_FileDialogContentsView), QLineEdit::LeadingPosition);
    m_filter->setMinimumWidth(320);
    top->addWidget(m_filter, 2);
    m_count = new QLabel(this);
    m_count->setObjectName(u"variableCount"_s);
    m_count->setForegroundRole(QPalette::PlaceholderText);
    top->addWidget(m_count);
    top->addStretch(1);

    m_editBar = new QWidget(this);
    auto *edit = new QHBoxLayout(m_editBar);
    edit->setContentsMargins(0, 0, 0, 0);
    m_add = button(tr("Add value"), u"addVariable"_s, QStyle::SP_FileDialogNewFolder, m_editBar);
    m_add->setToolTip(tr("Add a new variable (Insert)"));
    m_addAnother = button(tr("Add another value"), u"addAnotherValue"_s, QStyle::SP_CustomBase, m_editBar);
    m_addAnother->setToolTip(tr("Add another value of the selected variable, to scope differently"));
    m_scope = button(tr("Scope…"), u"editScope"_s, QStyle::SP_CustomBase, m_editBar);
    m_scope->setToolTip(tr("Choose the environments, targets, tags, tenants, steps and channels the value applies to"));
    m_sensitive = button(tr("Sensitive"), u"sensitiveToggle"_s, QStyle::SP_CustomBase, m_editBar);
    m_sensitive->setIcon(VariableValueDelegate::lockIcon());
    m_sensitive->setCheckable(true);
    m_sensitive->setToolTip(tr("Keep the value in the keychain; once saved it is never shown again"));
    m_details = button(tr("Details…"), u"editDetails"_s, QStyle::SP_FileDialogDetailedView, m_editBar);
    m_details->setToolTip(tr("Description and deployment prompt"));
    m_delete = button(tr("Delete"), u"deleteVariables"_s, QStyle::SP_TrashIcon, m_editBar);
    m_delete->setToolTip(tr("Delete the selected values (Delete)"));
    for (QPushButton *b : {m_add, m_addAnother, m_scope, m_sensitive, m_details, m_delete})
        edit->addWidget(b);
    top->addWidget(m_editBar);
    layout->addLayout(top);

    m_view = new QTableView(this);
    m_view->setObjectName(u"variablesTable"_s);
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new VariableValueDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                            | QAbstractItemView::AnyKeyPressed);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setSortingEnabled(false);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    // Fixed heights keep the view from measuring ten thousand rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(VariableTableModel::Name, 280);
    m_view->setColumnWidth(VariableTableModel::Value, 320);
    m_view->horizontalHeader()->setSortIndicatorShown(true);
    m_view->horizontalHeader()->setSectionsClickable(true);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    connect(m_view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [this](int column, Qt::SortOrder order) { m_proxy->sort(column, order); });
    layout->addWidget(m_view, 1);

    auto addViewAction = [this](const QString &text, const QKeySequence &key, auto slot) {
        auto *action = new QAction(text, m_view);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetShortcut);
        connect(action, &QAction::triggered, this, slot);
        m_view->addAction(action);
        return action;
    };
    addViewAction(tr("Add value"), QKeySequence(Qt::Key_Insert), &VariablesEditor::addValue);
    addViewAction(tr("Add another value"), QKeySequence(), &VariablesEditor::addAnotherValue);
    addViewAction(tr("Edit scope…"), QKeySequence(), &VariablesEditor::editScope);
    addViewAction(tr("Details…"), QKeySequence(), &VariablesEditor::editDetails);
    addViewAction(tr("Delete"), QKeySequence::Delete, &VariablesEditor::deleteSelected);

    m_error = new FieldErrorLabel(this);
    m_error->setObjectName(u"variablesError"_s);
    layout->addWidget(m_error);

    m_saveBar = new QWidget(this);
    auto *bottom = new QHBoxLayout(m_saveBar);
    bottom->setContentsMargins(0, 0, 0, 0);
    m_state = new QLabel(m_saveBar);
    m_state->setObjectName(u"variablesState"_s);
    bottom->addWidget(m_state, 1);
    m_discard = button(tr("Discard"), u"discardVariables"_s, QStyle::SP_DialogDiscardButton, m_saveBar);
    m_save = button(tr("Save"), u"saveVariables"_s, QStyle::SP_DialogSaveButton, m_saveBar);
    m_save->setDefault(true);
    m_save->setToolTip(tr("Save every change of this set at once (Ctrl+S)"));
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this);
    saveShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveShortcut, &QShortcut::activated, this, &VariablesEditor::save);
    bottom->addWidget(m_discard);
    bottom->addWidget(m_save);
    layout->addWidget(m_saveBar);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setText(text);
        updateCount();
    });
    connect(m_add, &QPushButton::clicked, this, &VariablesEditor::addValue);
    connect(m_addAnother, &QPushButton::clicked, this, &VariablesEditor::addAnotherValue);
    connect(m_scope, &QPushButton::clicked, this, &VariablesEditor::editScope);
    connect(m_details, &QPushButton::clicked, this, &VariablesEditor::editDetails);
    connect(m_delete, &QPushButton::clicked, this, &VariablesEditor::deleteSelected);
    connect(m_sensitive, &QPushButton::clicked, this, &VariablesEditor::setSelectedSensitive);
    connect(m_save, &QPushButton::clicked, this, &VariablesEditor::save);
    connect(m_discard, &QPushButton::clicked, this, &VariablesEditor::discard);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() == VariableTableModel::Scope && !m_readOnly)
            editScope();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &VariablesEditor::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &VariablesEditor::updateActions);
    connect(m_model, &VariableTableModel::dirtyChanged, this, [this](bool dirty) {
        updateActions();
        emit dirtyChanged(dirty);
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &VariablesEditor::updateActions);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &VariablesEditor::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &VariablesEditor::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &VariablesEditor::updateCount);
    connect(m_session, &WorkspaceSession::changed, this, [this](const QString &kind) {
        // Our own save announces itself too; its result is already shown.
        if (m_saving || !m_hasOwner)
            return;
        if (kind == u"Variable" && !isDirty())
            reload();
        else if (kind == u"Environment" || kind == u"Machine" || kind == u"Tenant" || kind == u"TagSet")
            loadChoices();
    });
    updateActions();
    updateCount();
}

void VariablesEditor::setOwner(const VariableOwner &owner)
{
    const bool same = m_hasOwner && owner == m_owner;
    if (!same && m_hasOwner && isDirty() && !m_readOnly && m_askBeforeDropping && window()->isVisible()) {
        // Switching projects or sets must not lose typed values silently.
        const auto answer = QMessageBox::question(this, tr("Unsaved variables"),
                                                  tr("The variables you were editing have unsaved changes. Save them "
                                                     "before moving on?"),
                                                  QMessageBox::Save | QMessageBox::Discard, QMessageBox::Save);
        if (answer == QMessageBox::Save)
            save(); // runs for the previous owner: save() captures owner and rows now
    }
    m_owner = owner;
    m_hasOwner = true;
    if (!same)
        m_filter->clear();
    reload();
    loadChoices();
}

void VariablesEditor::clearOwner()
{
    m_hasOwner = false;
    ++m_generation;
    m_loaded = false;
    m_model->setRows({});
    m_error->clearError();
    updateActions();
}

void VariablesEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_model->setReadOnly(readOnly);
    m_editBar->setVisible(!readOnly);
    m_saveBar->setVisible(!readOnly);
    m_view->setEditTriggers(readOnly ? QAbstractItemView::NoEditTriggers
                                     : QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                           | QAbstractItemView::AnyKeyPressed);
    m_view->setContextMenuPolicy(readOnly ? Qt::NoContextMenu : Qt::ActionsContextMenu);
    updateActions();
}

bool VariablesEditor::isDirty() const
{
    return m_model->isDirty();
}

QString VariablesEditor::errorText() const
{
    return m_error->text();
}

void VariablesEditor::reload()
{
    if (!m_hasOwner)
        return;
    const quint64 generation = ++m_generation;
    m_loaded = false;
    auto workspace = m_session->workspace();
    auto secrets = m_session->secrets();
    const VariableOwner owner = m_owner;
    updateActions();
    m_session->request<Result<StoredList>>(this, [workspace, secrets, owner]() {
        return VariableService(workspace, secrets).list(owner);
    }, [this, generation](const Result<StoredList> &result) {
        if (generation != m_generation)
            return;
        if (!result) {
            showError(result.error());
            return;
        }
        m_error->clearError();
        m_model->setRows(*result);
        m_loaded = true;
        updateActions();
        updateCount();
        emit loaded();
    });
}

void VariablesEditor::loadChoices()
{
    const StoreContext context = m_session->context();
    const QString spaceId = m_session->currentSpaceId();
    m_session->request<Result<ScopeChoices>>(this, [context, spaceId]() {
        return ScopeChoices::load(context, spaceId);
    }, [this](const Result<ScopeChoices> &result) {
        if (result)
            m_choices = *result;
    });
}

void VariablesEditor::save()
{
    if (!m_hasOwner || m_readOnly || m_saving)
        return;
    // A cell still being edited counts: commit it before taking the rows.
    if (QWidget *editor = m_view->indexWidget(m_view->currentIndex())) {
        emit m_view->itemDelegate()->commitData(editor);
        emit m_view->itemDelegate()->closeEditor(editor);
    }
    int badRow = -1;
    if (auto problem = m_model->validate(&badRow)) {
        showError(*problem);
        if (badRow >= 0)
            selectSourceRow(badRow, problem->field == u"scope" ? int(VariableTableModel::Scope) : int(VariableTableModel::Name));
        return;
    }
    m_error->clearError();
    m_saving = true;
    updateActions();
    auto workspace = m_session->workspace();
    auto secrets = m_session->secrets();
    const VariableOwner owner = m_owner;
    const QString spaceId = m_session->currentSpaceId();
    const StoredList rows = m_model->rows();
    const quint64 generation = ++m_generation;
    m_session->write<Result<StoredList>>(this, u"Variable"_s, [workspace, secrets, spaceId, owner, rows]() {
        return VariableService(workspace, secrets).save(spaceId, owner, rows);
    }, [this, generation](const Result<StoredList> &result) {
        m_saving = false;
        if (generation != m_generation) {
            // The editor moved on to other values; a failure must still be said.
            if (!result)
                showError(Error::failed(tr("The previous changes were not saved: %1").arg(result.error().message)));
            updateActions();
            return;
        }
        if (!result) {
            showError(result.error());
            updateActions();
            return;
        }
        m_model->setRows(*result);
        m_loaded = true;
        updateActions();
        updateCount();
        emit saved();
        emit loaded();
    });
}

void VariablesEditor::discard()
{
    m_error->clearError();
    reload();
}

void VariablesEditor::addValue()
{
    if (m_readOnly || !m_loaded)
        return;
    // A filter could hide the new row; the user asked for it, so show everything.
    m_filter->clear();
    const int row = m_model->addValue();
    selectSourceRow(row, VariableTableModel::Name);
    m_view->edit(m_view->currentIndex());
}

void VariablesEditor::addAnotherValue()
{
    const int source = currentSourceRow();
    if (m_readOnly || source < 0)
        return;
    const int row = m_model->addAnotherValue(source);
    if (!m_proxy->mapFromSource(m_model->index(row, 0)).isValid())
        m_filter->clear();
    selectSourceRow(row, VariableTableModel::Value);
    m_view->edit(m_view->currentIndex());
}

void VariablesEditor::deleteSelected()
{
    if (m_readOnly)
        return;
    const QList<int> rows = selectedSourceRows();
    if (rows.isEmpty())
        return;
    const int first = *std::min_element(rows.cbegin(), rows.cend());
    m_model->removeValues(rows);
    if (m_model->rowCount() > 0)
        selectSourceRow(std::min(first, m_model->rowCount() - 1), VariableTableModel::Name);
}

void VariablesEditor::editScope()
{
    const int row = currentSourceRow();
    if (m_readOnly || row < 0)
        return;
    auto *dialog = new ScopeEditorDialog(m_model->value(row).name, m_choices,
                                         m_owner.kind == VariableOwner::Kind::Project, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setScope(m_model->value(row).scope);
    connect(dialog, &QDialog::accepted, this, [this, dialog, row]() {
        if (row < m_model->rowCount())
            m_model->setScope(row, dialog->scope());
    });
    dialog->open();
}

void VariablesEditor::editDetails()
{
    const int row = currentSourceRow();
    if (m_readOnly || row < 0)
        return;
    const VariableValue &value = m_model->value(row);
    auto *dialog = new VariableDetailsDialog(value.name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setDescription(value.description);
    dialog->setPrompt(value.prompt);
    connect(dialog, &QDialog::accepted, this, [this, dialog, row]() {
        if (row >= m_model->rowCount())
            return;
        m_model->setDescription(row, dialog->description());
        m_model->setPrompt(row, dialog->prompt());
    });
    dialog->open();
}

void VariablesEditor::setSelectedSensitive(bool sensitive)
{
    if (m_readOnly)
        return;
    for (const int row : selectedSourceRows())
        m_model->setSensitive(row, sensitive);
    updateActions();
}

void VariablesEditor::showError(const Error &error)
{
    m_error->setError(error.message);
}

int VariablesEditor::currentSourceRow() const
{
    const QModelIndex current = m_proxy->mapToSource(m_view->currentIndex());
    return current.isValid() ? current.row() : -1;
}

QList<int> VariablesEditor::selectedSourceRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows << m_proxy->mapToSource(index).row();
    if (rows.isEmpty() && currentSourceRow() >= 0)
        rows << currentSourceRow();
    return rows;
}

void VariablesEditor::selectSourceRow(int row, int column)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, column));
    if (!index.isValid())
        return;
    m_view->setCurrentIndex(index);
    m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void VariablesEditor::updateActions()
{
    const bool editable = m_hasOwner && m_loaded && !m_readOnly && !m_saving;
    const int row = currentSourceRow();
    const bool hasRow = editable && row >= 0;
    m_add->setEnabled(editable);
    m_addAnother->setEnabled(hasRow);
    m_scope->setEnabled(hasRow);
    m_details->setEnabled(hasRow);
    m_delete->setEnabled(hasRow);
    m_sensitive->setEnabled(hasRow);
    m_sensitive->setChecked(row >= 0 && m_model->value(row).sensitive);
    const bool dirty = m_model->isDirty();
    m_save->setEnabled(editable && dirty);
    m_discard->setEnabled(editable && dirty);
    if (m_saving)
        m_state->setText(tr("Saving…"));
    else if (dirty)
        m_state->setText(tr("Unsaved changes"));
    else
        m_state->setText(m_loaded ? tr("All changes saved") : tr("Loading…"));
}

void VariablesEditor::updateCount()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    const QLocale locale;
    if (shown == total)
        m_count->setText(tr("%1 value(s)").arg(locale.toString(total)));
    else
        m_count->setText(tr("%1 of %2 values").arg(locale.toString(shown), locale.toString(total)));
}

} // namespace Cuttle
