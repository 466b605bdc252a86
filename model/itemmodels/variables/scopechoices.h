#pragma once

#include "model/core/result.h"
#include "model/store/storecontext.h"

#include <QHash>
#include <QStringList>

namespace Cuttle {

/// The real records of a space that scopes and preview contexts pick from, by name:
/// environments, targets (with their tags), target tags, tenants (with their tags) and
/// tenant tags ("Set/Tag"). Loaded on the session's worker thread.
struct ScopeChoices
{
    QStringList environments; ///< in the space's environment order
    QStringList machines;
    QStringList roles;
    QStringList tenants;
    QStringList tenantTags;
    QHash<QString, QStringList> machineTags;    ///< target name -> its target tags
    QHash<QString, QStringList> tenantTagsOf;   ///< tenant name -> its tenant tags

    /// Reads the space's environments, targets, tenants and tag sets.
    static Result<ScopeChoices> load(const StoreContext &context, const QString &spaceId);
};

} // namespace Cuttle
