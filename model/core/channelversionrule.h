#pragma once

#include <QString>
#include <QStringList>

namespace Cuttle {

/// Which package versions a channel's releases may use, for the package references named
/// as "<action name>" (primary package) or "<action name>:<reference name>".
struct ChannelVersionRule
{
    QString id;
    QStringList packageReferences;
    QString versionRange; ///< NuGet/Maven interval notation; empty: any version
    QString tagRegex;     ///< matched against the pre-release and metadata; empty: any tag

    friend bool operator==(const ChannelVersionRule &, const ChannelVersionRule &) = default;
};

} // namespace Cuttle
