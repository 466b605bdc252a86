#pragma once

#include "model/core/libraryvariableset.h"

#include <QAbstractTableModel>
#include <QList>

namespace Cuttle {

/// Library variable sets, one row each (the Library tab's list, a project's included sets).
class LibraryVariableSetListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryVariableSetListModel)

public:
    enum Column { Name, Description, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1 };

    explicit LibraryVariableSetListModel(QObject *parent = nullptr);

    void setSets(const QList<LibraryVariableSet> &sets);
    const QList<LibraryVariableSet> &sets() const { return m_sets; }
    const LibraryVariableSet &set(int row) const { return m_sets.at(row); }
    int rowOfId(const QString &id) const;
    QStringList ids() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<LibraryVariableSet> m_sets;
};

} // namespace Cuttle
