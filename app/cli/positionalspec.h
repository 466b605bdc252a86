#pragma once

namespace Cuttle::Cli {

/// One positional argument of a verb.
struct PositionalSpec
{
    enum class Arity { Required, Optional, OneOrMore, ZeroOrMore };

    const char *name = nullptr;
    const char *help = nullptr;
    Arity arity = Arity::Required;
};

} // namespace Cuttle::Cli
