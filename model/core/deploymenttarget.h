#pragma once

#include "model/core/domainenums.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Cuttle {

/// A machine or directory that receives software. Endpoint fields depend on the kind:
/// SSH and WinRM use host/port/account (WinRM also useHttps), SSH pins a host key,
/// Local and OfflineDrop use only the directory.
struct DeploymentTarget
{
    QString id;
    QString spaceId;
    QString name;
    TargetKind kind = TargetKind::Ssh;
    QString host;
    int port = 0;
    QString directory; ///< root directory on the target, or the local / drop folder
    QString accountId;
    QString hostKeyFingerprint; ///< SSH: the pinned SHA256 fingerprint, empty until first contact
    bool useHttps = true;       ///< WinRM only
    bool honourSshConfig = false;
    int connectTimeoutSeconds = 10;
    QString machinePolicyId;
    bool isDisabled = false;
    TenantedParticipation tenantedParticipation = TenantedParticipation::Untenanted;
    QStringList environmentIds;
    QStringList tags;       ///< target tags (roles), e.g. "web"
    QStringList tenantIds;  ///< tenants this target serves
    QStringList tenantTags; ///< canonical "Set/Tag" names of tenants this target serves
    HealthStatus healthStatus = HealthStatus::Unknown;
    QDateTime healthCheckedAt;
    QString healthMessage;

    static int defaultPort(TargetKind kind, bool useHttps = true)
    {
        switch (kind) {
        case TargetKind::Ssh: return 22;
        case TargetKind::WinRm: return useHttps ? 5986 : 5985;
        default: return 0;
        }
    }
    bool isRemote() const { return kind == TargetKind::Ssh || kind == TargetKind::WinRm; }
};

} // namespace Cuttle
