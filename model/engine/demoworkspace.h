#pragma once

#include "model/core/result.h"
#include "model/store/workspace.h"

namespace Cuttle {

/// Fills a new workspace with what a first look at Cuttle needs: Development, Test and
/// Production, a three-phase lifecycle, a project group with two projects with scoped
/// variables and a library variable set "Common" they include, two tenants with tags, and a
/// Local target per environment in a folder under the workspace, so that a deployment works
/// out of the box.
class DemoWorkspace final
{
public:
    /// Does nothing (and succeeds) when the Default space already has environments.
    static VoidResult populate(Workspace &workspace);
    /// Where the Local target of an environment lives.
    static QString targetDirectory(const Workspace &workspace, const QString &environmentName);
};

} // namespace Cuttle
