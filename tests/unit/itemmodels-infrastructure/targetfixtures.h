#pragma once

#include "model/core/deploymenttarget.h"

#include <QList>

namespace Cuttle::Test {

/// Four targets of every kind across Development ("E1") and Production ("E2").
inline QList<DeploymentTarget> sampleTargets()
{
    auto make = [](const QString &name, TargetKind kind, const QString &host, const QString &directory,
                   const QStringList &environments, const QStringList &tags, HealthStatus health, bool disabled) {
        DeploymentTarget t;
        t.id = QStringLiteral("Machines-") + name;
        t.spaceId = QStringLiteral("Spaces-1");
        t.name = name;
        t.kind = kind;
        t.host = host;
        t.port = DeploymentTarget::defaultPort(kind);
        t.directory = directory;
        t.environmentIds = environments;
        t.tags = tags;
        t.healthStatus = health;
        t.isDisabled = disabled;
        return t;
    };
    return {
        make(QStringLiteral("web-01"), TargetKind::Ssh, QStringLiteral("web01.example.com"), QStringLiteral("~/.cuttle"),
             {QStringLiteral("E1")}, {QStringLiteral("web")}, HealthStatus::Healthy, false),
        make(QStringLiteral("web-02"), TargetKind::Ssh, QStringLiteral("web02.example.com"), QStringLiteral("~/.cuttle"),
             {QStringLiteral("E2")}, {QStringLiteral("web"), QStringLiteral("api")}, HealthStatus::Unhealthy, false),
        make(QStringLiteral("win-db"), TargetKind::WinRm, QStringLiteral("10.0.0.7"), QStringLiteral("C:\\Cuttle"),
             {QStringLiteral("E1"), QStringLiteral("E2")}, {QStringLiteral("db")}, HealthStatus::HasWarnings, true),
        make(QStringLiteral("drop"), TargetKind::OfflineDrop, {}, QStringLiteral("/srv/drop"), {QStringLiteral("E2")}, {},
             HealthStatus::Unknown, false),
    };
}

inline QHash<QString, QString> sampleEnvironmentNames()
{
    return {{QStringLiteral("E1"), QStringLiteral("Development")}, {QStringLiteral("E2"), QStringLiteral("Production")}};
}

} // namespace Cuttle::Test
