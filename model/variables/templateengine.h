#pragma once

#include "model/variables/compiledtemplate.h"
#include "model/variables/evaluationresult.h"
#include "model/variables/variabledictionary.h"

namespace Cuttle {

/// Limits that keep a hostile template or variable set from exhausting memory or time.
struct TemplateLimits
{
    /// Output larger than this (in UTF-16 code units, default 64 MiB) stops evaluation with an error.
    qsizetype maxOutputChars = qsizetype(64) * 1024 * 1024;
};

/// Evaluates Octostache-compatible templates against a VariableDictionary. Stateless and thread-safe.
class TemplateEngine final
{
public:
    static CompiledTemplate compile(const QString &templateText);
    static EvaluationResult evaluate(const QString &templateText, const VariableDictionary &variables,
                                     const TemplateLimits &limits = {});
    /// Evaluates an already compiled template; if it failed to parse, returns its source and the error.
    static EvaluationResult evaluate(const CompiledTemplate &compiled, const VariableDictionary &variables,
                                     const TemplateLimits &limits = {});
    /// The reference engine's truthiness: false for "", "0", and (trimmed, any case) "False" and "No".
    static bool isTruthy(const QString &value);
};

} // namespace Cuttle
