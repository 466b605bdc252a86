#include "model/core/lifecycleprogression.h"

#include <algorithm>

namespace Cuttle {

LifecycleProgression::LifecycleProgression(const Lifecycle &lifecycle, QList<Environment> environments)
{
    std::stable_sort(environments.begin(), environments.end(),
                     [](const Environment &a, const Environment &b) { return a.sortOrder < b.sortOrder; });
    QStringList ordered;
    for (const Environment &environment : environments)
        ordered << environment.id;

    if (lifecycle.phases.isEmpty()) {
        for (const Environment &environment : environments) {
            Phase phase;
            phase.name = environment.name;
            phase.environmentIds = {environment.id};
            phase.required = 1;
            m_phases << phase;
        }
        return;
    }

    // A phase without environments takes every environment no earlier phase holds, so a
    // second such phase right after the first one is empty (and complete at once).
    QSet<QString> namedSoFar;
    for (const LifecyclePhase &definition : lifecycle.phases) {
        Phase phase;
        phase.name = definition.name;
        phase.isOptional = definition.isOptional;
        const QStringList listed = definition.environmentIds();
        for (const QString &id : ordered) {
            const bool belongs = listed.isEmpty() ? !namedSoFar.contains(id) : listed.contains(id);
            if (belongs)
                phase.environmentIds << id;
        }
        for (const QString &id : definition.automaticEnvironmentIds)
            phase.automaticEnvironmentIds.insert(id);
        const int count = int(phase.environmentIds.size());
        const int minimum = definition.minimumEnvironmentsBeforePromotion;
        phase.required = minimum <= 0 ? count : std::min(minimum, count);
        for (const QString &id : phase.environmentIds)
            namedSoFar.insert(id);
        m_phases << phase;
    }
}

std::optional<int> LifecycleProgression::phaseOf(const QString &environmentId) const
{
    for (int i = 0; i < m_phases.size(); ++i) {
        if (m_phases.at(i).environmentIds.contains(environmentId))
            return i;
    }
    return std::nullopt;
}

int LifecycleProgression::succeededIn(const Phase &phase, const State &state) const
{
    return int(std::count_if(phase.environmentIds.cbegin(), phase.environmentIds.cend(),
                             [&](const QString &id) { return state.succeededEnvironmentIds.contains(id); }));
}

bool LifecycleProgression::isPhaseComplete(int phase, const State &state) const
{
    const Phase &p = m_phases.at(phase);
    return succeededIn(p, state) >= p.required;
}

int LifecycleProgression::reachedPhaseCount(const State &state) const
{
    int reached = 0;
    for (int i = 0; i < m_phases.size(); ++i) {
        ++reached;
        if (!m_phases.at(i).isOptional && !isPhaseComplete(i, state))
            break;
    }
    return reached;
}

QStringList LifecycleProgression::deployableEnvironments(const State &state) const
{
    QStringList deployable;
    const int reached = reachedPhaseCount(state);
    for (int i = 0; i < reached; ++i) {
        const Phase &phase = m_phases.at(i);
        if (state.blocked && succeededIn(phase, state) == 0)
            continue;
        for (const QString &id : phase.environmentIds) {
            if (!deployable.contains(id))
                deployable << id;
        }
    }
    return deployable;
}

bool LifecycleProgression::canDeployTo(const QString &environmentId, const State &state) const
{
    return !refusal(environmentId, state).has_value();
}

QStringList LifecycleProgression::automaticEnvironmentsDue(const State &state) const
{
    QStringList due;
    if (state.blocked)
        return due;
    const int reached = reachedPhaseCount(state);
    for (int i = 0; i < reached; ++i) {
        const Phase &phase = m_phases.at(i);
        if (phase.isOptional)
            continue;
        for (const QString &id : phase.environmentIds) {
            if (phase.automaticEnvironmentIds.contains(id) && !state.succeededEnvironmentIds.contains(id)
                && !due.contains(id))
                due << id;
        }
    }
    return due;
}

std::optional<LifecycleProgression::Refusal> LifecycleProgression::refusal(const QString &environmentId,
                                                                          const State &state) const
{
    const int reached = reachedPhaseCount(state);
    bool inLifecycle = false;
    for (int i = 0; i < m_phases.size(); ++i) {
        const Phase &phase = m_phases.at(i);
        if (!phase.environmentIds.contains(environmentId))
            continue;
        inLifecycle = true;
        if (i < reached && (!state.blocked || succeededIn(phase, state) > 0))
            return std::nullopt;
    }
    Refusal refusal;
    if (!inLifecycle)
        return refusal;
    if (state.blocked && phaseOf(environmentId).value_or(m_phases.size()) < reached) {
        refusal.reason = Refusal::Reason::Blocked;
        return refusal;
    }
    // The phase that stops progression: the first non-optional one that is incomplete.
    for (int i = 0; i < m_phases.size(); ++i) {
        if (!m_phases.at(i).isOptional && !isPhaseComplete(i, state)) {
            refusal.reason = Refusal::Reason::PhaseIncomplete;
            refusal.phase = i;
            refusal.succeeded = succeededIn(m_phases.at(i), state);
            refusal.required = m_phases.at(i).required;
            return refusal;
        }
    }
    refusal.reason = Refusal::Reason::Blocked;
    return refusal;
}

} // namespace Cuttle
