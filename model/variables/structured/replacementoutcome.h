#pragma once

#include "model/variables/structured/structuredformat.h"

#include <QByteArray>
#include <QStringList>

namespace Cuttle {

/// What a structured replacement produced: the new bytes and what was done to them.
struct ReplacementOutcome
{
    QByteArray content; ///< the file with replaced values; unchanged bytes elsewhere
    StructuredFormat format = StructuredFormat::Auto; ///< the format the content was treated as
    QStringList matchedNames; ///< variables that replaced at least one value, in input order
    int replacementCount = 0; ///< values replaced (an XPath may match several)
    QStringList
        warnings; ///< one sentence each, e.g. an XPath that selected something not replaceable
    bool changed() const { return replacementCount > 0; }
};

} // namespace Cuttle
