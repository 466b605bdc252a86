#pragma once

#include <QWidget>

class QTabWidget;

namespace Cuttle {

class LibraryVariableSetsPanel;
class LifecyclesEditor;
class TagSetsEditor;
class WorkspaceSession;

/// The space's library: lifecycles with their phases, tenant tag sets, the built-in package
/// repository and library variable sets with their values; step templates are announced as
/// what they will hold.
class LibraryPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryPage)

public:
    explicit LibraryPage(WorkspaceSession *session, QWidget *parent = nullptr);
    ~LibraryPage() override;

    LifecyclesEditor *lifecyclesEditor() const { return m_lifecycles; }
    TagSetsEditor *tagSetsEditor() const { return m_tagSets; }
    LibraryVariableSetsPanel *variableSetsPanel() const { return m_variableSets; }

private:
    WorkspaceSession *m_session = nullptr;
    QTabWidget *m_tabs = nullptr;
    LifecyclesEditor *m_lifecycles = nullptr;
    TagSetsEditor *m_tagSets = nullptr;
    LibraryVariableSetsPanel *m_variableSets = nullptr;
};

} // namespace Cuttle
