#pragma once

#include "model/core/interruption.h"
#include "model/core/result.h"
#include "model/store/storecontext.h"

#include <QCoreApplication>

namespace Cuttle {

/// Interruptions of running tasks. Creating one marks its task as waiting for someone;
/// answering the last one clears that. Taking and answering are audited.
class InterruptionRepository final
{
    Q_DECLARE_TR_FUNCTIONS(InterruptionRepository)

public:
    explicit InterruptionRepository(StoreContext context) : m_context(std::move(context)) {}

    Result<Interruption> create(Interruption interruption);
    Result<Interruption> get(const QString &id) const;
    /// The task's interruptions, oldest first; only unanswered ones when `pendingOnly`.
    Result<QList<Interruption>> forTask(const QString &taskId, bool pendingOnly = false) const;
    /// Records who is dealing with it (anyone may take it over from someone else).
    Result<Interruption> take(const QString &id);
    /// Answers with one of Interruption::responses(kind) (case-insensitive); an answered one
    /// is a Conflict.
    Result<Interruption> answer(const QString &id, const QString &response, const QString &notes = {});

private:
    StoreContext m_context;
};

} // namespace Cuttle
