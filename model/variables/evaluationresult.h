#pragma once

#include "model/variables/templateerror.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Cuttle {

/// The text a template evaluated to, with the errors met and the expressions left unresolved
/// (so that a caller can implement a strict mode).
struct EvaluationResult
{
    QString text;
    QList<TemplateError> errors;
    QStringList unresolved;

    bool ok() const { return errors.isEmpty(); }
};

} // namespace Cuttle
