#pragma once

#include "model/core/tag.h"

#include <QList>
#include <QString>

namespace Cuttle {

/// An ordered set of tags used to classify tenants.
struct TagSet
{
    QString id;
    QString spaceId;
    QString name;
    QString description;
    int sortOrder = 0;
    QList<Tag> tags;

    QString canonicalTag(const QString &tagName) const { return name + u'/' + tagName; }
};

} // namespace Cuttle
