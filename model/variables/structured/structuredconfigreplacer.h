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
///
/// Decisions where the reference is silent:
/// - JSON may contain `//` and `/* */` comments and trailing commas, because appsettings.json
///   readers accept them; they are kept as they are.
/// - Without a telling extension (json, yaml/yml, xml/config, properties) content that is not
///   JSON is tried as XML, then as YAML holding a mapping or sequence, then as properties.
/// - Whitespace-only content is left alone. Content with a NUL byte (binary, UTF-16) or
///   invalid UTF-8 is refused.
/// - A key path replaces every node it names (all YAML documents, repeated keys); a replaced
///   subtree is not searched for other names. Among names equal but for case, the last wins.
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
    static Result<ReplacementOutcome>
    replaceInFile(const QString &filePath, const Variables &variables,
                  StructuredFormat format = StructuredFormat::Auto);

    /// The format the file name's extension stands for, Auto when it names none.
    static StructuredFormat formatForFileName(const QString &fileName);
};

} // namespace Cuttle
