#pragma once

#include "model/variables/variableexplanation.h"

#include <QAbstractTableModel>

namespace Cuttle {

/// The candidates of one name for one context, as VariableSet::explain found them: whether
/// each applied, its rank and which one won (shown bold).
class VariableExplanationModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VariableExplanationModel)

public:
    enum Column { Outcome, Value, Scope, Source, Reason, ColumnCount };
    enum Role { MatchedRole = Qt::UserRole + 1, WinnerRole, RankRole };

    explicit VariableExplanationModel(QObject *parent = nullptr);

    void setExplanation(const VariableExplanation &explanation);
    const VariableExplanation &explanation() const { return m_explanation; }
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    VariableExplanation m_explanation;
};

} // namespace Cuttle
