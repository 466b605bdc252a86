#pragma once

#include "model/core/error.h"
#include "model/store/variablerepository.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace Cuttle {

/// An editable variable set (a project's or a library set's), one row per value, so a
/// name with several scoped values has several rows. A stored sensitive value is never
/// held here: its row shows ******** and keeps the secret unless a new value is typed.
class VariableTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VariableTableModel)

public:
    enum Column { Name, Value, Scope, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        SensitiveRole,    ///< bool
        SecretKeptRole,   ///< bool: a stored secret stays unless a new value is typed
        DescriptionRole,
        PromptedRole,     ///< bool
        ScopeSummaryRole, ///< the Scope column's text
        UnscopedRole,     ///< bool
        SortRole,
    };

    explicit VariableTableModel(QObject *parent = nullptr);

    /// Replaces every row with stored values (as VariableService::list returns them); not dirty.
    void setRows(const QList<VariableRepository::Stored> &rows);
    /// The rows as VariableService::save expects them: a kept secret has an empty value.
    QList<VariableRepository::Stored> rows() const;
    const VariableValue &value(int row) const { return m_rows.at(row).stored.value; }
    QString id(int row) const { return m_rows.at(row).stored.id; }
    /// The row shows a stored secret that Save keeps.
    bool keepsSecret(int row) const { return m_rows.at(row).keepsSecret; }

    bool isReadOnly() const { return m_readOnly; }
    void setReadOnly(bool readOnly);
    bool isDirty() const { return m_dirty; }

    /// Appends a new value and returns its row.
    int addValue(const QString &name = {});
    /// Adds another value of the name in `row` (same name, sensitivity and description,
    /// unscoped and empty) right after that name's last row; returns the new row.
    int addAnotherValue(int row);
    void removeValues(QList<int> rows);
    void setScope(int row, const ScopeSpec &scope);
    void setSensitive(int row, bool sensitive);
    void setDescription(int row, const QString &description);
    void setPrompt(int row, const std::optional<VariablePrompt> &prompt);

    /// The first problem that Save would refuse (empty name, two values of a name with the
    /// same scope), with the row it is about.
    std::optional<Error> validate(int *row = nullptr) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// What a sensitive value shows instead of itself.
    static QString mask();

signals:
    void dirtyChanged(bool dirty);

private:
    struct Row
    {
        VariableRepository::Stored stored;
        bool keepsSecret = false;
        QString scopeSummary;
    };
    void markDirty();
    void rowChanged(int row);

    QList<Row> m_rows;
    bool m_readOnly = false;
    bool m_dirty = false;
};

} // namespace Cuttle
