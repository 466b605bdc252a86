#pragma once

#include "model/variables/sensitivevaluemasker.h"
#include "model/variables/templateengine.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace CuttleFuzz {

/// One fuzz input: parse and evaluate it as a template (also as a variable value), and mask it.
/// Only crashes, hangs and sanitizer reports count; results are not checked.
inline void runTemplateInput(const uint8_t *data, size_t size)
{
    using namespace Cuttle;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    VariableDictionary vars;
    vars.set(QStringLiteral("A"), QStringLiteral("#{B}#{B}"));
    vars.set(QStringLiteral("B"), QStringLiteral("#{C}x"));
    vars.set(QStringLiteral("C"), QStringLiteral("1,2,3"));
    vars.set(QStringLiteral("J"), QStringLiteral(R"({"a":[1,{"b":"#{A}"}],"c":true})"));
    vars.set(QStringLiteral("E[x].V"), QStringLiteral("v"));
    vars.set(QStringLiteral("Self"), text);
    TemplateLimits limits;
    limits.maxOutputChars = 1 << 20;
    const EvaluationResult direct = TemplateEngine::evaluate(text, vars, limits);
    const EvaluationResult viaValue = TemplateEngine::evaluate(QStringLiteral("#{Self}"), vars, limits);
    SensitiveValueMasker masker({QStringLiteral("#{B}#{B}"), text.left(8)});
    const QString masked = masker.push(direct.text) + masker.flush();
    Q_UNUSED(viaValue);
    Q_UNUSED(masked);
}

} // namespace CuttleFuzz
