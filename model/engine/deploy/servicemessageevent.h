#pragma once

#include "model/core/taskenums.h"

#include <QHash>
#include <QString>

namespace Cuttle {

/// One thing a script's output said: an ordinary log line or what a service message reported.
struct ServiceMessageEvent
{
    enum class Kind {
        Line,           ///< an ordinary output line for the log (text, category)
        OutputVariable, ///< set_octopusvariable: name, value, sensitive
        Artifact,       ///< new_octopusartifact: path on the target, name, length (-1 when not reported)
        StepFailed,     ///< fail_step: text is the message
        Message,        ///< any other well-formed service message: name and decoded attributes
    };

    Kind kind = Kind::Line;
    TaskLogCategory category = TaskLogCategory::Info; ///< Line: from stdout-warning/-verbose/... switches
    QString text;
    QString name;
    QString value;
    QString path;
    qint64 length = -1;
    bool sensitive = false;
    QHash<QString, QString> attributes; ///< Message only

    static ServiceMessageEvent line(const QString &text, TaskLogCategory category = TaskLogCategory::Info)
    {
        ServiceMessageEvent event;
        event.text = text;
        event.category = category;
        return event;
    }
};

} // namespace Cuttle
