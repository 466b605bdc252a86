#pragma once

#include "model/core/result.h"
#include "model/core/variableowner.h"
#include "model/core/variablevalue.h"
#include "model/store/storecontext.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace Cuttle {

/// The variables of a project's own variable set or of a library variable set. A sensitive
/// value is never written to the database: its row keeps the name and scope, and the caller
/// keeps the value in the keychain (VariableService does).
class VariableRepository final
{
public:
    /// One stored value with its id (the keychain key's record id for a sensitive value).
    struct Stored
    {
        QString id;
        VariableValue value;       ///< value is empty for a sensitive value
        bool wasSensitive = false; ///< set()/replaceAll() replaced a value that was sensitive
    };

    explicit VariableRepository(StoreContext context) : m_context(std::move(context)) {}

    /// The owner's values in definition order; sensitive values empty.
    Result<QList<Stored>> list(const VariableOwner &owner) const;
    /// What resolution sees for a project: its own values, then each included library
    /// set's in include order, with source, fromLibrarySet and order set.
    Result<QList<Stored>> listEffective(const QString &projectId) const;

    /// Replaces the value with the same name (any case) and the same scope, else adds one.
    /// beforeCommit runs inside the transaction (e.g. to write the keychain); its error undoes all.
    Result<Stored> set(const QString &spaceId, const VariableOwner &owner, const VariableValue &value,
                       const std::function<VoidResult(const Stored &)> &beforeCommit = {});
    /// Deletes the value with this name and exactly this scope; NotFound when there is none.
    Result<Stored> remove(const QString &spaceId, const VariableOwner &owner, const QString &name,
                          const ScopeSpec &scope, const std::function<VoidResult(const Stored &)> &beforeCommit = {});

    /// The console's Save: the owner's values become exactly `rows`, in that order, in one
    /// transaction and one audit event. A row with a non-empty id keeps its id (and its
    /// keychain secret); a row with an empty id gets a new one. A sensitive row with an
    /// empty value and a non-empty id keeps the stored secret. beforeCommit gets the rows as
    /// written (with their ids, values as given) and the ids of sensitive rows that are gone
    /// or no longer sensitive, whose secrets the caller deletes after commit.
    Result<QList<Stored>> replaceAll(const QString &spaceId, const VariableOwner &owner, const QList<Stored> &rows,
                                     const std::function<VoidResult(const QList<Stored> &written,
                                                                    const QStringList &droppedSensitiveIds)> &beforeCommit = {});

    /// The stored spelling of a prompt control ("SingleLineText", ...).
    static QString controlName(VariablePrompt::Control control);
    static std::optional<VariablePrompt::Control> controlFromName(const QString &name);

private:
    StoreContext m_context;
};

} // namespace Cuttle
