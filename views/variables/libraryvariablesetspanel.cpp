#include "views/variables/libraryvariablesetspanel.h"

#include "model/engine/variableservice.h"
#include "model/engine/workspacesession.h"
#include "model/itemmodels/variables/libraryvariablesetlistmodel.h"
#include "model/store/libraryvariablesetrepository.h"
#include "views/projects/fielderrorlabel.h"
#include "views/projects/namedescriptiondialog.h"
#include "views/shell/emptystatewidget.h"
#include "views/variables/variableseditor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Cuttle {

LibraryVariableSetsPanel::LibraryVariableSetsPanel(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    m_sets = new LibraryVariableSetListModel(this);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    auto *splitter = new QSplitter(Qt::Horizontal, this);

    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_list = new QTableView(left);
    m_list->setObjectName(u"librarySetList"_s);
    m_list->setModel(m_sets);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(true);
    // The description is the detail's subtitle and the row's tooltip; the list stays narrow.
    m_list->setColumnHidden(LibraryVariableSetListModel::Description, true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    leftLayout->addWidget(m_list, 1);
    auto *buttons = new QHBoxLayout;
    m_add = new QPushButton(style()->standardIcon(QStyle::SP_FileDialogNewFolder), tr("Add set"), left);
    m_add->setObjectName(u"addLibrarySet"_s);
    m_rename = new QPushButton(tr("Rename…"), left);
    m_rename->setObjectName(u"renameLibrarySet"_s);
    m_delete = new QPushButton(style()->standardIcon(QStyle::SP_TrashIcon), tr("Delete"), left);
    m_delete->setObjectName(u"deleteLibrarySet"_s);
    buttons->addWidget(m_add);
    buttons->addWidget(m_rename);
    buttons->addWidget(m_delete);
    buttons->addStretch();
    leftLayout->addLayout(buttons);
    m_error = new FieldErrorLabel(left);
    m_error->setObjectName(u"librarySetError"_s);
    leftLayout->addWidget(m_error);

    m_stack = new QStackedWidget(splitter);
    m_empty = new EmptyStateWidget(tr("No library variable sets yet"),
                                   tr("Library variable sets hold variables shared by several projects, such as "
                                      "connection strings and credentials. Create a set, give it values, then include "
                                      "it from a project's Variables › Library sets tab."),
                                   m_stack);
    connect(m_empty->addAction(tr("Add library variable set")), &QPushButton::clicked, this, &LibraryVariableSetsPanel::addSet);
    m_stack->addWidget(m_empty);
    m_detail = new QWidget(m_stack);
    auto *detailLayout = new QVBoxLayout(m_detail);
    detailLayout->setContentsMargins(12, 0, 0, 0);
    m_title = new QLabel(m_detail);
    m_title->setObjectName(u"librarySetTitle"_s);
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.25);
    font.setBold(true);
    m_title->setFont(font);
    m_description = new QLabel(m_detail);
    m_description->setWordWrap(true);
    m_description->setForegroundRole(QPalette::PlaceholderText);
    m_editor = new VariablesEditor(session, m_detail);
    m_editor->setObjectName(u"librarySetValues"_s);
    detailLayout->addWidget(m_title);
    detailLayout->addWidget(m_description);
    detailLayout->addWidget(m_editor, 1);
    m_stack->addWidget(m_detail);
    splitter->addWidget(left);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({300, 800});
    layout->addWidget(splitter);

    connect(m_add, &QPushButton::clicked, this, &LibraryVariableSetsPanel::addSet);
    connect(m_rename, &QPushButton::clicked, this, &LibraryVariableSetsPanel::renameSelected);
    connect(m_delete, &QPushButton::clicked, this, &LibraryVariableSetsPanel::deleteSelected);
    connect(m_list, &QTableView::doubleClicked, this, &LibraryVariableSetsPanel::renameSelected);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &LibraryVariableSetsPanel::showSelected);
    connect(m_session, &WorkspaceSession::changed, this, [this](const QString &kind) {
        if (kind == u"LibraryVariableSet" || kind == u"Space")
            reload();
    });
    connect(m_session, &WorkspaceSession::currentSpaceChanged, this, [this]() {
        m_error->clearError();
        reload();
    });
    showSelected();
    reload();
}

QString LibraryVariableSetsPanel::errorText() const
{
    return m_error->text();
}

void LibraryVariableSetsPanel::reload()
{
    const quint64 generation = ++m_generation;
    const StoreContext context = m_session->context();
    const QString spaceId = m_session->currentSpaceId();
    using Sets = QList<LibraryVariableSet>;
    m_session->request<Result<Sets>>(this, [context, spaceId]() {
        return LibraryVariableSetRepository(context).list(spaceId);
    }, [this, generation](const Result<Sets> &result) {
        if (generation != m_generation)
            return;
        if (!result) {
            m_error->setError(result.error().message);
            return;
        }
        const QModelIndex current = m_list->currentIndex();
        const QString selected = !m_pendingSelection.isEmpty() ? m_pendingSelection
                                 : current.isValid()           ? m_sets->set(current.row()).id
                                                               : QString();
        m_pendingSelection.clear();
        m_sets->setSets(*result);
        int row = m_sets->rowOfId(selected);
        if (row < 0 && m_sets->rowCount() > 0)
            row = 0;
        if (row >= 0)
            m_list->setCurrentIndex(m_sets->index(row, 0));
        showSelected();
        emit loaded();
    });
}

void LibraryVariableSetsPanel::select(const QString &id)
{
    const int row = m_sets->rowOfId(id);
    if (row >= 0)
        m_list->setCurrentIndex(m_sets->index(row, 0));
    else
        m_pendingSelection = id;
}

void LibraryVariableSetsPanel::showSelected()
{
    const QModelIndex current = m_list->currentIndex();
    const bool has = current.isValid();
    m_rename->setEnabled(has);
    m_delete->setEnabled(has);
    if (!has) {
        m_editor->clearOwner();
        m_stack->setCurrentWidget(m_empty);
        m_empty->setTitle(m_sets->rowCount() == 0 ? tr("No library variable sets yet") : tr("Select a variable set"));
        return;
    }
    const LibraryVariableSet &set = m_sets->set(current.row());
    m_title->setText(set.name);
    m_description->setText(set.description);
    m_description->setVisible(!set.description.isEmpty());
    m_stack->setCurrentWidget(m_detail);
    const VariableOwner owner = VariableOwner::librarySet(set.id);
    if (!(m_editor->owner() == owner) || !m_editor->isLoaded())
        m_editor->setOwner(owner);
}

void LibraryVariableSetsPanel::addSet()
{
    openDialog(std::nullopt);
}

void LibraryVariableSetsPanel::renameSelected()
{
    const QModelIndex current = m_list->currentIndex();
    if (current.isValid())
        openDialog(m_sets->set(current.row()));
}

void LibraryVariableSetsPanel::openDialog(const std::optional<LibraryVariableSet> &existing)
{
    auto *dialog = new NameDescriptionDialog(existing ? tr("Edit library variable set") : tr("Add library variable set"),
                                             tr("Name:"), this);
    dialog->setObjectName(u"librarySetDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (existing)
        dialog->setValues(existing->name, existing->description);
    connect(dialog, &NameDescriptionDialog::submitted, this, [this, dialog, existing]() {
        LibraryVariableSet set = existing.value_or(LibraryVariableSet{});
        if (!existing)
            set.spaceId = m_session->currentSpaceId();
        set.name = dialog->name();
        set.description = dialog->description();
        const StoreContext context = m_session->context();
        const bool isNew = !existing;
        m_session->write<Result<LibraryVariableSet>>(dialog, u"LibraryVariableSet"_s, [context, set, isNew]() {
            LibraryVariableSetRepository repo(context);
            return isNew ? repo.create(set) : repo.update(set);
        }, [this, dialog](const Result<LibraryVariableSet> &result) {
            if (!result) {
                dialog->showError(result.error());
                return;
            }
            m_pendingSelection = result->id;
            dialog->accept();
        });
    });
    dialog->open();
}

void LibraryVariableSetsPanel::deleteSelected()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid())
        return;
    m_error->clearError();
    const LibraryVariableSet set = m_sets->set(current.row());
    auto workspace = m_session->workspace();
    auto secrets = m_session->secrets();
    m_session->write<VoidResult>(this, u"LibraryVariableSet"_s, [workspace, secrets, set]() {
        return VariableService(workspace, secrets).removeLibrarySet(set.spaceId, set.id);
    }, [this](const VoidResult &result) {
        if (!result)
            m_error->setError(result.error().message);
    });
}

} // namespace Cuttle
