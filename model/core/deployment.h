#pragma once

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Cuttle {

/// One deployment of a release to an environment (and optionally a tenant), with the
/// options it was asked for; its task carries the state and the log.
struct Deployment
{
    QString id;
    QString spaceId;
    QString projectId;
    QString releaseId;
    QString environmentId;
    QString tenantId; ///< empty: an untenanted deployment
    QString channelId;
    QString taskId;
    QString name; ///< e.g. "Deploy to Production"
    QString comments;
    QDateTime createdAt;
    QString createdBy;
    bool useGuidedFailure = false;
    bool forcePackageRedeployment = false;
    QStringList skipActions;       ///< names of the steps skipped by request
    QStringList specificTargetIds; ///< empty: every matching target
    QStringList excludedTargetIds;
    QMap<QString, QString> formValues; ///< prompted variable values by variable name

    friend bool operator==(const Deployment &, const Deployment &) = default;
};

} // namespace Cuttle
