#pragma once

#include "model/core/deploymentplan.h"
#include "model/core/result.h"
#include "model/engine/deploymentlog.h"
#include "model/variables/variabledictionary.h"

#include <QCoreApplication>

#include <functional>

namespace Cuttle {

class Transport;

/// Runs one action of a deployment step on one target through that target's transport:
/// a script (with the helper functions), a package deployment (acquire through the target's
/// cache, extract into a fresh directory, the conventions, the atomic `current` switch,
/// retention) or a package transfer. What it does goes into the target's log node.
class DeploymentActionRunner final
{
    Q_DECLARE_TR_FUNCTIONS(DeploymentActionRunner)

public:
    /// Everything one action on one target needs.
    struct Context
    {
        Transport *transport = nullptr;
        QString targetName;        ///< for output variables per machine; empty on this workstation
        QString rootDirectory;     ///< the target's application root
        QString taskId;
        const DeploymentPlan *plan = nullptr;
        const DeploymentPlan::Step *step = nullptr;
        const DeploymentPlan::Action *action = nullptr;
        QMap<QString, QString> properties; ///< the action's properties from the release's process
        VariableDictionary variables;      ///< resolved for this step, action and target
        /// Local path and SHA-256 of a package version in the built-in repository.
        std::function<Result<std::pair<QString, QString>>(const QString &packageId, const QString &version)> packageFile;
        DeploymentLog *log = nullptr;
        qint64 node = 0;
        int retentionKeep = 3;
        /// An output variable a script set (name, value, sensitive).
        std::function<void(const QString &, const QString &, bool)> output;
    };

    /// Succeeds when the action did its work; the error is the one sentence for the task.
    static VoidResult run(const Context &context);

private:
    static VoidResult runScript(const Context &context);
    static VoidResult deployPackage(const Context &context);
    static VoidResult transferPackage(const Context &context);
};

} // namespace Cuttle
