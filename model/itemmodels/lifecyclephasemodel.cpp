#include "model/itemmodels/lifecyclephasemodel.h"

#include <QSet>

namespace Cuttle {

LifecyclePhaseModel::LifecyclePhaseModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void LifecyclePhaseModel::setEnvironments(const QList<Environment> &environments)
{
    m_environments = environments;
    if (!m_phases.isEmpty())
        emit dataChanged(index(0, AutomaticColumn), index(rowCount() - 1, OptionalEnvironmentsColumn));
}

void LifecyclePhaseModel::setPhases(const QList<LifecyclePhase> &phases)
{
    beginResetModel();
    m_phases = phases;
    endResetModel();
}

void LifecyclePhaseModel::setPhase(int row, const LifecyclePhase &phase)
{
    if (row < 0 || row >= m_phases.size())
        return;
    m_phases[row] = phase;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    emit phasesEdited();
}

int LifecyclePhaseModel::appendPhase(const QString &name)
{
    const int row = int(m_phases.size());
    beginInsertRows({}, row, row);
    LifecyclePhase phase;
    phase.name = name;
    m_phases << phase;
    endInsertRows();
    emit phasesEdited();
    return row;
}

bool LifecyclePhaseModel::removePhase(int row)
{
    if (row < 0 || row >= m_phases.size())
        return false;
    beginRemoveRows({}, row, row);
    m_phases.removeAt(row);
    endRemoveRows();
    emit phasesEdited();
    return true;
}

bool LifecyclePhaseModel::movePhase(int from, int to)
{
    if (from < 0 || from >= m_phases.size() || to < 0 || to >= m_phases.size() || from == to)
        return false;
    // beginMoveRows names the row the item goes before, in the pre-move numbering.
    if (!beginMoveRows({}, from, from, {}, to > from ? to + 1 : to))
        return false;
    m_phases.move(from, to);
    endMoveRows();
    emit phasesEdited();
    return true;
}

QList<QList<Environment>> LifecyclePhaseModel::effectiveEnvironments(const QList<LifecyclePhase> &phases,
                                                                      const QList<Environment> &environments)
{
    QList<QList<Environment>> result;
    if (phases.isEmpty()) {
        for (const Environment &e : environments)
            result << QList<Environment>{e};
        return result;
    }
    QSet<QString> named;
    for (const LifecyclePhase &phase : phases) {
        QList<Environment> inPhase;
        const QStringList ids = phase.environmentIds();
        if (ids.isEmpty()) {
            for (const Environment &e : environments) {
                if (!named.contains(e.id))
                    inPhase << e;
            }
        } else {
            // Sort order, not the order the user ticked them in.
            for (const Environment &e : environments) {
                if (ids.contains(e.id))
                    inPhase << e;
            }
        }
        for (const QString &id : ids)
            named.insert(id);
        result << inPhase;
    }
    return result;
}

QString LifecyclePhaseModel::promotionOrderText(const QList<LifecyclePhase> &phases, const QList<Environment> &environments)
{
    const QList<QList<Environment>> effective = effectiveEnvironments(phases, environments);
    QStringList steps;
    for (int i = 0; i < effective.size(); ++i) {
        QStringList names;
        for (const Environment &e : effective[i])
            names << e.name;
        QString step = names.isEmpty() ? tr("(no environments)") : names.join(QStringLiteral(", "));
        if (i < phases.size() && phases[i].isOptional)
            step = tr("%1 (optional)").arg(step);
        steps << step;
    }
    return steps.join(QStringLiteral(" → "));
}

QString LifecyclePhaseModel::environmentNames(const QStringList &ids) const
{
    QStringList names;
    for (const QString &id : ids) {
        QString name = id;
        for (const Environment &e : m_environments) {
            if (e.id == id) {
                name = e.name;
                break;
            }
        }
        names << name;
    }
    return names.join(QStringLiteral(", "));
}

int LifecyclePhaseModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_phases.size());
}

int LifecyclePhaseModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LifecyclePhaseModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LifecyclePhase &p = m_phases.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return p.name;
        case AutomaticColumn:
            return p.environmentIds().isEmpty() ? tr("All remaining environments") : environmentNames(p.automaticEnvironmentIds);
        case OptionalEnvironmentsColumn:
            return environmentNames(p.optionalEnvironmentIds);
        case MinimumColumn:
            return p.minimumEnvironmentsBeforePromotion == 0 ? tr("All") : QString::number(p.minimumEnvironmentsBeforePromotion);
        case OptionalPhaseColumn:
            return p.isOptional ? tr("Optional") : QString();
        default:
            return {};
        }
    case Qt::EditRole:
        if (index.column() == NameColumn)
            return p.name;
        if (index.column() == MinimumColumn)
            return p.minimumEnvironmentsBeforePromotion;
        return {};
    case IdRole:
        return p.id;
    case AutomaticIdsRole:
        return p.automaticEnvironmentIds;
    case OptionalIdsRole:
        return p.optionalEnvironmentIds;
    default:
        return {};
    }
}

bool LifecyclePhaseModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    LifecyclePhase p = m_phases.at(index.row());
    if (index.column() == NameColumn)
        p.name = value.toString();
    else if (index.column() == MinimumColumn && value.toInt() >= 0)
        p.minimumEnvironmentsBeforePromotion = value.toInt();
    else
        return false;
    setPhase(index.row(), p);
    return true;
}

Qt::ItemFlags LifecyclePhaseModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && (index.column() == NameColumn || index.column() == MinimumColumn))
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant LifecyclePhaseModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case NameColumn:
        return tr("Phase");
    case AutomaticColumn:
        return tr("Automatic");
    case OptionalEnvironmentsColumn:
        return tr("Manual");
    case MinimumColumn:
        return tr("Required before promotion");
    case OptionalPhaseColumn:
        return tr("Optional phase");
    default:
        return {};
    }
}

} // namespace Cuttle
