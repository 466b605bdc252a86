#include "model/variables/releaseversiontemplate.h"

#include "model/core/project.h"
#include "model/core/versionmask.h"
#include "model/variables/templateengine.h"

namespace Cuttle {

namespace {

void addVersionParts(VariableDictionary &variables, const QString &prefix, const std::optional<SemanticVersion> &latest)
{
    const SemanticVersion version = latest.value_or(SemanticVersion());
    const QList<std::pair<QString, int>> parts{
        {QStringLiteral("Major"), version.major()}, {QStringLiteral("Minor"), version.minor()},
        // The reference names the third part both Patch and Build.
        {QStringLiteral("Patch"), version.patch()}, {QStringLiteral("Build"), version.patch()},
        {QStringLiteral("Revision"), version.revision()},
    };
    for (const auto &[name, value] : parts) {
        variables.set(prefix + u"Last" + name, QString::number(value));
        variables.set(prefix + u"Next" + name, QString::number(value + 1));
    }
    variables.set(prefix + u"LastSuffix", version.preRelease());
    variables.set(prefix + u"NextSuffix", version.preRelease());
}

} // namespace

VariableDictionary ReleaseVersionTemplate::variables(const VariableDictionary &projectVariables, const Inputs &inputs)
{
    VariableDictionary variables = projectVariables;
    addVersionParts(variables, QStringLiteral("Octopus.Version."), inputs.latest);
    addVersionParts(variables, QStringLiteral("Octopus.Version.Channel."), inputs.latestInChannel);
    for (auto it = inputs.latestByChannelName.cbegin(); it != inputs.latestByChannelName.cend(); ++it)
        addVersionParts(variables, u"Octopus.Version.Channel[" + it.key() + u"].", it.value());
    variables.set(QStringLiteral("Octopus.Release.Channel.Name"), inputs.channelName);

    const QDateTime now = inputs.now.isValid() ? inputs.now : QDateTime::currentDateTime();
    variables.set(QStringLiteral("Octopus.Date.Day"), QString::number(now.date().day()));
    variables.set(QStringLiteral("Octopus.Date.Month"), QString::number(now.date().month()));
    variables.set(QStringLiteral("Octopus.Date.Year"), QString::number(now.date().year()));
    variables.set(QStringLiteral("Octopus.Date.DayOfYear"), QString::number(now.date().dayOfYear()));
    variables.set(QStringLiteral("Octopus.Time.Hour"), QString::number(now.time().hour()));
    variables.set(QStringLiteral("Octopus.Time.Minute"), QString::number(now.time().minute()));
    variables.set(QStringLiteral("Octopus.Time.Second"), QString::number(now.time().second()));
    return variables;
}

Result<SemanticVersion> ReleaseVersionTemplate::next(const QString &templateText, const VariableDictionary &projectVariables,
                                                    const Inputs &inputs)
{
    const QString source = templateText.trimmed().isEmpty() ? Project::defaultReleaseVersionTemplate() : templateText;
    const EvaluationResult evaluated = TemplateEngine::evaluate(source, variables(projectVariables, inputs));
    if (!evaluated.ok()) {
        const TemplateError &error = evaluated.errors.constFirst();
        return Error::validation(tr("The release version template cannot be evaluated: %1 (line %2, column %3).")
                                     .arg(error.message)
                                     .arg(error.line)
                                     .arg(error.column),
                                 QStringLiteral("releaseVersionTemplate"));
    }
    if (!evaluated.unresolved.isEmpty()) {
        return Error::validation(tr("The release version template refers to %1, which has no value.")
                                     .arg(evaluated.unresolved.constFirst()),
                                 QStringLiteral("releaseVersionTemplate"));
    }
    const QString text = evaluated.text.trimmed();
    if (const auto mask = VersionMask::parse(text))
        return mask->apply(mask->latestMatching(inputs.existingVersions));
    if (const auto version = SemanticVersion::parse(text))
        return *version;
    return Error::validation(tr("The release version template gives \"%1\", which is not a version.").arg(text),
                             QStringLiteral("releaseVersionTemplate"));
}

} // namespace Cuttle
