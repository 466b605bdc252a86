#pragma once

#include "model/core/deploymenttarget.h"

#include <QHash>
#include <QString>

#include <optional>

namespace Cuttle {

/// The targets list's filter: environment, tag, kind, health and free text, all ANDed.
/// Lives here so the GUI's proxy model and the command line filter the same way.
class TargetFilter final
{
public:
    QString environmentId;
    QString tag;
    std::optional<TargetKind> kind;
    std::optional<HealthStatus> health;
    /// Matched case-insensitively against name, host, directory, tags and environment names;
    /// several words must all match.
    QString text;

    /// Environment names by id, so that text can match them.
    void setEnvironmentNames(const QHash<QString, QString> &names) { m_environmentNames = names; }
    void setText(const QString &text);

    bool isEmpty() const;
    bool matches(const DeploymentTarget &target) const;

private:
    QHash<QString, QString> m_environmentNames;
    QStringList m_words;
};

} // namespace Cuttle
