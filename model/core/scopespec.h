#pragma once

#include <QList>
#include <QStringList>

#include <utility>

namespace Cuttle {

/// The scope of one variable value. An empty list means "not scoped on that dimension";
/// values within a list OR together, dimensions AND together.
struct ScopeSpec
{
    QStringList environments;
    QStringList machines;
    QStringList roles; ///< target tags
    QStringList steps;
    QStringList channels;
    QStringList tenants;
    QStringList tenantTags; ///< canonical `Set/Tag`
    QStringList processes;  ///< a deployment process or a runbook

    /// Each dimension's stable key (as in variables files, --scope and --context) and its
    /// list, in documentation order.
    static const QList<std::pair<QString, QStringList ScopeSpec::*>> &dimensions()
    {
        static const QList<std::pair<QString, QStringList ScopeSpec::*>> all{
            {QStringLiteral("environment"), &ScopeSpec::environments},
            {QStringLiteral("machine"), &ScopeSpec::machines},
            {QStringLiteral("role"), &ScopeSpec::roles},
            {QStringLiteral("step"), &ScopeSpec::steps},
            {QStringLiteral("channel"), &ScopeSpec::channels},
            {QStringLiteral("tenant"), &ScopeSpec::tenants},
            {QStringLiteral("tenantTag"), &ScopeSpec::tenantTags},
            {QStringLiteral("process"), &ScopeSpec::processes},
        };
        return all;
    }

    bool isUnscoped() const
    {
        return environments.isEmpty() && machines.isEmpty() && roles.isEmpty() && steps.isEmpty()
            && channels.isEmpty() && tenants.isEmpty() && tenantTags.isEmpty() && processes.isEmpty();
    }
};

} // namespace Cuttle
