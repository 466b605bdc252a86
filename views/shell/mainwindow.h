#pragma once

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace Cuttle {

class InfrastructurePage;
class PackageUploader;
class SpaceSwitcher;
class UploadDropOverlay;
class UploadPanel;
class WorkspaceSession;

/// The console's main window: the space switcher and the navigation on the left, one page
/// per area on the right, the workspace and keychain in the status bar. Package files
/// dropped anywhere on it upload to the current space, shown in an upload panel at the bottom.
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
    PackageUploader *packageUploader() const { return m_uploader; }
    UploadPanel *uploadPanel() const { return m_uploadPanel; }
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
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void checkStartupProbe();
    void showAbout();
    bool handleDragEvent(QEvent *event);

    WorkspaceSession *m_session = nullptr;
    SpaceSwitcher *m_spaceSwitcher = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    InfrastructurePage *m_infrastructure = nullptr;
    QLabel *m_spaceLabel = nullptr;
    PackageUploader *m_uploader = nullptr;
    UploadPanel *m_uploadPanel = nullptr;
    UploadDropOverlay *m_dropOverlay = nullptr;
    qint64 m_probeStartMs = -1;
    bool m_shown = false;
    bool m_probeDone = false;
};

} // namespace Cuttle
