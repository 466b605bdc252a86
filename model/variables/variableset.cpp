#include "model/variables/variableset.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Cuttle {

namespace {

bool containsCi(const QStringList &list, const QString &value)
{
    for (const QString &item : list)
        if (item.compare(value, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

bool intersectsCi(const QStringList &a, const QStringList &b)
{
    for (const QString &item : a)
        if (containsCi(b, item))
            return true;
    return false;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("VariableSet", text);
}

QString describeScope(const ScopeSpec &s)
{
    QStringList parts;
    auto add = [&](const char *label, const QStringList &values) {
        if (!values.isEmpty())
            parts.append(tr(label) + u' ' + values.join(", "_L1));
    };
    add("step", s.steps);
    add("machine", s.machines);
    add("target tag", s.roles);
    add("tenant", s.tenants);
    add("tenant tag", s.tenantTags);
    add("environment", s.environments);
    add("channel", s.channels);
    add("process", s.processes);
    return parts.isEmpty() ? tr("unscoped") : tr("scoped to ") + parts.join("; "_L1);
}

QString maskText(quint32 mask)
{
    return u"0b"_s + QString::number(mask, 2).rightJustified(9, u'0');
}

} // namespace

VariableSet::VariableSet(const QList<VariableValue> &values)
{
    m_values.reserve(values.size());
    m_order.reserve(values.size());
    m_byName.reserve(values.size());
    for (const VariableValue &value : values)
        add(value);
}

void VariableSet::add(const VariableValue &value)
{
    const int index = int(m_values.size());
    m_values.append(value);
    m_order.append(value.order >= 0 ? value.order : index);
    const QString key = VariableDictionary::canonicalKey(value.name);
    auto it = m_byName.find(key);
    if (it == m_byName.end()) {
        m_byName.insert(key, {index});
        m_names.append(key);
        m_collections.insert(key, VariableDictionary::collectionsOf(value.name));
    } else {
        it->append(index);
    }
}

std::optional<quint32> VariableSet::rank(const ScopeSpec &scope, const ScopeContext &ctx, QString *failedDimension)
{
    quint32 mask = 0;
    auto fail = [&](const char *dimension) -> std::optional<quint32> {
        if (failedDimension)
            *failedDimension = tr(dimension);
        return std::nullopt;
    };
    auto single = [&](const QStringList &values, const std::optional<QString> &current, ScopeDimension bit,
                      const char *dimension) -> bool {
        if (values.isEmpty())
            return true;
        if (!current || !containsCi(values, *current)) {
            fail(dimension);
            return false;
        }
        mask |= quint32(bit);
        return true;
    };
    if (!single(scope.steps, ctx.step, ScopeDimension::Step, "step"))
        return std::nullopt;
    if (!single(scope.machines, ctx.machine, ScopeDimension::Machine, "machine"))
        return std::nullopt;
    if (!scope.roles.isEmpty()) {
        bool onMachine = false;
        bool alsoTargeted = false;
        for (const QString &role : scope.roles) {
            if (containsCi(ctx.machineTags, role)) {
                onMachine = true;
                if (containsCi(ctx.stepTargetTags, role))
                    alsoTargeted = true;
            }
        }
        if (!onMachine)
            return fail("target tag");
        mask |= quint32(alsoTargeted ? ScopeDimension::TagOnMachineAndStep : ScopeDimension::TagOnMachine);
    }
    if (!single(scope.tenants, ctx.tenant, ScopeDimension::Tenant, "tenant"))
        return std::nullopt;
    if (!scope.tenantTags.isEmpty()) {
        if (!intersectsCi(scope.tenantTags, ctx.tenantTags))
            return fail("tenant tag");
        mask |= quint32(ScopeDimension::TenantTag);
    }
    if (!single(scope.environments, ctx.environment, ScopeDimension::Environment, "environment"))
        return std::nullopt;
    if (!single(scope.channels, ctx.channel, ScopeDimension::Channel, "channel"))
        return std::nullopt;
    if (!single(scope.processes, ctx.process, ScopeDimension::Process, "process"))
        return std::nullopt;
    return mask;
}

int VariableSet::pick(const QList<int> &candidates, const ScopeContext &context, bool *tie) const
{
    int best = -1;
    quint32 bestMask = 0;
    bool bestTied = false;
    for (const int index : candidates) {
        const auto mask = rank(m_values.at(index).scope, context);
        if (!mask)
            continue;
        if (best < 0 || *mask > bestMask) {
            best = index;
            bestMask = *mask;
            bestTied = false;
            continue;
        }
        if (*mask < bestMask)
            continue;
        bestTied = true;
        const VariableValue &current = m_values.at(best);
        const VariableValue &other = m_values.at(index);
        // Ties: the project's own value beats a library set's, then the one defined first.
        const bool better = (current.fromLibrarySet && !other.fromLibrarySet)
            || (current.fromLibrarySet == other.fromLibrarySet && m_order.at(index) < m_order.at(best));
        if (better)
            best = index;
    }
    if (tie)
        *tie = bestTied;
    return best;
}

VariableDictionary VariableSet::resolve(const ScopeContext &context, QStringList *warnings) const
{
    VariableDictionary out;
    for (const QString &key : m_names) {
        bool tie = false;
        const int winner = pick(m_byName.value(key), context, &tie);
        if (winner < 0)
            continue;
        const VariableValue &value = m_values.at(winner);
        out.setPrepared(key, value.name, value.value, value.sensitive, m_collections.value(key));
        if (tie && warnings) {
            warnings->append(tr("The variable %1 has several values of equal specificity for this context; the one "
                                "from %2 (%3) was used.")
                                 .arg(value.name, value.source.isEmpty() ? tr("the project") : value.source,
                                      describeScope(value.scope)));
        }
    }
    return out;
}

std::optional<VariableValue> VariableSet::resolveOne(const QString &name, const ScopeContext &context) const
{
    const int winner = pick(m_byName.value(VariableDictionary::canonicalKey(name)), context, nullptr);
    if (winner < 0)
        return std::nullopt;
    return m_values.at(winner);
}

VariableExplanation VariableSet::explain(const QString &name, const ScopeContext &context) const
{
    VariableExplanation out;
    out.name = name;
    const QList<int> candidates = m_byName.value(VariableDictionary::canonicalKey(name));
    bool tie = false;
    const int winner = pick(candidates, context, &tie);
    out.tie = tie;
    for (const int index : candidates) {
        const VariableValue &value = m_values.at(index);
        CandidateExplanation candidate;
        candidate.value = value;
        if (value.sensitive)
            candidate.value.value = u"********"_s;
        QString failed;
        const auto mask = rank(value.scope, context, &failed);
        candidate.matched = mask.has_value();
        candidate.rank = mask.value_or(0);
        candidate.failedDimension = failed;
        candidate.winner = index == winner;
        if (!candidate.matched)
            candidate.reason = tr("Does not apply: its %1 scope does not include this context's %1.").arg(failed);
        else
            candidate.reason = tr("Applies (%1), rank %2.").arg(describeScope(value.scope), maskText(candidate.rank));
        if (candidate.winner)
            out.winnerIndex = int(out.candidates.size());
        out.candidates.append(candidate);
    }
    if (out.winnerIndex < 0) {
        out.verdict = candidates.isEmpty() ? tr("No variable named %1 is defined.").arg(name)
                                           : tr("None of the %1 values of %2 applies to this context.")
                                                 .arg(candidates.size())
                                                 .arg(name);
        return out;
    }
    const CandidateExplanation &w = out.candidates.at(out.winnerIndex);
    int matched = 0;
    quint32 runnerUp = 0;
    bool hasRunnerUp = false;
    for (int i = 0; i < out.candidates.size(); ++i) {
        const CandidateExplanation &c = out.candidates.at(i);
        if (!c.matched)
            continue;
        ++matched;
        if (i != out.winnerIndex && (!hasRunnerUp || c.rank > runnerUp)) {
            runnerUp = c.rank;
            hasRunnerUp = true;
        }
    }
    const QString which = tr("The value %1 (%2) wins").arg(out.winnerIndex + 1).arg(describeScope(w.value.scope));
    if (matched == 1) {
        out.verdict = which + tr(": it is the only value that applies.");
    } else if (!tie) {
        out.verdict = which + tr(": its scope is the most specific (rank %1 beats %2).")
                                  .arg(maskText(w.rank), maskText(runnerUp));
    } else {
        out.verdict = which
            + (w.value.fromLibrarySet ? tr(": several values are equally specific (rank %1), and it was defined first.")
                                      : tr(": several values are equally specific (rank %1); the project's own value "
                                           "beats library sets' values, then the one defined first wins."))
                  .arg(maskText(w.rank));
    }
    return out;
}

} // namespace Cuttle
