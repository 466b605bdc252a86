#pragma once

#include <QString>

namespace Cuttle {

/// A hard partition of a workspace: everything but users, teams and tasks belongs to one space.
struct Space
{
    QString id;
    QString name;
    QString description;
    bool isDefault = false;
};

} // namespace Cuttle
