#pragma once

#include <QString>

namespace Cuttle {

/// What kind of failure an Error is; the CLI maps it to its exit code.
enum class ErrorKind {
    Failed,      ///< the operation could not be carried out (I/O, database, remote side)
    NotFound,    ///< a named record does not exist
    Validation,  ///< the input breaks a rule (empty name, bad port, ...)
    Conflict,    ///< the input clashes with existing state (duplicate name, record in use)
    Cancelled,   ///< the user stopped the operation
};

/// A user-facing failure: one precise sentence, optionally tied to the input field it is about.
struct Error
{
    ErrorKind kind = ErrorKind::Failed;
    QString message;
    QString field; ///< the field the GUI shows the message next to; empty when not field-specific

    static Error failed(const QString &message) { return {ErrorKind::Failed, message, {}}; }
    static Error notFound(const QString &message) { return {ErrorKind::NotFound, message, {}}; }
    static Error validation(const QString &message, const QString &field = {})
    {
        return {ErrorKind::Validation, message, field};
    }
    static Error conflict(const QString &message, const QString &field = {})
    {
        return {ErrorKind::Conflict, message, field};
    }
    static Error cancelled(const QString &message) { return {ErrorKind::Cancelled, message, {}}; }
};

} // namespace Cuttle
