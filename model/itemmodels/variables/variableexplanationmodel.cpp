#include "model/itemmodels/variables/variableexplanationmodel.h"

#include "model/itemmodels/variables/scopefields.h"
#include "model/itemmodels/variables/variabletablemodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace Cuttle {

VariableExplanationModel::VariableExplanationModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void VariableExplanationModel::setExplanation(const VariableExplanation &explanation)
{
    beginResetModel();
    m_explanation = explanation;
    for (CandidateExplanation &c : m_explanation.candidates) {
        if (c.value.sensitive)
            c.value.value = VariableTableModel::mask();
    }
    endResetModel();
}

void VariableExplanationModel::clear()
{
    setExplanation({});
}

int VariableExplanationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_explanation.candidates.size());
}

int VariableExplanationModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VariableExplanationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CandidateExplanation &c = m_explanation.candidates.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Outcome:
            if (c.winner)
                return m_explanation.tie ? tr("Winner (tie)") : tr("Winner");
            return c.matched ? tr("Applies") : tr("Does not apply");
        case Value: return c.value.value;
        case Scope: {
            const QString summary = ScopeFields::summary(c.value.scope);
            return summary.isEmpty() ? tr("unscoped") : summary;
        }
        case Source: return c.value.fromLibrarySet ? tr("Library set %1").arg(c.value.source) : tr("Project");
        case Reason: return c.reason;
        }
        return {};
    case Qt::ToolTipRole: return c.reason;
    case Qt::FontRole:
        if (c.winner) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (!c.matched)
            return QBrush(QColor(0x80, 0x80, 0x80));
        if (c.winner)
            return QBrush(QColor(0x1b, 0x6e, 0x2e));
        return {};
    case MatchedRole: return c.matched;
    case WinnerRole: return c.winner;
    case RankRole: return c.rank;
    }
    return {};
}

QVariant VariableExplanationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Outcome: return tr("Outcome");
    case Value: return tr("Value");
    case Scope: return tr("Scope");
    case Source: return tr("Defined in");
    case Reason: return tr("Why");
    }
    return {};
}

} // namespace Cuttle
