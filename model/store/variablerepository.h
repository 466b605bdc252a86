#pragma once

#include "model/core/result.h"
#include "model/store/storecontext.h"
#include "model/core/variablevalue.h"

#include <QList>
#include <QString>

#include <functional>

namespace Cuttle {

/// The variables of a project's variable set. A sensitive value is never written to the
/// database: its row keeps the name and scope, and the caller keeps the value in the keychain.
class VariableRepository final
{
public:
    /// One stored value with its id (the keychain key's record id for a sensitive value).
    struct Stored
    {
        QString id;
        VariableValue value; ///< value is empty for a sensitive value
        bool wasSensitive = false; ///< set() replaced a value that was sensitive
    };

    explicit VariableRepository(StoreContext context) : m_context(std::move(context)) {}

    /// The project's values in definition order.
    Result<QList<Stored>> list(const QString &projectId) const;
    /// Replaces the value with the same name (any case) and the same scope, else adds one.
    /// beforeCommit runs inside the transaction (e.g. to write the keychain); its error undoes all.
    Result<Stored> set(const QString &spaceId, const QString &projectId, const VariableValue &value,
                       const std::function<VoidResult(const Stored &)> &beforeCommit = {});
    /// Deletes the value with this name and exactly this scope; NotFound when there is none.
    Result<Stored> remove(const QString &spaceId, const QString &projectId, const QString &name,
                          const ScopeSpec &scope, const std::function<VoidResult(const Stored &)> &beforeCommit = {});

private:
    StoreContext m_context;
};

} // namespace Cuttle
