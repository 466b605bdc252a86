#pragma once

#include <QWidget>

class QTabWidget;

namespace Cuttle {

class IncludedLibrarySetsPanel;
class VariablePreviewPanel;
class VariablesEditor;
class WorkspaceSession;

/// A project's Variables: its own values, the library sets it includes, and a preview of
/// what they resolve to for a chosen context.
class ProjectVariablesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectVariablesPage)

public:
    explicit ProjectVariablesPage(WorkspaceSession *session, QWidget *parent = nullptr);

    void setProject(const QString &projectId);
    QString projectId() const { return m_projectId; }

    VariablesEditor *editor() const { return m_editor; }
    IncludedLibrarySetsPanel *librarySets() const { return m_librarySets; }
    VariablePreviewPanel *preview() const { return m_preview; }
    QTabWidget *tabs() const { return m_tabs; }

private:
    QString m_projectId;
    QTabWidget *m_tabs = nullptr;
    VariablesEditor *m_editor = nullptr;
    IncludedLibrarySetsPanel *m_librarySets = nullptr;
    VariablePreviewPanel *m_preview = nullptr;
};

} // namespace Cuttle
