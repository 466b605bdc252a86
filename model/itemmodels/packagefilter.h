#pragma once

#include "model/store/packagerepository.h"

#include <QList>
#include <QString>

namespace Cuttle {

/// What the filter box of the package list matches: a package stays visible when its id or
/// any of its versions matches, and a version when it or its package id matches.
class PackageFilter final
{
public:
    PackageFilter() = default;
    explicit PackageFilter(const QString &text);

    QString text() const { return m_text; }
    bool isEmpty() const { return m_text.isEmpty(); }

    bool acceptsPackage(const QString &packageId, const QList<PackageRepository::Record> &versions) const;
    bool acceptsVersion(const PackageRepository::Record &record) const;

private:
    bool matches(const QString &value) const;
    QString m_text;
};

} // namespace Cuttle
