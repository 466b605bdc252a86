#pragma once

#include <QString>

namespace Cuttle {

/// Quotes a word for a POSIX shell so that it reaches the command unchanged.
QString shellQuote(const QString &word);

/// Whether name can be exported as a shell environment variable.
bool isValidEnvironmentName(const QString &name);

} // namespace Cuttle
