#pragma once

#include "model/variables/compiledtemplate.h"

#include <QString>

namespace Cuttle {

/// Compiles Octostache-compatible template text into a CompiledTemplate.
/// Never throws and never recurses without bound: nesting deeper than maxNestingDepth() is a parse error.
class TemplateParser final
{
public:
    static CompiledTemplate parse(const QString &source);
    /// Parses a bare variable path such as `Endpoint[Web].Address`; nullopt when it is not one.
    static std::optional<TemplateSymbol> parseSymbol(const QString &path);
    static constexpr int maxNestingDepth() { return 100; }
};

} // namespace Cuttle
