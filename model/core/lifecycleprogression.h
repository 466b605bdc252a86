#pragma once

#include "model/core/environment.h"
#include "model/core/lifecycle.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace Cuttle {

/// Where a release may go next under its lifecycle (domain.md 3). The phases are resolved
/// against the space's environments once; every question is then answered from the set of
/// environments that already have a successful deployment of the release (per tenant for
/// tenanted deployments: the caller passes that tenant's successes).
class LifecycleProgression final
{
public:
    /// A phase with its environments spelled out.
    struct Phase
    {
        QString name;
        QStringList environmentIds; ///< in the space's environment order
        QSet<QString> automaticEnvironmentIds;
        int required = 0;           ///< distinct successful environments that complete the phase
        bool isOptional = false;
    };

    /// What is known about one release (for one tenant).
    struct State
    {
        QSet<QString> succeededEnvironmentIds;
        bool blocked = false; ///< "prevent progression"
    };

    /// `environments` are all of the space's environments; their sortOrder decides the
    /// order of "every other environment" phases and of a lifecycle without phases.
    LifecycleProgression(const Lifecycle &lifecycle, QList<Environment> environments);

    const QList<Phase> &phases() const { return m_phases; }
    /// The index of the first phase that names the environment; nullopt when none does.
    std::optional<int> phaseOf(const QString &environmentId) const;
    bool isPhaseComplete(int phase, const State &state) const;
    /// How many phases are open to the release: phase 1 always, each later one once every
    /// earlier non-optional phase is complete.
    int reachedPhaseCount(const State &state) const;

    /// Every environment the release may be deployed to now, in phase order.
    QStringList deployableEnvironments(const State &state) const;
    bool canDeployTo(const QString &environmentId, const State &state) const;
    /// Automatic environments of open, non-optional phases that have no success yet; none
    /// while the release is blocked.
    QStringList automaticEnvironmentsDue(const State &state) const;

    /// Why the environment is not deployable, for the one sentence the user gets.
    struct Refusal
    {
        enum class Reason { NotInLifecycle, PhaseIncomplete, Blocked } reason = Reason::NotInLifecycle;
        int phase = -1; ///< PhaseIncomplete: the earlier phase that must complete first
        int succeeded = 0; ///< its environments with a success
        int required = 0;  ///< how many it needs
    };
    /// nullopt when the environment is deployable.
    std::optional<Refusal> refusal(const QString &environmentId, const State &state) const;

private:
    int succeededIn(const Phase &phase, const State &state) const;

    QList<Phase> m_phases;
};

} // namespace Cuttle
