#pragma once

#include "model/engine/deploy/servicemessageevent.h"
#include "model/transport/exitinfo.h"

#include <QList>
#include <QString>

#include <optional>

namespace Cuttle {

/// How a wrapped step script ended and what it reported through the helper functions.
struct ScriptResult
{
    ExitInfo exit;
    QList<ServiceMessageEvent> outputVariables; ///< Kind::OutputVariable, in the order set (a later one wins)
    QList<ServiceMessageEvent> artifacts;       ///< Kind::Artifact; paths are absolute on the target
    std::optional<QString> failureMessage;      ///< set when the script called fail_step

    bool succeeded() const { return exit.succeeded() && !failureMessage.has_value(); }
};

} // namespace Cuttle
