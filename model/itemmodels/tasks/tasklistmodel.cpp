#include "model/itemmodels/tasks/tasklistmodel.h"

#include <QColor>
#include <QLocale>

namespace Cuttle {

TaskListModel::TaskListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TaskListModel::setTasks(const QList<Task> &tasks)
{
    // Newer tasks come first: when the old rows are the tail of the new list, insert only the head.
    const qsizetype added = tasks.size() - m_tasks.size();
    bool sameTail = added >= 0 && !m_tasks.isEmpty();
    for (qsizetype i = 0; sameTail && i < m_tasks.size(); ++i)
        sameTail = tasks.at(i + added).id == m_tasks.at(i).id;
    if (!sameTail) {
        beginResetModel();
        m_tasks = tasks;
        endResetModel();
        return;
    }
    if (added > 0) {
        beginInsertRows({}, 0, int(added) - 1);
        m_tasks = tasks.mid(0, added) + m_tasks;
        endInsertRows();
    }
    m_tasks = tasks;
    if (!m_tasks.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_tasks.size()) - 1, ColumnCount - 1));
}

int TaskListModel::rowOfId(const QString &id) const
{
    for (qsizetype i = 0; i < m_tasks.size(); ++i) {
        if (m_tasks.at(i).id == id)
            return int(i);
    }
    return -1;
}

bool TaskListModel::hasUnfinishedTasks() const
{
    return std::any_of(m_tasks.cbegin(), m_tasks.cend(), [](const Task &t) { return !isFinished(t.state); });
}

QString TaskListModel::durationText(qint64 ms)
{
    if (ms < 0)
        return {};
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    if (ms < 60000)
        return tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
    const qint64 seconds = ms / 1000;
    if (seconds < 3600)
        return tr("%1m %2s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return tr("%1h %2m").arg(seconds / 3600).arg(seconds % 3600 / 60, 2, 10, QLatin1Char('0'));
}

int TaskListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tasks.size());
}

int TaskListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TaskListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Task &task = m_tasks.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Description: return task.description.isEmpty() ? task.kind : task.description;
        case State: return displayName(task.state);
        case Started:
            return task.startedAt.isValid() ? QLocale().toString(task.startedAt.toLocalTime(), QLocale::ShortFormat) : QString();
        case Duration: return durationText(task.durationMs());
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole:
        if (!task.errorMessage.isEmpty())
            return task.errorMessage;
        return task.id;
    case Qt::ForegroundRole:
        if (index.column() == State) {
            switch (task.state) {
            case TaskState::Success: return QColor(0x2e, 0x7d, 0x32);
            case TaskState::Failed:
            case TaskState::TimedOut: return QColor(0xc6, 0x28, 0x28);
            case TaskState::Canceled:
            case TaskState::Cancelling: return QColor(0x8d, 0x6e, 0x00);
            case TaskState::Executing: return QColor(0x15, 0x65, 0xc0);
            case TaskState::Queued: break;
            }
        }
        return {};
    case IdRole: return task.id;
    case StateRole: return int(task.state);
    case KindRole: return task.kind;
    case ErrorMessageRole: return task.errorMessage;
    default: return {};
    }
}

QVariant TaskListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Description: return tr("Task");
    case State: return tr("State");
    case Started: return tr("Started");
    case Duration: return tr("Duration");
    case ColumnCount: break;
    }
    return {};
}

} // namespace Cuttle
