#include "views/tasks/taskspage.h"

#include "model/engine/workspacesession.h"
#include "model/itemmodels/tasks/tasklistmodel.h"
#include "model/store/taskrepository.h"
#include "views/shell/emptystatewidget.h"
#include "views/tasks/scriptconsolewidget.h"
#include "views/tasks/tasklogview.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <utility>

namespace Cuttle {
namespace {

// The list shows the newest tasks; older ones stay in the store (cuttlectl task list --skip pages through them).
constexpr int kTasksShown = 500;

} // namespace

TasksPage::TasksPage(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new TaskListModel(this))
    , m_refresh(new QTimer(this))
{
    auto *title = new QLabel(tr("Tasks"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    title->setFont(titleFont);
    auto *refresh = new QPushButton(style()->standardIcon(QStyle::SP_BrowserReload), tr("Refresh"), this);
    refresh->setObjectName(QStringLiteral("refreshTasks"));
    auto *header = new QHBoxLayout;
    header->addWidget(title);
    header->addStretch();
    header->addWidget(refresh);

    // Task list and the selected task's log.
    m_list = new QTreeView(this);
    m_list->setObjectName(QStringLiteral("taskList"));
    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(TaskListModel::Description, QHeaderView::Stretch);
    for (int column : {int(TaskListModel::State), int(TaskListModel::Started), int(TaskListModel::Duration)})
        m_list->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_log = new TaskLogView(session, this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_log);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({420, 680});
    splitter->setChildrenCollapsible(false);

    auto *empty = new EmptyStateWidget(
        tr("No tasks have run yet"),
        tr("Script runs, and later deployments and health checks, run as tasks. This list shows them newest first, "
           "each with its log per step and target. Run a script on your targets from the script console to start."),
        this);
    empty->setObjectName(QStringLiteral("tasksEmptyState"));
    QPushButton *openConsole = empty->addAction(tr("Open the script console"));

    m_listStack = new QStackedWidget(this);
    m_listStack->addWidget(empty);
    m_listStack->addWidget(splitter);

    m_console = new ScriptConsoleWidget(session, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tasksTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_listStack, style()->standardIcon(QStyle::SP_FileDialogDetailedView), tr("Task list"));
    m_tabs->addTab(m_console, style()->standardIcon(QStyle::SP_CommandLink), tr("Script console"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_tabs, 1);

    m_refresh->setInterval(1000);
    connect(m_refresh, &QTimer::timeout, this, &TasksPage::reload);
    connect(refresh, &QPushButton::clicked, this, &TasksPage::reload);
    connect(openConsole, &QPushButton::clicked, this, [this]() { m_tabs->setCurrentWidget(m_console); });
    connect(m_console, &ScriptConsoleWidget::openTaskRequested, this, &TasksPage::showTask);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        const QString id = current.isValid() ? current.data(TaskListModel::IdRole).toString() : QString();
        if (id != m_log->taskId())
            m_log->setTask(id);
    });
    connect(m_session, &WorkspaceSession::changed, this, [this](const QString &kind) {
        if (kind == u"Task")
            reload();
    });
    reload();
}

void TasksPage::reload()
{
    if (m_loading) {
        // The answer on its way may predate the change that asked for this reload.
        m_reloadAgain = true;
        return;
    }
    m_loading = true;
    const int generation = ++m_loadGeneration;
    WorkspaceSession *session = m_session;
    const bool firstLoad = std::exchange(m_recovered, true) == false;
    m_session->request<Result<QList<Task>>>(
        this,
        [session, firstLoad]() -> Result<QList<Task>> {
            TaskRepository repository(session->context());
            // Tasks a crashed or killed Cuttle left running would otherwise show as running forever.
            if (firstLoad)
                (void)repository.markInterrupted();
            return repository.list({}, 0, kTasksShown);
        },
        [this, generation](Result<QList<Task>> tasks) {
            m_loading = false;
            if (std::exchange(m_reloadAgain, false))
                QTimer::singleShot(0, this, &TasksPage::reload);
            if (generation != m_loadGeneration || !tasks)
                return;
            const QString selected = m_log->taskId();
            m_model->setTasks(*tasks);
            m_listStack->setCurrentIndex(m_model->rowCount() == 0 ? 0 : 1);
            // A reset loses the selection; put it back.
            if (!selected.isEmpty() && !m_list->currentIndex().isValid() && m_pendingSelection.isEmpty())
                m_pendingSelection = selected;
            selectPendingTask();
            if (m_model->hasUnfinishedTasks())
                m_refresh->start();
            else
                m_refresh->stop();
            emit tasksLoaded();
        });
}

void TasksPage::showTask(const QString &taskId)
{
    m_tabs->setCurrentIndex(0);
    m_pendingSelection = taskId;
    selectPendingTask();
    reload();
}

void TasksPage::selectPendingTask()
{
    if (m_pendingSelection.isEmpty())
        return;
    const int row = m_model->rowOfId(m_pendingSelection);
    if (row < 0)
        return;
    m_pendingSelection.clear();
    m_list->setCurrentIndex(m_model->index(row, 0));
    m_list->scrollTo(m_model->index(row, 0));
}

} // namespace Cuttle
