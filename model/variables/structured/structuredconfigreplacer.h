#pragma once

#include "model/core/result.h"
#include "model/variables/structured/replacementoutcome.h"
#include "model/variables/structured/structuredformat.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Cuttle {

/// Structured configuration variables: replaces values in JSON, YAML, XML and Java properties
/// files by key path, XPath or key, changing no byte outside the replaced values.
class StructuredConfigReplacer final
{
public:
    using Variables = QList<QPair<QString, QString>>;

    /// Replaces values in content. fileName picks the format when the content is not JSON and
    /// names the file in errors. Malformed, binary or non-UTF-8 content is an error.
    static Result<ReplacementOutcome> replace(const QByteArray &content, const QString &fileName,
                                              const Variables &variables,
                                              StructuredFormat format = StructuredFormat::Auto);

    /// Replaces values in a file through a temporary file and a rename; on any error the
    /// file is left as it was, and a file with nothing to replace is not rewritten.
    static Result<ReplacementOutcome> replaceInFile(const QString &filePath, const Variables &variables,
                                                    StructuredFormat format = StructuredFormat::Auto);

    /// The format the file name's extension stands for, Auto when it names none.
    static StructuredFormat formatForFileName(const QString &fileName);
};

} // namespace Cuttle
