#pragma once

#include "model/engine/deploy/servicemessageevent.h"
#include "model/transport/exitinfo.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Cuttle {

/// What ScriptBootstrap::setAfterSuccess()'s script did, in the same command as the script.
struct AfterScriptResult
{
    ExitInfo exit;
    QList<ServiceMessageEvent> messages; ///< its service messages (Kind::Message)
    QStringList lines;                   ///< everything else it printed, stderr included, in order
};

/// How a wrapped step script ended and what it reported through the helper functions.
struct ScriptResult
{
    ExitInfo exit;
    QList<ServiceMessageEvent> outputVariables; ///< Kind::OutputVariable, in the order set (a later one wins)
    QList<ServiceMessageEvent> artifacts;       ///< Kind::Artifact; paths are absolute on the target
    std::optional<QString> failureMessage;      ///< set when the script called fail_step
    std::optional<AfterScriptResult> afterSuccess; ///< set when the script succeeded and the script after it ran

    bool succeeded() const { return exit.succeeded() && !failureMessage.has_value(); }
};

} // namespace Cuttle
