#pragma once

#include "model/core/space.h"

#include <QAbstractListModel>
#include <QList>

namespace Cuttle {

/// The spaces of a workspace, for the space switcher.
class SpaceListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpaceListModel)

public:
    enum Column { Name, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, DescriptionRole, IsDefaultRole };

    explicit SpaceListModel(QObject *parent = nullptr);

    void setSpaces(const QList<Space> &spaces);
    const QList<Space> &spaces() const { return m_spaces; }
    /// The row of the space with this id, or -1.
    int rowOfId(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<Space> m_spaces;
};

} // namespace Cuttle
