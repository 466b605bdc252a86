#include "model/core/domainenums.h"

#include "model/core/enumnames.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace Cuttle {

using namespace EnumNames;

namespace {

constexpr std::array<std::pair<TargetKind, const char *>, 4> kTargetKinds{{
    {TargetKind::Ssh, "Ssh"},
    {TargetKind::WinRm, "WinRm"},
    {TargetKind::Local, "Local"},
    {TargetKind::OfflineDrop, "OfflineDrop"},
}};
constexpr std::array<std::pair<HealthStatus, const char *>, 5> kHealth{{
    {HealthStatus::Unknown, "Unknown"},
    {HealthStatus::Healthy, "Healthy"},
    {HealthStatus::HasWarnings, "HasWarnings"},
    {HealthStatus::Unhealthy, "Unhealthy"},
    {HealthStatus::Unavailable, "Unavailable"},
}};
constexpr std::array<std::pair<TenantedParticipation, const char *>, 3> kParticipation{{
    {TenantedParticipation::Untenanted, "Untenanted"},
    {TenantedParticipation::Tenanted, "Tenanted"},
    {TenantedParticipation::TenantedOrUntenanted, "TenantedOrUntenanted"},
}};
constexpr std::array<std::pair<TenantedMode, const char *>, 3> kTenantedModes{{
    {TenantedMode::Untenanted, "Untenanted"},
    {TenantedMode::Tenanted, "Tenanted"},
    {TenantedMode::TenantedOrUntenanted, "TenantedOrUntenanted"},
}};
constexpr std::array<std::pair<AccountKind, const char *>, 3> kAccountKinds{{
    {AccountKind::UsernamePassword, "UsernamePassword"},
    {AccountKind::SshKeyPair, "SshKeyPair"},
    {AccountKind::WinRm, "WinRm"},
}};
constexpr std::array<std::pair<RetentionUnit, const char *>, 3> kRetentionUnits{{
    {RetentionUnit::Forever, "Forever"},
    {RetentionUnit::Items, "Items"},
    {RetentionUnit::Days, "Days"},
}};

QString tr(const char *text)
{
    return QCoreApplication::translate("Cuttle::Domain", text);
}

} // namespace

QString toString(TargetKind kind) { return nameOf(kTargetKinds, kind); }
QString toString(HealthStatus status) { return nameOf(kHealth, status); }
QString toString(TenantedParticipation mode) { return nameOf(kParticipation, mode); }
QString toString(TenantedMode mode) { return nameOf(kTenantedModes, mode); }
QString toString(AccountKind kind) { return nameOf(kAccountKinds, kind); }
QString toString(RetentionUnit unit) { return nameOf(kRetentionUnits, unit); }

std::optional<TargetKind> targetKindFromString(QStringView text) { return valueOf(kTargetKinds, text); }
std::optional<HealthStatus> healthStatusFromString(QStringView text) { return valueOf(kHealth, text); }
std::optional<TenantedParticipation> tenantedParticipationFromString(QStringView text)
{
    return valueOf(kParticipation, text);
}
std::optional<TenantedMode> tenantedModeFromString(QStringView text) { return valueOf(kTenantedModes, text); }
std::optional<AccountKind> accountKindFromString(QStringView text) { return valueOf(kAccountKinds, text); }
std::optional<RetentionUnit> retentionUnitFromString(QStringView text) { return valueOf(kRetentionUnits, text); }

QStringList targetKindNames() { return allNames(kTargetKinds); }
QStringList tenantedModeNames() { return allNames(kTenantedModes); }
QStringList accountKindNames() { return allNames(kAccountKinds); }

QString displayName(TargetKind kind)
{
    switch (kind) {
    case TargetKind::Ssh: return tr("SSH connection");
    case TargetKind::WinRm: return tr("WinRM connection");
    case TargetKind::Local: return tr("Local directory");
    case TargetKind::OfflineDrop: return tr("Offline package drop");
    }
    return {};
}

QString displayName(HealthStatus status)
{
    switch (status) {
    case HealthStatus::Unknown: return tr("Unknown");
    case HealthStatus::Healthy: return tr("Healthy");
    case HealthStatus::HasWarnings: return tr("Has warnings");
    case HealthStatus::Unhealthy: return tr("Unhealthy");
    case HealthStatus::Unavailable: return tr("Unavailable");
    }
    return {};
}

QString displayName(AccountKind kind)
{
    switch (kind) {
    case AccountKind::UsernamePassword: return tr("Username and password");
    case AccountKind::SshKeyPair: return tr("SSH key pair");
    case AccountKind::WinRm: return tr("WinRM credentials");
    }
    return {};
}

QString displayName(TenantedMode mode)
{
    switch (mode) {
    case TenantedMode::Untenanted: return tr("Untenanted deployments only");
    case TenantedMode::Tenanted: return tr("Tenanted deployments only");
    case TenantedMode::TenantedOrUntenanted: return tr("Tenanted or untenanted deployments");
    }
    return {};
}

QString displayName(TenantedParticipation mode)
{
    switch (mode) {
    case TenantedParticipation::Untenanted: return tr("Exclude from tenanted deployments");
    case TenantedParticipation::Tenanted: return tr("Include only in tenanted deployments");
    case TenantedParticipation::TenantedOrUntenanted: return tr("Include in both tenanted and untenanted deployments");
    }
    return {};
}

} // namespace Cuttle
