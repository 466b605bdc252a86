#include "views/projects/projectspage.h"

#include "model/engine/projectservice.h"
#include "model/engine/workspacesession.h"
#include "model/itemmodels/projecttreemodel.h"
#include "model/store/lifecyclerepository.h"
#include "model/store/projectgrouprepository.h"
#include "model/store/projectrepository.h"
#include "views/projects/fielderrorlabel.h"
#include "views/projects/namedescriptiondialog.h"
#include "views/projects/projectdetailwidget.h"
#include "views/projects/projectdialog.h"
#include "views/shell/emptystatewidget.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

namespace Cuttle {

namespace {

struct ProjectsData
{
    QList<ProjectGroup> groups;
    QList<Project> projects;
    QList<Lifecycle> lifecycles;
};

} // namespace

ProjectsPage::ProjectsPage(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new ProjectTreeModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);

    auto *toolbar = new QHBoxLayout;
    auto *title = new QLabel(tr("Projects"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    toolbar->addWidget(title);
    toolbar->addStretch();
    auto *addGroupButton = new QPushButton(style()->standardIcon(QStyle::SP_FileDialogNewFolder), tr("Add group"), this);
    addGroupButton->setObjectName(QStringLiteral("addGroup"));
    auto *addProjectButton = new QPushButton(style()->standardIcon(QStyle::SP_FileIcon), tr("Add project"), this);
    addProjectButton->setObjectName(QStringLiteral("addProject"));
    m_editButton = new QPushButton(tr("Edit…"), this);
    m_editButton->setObjectName(QStringLiteral("edit"));
    m_deleteButton = new QPushButton(style()->standardIcon(QStyle::SP_TrashIcon), tr("Delete"), this);
    m_deleteButton->setObjectName(QStringLiteral("delete"));
    for (QPushButton *b : {addGroupButton, addProjectButton, m_editButton, m_deleteButton})
        toolbar->addWidget(b);
    layout->addLayout(toolbar);

    m_pageError = new FieldErrorLabel(this);
    m_pageError->setObjectName(QStringLiteral("pageError"));
    layout->addWidget(m_pageError);

    auto *splitter = new QSplitter(this);
    m_tree = new QTreeView(splitter);
    m_tree->setObjectName(QStringLiteral("projectTree"));
    m_tree->setModel(m_model);
    m_tree->setHeaderHidden(true);
    m_tree->setColumnHidden(ProjectTreeModel::DescriptionColumn, true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setMinimumWidth(220);

    m_detailStack = new QStackedWidget(splitter);
    m_emptyState = new EmptyStateWidget(tr("No projects yet"),
                                        tr("Projects are what you deploy. They live in project groups: add a group, "
                                           "then add projects to it and choose the lifecycle their releases follow."),
                                        m_detailStack);
    connect(m_emptyState->addAction(tr("Add project group")), &QPushButton::clicked, this, &ProjectsPage::addGroup);
    m_detailStack->addWidget(m_emptyState);

    m_groupDetail = new QWidget(m_detailStack);
    auto *groupLayout = new QVBoxLayout(m_groupDetail);
    groupLayout->setContentsMargins(16, 12, 16, 12);
    m_groupTitle = new QLabel(m_groupDetail);
    m_groupTitle->setObjectName(QStringLiteral("groupTitle"));
    QFont groupFont = m_groupTitle->font();
    groupFont.setPointSizeF(groupFont.pointSizeF() * 1.5);
    groupFont.setBold(true);
    m_groupTitle->setFont(groupFont);
    m_groupText = new QLabel(m_groupDetail);
    m_groupText->setWordWrap(true);
    groupLayout->addWidget(m_groupTitle);
    groupLayout->addWidget(m_groupText);
    auto *addToGroup = new QPushButton(tr("Add project to this group"), m_groupDetail);
    groupLayout->addWidget(addToGroup, 0, Qt::AlignLeft);
    groupLayout->addStretch();
    connect(addToGroup, &QPushButton::clicked, this, &ProjectsPage::addProject);
    m_detailStack->addWidget(m_groupDetail);

    m_projectDetail = new ProjectDetailWidget(m_session, m_detailStack);
    m_detailStack->addWidget(m_projectDetail);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 640});
    layout->addWidget(splitter, 1);

    connect(addGroupButton, &QPushButton::clicked, this, &ProjectsPage::addGroup);
    connect(addProjectButton, &QPushButton::clicked, this, &ProjectsPage::addProject);
    connect(m_editButton, &QPushButton::clicked, this, &ProjectsPage::editSelected);
    connect(m_deleteButton, &QPushButton::clicked, this, &ProjectsPage::deleteSelected);
    connect(m_tree, &QTreeView::doubleClicked, this, &ProjectsPage::editSelected);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &ProjectsPage::showSelection);
    connect(m_session, &WorkspaceSession::changed, this, [this](const QString &kind) {
        if (kind == u"ProjectGroup" || kind == u"Project" || kind == u"Lifecycle" || kind == u"Space")
            reload();
    });
    connect(m_session, &WorkspaceSession::currentSpaceChanged, this, [this]() {
        m_pageError->clearError();
        reload();
    });
    showSelection();
    reload();
}

ProjectsPage::~ProjectsPage() = default;

void ProjectsPage::reload()
{
    const StoreContext context = m_session->context();
    const QString spaceId = m_session->currentSpaceId();
    const quint64 generation = ++m_loadGeneration;
    m_session->request<Result<ProjectsData>>(this, [context, spaceId]() -> Result<ProjectsData> {
        ProjectsData data;
        auto groups = ProjectGroupRepository(context).list(spaceId);
        if (!groups)
            return groups.error();
        auto projects = ProjectRepository(context).list(spaceId);
        if (!projects)
            return projects.error();
        auto lifecycles = LifecycleRepository(context).list(spaceId);
        if (!lifecycles)
            return lifecycles.error();
        return ProjectsData{*groups, *projects, *lifecycles};
    }, [this, generation](Result<ProjectsData> result) {
        if (generation != m_loadGeneration)
            return; // a newer load is on its way
        if (!result) {
            m_pageError->setError(result.error().message);
            return;
        }
        QString keep = m_pendingSelection;
        if (keep.isEmpty())
            keep = m_tree->currentIndex().data(ProjectTreeModel::IdRole).toString();
        m_groups = result->groups;
        m_projects = result->projects;
        m_lifecycles = result->lifecycles;
        m_model->setData(m_groups, m_projects);
        m_tree->expandAll();
        const QModelIndex index = m_model->indexOfId(keep);
        if (index.isValid()) {
            m_tree->setCurrentIndex(index);
            m_pendingSelection.clear();
        }
        showSelection();
    });
}

void ProjectsPage::select(const QString &id)
{
    const QModelIndex index = m_model->indexOfId(id);
    if (index.isValid()) {
        m_tree->setCurrentIndex(index);
        m_pendingSelection.clear();
    } else {
        m_pendingSelection = id;
    }
}

void ProjectsPage::showSelection()
{
    const QModelIndex current = m_tree->currentIndex();
    const auto group = m_model->group(current);
    const auto project = m_model->project(current);
    m_editButton->setEnabled(group.has_value());
    m_deleteButton->setEnabled(group.has_value());
    if (project) {
        Lifecycle lifecycle;
        for (const Lifecycle &l : std::as_const(m_lifecycles)) {
            if (l.id == project->lifecycleId)
                lifecycle = l;
        }
        m_projectDetail->setProject(*project, *group, lifecycle);
        m_detailStack->setCurrentWidget(m_projectDetail);
    } else if (group) {
        m_groupTitle->setText(group->name);
        const int count = m_model->rowCount(current);
        QString text = group->description.isEmpty() ? QString() : group->description + QStringLiteral("\n\n");
        text += count == 0 ? tr("This group holds no projects yet.") : tr("This group holds %n project(s).", nullptr, count);
        m_groupText->setText(text);
        m_detailStack->setCurrentWidget(m_groupDetail);
    } else {
        m_emptyState->setTitle(m_groups.isEmpty() ? tr("No projects yet") : tr("Select a project"));
        m_emptyState->setExplanation(m_groups.isEmpty()
                                         ? tr("Projects are what you deploy. They live in project groups: add a group, "
                                              "then add projects to it and choose the lifecycle their releases follow.")
                                         : tr("Pick a project group or a project on the left to see its details."));
        m_detailStack->setCurrentWidget(m_emptyState);
    }
}

void ProjectsPage::addGroup()
{
    openGroupDialog(std::nullopt);
}

void ProjectsPage::addProject()
{
    const auto group = m_model->group(m_tree->currentIndex());
    openProjectDialog(std::nullopt, group ? group->id : QString());
}

void ProjectsPage::editSelected()
{
    const QModelIndex current = m_tree->currentIndex();
    if (const auto project = m_model->project(current))
        openProjectDialog(project, project->projectGroupId);
    else if (const auto group = m_model->group(current))
        openGroupDialog(group);
}

void ProjectsPage::openGroupDialog(const std::optional<ProjectGroup> &existing)
{
    auto *dialog = new NameDescriptionDialog(existing ? tr("Edit project group") : tr("Add project group"), tr("Name"), this);
    dialog->setObjectName(QStringLiteral("projectGroupDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (existing)
        dialog->setValues(existing->name, existing->description);
    connect(dialog, &NameDescriptionDialog::submitted, this, [this, dialog, existing]() {
        ProjectGroup group = existing.value_or(ProjectGroup{});
        group.spaceId = existing ? existing->spaceId : m_session->currentSpaceId();
        group.name = dialog->name();
        group.description = dialog->description();
        const StoreContext context = m_session->context();
        const bool isNew = !existing.has_value();
        m_session->write<Result<ProjectGroup>>(dialog, QStringLiteral("ProjectGroup"), [context, group, isNew]() {
            ProjectGroupRepository repo(context);
            return isNew ? repo.create(group) : repo.update(group);
        }, [this, dialog](Result<ProjectGroup> result) {
            if (!result) {
                dialog->showError(result.error());
                return;
            }
            select(result->id);
            dialog->accept();
        });
    });
    dialog->open();
}

void ProjectsPage::openProjectDialog(const std::optional<Project> &existing, const QString &groupId)
{
    auto *dialog = new ProjectDialog(m_groups, m_lifecycles, this);
    dialog->setObjectName(QStringLiteral("projectDialog"));
    dialog->setWindowTitle(existing ? tr("Edit project") : tr("Add project"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    Project initial = existing.value_or(Project{});
    if (!existing) {
        initial.spaceId = m_session->currentSpaceId();
        initial.projectGroupId = groupId;
        if (!m_lifecycles.isEmpty())
            initial.lifecycleId = m_lifecycles.constFirst().id;
    }
    dialog->setProject(initial);
    connect(dialog, &ProjectDialog::submitted, this, [this, dialog, isNew = !existing]() {
        const Project project = dialog->project();
        const StoreContext context = m_session->context();
        m_session->write<Result<Project>>(dialog, QStringLiteral("Project"), [context, project, isNew]() {
            ProjectRepository repo(context);
            return isNew ? repo.create(project) : repo.update(project);
        }, [this, dialog](Result<Project> result) {
            if (!result) {
                dialog->showError(result.error());
                return;
            }
            select(result->id);
            dialog->accept();
        });
    });
    dialog->open();
}

void ProjectsPage::deleteSelected()
{
    const QModelIndex current = m_tree->currentIndex();
    const auto group = m_model->group(current);
    if (!group)
        return;
    const auto project = m_model->project(current);
    const QString id = project ? project->id : group->id;
    const QString question = project
        ? tr("Delete the project \"%1\" with its process, variables, channels and releases?").arg(project->name)
        : tr("Delete the project group \"%1\"?").arg(group->name);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete"), question, QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmDelete"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, id, isProject = project.has_value()](int button) {
        if (button != QMessageBox::Yes)
            return;
        m_pageError->clearError();
        WorkspaceSession *session = m_session;
        m_session->write<VoidResult>(this, isProject ? QStringLiteral("Project") : QStringLiteral("ProjectGroup"),
                                     [session, id, isProject]() {
            return isProject ? ProjectService(session->workspace(), session->secrets()).remove(id)
                             : ProjectGroupRepository(session->context()).remove(id);
        }, [this](VoidResult result) {
            if (!result)
                m_pageError->setError(result.error().message);
        });
    });
    box->open();
}

} // namespace Cuttle
