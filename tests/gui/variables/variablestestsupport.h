#pragma once

#include "guitestworkspace.h"

#include "model/engine/variableservice.h"
#include "model/itemmodels/variables/variablefilterproxymodel.h"
#include "model/itemmodels/variables/variabletablemodel.h"
#include "model/store/environmentrepository.h"
#include "model/store/lifecyclerepository.h"
#include "model/store/projectgrouprepository.h"
#include "model/store/projectrepository.h"
#include "views/variables/variableseditor.h"

#include <QLineEdit>
#include <QPixmap>
#include <QTableView>
#include <QTest>

// Records and widget steps the variables GUI tests share.
namespace VariablesTestSupport {

using namespace Cuttle;

inline QString createProject(GuiTestWorkspace &ws, const QString &name)
{
    const auto groups = ProjectGroupRepository(ws.context()).list(ws.spaceId());
    QString groupId = groups && !groups->isEmpty() ? groups->first().id : QString();
    if (groupId.isEmpty())
        groupId = ProjectGroupRepository(ws.context()).create({{}, ws.spaceId(), QStringLiteral("Apps"), {}})->id;
    const auto lifecycles = LifecycleRepository(ws.context()).list(ws.spaceId());
    QString lifecycleId = lifecycles && !lifecycles->isEmpty() ? lifecycles->first().id : QString();
    if (lifecycleId.isEmpty()) {
        Lifecycle lifecycle;
        lifecycle.spaceId = ws.spaceId();
        lifecycle.name = QStringLiteral("Standard");
        lifecycleId = LifecycleRepository(ws.context()).create(lifecycle)->id;
    }
    Project p;
    p.spaceId = ws.spaceId();
    p.name = name;
    p.projectGroupId = groupId;
    p.lifecycleId = lifecycleId;
    auto created = ProjectRepository(ws.context()).create(p);
    return created ? created->id : QString();
}

inline void createEnvironments(GuiTestWorkspace &ws, const QStringList &names)
{
    for (const QString &name : names) {
        Environment e;
        e.spaceId = ws.spaceId();
        e.name = name;
        QVERIFY(EnvironmentRepository(ws.context()).create(e).ok());
    }
}

inline VariableService service(GuiTestWorkspace &ws)
{
    return VariableService(ws.workspace, ws.session->secrets());
}

/// Opens the cell's editor with a double click, types `text` and commits it with Return.
inline void typeIntoCell(QTableView *view, int proxyRow, int column, const QString &text)
{
    const QModelIndex index = view->model()->index(proxyRow, column);
    QVERIFY(index.isValid());
    view->scrollTo(index);
    view->setCurrentIndex(index);
    if (!view->indexWidget(index)) {
        const QPoint centre = view->visualRect(index).center();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, centre);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, centre);
    }
    auto *editor = qobject_cast<QLineEdit *>(view->indexWidget(index));
    QVERIFY2(editor, "no cell editor opened");
    editor->selectAll();
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_VERIFY(!view->indexWidget(index));
}

/// The proxy row of the source row of `editor`'s grid.
inline int proxyRow(VariablesEditor *editor, int sourceRow)
{
    return editor->proxy()->mapFromSource(editor->model()->index(sourceRow, 0)).row();
}

/// Saves a picture of `widget` when CUTTLE_SCREENSHOT_DIR is set, for reviewing the layout.
inline void screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("CUTTLE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + u'/' + name + QStringLiteral(".png"));
}

} // namespace VariablesTestSupport
