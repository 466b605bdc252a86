#pragma once

#include "model/variables/variableset.h"

#include <QAbstractTableModel>
#include <QList>

namespace Cuttle {

/// Every variable's effective value for one context (the Preview), one row per name.
/// Sensitive values are shown masked.
class VariablePreviewModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VariablePreviewModel)

public:
    enum Column { Name, Value, Scope, Source, ColumnCount };
    enum Role { SensitiveRole = Qt::UserRole + 1, FromLibrarySetRole, CandidatesRole, SortRole };

    /// The winner of one name.
    struct Entry
    {
        VariableValue winner; ///< value masked when sensitive
        int candidates = 0;   ///< values defined for the name
    };

    explicit VariablePreviewModel(QObject *parent = nullptr);

    /// The winner of every name of `set` for `context`, in first-definition order; names
    /// with no applicable value are left out. Run it off the GUI thread for large sets.
    static QList<Entry> compute(const VariableSet &set, const ScopeContext &context);

    void setEntries(const QList<Entry> &entries);
    const QList<Entry> &entries() const { return m_entries; }
    int rowOfName(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Entry> m_entries;
};

} // namespace Cuttle
