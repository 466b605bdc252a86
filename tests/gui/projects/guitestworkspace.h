#pragma once

#include "model/engine/workspacesession.h"
#include "model/secrets/inmemorysecretstore.h"
#include "model/store/spacerepository.h"
#include "model/store/workspace.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

// A throw-away workspace with a session on the Default space, for the console's page tests.
struct GuiTestWorkspace
{
    QTemporaryDir dir;
    std::shared_ptr<Cuttle::Workspace> workspace;
    std::unique_ptr<Cuttle::WorkspaceSession> session;

    bool open()
    {
        if (!dir.isValid())
            return false;
        auto opened = Cuttle::Workspace::open(dir.path());
        if (!opened)
            return false;
        workspace = *opened;
        session = std::make_unique<Cuttle::WorkspaceSession>(workspace, std::make_shared<Cuttle::InMemorySecretStore>());
        auto space = Cuttle::SpaceRepository(workspace->context()).defaultSpace();
        if (!space)
            return false;
        session->setCurrentSpace(space->id, space->name);
        return true;
    }
    Cuttle::StoreContext context() const { return workspace->context(); }
    QString spaceId() const { return session->currentSpaceId(); }
};
