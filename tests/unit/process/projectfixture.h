#pragma once

#include "model/store/environmentrepository.h"
#include "model/store/lifecyclerepository.h"
#include "model/store/projectgrouprepository.h"
#include "model/store/projectrepository.h"
#include "tests/unit/store/storetestsupport.h"

namespace Cuttle::Test {

/// A workspace with two environments and one project in the default space.
struct ProjectFixture
{
    TempWorkspace ws;
    QString development;
    QString production;
    QString lifecycleId;
    QString projectId;

    ProjectFixture()
    {
        development = EnvironmentRepository(ws.context).create({{}, ws.spaceId, QStringLiteral("Development")})->id;
        production = EnvironmentRepository(ws.context).create({{}, ws.spaceId, QStringLiteral("Production")})->id;
        const QString groupId = ProjectGroupRepository(ws.context).create({{}, ws.spaceId, QStringLiteral("Web"), {}})->id;
        lifecycleId = LifecycleRepository(ws.context).create(Lifecycle{{}, ws.spaceId, QStringLiteral("Standard"), {}, {}, {}, {}})->id;
        Project p;
        p.spaceId = ws.spaceId;
        p.name = QStringLiteral("Shop");
        p.projectGroupId = groupId;
        p.lifecycleId = lifecycleId;
        auto created = ProjectRepository(ws.context).create(p);
        if (!created)
            qFatal("cannot create project: %s", qPrintable(created.error().message));
        projectId = created->id;
    }
};

} // namespace Cuttle::Test
