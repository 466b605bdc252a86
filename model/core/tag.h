#pragma once

#include <QString>

namespace Cuttle {

/// One tag of a tag set; tenants carry it as "Set/Tag".
struct Tag
{
    QString id;
    QString name;
    QString color = QStringLiteral("#6e6e6e");
    QString description;
};

} // namespace Cuttle
