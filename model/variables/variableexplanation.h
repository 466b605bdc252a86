#pragma once

#include "model/core/variablevalue.h"

#include <QList>
#include <QString>

namespace Cuttle {

/// Scope dimensions in priority order, highest first; the bit of each in a rank mask.
enum class ScopeDimension : quint32 {
    Step = 1u << 8,
    Machine = 1u << 7,
    TagOnMachineAndStep = 1u << 6,
    TagOnMachine = 1u << 5,
    Tenant = 1u << 4,
    TenantTag = 1u << 3,
    Environment = 1u << 2,
    Channel = 1u << 1,
    Process = 1u << 0,
};

/// How one candidate value fared for a context.
struct CandidateExplanation
{
    VariableValue value;
    bool matched = false;
    QString failedDimension; ///< e.g. "environment"; empty when matched
    QString reason;          ///< one sentence: why it matched or did not
    quint32 rank = 0;        ///< bit mask of ScopeDimension; larger wins
    bool winner = false;
};

/// Every candidate for a name in a context, which one won and why.
struct VariableExplanation
{
    QString name;
    QList<CandidateExplanation> candidates; ///< in definition order
    int winnerIndex = -1;                   ///< into candidates; -1 when none matched
    bool tie = false;                       ///< the winner shared its rank with another match
    QString verdict;                        ///< one or two sentences for the CLI/GUI
};

} // namespace Cuttle
