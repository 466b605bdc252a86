#pragma once

#include "app/cli/clitext.h"
#include "model/core/result.h"

#include <QStringList>

#include <optional>

namespace Cuttle::Cli::EnumArguments {

// The command line spells enum values in kebab case ("offline-drop"); JSON and the
// database use the stable domain spelling ("OfflineDrop"). Both are accepted on input.

inline constexpr const char *kTargetKinds = "ssh|winrm|local|offline-drop";
inline constexpr const char *kHealthStatuses = "unknown|healthy|has-warnings|unhealthy|unavailable";
inline constexpr const char *kParticipations = "untenanted|tenanted|tenanted-or-untenanted";
inline constexpr const char *kAccountKinds = "username-password|ssh-key-pair|winrm";

/// Parses `text` with `fromString` (which compares case-insensitively) after dropping dashes.
template<typename E, typename FromString>
Result<E> parse(const QString &text, FromString fromString, const QString &option, const char *choices)
{
    QString squeezed = text;
    squeezed.remove(u'-').remove(u'_');
    if (const std::optional<E> value = fromString(squeezed))
        return *value;
    return Error::validation(tr("\"%1\" is not a valid value for --%2; use one of %3.").arg(text, option, QLatin1String(choices)));
}

} // namespace Cuttle::Cli::EnumArguments
