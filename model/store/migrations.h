#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Cuttle {

/// One forward-only schema step. Its statements run in one transaction together with the
/// update of the recorded schema version (PRAGMA user_version).
struct Migration
{
    int version = 0;
    QString description;
    QStringList statements;
};

/// Every migration Cuttle knows, in order, numbered from 1 without gaps.
const QList<Migration> &allMigrations();
/// The schema version this build of Cuttle writes.
int latestSchemaVersion();

} // namespace Cuttle
