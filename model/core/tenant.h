#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Cuttle {

/// A tenant's link to a project and the environments it deploys that project to.
struct TenantProjectConnection
{
    QString projectId;
    QStringList environmentIds;

    friend bool operator==(const TenantProjectConnection &, const TenantProjectConnection &) = default;
};

/// A customer that deployments can be made for.
struct Tenant
{
    QString id;
    QString spaceId;
    QString name;
    QString description;
    QStringList tags; ///< canonical "Set/Tag"
    QList<TenantProjectConnection> projects;
};

} // namespace Cuttle
