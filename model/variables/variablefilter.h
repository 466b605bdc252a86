#pragma once

#include "model/core/variablevalue.h"

#include <QList>
#include <QString>

namespace Cuttle {

/// The variables grid's one filter box: every term must match the name, the value (never a
/// sensitive one) or a scope value. A term may be limited with a prefix: `name:`, `value:`,
/// `scope:`, or a dimension (`environment:`/`env:`, `target:`/`machine:`, `tag:`/`role:`,
/// `step:`, `channel:`, `tenant:`, `tenanttag:`, `process:`); `"quoted text"` keeps spaces.
/// Lives here so the console's proxy model and any other caller filter the same way.
class VariableFilter final
{
public:
    /// Where a term is looked for.
    enum class Field { Any, Name, Value, Scope, Environment, Machine, Role, Step, Channel, Tenant, TenantTag, Process };
    struct Term
    {
        Field field = Field::Any;
        QString text; ///< lower case
        bool operator==(const Term &) const = default;
    };

    VariableFilter() = default;
    explicit VariableFilter(const QString &text) { setText(text); }

    void setText(const QString &text);
    QString text() const { return m_text; }
    const QList<Term> &terms() const { return m_terms; }
    bool isEmpty() const { return m_terms.isEmpty(); }

    bool matches(const VariableValue &value) const;

    /// Splits `text` into terms (exposed for tests and for highlighting).
    static QList<Term> parse(const QString &text);

private:
    static bool termMatches(const Term &term, const VariableValue &value);

    QString m_text;
    QList<Term> m_terms;
};

} // namespace Cuttle
