#pragma once

#include "model/core/task.h"

#include <QAbstractTableModel>
#include <QList>

namespace Cuttle {

/// Tasks newest first, as TaskRepository::list() returns them. A refresh that only adds newer
/// tasks at the top or changes states keeps the existing rows (and so the view's selection).
class TaskListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TaskListModel)

public:
    enum Column { Description, State, Started, Duration, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, StateRole, KindRole, ErrorMessageRole };

    explicit TaskListModel(QObject *parent = nullptr);

    void setTasks(const QList<Task> &tasks);
    const QList<Task> &tasks() const { return m_tasks; }
    const Task &task(int row) const { return m_tasks.at(row); }
    int rowOfId(const QString &id) const;
    /// True when a task shown is not finished, so the list is worth refreshing.
    bool hasUnfinishedTasks() const;

    /// "850 ms", "12.3 s", "4m 05s", "2h 10m"; empty for a negative duration.
    static QString durationText(qint64 ms);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Task> m_tasks;
};

} // namespace Cuttle
