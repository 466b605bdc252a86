#pragma once

#include "model/store/spacerepository.h"
#include "model/store/workspace.h"

#include <QTemporaryDir>
#include <QTest>

namespace Cuttle::Test {

/// A fresh workspace in a temporary folder, acting as "tester".
struct TempWorkspace
{
    QTemporaryDir dir;
    std::shared_ptr<Workspace> workspace;
    StoreContext context;
    QString spaceId;

    TempWorkspace()
    {
        auto opened = Workspace::open(dir.path());
        if (!opened.ok())
            qFatal("cannot open workspace: %s", qPrintable(opened.error().message));
        workspace = *opened;
        context = workspace->context(QStringLiteral("tester"));
        spaceId = SpaceRepository(context).defaultSpace()->id;
    }
};

} // namespace Cuttle::Test
