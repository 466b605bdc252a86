#pragma once

#include "model/core/auditevent.h"

#include <QAbstractTableModel>
#include <QList>

namespace Cuttle {

/// Audit events newest first: when, who, what, and the field-level changes.
class AuditEventModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditEventModel)

public:
    enum Column { WhenColumn, WhoColumn, ActionColumn, DocumentColumn, ChangesColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, DocumentIdRole };

    explicit AuditEventModel(QObject *parent = nullptr);

    void setEvents(const QList<AuditEvent> &events);
    AuditEvent event(int row) const { return m_events.value(row); }

    /// One line per change: "field: before → after"; secret fields only say they changed.
    static QStringList describeChanges(const AuditEvent &event);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<AuditEvent> m_events;
};

} // namespace Cuttle
