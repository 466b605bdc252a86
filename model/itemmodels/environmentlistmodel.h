#pragma once

#include "model/core/environment.h"

#include <QAbstractListModel>
#include <QList>

namespace Cuttle {

/// The environments of a space in their sort order. Rows can be dragged to a new place;
/// the model then shows the new order at once and announces it through orderChanged(),
/// so that the page can persist it.
class EnvironmentListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentListModel)

public:
    enum Column { Name, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, DescriptionRole, SortOrderRole };

    explicit EnvironmentListModel(QObject *parent = nullptr);

    /// The MIME type of dragged environments: their ids, one per line.
    static QString mimeType();

    void setEnvironments(const QList<Environment> &environments);
    const QList<Environment> &environments() const { return m_environments; }
    const Environment &environment(int row) const { return m_environments.at(row); }
    QStringList orderedIds() const;
    /// Environment names by id, for models and filters that show environment names.
    QHash<QString, QString> namesById() const;
    int rowOfId(const QString &id) const;

    /// Moves the environments with these ids so that they come before the environment now
    /// at `destinationRow` (rowCount() for the end); true when the order changed.
    bool moveEnvironments(const QStringList &ids, int destinationRow);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;

signals:
    /// The user dragged environments into a new order (all ids of the space).
    void orderChanged(const QStringList &orderedIds);

private:
    QStringList decode(const QMimeData *data) const;
    QList<Environment> m_environments;
};

} // namespace Cuttle
