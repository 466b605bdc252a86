#include "model/core/targetfilter.h"

namespace Cuttle {

void TargetFilter::setText(const QString &value)
{
    text = value;
    m_words = value.simplified().split(u' ', Qt::SkipEmptyParts);
}

bool TargetFilter::isEmpty() const
{
    return environmentId.isEmpty() && tag.isEmpty() && !kind && !health && text.trimmed().isEmpty();
}

bool TargetFilter::matches(const DeploymentTarget &target) const
{
    if (!environmentId.isEmpty() && !target.environmentIds.contains(environmentId))
        return false;
    if (!tag.isEmpty() && !target.tags.contains(tag, Qt::CaseInsensitive))
        return false;
    if (kind && target.kind != *kind)
        return false;
    if (health && target.healthStatus != *health)
        return false;
    const QStringList words = m_words.isEmpty() && !text.isEmpty() ? text.simplified().split(u' ', Qt::SkipEmptyParts) : m_words;
    for (const QString &word : words) {
        bool found = target.name.contains(word, Qt::CaseInsensitive) || target.host.contains(word, Qt::CaseInsensitive)
                     || target.directory.contains(word, Qt::CaseInsensitive);
        for (qsizetype i = 0; !found && i < target.tags.size(); ++i)
            found = target.tags.at(i).contains(word, Qt::CaseInsensitive);
        for (qsizetype i = 0; !found && i < target.environmentIds.size(); ++i)
            found = m_environmentNames.value(target.environmentIds.at(i)).contains(word, Qt::CaseInsensitive);
        if (!found)
            return false;
    }
    return true;
}

} // namespace Cuttle
