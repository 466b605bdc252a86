#pragma once

#include "model/core/channelversionrule.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Cuttle {

/// A line of releases of a project (e.g. "Hotfix"), with its own lifecycle if it sets one,
/// the tenants it serves by tag, and the package versions its releases may use.
struct Channel
{
    QString id;
    QString projectId;
    QString name;
    QString description;
    QString lifecycleId; ///< empty: the project's lifecycle
    bool isDefault = false;
    QStringList tenantTags; ///< canonical `Set/Tag`; empty: every tenant
    QList<ChannelVersionRule> rules;

    friend bool operator==(const Channel &, const Channel &) = default;
};

} // namespace Cuttle
