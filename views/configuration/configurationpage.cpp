#include "views/configuration/configurationpage.h"

#include "model/engine/workspacesession.h"
#include "model/itemmodels/auditeventmodel.h"
#include "model/itemmodels/spacelistmodel.h"
#include "model/store/auditlog.h"
#include "model/store/spacerepository.h"
#include "views/projects/fielderrorlabel.h"
#include "views/projects/namedescriptiondialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Cuttle {

ConfigurationPage::ConfigurationPage(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_spaces(new SpaceListModel(this))
    , m_audit(new AuditEventModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    auto *title = new QLabel(tr("Configuration"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    layout->addWidget(title);
    auto *tabs = new QTabWidget(this);
    layout->addWidget(tabs, 1);

    auto *spacesTab = new QWidget(tabs);
    auto *spacesLayout = new QVBoxLayout(spacesTab);
    auto *intro = new QLabel(tr("Spaces keep environments, projects, lifecycles, tenants and everything else apart. "
                                "The Default space always exists; a space can be deleted once it is empty."), spacesTab);
    intro->setWordWrap(true);
    spacesLayout->addWidget(intro);
    m_spaceView = new QListView(spacesTab);
    m_spaceView->setObjectName(QStringLiteral("spaceList"));
    m_spaceView->setModel(m_spaces);
    m_spaceView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    spacesLayout->addWidget(m_spaceView, 1);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add space"), spacesTab);
    add->setObjectName(QStringLiteral("addSpace"));
    m_rename = new QPushButton(tr("Rename…"), spacesTab);
    m_rename->setObjectName(QStringLiteral("renameSpace"));
    m_delete = new QPushButton(style()->standardIcon(QStyle::SP_TrashIcon), tr("Delete"), spacesTab);
    m_delete->setObjectName(QStringLiteral("deleteSpace"));
    for (QPushButton *b : {add, m_rename, m_delete})
        buttons->addWidget(b);
    buttons->addStretch();
    spacesLayout->addLayout(buttons);
    m_spacesError = new FieldErrorLabel(spacesTab);
    m_spacesError->setObjectName(QStringLiteral("spacesError"));
    spacesLayout->addWidget(m_spacesError);
    tabs->addTab(spacesTab, tr("Spaces"));

    auto *auditTab = new QWidget(tabs);
    auto *auditLayout = new QVBoxLayout(auditTab);
    m_auditView = new QTableView(auditTab);
    m_auditView->setObjectName(QStringLiteral("auditLog"));
    m_auditView->setModel(m_audit);
    m_auditView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_auditView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_auditView->verticalHeader()->hide();
    m_auditView->horizontalHeader()->setStretchLastSection(true);
    m_auditView->setWordWrap(false);
    auditLayout->addWidget(m_auditView, 1);
    m_auditError = new FieldErrorLabel(auditTab);
    auditLayout->addWidget(m_auditError);
    tabs->addTab(auditTab, tr("Audit log"));

    connect(add, &QPushButton::clicked, this, [this]() { openSpaceDialog(std::nullopt); });
    connect(m_rename, &QPushButton::clicked, this, [this]() {
        if (const auto space = selectedSpace())
            openSpaceDialog(space);
    });
    connect(m_spaceView, &QListView::doubleClicked, this, [this]() {
        if (const auto space = selectedSpace())
            openSpaceDialog(space);
    });
    connect(m_delete, &QPushButton::clicked, this, &ConfigurationPage::deleteSpace);
    connect(m_spaceView->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        m_rename->setEnabled(current.isValid());
        m_delete->setEnabled(current.isValid() && !current.data(SpaceListModel::IsDefaultRole).toBool());
        m_spacesError->clearError();
    });
    connect(m_session, &WorkspaceSession::changed, this, [this](const QString &kind) {
        if (kind == u"Space")
            reloadSpaces();
        reloadAuditLog();
    });
    m_rename->setEnabled(false);
    m_delete->setEnabled(false);
    reloadSpaces();
    reloadAuditLog();
}

ConfigurationPage::~ConfigurationPage() = default;

void ConfigurationPage::reloadSpaces()
{
    const StoreContext context = m_session->context();
    m_session->request<Result<QList<Space>>>(this, [context]() {
        return SpaceRepository(context).list();
    }, [this](Result<QList<Space>> result) {
        if (!result) {
            m_spacesError->setError(result.error().message);
            return;
        }
        QString keep = m_pendingSelection;
        if (keep.isEmpty())
            keep = m_spaceView->currentIndex().data(SpaceListModel::IdRole).toString();
        m_spaces->setSpaces(*result);
        if (const int row = m_spaces->rowOfId(keep); row >= 0) {
            m_spaceView->setCurrentIndex(m_spaces->index(row, 0));
            m_pendingSelection.clear();
        }
    });
}

void ConfigurationPage::reloadAuditLog()
{
    const StoreContext context = m_session->context();
    m_session->request<Result<QList<AuditEvent>>>(this, [context]() {
        return AuditLog(context).list();
    }, [this](Result<QList<AuditEvent>> result) {
        if (!result) {
            m_auditError->setError(result.error().message);
            return;
        }
        m_auditError->clearError();
        m_audit->setEvents(*result);
        m_auditView->resizeColumnsToContents();
    });
}

std::optional<Space> ConfigurationPage::selectedSpace() const
{
    const int row = m_spaceView->currentIndex().row();
    if (row < 0 || row >= m_spaces->spaces().size())
        return std::nullopt;
    return m_spaces->spaces().at(row);
}

void ConfigurationPage::openSpaceDialog(const std::optional<Space> &existing)
{
    auto *dialog = new NameDescriptionDialog(existing ? tr("Rename space") : tr("Add space"), tr("Name"), this);
    dialog->setObjectName(QStringLiteral("spaceDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (existing)
        dialog->setValues(existing->name, existing->description);
    connect(dialog, &NameDescriptionDialog::submitted, this, [this, dialog, existing]() {
        Space space = existing.value_or(Space{});
        space.name = dialog->name();
        space.description = dialog->description();
        const StoreContext context = m_session->context();
        const bool isNew = !existing.has_value();
        m_session->write<Result<Space>>(dialog, QStringLiteral("Space"), [context, space, isNew]() {
            SpaceRepository repo(context);
            return isNew ? repo.create(space) : repo.update(space);
        }, [this, dialog](Result<Space> result) {
            if (!result) {
                dialog->showError(result.error());
                return;
            }
            // The switcher shows the current space's name; keep it right after a rename.
            if (result->id == m_session->currentSpaceId())
                m_session->setCurrentSpace(result->id, result->name);
            m_pendingSelection = result->id;
            dialog->accept();
        });
    });
    dialog->open();
}

void ConfigurationPage::deleteSpace()
{
    const auto space = selectedSpace();
    if (!space)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete space"), tr("Delete the space \"%1\"?").arg(space->name),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, id = space->id](int button) {
        if (button != QMessageBox::Yes)
            return;
        m_spacesError->clearError();
        const StoreContext context = m_session->context();
        m_session->write<VoidResult>(this, QStringLiteral("Space"), [context, id]() {
            return SpaceRepository(context).remove(id);
        }, [this](VoidResult result) {
            if (!result)
                m_spacesError->setError(result.error().message);
        });
    });
    box->open();
}

} // namespace Cuttle
