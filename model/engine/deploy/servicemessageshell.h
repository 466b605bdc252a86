#pragma once

#include <QString>

namespace Cuttle {

/// Bash functions that write service messages (see ServiceMessageParser) from scripts on a target.
///
/// Attributes are Base64, so that any value (quotes, newlines, ']') fits on one line. Short values
/// are encoded by the shell itself: a `base64` process per attribute used to be most of a package
/// step's own cost on a target, where every process start counts.
///   __cuttle_b64 VAR VALUE            VAR = Base64 of VALUE's bytes
///   __cuttle_encode VALUE             prints the Base64 of VALUE
///   __cuttle_message NAME [KEY VALUE]...  prints ##cuttle[NAME KEY='<b64>' ...]
class ServiceMessageShell final
{
public:
    static QString functions();
};

} // namespace Cuttle
