#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Cuttle {

/// How Cuttle reaches a deployment target.
enum class TargetKind { Ssh, WinRm, Local, OfflineDrop };
/// Health as the last check found it (domain: Healthy, HasWarnings, Unhealthy, Unavailable, Unknown).
enum class HealthStatus { Unknown, Healthy, HasWarnings, Unhealthy, Unavailable };
/// Which deployments a target takes part in with respect to tenants.
enum class TenantedParticipation { Untenanted, Tenanted, TenantedOrUntenanted };
/// Whether a project deploys per tenant.
enum class TenantedMode { Untenanted, Tenanted, TenantedOrUntenanted };
/// What an account holds; its secret parts live in the keychain.
enum class AccountKind { UsernamePassword, SshKeyPair, WinRm };
/// Unit of a lifecycle retention policy.
enum class RetentionUnit { Forever, Items, Days };

// Stable spellings used in the database, JSON output and the command line.
QString toString(TargetKind kind);
QString toString(HealthStatus status);
QString toString(TenantedParticipation mode);
QString toString(TenantedMode mode);
QString toString(AccountKind kind);
QString toString(RetentionUnit unit);

std::optional<TargetKind> targetKindFromString(QStringView text);
std::optional<HealthStatus> healthStatusFromString(QStringView text);
std::optional<TenantedParticipation> tenantedParticipationFromString(QStringView text);
std::optional<TenantedMode> tenantedModeFromString(QStringView text);
std::optional<AccountKind> accountKindFromString(QStringView text);
std::optional<RetentionUnit> retentionUnitFromString(QStringView text);

/// Every spelling of an enum, for help texts and completion.
QStringList targetKindNames();
QStringList tenantedModeNames();
QStringList accountKindNames();

/// Words shown to users (translated).
QString displayName(TargetKind kind);
QString displayName(HealthStatus status);
QString displayName(AccountKind kind);
QString displayName(TenantedMode mode);
QString displayName(TenantedParticipation mode);

} // namespace Cuttle
