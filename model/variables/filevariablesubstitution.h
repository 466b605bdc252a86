#pragma once

#include "model/core/result.h"
#include "model/variables/templateerror.h"
#include "model/variables/variabledictionary.h"

#include <QList>
#include <QStringList>

namespace Cuttle {

/// What substituting variables in one file did.
struct FileSubstitutionReport
{
    QString encoding;                ///< "UTF-8", "UTF-8 with BOM", "UTF-16LE" or "UTF-16BE"
    bool changed = false;
    QStringList unresolved;          ///< left as `#{...}`; only non-empty when errors are ignored
    QList<TemplateError> problems;   ///< template errors that were ignored
};

/// Runs a file through the template engine in place, keeping its encoding and BOM, replacing it
/// atomically (temporary file + rename). Refuses binary files.
class FileVariableSubstitution final
{
public:
    /// Fails on unreadable or binary files, template errors and, unless `ignoreErrors`
    /// (`Octopus.Action.Package.IgnoreVariableReplacementErrors`), unresolved variables; the file is
    /// then left untouched.
    static Result<FileSubstitutionReport> substitute(const QString &path, const VariableDictionary &variables,
                                                     bool ignoreErrors = false);
};

} // namespace Cuttle
