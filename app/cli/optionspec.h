#pragma once

namespace Cuttle::Cli {

/// One --option of a verb. Texts are untranslated QT_TRANSLATE_NOOP("cuttlectl", ...) literals.
struct OptionSpec
{
    const char *name = nullptr;      ///< without the leading dashes
    const char *valueName = nullptr; ///< nullptr: a flag that takes no value
    const char *help = nullptr;
    bool repeatable = false;
};

} // namespace Cuttle::Cli
