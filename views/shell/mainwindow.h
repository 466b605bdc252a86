#pragma once

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace Cuttle {

class InfrastructurePage;
class SpaceSwitcher;
class WorkspaceSession;

/// The console's main window: the space switcher and the navigation on the left, one page
/// per area on the right, the workspace and keychain in the status bar.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum Page { Dashboard, Projects, Infrastructure, Tenants, Library, Tasks, Configuration, PageCount };

    explicit MainWindow(WorkspaceSession *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    SpaceSwitcher *spaceSwitcher() const { return m_spaceSwitcher; }
    InfrastructurePage *infrastructurePage() const { return m_infrastructure; }
    QListWidget *navigation() const { return m_navigation; }
    void showPage(Page page);
    Page currentPage() const;

    /// Prints "cuttle-startup-ms: N" to stderr once the window is shown and the targets and
    /// environments are loaded, N counted from `processStartMs` (ms since the epoch), then quits.
    void enableStartupProbe(qint64 processStartMs);

signals:
    /// The user chose another workspace folder in File > Open workspace.
    void openWorkspaceRequested(const QString &directory);

protected:
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void checkStartupProbe();
    void showAbout();

    WorkspaceSession *m_session = nullptr;
    SpaceSwitcher *m_spaceSwitcher = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    InfrastructurePage *m_infrastructure = nullptr;
    QLabel *m_spaceLabel = nullptr;
    qint64 m_probeStartMs = -1;
    bool m_shown = false;
    bool m_probeDone = false;
};

} // namespace Cuttle
