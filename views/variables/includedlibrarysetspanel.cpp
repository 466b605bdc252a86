#include "views/variables/includedlibrarysetspanel.h"

#include "model/engine/workspacesession.h"
#include "model/itemmodels/variables/libraryvariablesetlistmodel.h"
#include "model/store/libraryvariablesetrepository.h"
#include "views/projects/fielderrorlabel.h"
#include "views/variables/variableseditor.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Cuttle {

namespace {

struct Includes
{
    QList<LibraryVariableSet> all;
    QList<LibraryVariableSet> included;
};

} // namespace

IncludedLibrarySetsPanel::IncludedLibrarySetsPanel(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    m_included = new LibraryVariableSetListModel(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    auto *intro = new QLabel(tr("Library variable sets share values between projects. Included sets are resolved after "
                                "the project's own values: on equal specificity the project's value wins, then the set "
                                "included first."),
                             this);
    intro->setWordWrap(true);
    intro->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(intro);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_list = new QTableView(left);
    m_list->setObjectName(u"includedSets"_s);
    m_list->setModel(m_included);
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
    m_include = new QPushButton(style()->standardIcon(QStyle::SP_FileDialogNewFolder), tr("Include…"), left);
    m_include->setObjectName(u"includeSet"_s);
    m_remove = new QPushButton(style()->standardIcon(QStyle::SP_DialogCancelButton), tr("Remove"), left);
    m_remove->setObjectName(u"removeIncludedSet"_s);
    m_up = new QPushButton(style()->standardIcon(QStyle::SP_ArrowUp), QString(), left);
    m_up->setObjectName(u"moveIncludedSetUp"_s);
    m_up->setToolTip(tr("Include earlier"));
    m_down = new QPushButton(style()->standardIcon(QStyle::SP_ArrowDown), QString(), left);
    m_down->setObjectName(u"moveIncludedSetDown"_s);
    m_down->setToolTip(tr("Include later"));
    buttons->addWidget(m_include);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    leftLayout->addLayout(buttons);
    m_error = new FieldErrorLabel(left);
    m_error->setObjectName(u"includedSetsError"_s);
    leftLayout->addWidget(m_error);

    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(8, 0, 0, 0);
    m_valuesTitle = new QLabel(right);
    m_valuesTitle->setObjectName(u"includedSetTitle"_s);
    m_valuesTitle->setWordWrap(true);
    rightLayout->addWidget(m_valuesTitle);
    m_values = new VariablesEditor(session, right);
    m_values->setObjectName(u"includedSetValues"_s);
    m_values->setReadOnly(true);
    rightLayout->addWidget(m_values, 1);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({300, 700});
    layout->addWidget(splitter, 1);

    connect(m_include, &QPushButton::clicked, this, &IncludedLibrarySetsPanel::openIncludeDialog);
    connect(m_remove, &QPushButton::clicked, this, &IncludedLibrarySetsPanel::removeSelected);
    connect(m_up, &QPushButton::clicked, this, [this]() { moveSelected(-1); });
    connect(m_down, &QPushButton::clicked, this, [this]() { moveSelected(1); });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &IncludedLibrarySetsPanel::showSelected);
    connect(m_session, &WorkspaceSession::changed, this, [this](const QString &kind) {
        if (kind == u"LibraryVariableSet" && !m_projectId.isEmpty())
            reload();
    });
    showSelected();
}

void IncludedLibrarySetsPanel::setProject(const QString &projectId)
{
    if (projectId != m_projectId)
        m_error->clearError();
    m_projectId = projectId;
    reload();
}

void IncludedLibrarySetsPanel::reload()
{
    if (m_projectId.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    const StoreContext context = m_session->context();
    const QString spaceId = m_session->currentSpaceId();
    const QString projectId = m_projectId;
    m_session->request<Result<Includes>>(this, [context, spaceId, projectId]() -> Result<Includes> {
        LibraryVariableSetRepository repo(context);
        auto all = repo.list(spaceId);
        if (!all)
            return all.error();
        auto included = repo.includedBy(projectId);
        if (!included)
            return included.error();
        return Includes{*all, *included};
    }, [this, generation](const Result<Includes> &result) {
        if (generation != m_generation)
            return;
        if (!result) {
            m_error->setError(result.error().message);
            return;
        }
        const QModelIndex current = m_list->currentIndex();
        const QString selected = m_pendingSelection.isEmpty() && current.isValid()
                                     ? m_included->set(current.row()).id
                                     : m_pendingSelection;
        m_pendingSelection.clear();
        m_all = result->all;
        m_included->setSets(result->included);
        int row = m_included->rowOfId(selected);
        if (row < 0 && m_included->rowCount() > 0)
            row = 0;
        if (row >= 0)
            m_list->setCurrentIndex(m_included->index(row, 0));
        showSelected();
        emit loaded();
    });
}

void IncludedLibrarySetsPanel::showSelected()
{
    const QModelIndex current = m_list->currentIndex();
    const bool has = current.isValid();
    m_remove->setEnabled(has);
    m_up->setEnabled(has && current.row() > 0);
    m_down->setEnabled(has && current.row() + 1 < m_included->rowCount());
    m_include->setEnabled(!m_projectId.isEmpty());
    if (!has) {
        m_valuesTitle->setText(m_included->rowCount() == 0
                                   ? tr("This project includes no library variable sets. Use Include… to add one; "
                                        "create sets in Library › Library variable sets.")
                                   : tr("Select a set to see its values."));
        m_values->clearOwner();
        m_values->setVisible(false);
        return;
    }
    const LibraryVariableSet &set = m_included->set(current.row());
    QString title = tr("<b>%1</b> — values are read-only here; edit them in Library › Library variable sets.")
                        .arg(set.name.toHtmlEscaped());
    if (!set.description.isEmpty())
        title += u"<br><span style=\"color: gray\">"_s + set.description.toHtmlEscaped() + u"</span>"_s;
    m_valuesTitle->setText(title);
    m_values->setVisible(true);
    if (!(m_values->owner() == VariableOwner::librarySet(set.id)) || !m_values->isLoaded())
        m_values->setOwner(VariableOwner::librarySet(set.id));
}

void IncludedLibrarySetsPanel::openIncludeDialog()
{
    if (m_projectId.isEmpty())
        return;
    auto *dialog = new QDialog(this);
    dialog->setObjectName(u"includeSetDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Include library variable sets"));
    auto *layout = new QVBoxLayout(dialog);
    auto *list = new QListWidget(dialog);
    list->setObjectName(u"availableSets"_s);
    const QStringList included = m_included->ids();
    for (const LibraryVariableSet &set : std::as_const(m_all)) {
        if (included.contains(set.id))
            continue;
        auto *item = new QListWidgetItem(set.name, list);
        item->setData(Qt::UserRole, set.id);
        item->setToolTip(set.description);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    auto *label = new QLabel(list->count() == 0 ? tr("Every library variable set of this space is already included, or "
                                                     "there are none yet.")
                                                : tr("Check the sets to include:"),
                             dialog);
    label->setWordWrap(true);
    layout->addWidget(label);
    layout->addWidget(list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Include"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, list]() {
        QStringList ids;
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->checkState() == Qt::Checked)
                ids << list->item(i)->data(Qt::UserRole).toString();
        }
        include(ids);
        dialog->accept();
    });
    dialog->open();
}

void IncludedLibrarySetsPanel::include(const QStringList &setIds)
{
    QStringList ids = m_included->ids();
    for (const QString &id : setIds) {
        if (!ids.contains(id))
            ids << id;
    }
    if (ids == m_included->ids())
        return;
    writeIncludes(ids, setIds.isEmpty() ? QString() : setIds.constFirst());
}

void IncludedLibrarySetsPanel::removeSelected()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid())
        return;
    QStringList ids = m_included->ids();
    ids.removeAt(current.row());
    writeIncludes(ids, {});
}

void IncludedLibrarySetsPanel::moveSelected(int delta)
{
    const QModelIndex current = m_list->currentIndex();
    const int to = current.row() + delta;
    if (!current.isValid() || to < 0 || to >= m_included->rowCount())
        return;
    QStringList ids = m_included->ids();
    ids.move(current.row(), to);
    writeIncludes(ids, ids.at(to));
}

void IncludedLibrarySetsPanel::writeIncludes(const QStringList &ids, const QString &select)
{
    m_error->clearError();
    m_pendingSelection = select;
    const StoreContext context = m_session->context();
    const QString projectId = m_projectId;
    m_session->write<VoidResult>(this, u"LibraryVariableSet"_s, [context, projectId, ids]() {
        return LibraryVariableSetRepository(context).setIncluded(projectId, ids);
    }, [this](const VoidResult &result) {
        if (!result)
            m_error->setError(result.error().message);
    });
}

} // namespace Cuttle
