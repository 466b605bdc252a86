#include "model/itemmodels/variables/variablepreviewmodel.h"

#include "model/itemmodels/variables/scopefields.h"
#include "model/itemmodels/variables/variabletablemodel.h"

#include <QHash>

namespace Cuttle {

VariablePreviewModel::VariablePreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QList<VariablePreviewModel::Entry> VariablePreviewModel::compute(const VariableSet &set, const ScopeContext &context)
{
    QList<Entry> out;
    QHash<QString, int> counts;
    QStringList names;
    for (const VariableValue &value : set.values()) {
        const QString key = value.name.toLower();
        auto it = counts.find(key);
        if (it == counts.end()) {
            counts.insert(key, 1);
            names << value.name;
        } else {
            ++*it;
        }
    }
    out.reserve(names.size());
    for (const QString &name : std::as_const(names)) {
        auto winner = set.resolveOne(name, context);
        if (!winner)
            continue;
        if (winner->sensitive)
            winner->value = VariableTableModel::mask();
        out.append({*winner, counts.value(name.toLower())});
    }
    return out;
}

void VariablePreviewModel::setEntries(const QList<Entry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

int VariablePreviewModel::rowOfName(const QString &name) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).winner.name.compare(name, Qt::CaseInsensitive) == 0)
            return i;
    }
    return -1;
}

int VariablePreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int VariablePreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VariablePreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(index.row());
    const VariableValue &v = e.winner;
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case Name: return role == SortRole ? v.name.toLower() : v.name;
        case Value: return v.value;
        case Scope: {
            const QString summary = ScopeFields::summary(v.scope);
            return summary.isEmpty() && role == Qt::DisplayRole ? tr("unscoped") : summary;
        }
        case Source:
            if (v.fromLibrarySet)
                return tr("Library set %1").arg(v.source);
            return tr("Project");
        }
        return {};
    case Qt::ToolTipRole:
        if (e.candidates > 1)
            return tr("%n value(s) defined; select and press Explain to see why this one won.", nullptr, e.candidates);
        return {};
    case SensitiveRole: return v.sensitive;
    case FromLibrarySetRole: return v.fromLibrarySet;
    case CandidatesRole: return e.candidates;
    }
    return {};
}

QVariant VariablePreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Name");
    case Value: return tr("Effective value");
    case Scope: return tr("Winning scope");
    case Source: return tr("Defined in");
    }
    return {};
}

} // namespace Cuttle
