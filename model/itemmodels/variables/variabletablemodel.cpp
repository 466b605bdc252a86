#include "model/itemmodels/variables/variabletablemodel.h"

#include "model/itemmodels/variables/scopefields.h"

#include <QFont>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Cuttle {

VariableTableModel::VariableTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QString VariableTableModel::mask()
{
    return u"********"_s;
}

void VariableTableModel::setRows(const QList<VariableRepository::Stored> &rows)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(rows.size());
    for (const auto &stored : rows) {
        Row row{stored, false, ScopeFields::summary(stored.value.scope)};
        if (stored.value.sensitive) {
            // Whatever came in, a sensitive value is not kept in the console's memory.
            row.stored.value.value.clear();
            row.keepsSecret = !stored.id.isEmpty();
        }
        m_rows.append(std::move(row));
    }
    endResetModel();
    if (m_dirty) {
        m_dirty = false;
        emit dirtyChanged(false);
    }
}

QList<VariableRepository::Stored> VariableTableModel::rows() const
{
    QList<VariableRepository::Stored> out;
    out.reserve(m_rows.size());
    for (const Row &row : m_rows) {
        VariableRepository::Stored stored = row.stored;
        stored.value.name = stored.value.name.trimmed();
        out.append(stored);
    }
    return out;
}

void VariableTableModel::setReadOnly(bool readOnly)
{
    if (m_readOnly == readOnly)
        return;
    m_readOnly = readOnly;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void VariableTableModel::markDirty()
{
    if (m_dirty)
        return;
    m_dirty = true;
    emit dirtyChanged(true);
}

void VariableTableModel::rowChanged(int row)
{
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    markDirty();
}

int VariableTableModel::addValue(const QString &name)
{
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    Row r;
    r.stored.value.name = name;
    m_rows.append(r);
    endInsertRows();
    markDirty();
    return row;
}

int VariableTableModel::addAnotherValue(int row)
{
    if (row < 0 || row >= m_rows.size())
        return addValue();
    const VariableValue &source = m_rows.at(row).stored.value;
    int last = row;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).stored.value.name.compare(source.name, Qt::CaseInsensitive) == 0)
            last = std::max(last, i);
    }
    Row r;
    r.stored.value.name = source.name;
    r.stored.value.sensitive = source.sensitive;
    r.stored.value.description = source.description;
    const int at = last + 1;
    beginInsertRows({}, at, at);
    m_rows.insert(at, r);
    endInsertRows();
    markDirty();
    return at;
}

void VariableTableModel::removeValues(QList<int> rows)
{
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    bool removed = false;
    for (const int row : std::as_const(rows)) {
        if (row < 0 || row >= m_rows.size())
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
        removed = true;
    }
    if (removed)
        markDirty();
}

void VariableTableModel::setScope(int row, const ScopeSpec &scope)
{
    if (row < 0 || row >= m_rows.size())
        return;
    Row &r = m_rows[row];
    r.stored.value.scope = scope;
    r.scopeSummary = ScopeFields::summary(scope);
    rowChanged(row);
}

void VariableTableModel::setSensitive(int row, bool sensitive)
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).stored.value.sensitive == sensitive)
        return;
    Row &r = m_rows[row];
    r.stored.value.sensitive = sensitive;
    if (!sensitive && r.keepsSecret) {
        // The stored secret is never read back, so a value that stops being sensitive needs a new one.
        r.keepsSecret = false;
        r.stored.value.value.clear();
    }
    rowChanged(row);
}

void VariableTableModel::setDescription(int row, const QString &description)
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).stored.value.description == description)
        return;
    m_rows[row].stored.value.description = description;
    rowChanged(row);
}

void VariableTableModel::setPrompt(int row, const std::optional<VariablePrompt> &prompt)
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).stored.value.prompt == prompt)
        return;
    m_rows[row].stored.value.prompt = prompt;
    rowChanged(row);
}

std::optional<Error> VariableTableModel::validate(int *badRow) const
{
    QHash<QString, QList<int>> byName;
    for (int i = 0; i < m_rows.size(); ++i) {
        const VariableValue &v = m_rows.at(i).stored.value;
        const QString name = v.name.trimmed();
        if (name.isEmpty()) {
            if (badRow)
                *badRow = i;
            return Error::validation(tr("Every value needs a variable name (row %1).").arg(i + 1), u"name"_s);
        }
        QList<int> &same = byName[name.toLower()];
        for (const int other : std::as_const(same)) {
            if (ScopeFields::sameScope(m_rows.at(other).stored.value.scope, v.scope)) {
                if (badRow)
                    *badRow = i;
                return Error::conflict(tr("The variable %1 has two values with the same scope (rows %2 and %3); "
                                          "change the scope of one or delete it.")
                                           .arg(name)
                                           .arg(other + 1)
                                           .arg(i + 1),
                                       u"scope"_s);
            }
        }
        same.append(i);
    }
    return std::nullopt;
}

int VariableTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VariableTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VariableTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    const VariableValue &v = r.stored.value;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name: return v.name;
        case Value:
            if (v.sensitive)
                return (r.keepsSecret || !v.value.isEmpty()) ? mask() : QString();
            return v.value;
        case Scope: return r.scopeSummary;
        }
        return {};
    case Qt::EditRole:
        switch (index.column()) {
        case Name: return v.name;
        case Value: return v.value; // empty for a kept secret: editing means typing a new one
        case Scope: return r.scopeSummary;
        }
        return {};
    case Qt::ToolTipRole: {
        QStringList lines;
        if (!v.description.isEmpty())
            lines << v.description;
        if (v.prompt)
            lines << tr("Prompted at deployment as \"%1\".").arg(v.prompt->label.isEmpty() ? v.name : v.prompt->label);
        if (v.sensitive && index.column() == Value)
            lines << (r.keepsSecret ? tr("Sensitive: the stored value is kept; type to replace it.")
                                    : tr("Sensitive: saved to the keychain and never shown again."));
        return lines.isEmpty() ? QVariant() : QVariant(lines.join(u'\n'));
    }
    case Qt::FontRole:
        if (index.column() == Name && v.prompt) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case IdRole: return r.stored.id;
    case SensitiveRole: return v.sensitive;
    case SecretKeptRole: return r.keepsSecret;
    case DescriptionRole: return v.description;
    case PromptedRole: return v.prompt.has_value();
    case ScopeSummaryRole: return r.scopeSummary;
    case UnscopedRole: return v.scope.isUnscoped();
    case SortRole:
        switch (index.column()) {
        case Name: return v.name.toLower();
        case Value: return v.sensitive ? QString() : v.value.toLower();
        case Scope: return r.scopeSummary.toLower();
        }
        return {};
    }
    return {};
}

bool VariableTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (m_readOnly || role != Qt::EditRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Row &r = m_rows[index.row()];
    const QString text = value.toString();
    switch (index.column()) {
    case Name:
        if (text == r.stored.value.name)
            return false;
        r.stored.value.name = text;
        break;
    case Value:
        if (r.stored.value.sensitive) {
            // An empty edit of a stored secret keeps it; anything typed replaces it.
            if (text.isEmpty())
                return false;
            r.keepsSecret = false;
        } else if (text == r.stored.value.value) {
            return false;
        }
        r.stored.value.value = text;
        break;
    default:
        return false;
    }
    rowChanged(index.row());
    return true;
}

Qt::ItemFlags VariableTableModel::flags(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (!m_readOnly && (index.column() == Name || index.column() == Value))
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant VariableTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Name");
    case Value: return tr("Value");
    case Scope: return tr("Scope");
    }
    return {};
}

} // namespace Cuttle
