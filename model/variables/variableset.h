#pragma once

#include "model/variables/scopecontext.h"
#include "model/variables/variabledictionary.h"
#include "model/variables/variableexplanation.h"
#include "model/core/variablevalue.h"

#include <QHash>
#include <QList>

#include <optional>

namespace Cuttle {

/// All values of all variables of a project (and its included library sets), resolvable for a context.
class VariableSet final
{
public:
    VariableSet() = default;
    explicit VariableSet(const QList<VariableValue> &values);

    void add(const VariableValue &value);
    qsizetype size() const { return m_values.size(); }
    const QList<VariableValue> &values() const { return m_values; }

    /// The winning value of every name for `context`; ties are added to `warnings` when given.
    VariableDictionary resolve(const ScopeContext &context, QStringList *warnings = nullptr) const;
    /// The winning value of one name, or nullopt when no value applies.
    std::optional<VariableValue> resolveOne(const QString &name, const ScopeContext &context) const;
    /// Every candidate of `name`, whether it matched (or the dimension that failed), its rank and why the winner won.
    VariableExplanation explain(const QString &name, const ScopeContext &context) const;

    /// The rank of `value` in `context`, or nullopt when a dimension does not match.
    static std::optional<quint32> rank(const ScopeSpec &scope, const ScopeContext &context,
                                       QString *failedDimension = nullptr);

private:
    int pick(const QList<int> &candidates, const ScopeContext &context, bool *tie) const;

    QList<VariableValue> m_values;
    QList<int> m_order;
    QHash<QString, QList<int>> m_byName; ///< lower-case name -> indexes into m_values
    QStringList m_names;                 ///< lower-case names in first-definition order
    QHash<QString, VariableDictionary::Collections> m_collections;
};

} // namespace Cuttle
