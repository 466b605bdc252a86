#pragma once

#include "model/core/release.h"
#include "model/core/result.h"
#include "model/core/semanticversion.h"
#include "model/store/sqlquery.h"
#include "model/store/storecontext.h"

#include <functional>

namespace Cuttle {

/// Releases of projects with their snapshots. Only the variables snapshot and the
/// blocked flag change after creation.
class ReleaseRepository final
{
public:
    explicit ReleaseRepository(StoreContext context) : m_context(std::move(context)) {}

    /// Newest first (by creation), optionally of one channel.
    Result<QList<Release>> list(const QString &projectId, const QString &channelId = {}) const;
    Result<Release> get(const QString &id) const;
    /// By version, compared semantically (1.0 finds 1.0.0).
    Result<Release> find(const QString &projectId, const QString &version) const;
    /// Every release version of the project (for the version template and masks).
    Result<QList<SemanticVersion>> versions(const QString &projectId, const QString &channelId = {}) const;

    /// Stores a new release: the version must parse and be new in the project (compared
    /// semantically), the channel must be the project's. `beforeCommit` runs inside the
    /// transaction with the release's id (e.g. to copy sensitive values to the keychain);
    /// its error undoes everything.
    Result<Release> create(Release release, const std::function<VoidResult(const Release &)> &beforeCommit = {});
    /// Replaces the variables snapshot ("update variables").
    Result<Release> updateVariables(const QString &id, const QList<VariableValue> &variables,
                                    const std::function<VoidResult(const Release &)> &beforeCommit = {});
    /// Blocks (prevents progression) or unblocks a release; a block needs a reason.
    Result<Release> setBlocked(const QString &id, bool blocked, const QString &reason = {});

private:
    /// Loads the release, lets `change` alter it and bind the new column values of `sql`
    /// (whose last placeholder is the id), writes and audits it in one transaction.
    Result<Release> modify(const QString &id, const QString &auditAction, const QString &sql,
                           const std::function<void(Release &, SqlQuery &)> &change,
                           const std::function<VoidResult(const Release &)> &beforeCommit);

    StoreContext m_context;
};

} // namespace Cuttle
