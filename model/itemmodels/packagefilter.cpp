#include "model/itemmodels/packagefilter.h"

namespace Cuttle {

PackageFilter::PackageFilter(const QString &text)
    : m_text(text.trimmed())
{
}

bool PackageFilter::matches(const QString &value) const
{
    return value.contains(m_text, Qt::CaseInsensitive);
}

bool PackageFilter::acceptsPackage(const QString &packageId, const QList<PackageRepository::Record> &versions) const
{
    if (isEmpty() || matches(packageId))
        return true;
    for (const PackageRepository::Record &record : versions) {
        if (acceptsVersion(record))
            return true;
    }
    return false;
}

bool PackageFilter::acceptsVersion(const PackageRepository::Record &record) const
{
    // Titles count too: users often remember a package by what it is called, not its id.
    return isEmpty() || matches(record.packageId) || matches(record.version) || matches(record.title);
}

} // namespace Cuttle
