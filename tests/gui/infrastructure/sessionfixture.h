#pragma once

#include "model/engine/workspacesession.h"
#include "model/secrets/inmemorysecretstore.h"
#include "model/store/spacerepository.h"
#include "model/store/workspace.h"

#include <QApplication>
#include <QDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

namespace Cuttle::Test {

/// A fresh workspace in a temporary folder, an in-memory keychain and a session on the
/// Default space, as the console would have them.
struct SessionFixture
{
    QTemporaryDir directory;
    std::shared_ptr<Workspace> workspace;
    std::shared_ptr<InMemorySecretStore> secrets = std::make_shared<InMemorySecretStore>();
    std::unique_ptr<WorkspaceSession> session;
    Space defaultSpace;

    bool open()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (!directory.isValid())
            return false;
        auto opened = Workspace::open(directory.path());
        if (!opened)
            return false;
        workspace = *opened;
        auto space = SpaceRepository(workspace->context()).defaultSpace();
        if (!space)
            return false;
        defaultSpace = *space;
        session = std::make_unique<WorkspaceSession>(workspace, secrets);
        session->setCurrentSpace(defaultSpace.id, defaultSpace.name);
        return true;
    }

    StoreContext context() const { return workspace->context(); }
};

/// Answers the next message box (a delete confirmation) with `button` once it shows.
inline void answerNextMessageBox(QMessageBox::StandardButton button)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, button]() {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (auto *box = qobject_cast<QMessageBox *>(widget); box && box->isVisible()) {
                timer->stop();
                timer->deleteLater();
                box->button(button)->click();
                return;
            }
        }
    });
    timer->start();
}

template<typename D>
D *findDialog()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *dialog = qobject_cast<D *>(widget); dialog && dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

} // namespace Cuttle::Test
