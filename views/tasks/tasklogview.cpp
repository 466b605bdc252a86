#include "views/tasks/tasklogview.h"

#include "model/engine/workspacesession.h"
#include "model/itemmodels/tasks/tasklistmodel.h"
#include "model/itemmodels/tasks/tasklogtreemodel.h"
#include "model/store/taskrepository.h"
#include "views/tasks/tasklogpalette.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace Cuttle {
namespace {

// A first look at a long log fetches this many lines at a time.
constexpr int kLinesPerFetch = 5000;

} // namespace

TaskLogView::TaskLogView(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_treeModel(new TaskLogTreeModel(this))
    , m_timer(new QTimer(this))
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("taskTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("taskDetails"));
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("taskError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();

    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("taskLogTree"));
    m_tree->setModel(m_treeModel);
    m_tree->setUniformRowHeights(true);
    m_tree->setRootIsDecorated(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(TaskLogTreeModel::Name, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(TaskLogTreeModel::Status, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(TaskLogTreeModel::Duration, QHeaderView::ResizeToContents);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("taskLogText"));
    m_text->setReadOnly(true);
    m_text->setFont(TaskLogPalette::monospaceFont());
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_text);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_details);
    layout->addWidget(m_error);
    layout->addWidget(splitter, 1);

    m_timer->setInterval(refreshIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &TaskLogView::fetch);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        m_shownNodes = current.isValid() ? m_treeModel->subtree(current.data(TaskLogTreeModel::NodeIdRole).toLongLong())
                                         : QList<qint64>{};
        render();
    });
    // A model reset (new nodes) forgets the current node: show everything again.
    connect(m_treeModel, &QAbstractItemModel::modelReset, this, [this]() {
        m_tree->expandAll();
        if (!m_shownNodes.isEmpty()) {
            m_shownNodes.clear();
            render();
        }
    });
    setTask({});
}

void TaskLogView::setTask(const QString &taskId)
{
    ++m_generation;
    m_fetching = false;
    m_taskId = taskId;
    m_task = Task{};
    m_lines.clear();
    m_lastLineId = 0;
    m_nodeNames.clear();
    m_shownNodes.clear();
    m_treeModel->setNodes({});
    m_text->clear();
    m_timer->stop();
    updateHeader();
    if (!taskId.isEmpty())
        fetch();
}

void TaskLogView::fetch()
{
    if (m_taskId.isEmpty() || m_fetching)
        return;
    m_fetching = true;
    const int generation = m_generation;
    const QString taskId = m_taskId;
    const qint64 after = m_lastLineId;
    WorkspaceSession *session = m_session;
    m_session->request<Result<Snapshot>>(
        this,
        [session, taskId, after]() -> Result<Snapshot> {
            TaskRepository repository(session->context());
            Snapshot snapshot;
            // The task first: lines read after it include everything written before it finished.
            auto task = repository.get(taskId);
            if (!task)
                return task.error();
            snapshot.task = *task;
            auto nodes = repository.nodes(taskId);
            if (!nodes)
                return nodes.error();
            snapshot.nodes = *nodes;
            auto lines = repository.linesAfter(taskId, after, kLinesPerFetch);
            if (!lines)
                return lines.error();
            snapshot.lines = *lines;
            return snapshot;
        },
        [this, generation](Result<Snapshot> snapshot) {
            if (generation != m_generation)
                return;
            m_fetching = false;
            if (!snapshot) {
                m_error->setText(snapshot.error().message);
                m_error->show();
                m_timer->stop();
                emit refreshed();
                return;
            }
            apply(*snapshot);
            emit refreshed();
        });
}

void TaskLogView::apply(const Snapshot &snapshot)
{
    m_task = snapshot.task;
    for (const TaskLogNode &node : snapshot.nodes)
        m_nodeNames.insert(node.id, node.name);
    m_treeModel->setNodes(snapshot.nodes);
    if (!snapshot.lines.isEmpty()) {
        m_lastLineId = snapshot.lines.constLast().id;
        m_lines += snapshot.lines;
        appendToView(snapshot.lines);
    }
    updateHeader();
    const bool moreLines = snapshot.lines.size() >= kLinesPerFetch;
    if (moreLines)
        QTimer::singleShot(0, this, &TaskLogView::fetch);
    else if (isFinished(m_task.state))
        m_timer->stop();
    else if (!m_timer->isActive())
        m_timer->start();
}

bool TaskLogView::isShown(const TaskLogLine &line) const
{
    return m_shownNodes.isEmpty() || m_shownNodes.contains(line.nodeId);
}

void TaskLogView::appendToView(const QList<TaskLogLine> &lines)
{
    const bool prefix = m_shownNodes.size() != 1;
    for (const TaskLogLine &line : lines) {
        if (!isShown(line))
            continue;
        const QString time = line.at.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
        const QString node = prefix && line.nodeId != 0 ? m_nodeNames.value(line.nodeId) : QString();
        const QString text = node.isEmpty() ? QString(time + u"  " + line.text) : QString(time + u"  [" + node + u"] " + line.text);
        TaskLogPalette::appendLine(m_text, text, line.category);
    }
}

void TaskLogView::render()
{
    m_text->clear();
    appendToView(m_lines);
}

QString TaskLogView::shownText() const
{
    return m_text->toPlainText();
}

void TaskLogView::updateHeader()
{
    if (m_taskId.isEmpty()) {
        m_title->setText(tr("Select a task to see its log."));
        m_details->clear();
        m_error->hide();
        return;
    }
    if (m_task.id.isEmpty()) {
        m_title->setText(tr("Loading task %1…").arg(m_taskId));
        return;
    }
    m_title->setText(m_task.description.isEmpty() ? m_task.kind : m_task.description);
    QStringList details{m_task.id, displayName(m_task.state)};
    if (m_task.startedAt.isValid())
        details << tr("started %1").arg(QLocale().toString(m_task.startedAt.toLocalTime(), QLocale::ShortFormat));
    if (const qint64 ms = m_task.durationMs(); ms >= 0)
        details << tr("took %1").arg(TaskListModel::durationText(ms));
    if (!m_task.createdBy.isEmpty())
        details << tr("by %1").arg(m_task.createdBy);
    m_details->setText(details.join(QStringLiteral("  ·  ")));
    m_error->setText(m_task.errorMessage);
    m_error->setVisible(!m_task.errorMessage.isEmpty());
}

} // namespace Cuttle
