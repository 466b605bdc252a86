#include "views/tenants/tenantspage.h"

#include "model/engine/workspacesession.h"
#include "model/itemmodels/tenanttablemodel.h"
#include "model/store/environmentrepository.h"
#include "model/store/projectrepository.h"
#include "model/store/tagsetrepository.h"
#include "model/store/tenantrepository.h"
#include "views/projects/fielderrorlabel.h"
#include "views/shell/emptystatewidget.h"
#include "views/tenants/tagchipdelegate.h"
#include "views/tenants/tenantdialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace Cuttle {

namespace {

struct TenantsData
{
    QList<Tenant> tenants;
    QList<TagSet> tagSets;
    QList<Project> projects;
    QList<Environment> environments;
};

} // namespace

TenantsPage::TenantsPage(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new TenantTableModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    auto *toolbar = new QHBoxLayout;
    auto *title = new QLabel(tr("Tenants"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    toolbar->addWidget(title);
    toolbar->addStretch();
    auto *add = new QPushButton(tr("Add tenant"), this);
    add->setObjectName(QStringLiteral("addTenant"));
    m_edit = new QPushButton(tr("Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editTenant"));
    m_delete = new QPushButton(style()->standardIcon(QStyle::SP_TrashIcon), tr("Delete"), this);
    m_delete->setObjectName(QStringLiteral("deleteTenant"));
    for (QPushButton *b : {add, m_edit, m_delete})
        toolbar->addWidget(b);
    layout->addLayout(toolbar);
    m_pageError = new FieldErrorLabel(this);
    m_pageError->setObjectName(QStringLiteral("pageError"));
    layout->addWidget(m_pageError);

    m_stack = new QStackedWidget(this);
    m_emptyState = new EmptyStateWidget(tr("No tenants yet"),
                                        tr("Tenants are the customers you deploy for. Tag them with tags from the "
                                           "library's tag sets and connect them to projects and the environments "
                                           "each project is deployed to for them."), m_stack);
    connect(m_emptyState->addAction(tr("Add tenant")), &QPushButton::clicked, this, [this]() { openDialog(std::nullopt); });
    m_stack->addWidget(m_emptyState);
    m_table = new QTableView(m_stack);
    m_table->setObjectName(QStringLiteral("tenantTable"));
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(TenantTableModel::TagsColumn, new TagChipDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->resizeSection(TenantTableModel::NameColumn, 200);
    m_table->horizontalHeader()->resizeSection(TenantTableModel::TagsColumn, 320);
    m_stack->addWidget(m_table);
    layout->addWidget(m_stack, 1);

    connect(add, &QPushButton::clicked, this, [this]() { openDialog(std::nullopt); });
    connect(m_edit, &QPushButton::clicked, this, [this]() {
        if (const auto t = selectedTenant())
            openDialog(t);
    });
    connect(m_table, &QTableView::doubleClicked, this, [this]() {
        if (const auto t = selectedTenant())
            openDialog(t);
    });
    connect(m_delete, &QPushButton::clicked, this, &TenantsPage::deleteSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        m_edit->setEnabled(current.isValid());
        m_delete->setEnabled(current.isValid());
    });
    connect(m_session, &WorkspaceSession::changed, this, [this](const QString &kind) {
        if (kind == u"Tenant" || kind == u"TagSet" || kind == u"Project" || kind == u"Environment")
            reload();
    });
    connect(m_session, &WorkspaceSession::currentSpaceChanged, this, [this]() {
        m_pageError->clearError();
        reload();
    });
    m_edit->setEnabled(false);
    m_delete->setEnabled(false);
    reload();
}

TenantsPage::~TenantsPage() = default;

void TenantsPage::reload()
{
    const StoreContext context = m_session->context();
    const QString spaceId = m_session->currentSpaceId();
    m_session->request<Result<TenantsData>>(this, [context, spaceId]() -> Result<TenantsData> {
        auto tenants = TenantRepository(context).list(spaceId);
        if (!tenants)
            return tenants.error();
        auto tagSets = TagSetRepository(context).list(spaceId);
        if (!tagSets)
            return tagSets.error();
        auto projects = ProjectRepository(context).list(spaceId);
        if (!projects)
            return projects.error();
        auto environments = EnvironmentRepository(context).list(spaceId);
        if (!environments)
            return environments.error();
        return TenantsData{*tenants, *tagSets, *projects, *environments};
    }, [this](Result<TenantsData> result) {
        if (!result) {
            m_pageError->setError(result.error().message);
            return;
        }
        const QString keep = m_table->currentIndex().data(TenantTableModel::IdRole).toString();
        m_tagSets = result->tagSets;
        m_projects = result->projects;
        m_environments = result->environments;
        m_model->setData(result->tenants, m_tagSets, m_projects);
        m_stack->setCurrentWidget(m_model->rowCount() == 0 ? static_cast<QWidget *>(m_emptyState) : m_table);
        if (const int row = m_model->rowOfId(keep); row >= 0)
            m_table->selectRow(row);
        m_edit->setEnabled(m_table->currentIndex().isValid());
        m_delete->setEnabled(m_table->currentIndex().isValid());
    });
}

std::optional<Tenant> TenantsPage::selectedTenant() const
{
    return m_model->tenant(m_table->currentIndex().row());
}

void TenantsPage::openDialog(const std::optional<Tenant> &existing)
{
    auto *dialog = new TenantDialog(m_tagSets, m_projects, m_environments, this);
    dialog->setObjectName(QStringLiteral("tenantDialog"));
    dialog->setWindowTitle(existing ? tr("Edit tenant") : tr("Add tenant"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    Tenant initial = existing.value_or(Tenant{});
    if (!existing)
        initial.spaceId = m_session->currentSpaceId();
    dialog->setTenant(initial);
    connect(dialog, &TenantDialog::submitted, this, [this, dialog, isNew = !existing]() {
        const Tenant tenant = dialog->tenant();
        const StoreContext context = m_session->context();
        m_session->write<Result<Tenant>>(dialog, QStringLiteral("Tenant"), [context, tenant, isNew]() {
            TenantRepository repo(context);
            return isNew ? repo.create(tenant) : repo.update(tenant);
        }, [dialog](Result<Tenant> result) {
            if (!result) {
                dialog->showError(result.error());
                return;
            }
            dialog->accept();
        });
    });
    dialog->open();
}

void TenantsPage::deleteSelected()
{
    const auto tenant = selectedTenant();
    if (!tenant)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete tenant"), tr("Delete the tenant \"%1\"?").arg(tenant->name),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, id = tenant->id](int button) {
        if (button != QMessageBox::Yes)
            return;
        m_pageError->clearError();
        const StoreContext context = m_session->context();
        m_session->write<VoidResult>(this, QStringLiteral("Tenant"), [context, id]() {
            return TenantRepository(context).remove(id);
        }, [this](VoidResult result) {
            if (!result)
                m_pageError->setError(result.error().message);
        });
    });
    box->open();
}

} // namespace Cuttle
