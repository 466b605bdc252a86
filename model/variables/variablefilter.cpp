#include "model/variables/variablefilter.h"

using namespace Qt::StringLiterals;

namespace Cuttle {

namespace {

struct Prefix
{
    QLatin1StringView key;
    VariableFilter::Field field;
};

constexpr Prefix kPrefixes[] = {
    {"name"_L1, VariableFilter::Field::Name},
    {"value"_L1, VariableFilter::Field::Value},
    {"scope"_L1, VariableFilter::Field::Scope},
    {"environment"_L1, VariableFilter::Field::Environment},
    {"env"_L1, VariableFilter::Field::Environment},
    {"target"_L1, VariableFilter::Field::Machine},
    {"machine"_L1, VariableFilter::Field::Machine},
    {"tag"_L1, VariableFilter::Field::Role},
    {"role"_L1, VariableFilter::Field::Role},
    {"step"_L1, VariableFilter::Field::Step},
    {"channel"_L1, VariableFilter::Field::Channel},
    {"tenant"_L1, VariableFilter::Field::Tenant},
    {"tenanttag"_L1, VariableFilter::Field::TenantTag},
    {"process"_L1, VariableFilter::Field::Process},
};

bool anyContains(const QStringList &values, const QString &needle)
{
    for (const QString &value : values) {
        if (value.contains(needle, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool scopeContains(const ScopeSpec &s, const QString &needle)
{
    return anyContains(s.environments, needle) || anyContains(s.machines, needle) || anyContains(s.roles, needle)
        || anyContains(s.steps, needle) || anyContains(s.channels, needle) || anyContains(s.tenants, needle)
        || anyContains(s.tenantTags, needle) || anyContains(s.processes, needle);
}

VariableFilter::Term makeTerm(const QString &raw)
{
    // A prefix counts only when something follows it, so "env:" alone and "http://x" stay text.
    const qsizetype colon = raw.indexOf(u':');
    if (colon > 0 && colon + 1 < raw.size()) {
        const QString key = raw.left(colon).toLower();
        for (const Prefix &prefix : kPrefixes) {
            if (key == prefix.key)
                return {prefix.field, raw.mid(colon + 1).toLower()};
        }
    }
    return {VariableFilter::Field::Any, raw.toLower()};
}

} // namespace

QList<VariableFilter::Term> VariableFilter::parse(const QString &text)
{
    QList<Term> terms;
    QString current;
    bool quoted = false;
    bool hasCurrent = false;
    auto flush = [&]() {
        if (hasCurrent && !current.isEmpty()) {
            Term term = makeTerm(current);
            if (!term.text.isEmpty() && !terms.contains(term))
                terms.append(term);
        }
        current.clear();
        hasCurrent = false;
    };
    for (const QChar c : text) {
        if (c == u'"') {
            quoted = !quoted;
            hasCurrent = true;
            continue;
        }
        if (!quoted && c.isSpace()) {
            flush();
            continue;
        }
        current.append(c);
        hasCurrent = true;
    }
    flush();
    return terms;
}

void VariableFilter::setText(const QString &text)
{
    m_text = text;
    m_terms = parse(text);
}

bool VariableFilter::termMatches(const Term &term, const VariableValue &v)
{
    const QString &t = term.text;
    switch (term.field) {
    case Field::Any:
        return v.name.contains(t, Qt::CaseInsensitive) || (!v.sensitive && v.value.contains(t, Qt::CaseInsensitive))
            || scopeContains(v.scope, t);
    case Field::Name: return v.name.contains(t, Qt::CaseInsensitive);
    case Field::Value: return !v.sensitive && v.value.contains(t, Qt::CaseInsensitive);
    case Field::Scope: return scopeContains(v.scope, t);
    case Field::Environment: return anyContains(v.scope.environments, t);
    case Field::Machine: return anyContains(v.scope.machines, t);
    case Field::Role: return anyContains(v.scope.roles, t);
    case Field::Step: return anyContains(v.scope.steps, t);
    case Field::Channel: return anyContains(v.scope.channels, t);
    case Field::Tenant: return anyContains(v.scope.tenants, t);
    case Field::TenantTag: return anyContains(v.scope.tenantTags, t);
    case Field::Process: return anyContains(v.scope.processes, t);
    }
    return false;
}

bool VariableFilter::matches(const VariableValue &value) const
{
    for (const Term &term : m_terms) {
        if (!termMatches(term, value))
            return false;
    }
    return true;
}

} // namespace Cuttle
