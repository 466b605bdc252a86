#pragma once

#include "model/store/spacerepository.h"
#include "model/store/workspace.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace Cuttle::Test {

/// A fresh workspace in a temporary folder, acting as "tester".
struct PackageWorkspace
{
    QTemporaryDir dir;
    std::shared_ptr<Workspace> workspace;
    StoreContext context;
    QString spaceId;

    PackageWorkspace()
    {
        auto opened = Workspace::open(dir.path());
        if (!opened.ok())
            qFatal("cannot open workspace: %s", qPrintable(opened.error().message));
        workspace = *opened;
        context = workspace->context(QStringLiteral("tester"));
        spaceId = SpaceRepository(context).defaultSpace()->id;
    }

    /// Makes a release of the space use a package version. Releases need projects and
    /// channels that these tests do not care about, so the rows go in through a connection
    /// without foreign-key enforcement.
    bool addRelease(const QString &releaseId, const QString &packageId, const QString &version)
    {
        const QString name = QUuid::createUuid().toString();
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(workspace->databasePath());
            if (db.open()) {
                QSqlQuery q(db);
                ok = q.exec(QStringLiteral("PRAGMA foreign_keys = OFF"));
                q.prepare(QStringLiteral("INSERT OR IGNORE INTO releases(id, space_id, project_id, channel_id, version, created_at, "
                                         "created_by, process_snapshot, variables_snapshot, variables_snapshot_at) "
                                         "VALUES (?, ?, 'Projects-1', 'Channels-1', ?, '2026-01-01', 'tester', '{}', '{}', '2026-01-01')"));
                q.addBindValue(releaseId);
                q.addBindValue(spaceId);
                q.addBindValue(releaseId);
                ok = ok && q.exec();
                q.prepare(QStringLiteral("INSERT INTO release_packages(release_id, action_name, package_reference, package_id, version) "
                                         "VALUES (?, 'Deploy', ?, ?, ?)"));
                q.addBindValue(releaseId);
                q.addBindValue(packageId);
                q.addBindValue(packageId);
                q.addBindValue(version);
                ok = ok && q.exec();
                if (!ok)
                    qWarning("%s", qPrintable(q.lastError().text()));
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

    bool removeReleases()
    {
        const QString name = QUuid::createUuid().toString();
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(workspace->databasePath());
            if (db.open()) {
                QSqlQuery q(db);
                ok = q.exec(QStringLiteral("DELETE FROM release_packages")) && q.exec(QStringLiteral("DELETE FROM releases"));
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }
};

} // namespace Cuttle::Test

/// QVERIFY2 evaluates its message even when the check passes, so the error is read only on failure.
#define PKG_VERIFY_OK(result) QVERIFY2((result).ok(), qPrintable((result).ok() ? QString() : (result).error().message))
