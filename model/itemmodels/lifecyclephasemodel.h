#pragma once

#include "model/core/environment.h"
#include "model/core/lifecyclephase.h"

#include <QAbstractTableModel>
#include <QList>

namespace Cuttle {

/// The ordered phases of the lifecycle being edited. The phase editor changes phases here
/// and saves phases() as a whole; environment ids show as names from setEnvironments().
class LifecyclePhaseModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LifecyclePhaseModel)

public:
    enum Column { NameColumn, AutomaticColumn, OptionalEnvironmentsColumn, MinimumColumn, OptionalPhaseColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, AutomaticIdsRole, OptionalIdsRole };

    explicit LifecyclePhaseModel(QObject *parent = nullptr);

    /// The space's environments, in sort order.
    void setEnvironments(const QList<Environment> &environments);
    QList<Environment> environments() const { return m_environments; }

    void setPhases(const QList<LifecyclePhase> &phases);
    QList<LifecyclePhase> phases() const { return m_phases; }
    LifecyclePhase phase(int row) const { return m_phases.value(row); }
    void setPhase(int row, const LifecyclePhase &phase);
    /// Appends a phase with `name` and no environments; returns its row.
    int appendPhase(const QString &name);
    bool removePhase(int row);
    /// Moves the phase at `from` so that it ends up at row `to`.
    bool movePhase(int from, int to);

    /// The environments each phase stands for, in order: a phase naming no environments
    /// stands for every environment not named in an earlier phase; no phases at all means
    /// one phase per environment in sort order. Empty inner lists are kept.
    static QList<QList<Environment>> effectiveEnvironments(const QList<LifecyclePhase> &phases,
                                                           const QList<Environment> &environments);
    /// The promotion order as one line, e.g. "Development → Test → Production";
    /// environments of one phase are joined with ", ", optional phases are marked.
    static QString promotionOrderText(const QList<LifecyclePhase> &phases, const QList<Environment> &environments);
    QString promotionOrderText() const { return promotionOrderText(m_phases, m_environments); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    /// Any phase was added, removed, moved or changed.
    void phasesEdited();

private:
    QString environmentNames(const QStringList &ids) const;
    QList<Environment> m_environments;
    QList<LifecyclePhase> m_phases;
};

} // namespace Cuttle
