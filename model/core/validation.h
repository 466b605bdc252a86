#pragma once

#include "model/core/result.h"

#include <QString>
#include <QStringList>

namespace Cuttle::Validation {

// Checks shared by the GUI (inline, as the user types) and the store (before saving), so
// both say the same sentence. Each returns the cleaned value or an Error naming `field`.

/// A record name: trimmed, not empty, at most 200 characters, no control characters.
Result<QString> name(const QString &text, const QString &what, const QString &field = QStringLiteral("name"));
/// A host name or IP address as a target endpoint.
Result<QString> hostName(const QString &text, const QString &field = QStringLiteral("host"));
/// A TCP port, 1-65535.
Result<int> port(int value, const QString &field = QStringLiteral("port"));
/// A target tag: trimmed, not empty, no commas (tags are listed comma-separated).
Result<QString> tag(const QString &text, const QString &field = QStringLiteral("tags"));
/// Every tag of a list, trimmed, without duplicates (case-insensitive), in the given order.
Result<QStringList> tags(const QStringList &list, const QString &field = QStringLiteral("tags"));
/// An absolute directory path on the target or this workstation.
Result<QString> directory(const QString &text, const QString &field = QStringLiteral("directory"));

} // namespace Cuttle::Validation
