#include "model/core/processvalidation.h"

#include "model/core/validation.h"

#include <QCoreApplication>
#include <QSet>

namespace Cuttle {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cuttle::ProcessValidation", text);
}

/// A whole positive number, or a #{variable} that will give one at deployment time.
bool isCountOrTemplate(const QString &text)
{
    if (text.contains(QLatin1String("#{")))
        return true;
    bool ok = false;
    const int value = text.toInt(&ok);
    return ok && value > 0;
}

VoidResult checkAction(const DeploymentStep &step, const DeploymentAction &action, const QString &field)
{
    const QString source = action.properties.value(ActionProperty::ScriptSource, QStringLiteral("Inline"));
    switch (action.type) {
    case ActionType::RunScript:
        if (source.compare(QLatin1String("Package"), Qt::CaseInsensitive) == 0) {
            if (action.packages.isEmpty() || action.properties.value(ActionProperty::ScriptFileName).trimmed().isEmpty())
                return Error::validation(tr("The step \"%1\" runs a script from a package, so it needs the package and "
                                            "the script's file name.").arg(step.name),
                                         field + u".packages");
        } else if (source.compare(QLatin1String("Inline"), Qt::CaseInsensitive) != 0) {
            return Error::validation(tr("The script source of the step \"%1\" must be Inline or Package, not \"%2\".")
                                         .arg(step.name, source),
                                     field + u".properties");
        } else if (action.properties.value(ActionProperty::ScriptBody).trimmed().isEmpty()) {
            return Error::validation(tr("The step \"%1\" has no script to run.").arg(step.name),
                                     field + u".properties");
        }
        break;
    case ActionType::DeployPackage:
    case ActionType::TransferPackage:
        if (action.packages.isEmpty())
            return Error::validation(tr("The step \"%1\" needs a package.").arg(step.name), field + u".packages");
        if (action.type == ActionType::TransferPackage
            && action.properties.value(ActionProperty::TransferPath).trimmed().isEmpty())
            return Error::validation(tr("The step \"%1\" needs the path on the target to transfer the package to.")
                                         .arg(step.name),
                                     field + u".properties");
        break;
    case ActionType::ManualIntervention:
        if (action.properties.value(ActionProperty::Instructions).trimmed().isEmpty())
            return Error::validation(tr("The manual intervention \"%1\" needs instructions for the person who "
                                        "takes it.").arg(step.name),
                                     field + u".properties");
        break;
    }
    QSet<QString> references;
    for (qsizetype p = 0; p < action.packages.size(); ++p) {
        const PackageReference &package = action.packages.at(p);
        const QString packageField = field + u".packages[" + QString::number(p) + u']';
        if (package.packageId.trimmed().isEmpty())
            return Error::validation(tr("A package of the step \"%1\" has no package ID.").arg(step.name), packageField);
        if (references.contains(package.name.toLower()))
            return Error::validation(tr("The step \"%1\" refers to two packages by the same name \"%2\".")
                                         .arg(step.name, package.name),
                                     packageField);
        references.insert(package.name.toLower());
    }
    if (const auto parallel = action.properties.find(ActionProperty::MaxParallelism);
        parallel != action.properties.cend() && !isCountOrTemplate(parallel->trimmed()))
        return Error::validation(tr("The maximum parallelism of the step \"%1\" must be a whole number above 0 or a "
                                    "variable, not \"%2\".").arg(step.name, *parallel),
                                 field + u".properties");
    return {};
}

} // namespace

Result<DeploymentProcess> validateProcess(const DeploymentProcess &input)
{
    DeploymentProcess process = input;
    QSet<QString> stepNames;
    QSet<QString> actionNames;
    for (qsizetype s = 0; s < process.steps.size(); ++s) {
        DeploymentStep &step = process.steps[s];
        const QString field = u"steps[" + QString::number(s) + u']';
        auto name = Validation::name(step.name, tr("step"), field + u".name");
        if (!name)
            return name.error();
        step.name = *name;
        if (stepNames.contains(step.name.toLower()))
            return Error::validation(tr("Two steps are named \"%1\"; step names must differ.").arg(step.name),
                                     field + u".name");
        stepNames.insert(step.name.toLower());

        if (step.actions.isEmpty())
            return Error::validation(tr("The step \"%1\" has nothing to do: add an action.").arg(step.name),
                                     field + u".actions");
        if (step.condition == StepCondition::Variable && step.conditionExpression.trimmed().isEmpty())
            return Error::validation(tr("The step \"%1\" runs when a variable expression is true, but has no "
                                        "expression.").arg(step.name),
                                     field + u".conditionExpression");
        if (!step.windowSize.trimmed().isEmpty() && !isCountOrTemplate(step.windowSize.trimmed()))
            return Error::validation(tr("The rolling window of the step \"%1\" must be a whole number above 0 or a "
                                        "variable, not \"%2\".").arg(step.name, step.windowSize),
                                     field + u".windowSize");
        step.windowSize = step.windowSize.trimmed();
        auto tags = Validation::tags(step.targetTags, field + u".targetTags");
        if (!tags)
            return tags.error();
        step.targetTags = *tags;

        bool needsTargets = false;
        for (qsizetype a = 0; a < step.actions.size(); ++a) {
            DeploymentAction &action = step.actions[a];
            const QString actionField = field + u".actions[" + QString::number(a) + u']';
            if (action.name.trimmed().isEmpty() && step.actions.size() == 1)
                action.name = step.name;
            auto actionName = Validation::name(action.name, tr("action"), actionField + u".name");
            if (!actionName)
                return actionName.error();
            action.name = *actionName;
            if (actionNames.contains(action.name.toLower()))
                return Error::validation(tr("Two actions are named \"%1\"; output variables need distinct names.")
                                             .arg(action.name),
                                         actionField + u".name");
            actionNames.insert(action.name.toLower());
            if (auto checked = checkAction(step, action, actionField); !checked)
                return checked.error();
            needsTargets = needsTargets || runsOnTargets(action.type);
        }
        if (needsTargets && !step.runOnWorkstation && step.targetTags.isEmpty())
            return Error::validation(tr("The step \"%1\" needs the target tags it runs on, or to run on this "
                                        "workstation.").arg(step.name),
                                     field + u".targetTags");
    }
    return process;
}

} // namespace Cuttle
