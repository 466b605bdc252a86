#include "views/shell/mainwindow.h"

#include "model/engine/workspacesession.h"
#include "views/configuration/configurationpage.h"
#include "views/dashboard/dashboardpage.h"
#include "views/infrastructure/environmentspanel.h"
#include "views/infrastructure/infrastructurepage.h"
#include "views/infrastructure/targetspanel.h"
#include "views/library/librarypage.h"
#include "views/library/packagespanel.h"
#include "views/library/packageuploader.h"
#include "views/projects/projectspage.h"
#include "views/shell/spaceswitcher.h"
#include "views/shell/uploaddropoverlay.h"
#include "views/shell/uploadpanel.h"
#include "views/tasks/taskspage.h"
#include "views/tenants/tenantspage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QFileDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <cstdio>

namespace Cuttle {

MainWindow::MainWindow(WorkspaceSession *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
{
    const QString directory = QDir::toNativeSeparators(session->workspace()->directory());
    setWindowTitle(tr("%1 — Cuttle").arg(QDir(directory).dirName().isEmpty() ? directory : QDir(directory).dirName()));
    setWindowIcon(QIcon(QStringLiteral(":/cuttle/icons/cuttle.svg")));

    auto *side = new QWidget(this);
    side->setObjectName(QStringLiteral("sidebar"));
    side->setMinimumWidth(190);
    side->setMaximumWidth(260);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(8, 10, 0, 8);
    auto *spaceCaption = new QLabel(tr("SPACE"), side);
    QFont caption = spaceCaption->font();
    caption.setPointSizeF(caption.pointSizeF() * 0.8);
    caption.setBold(true);
    spaceCaption->setFont(caption);
    spaceCaption->setForegroundRole(QPalette::PlaceholderText);
    m_spaceSwitcher = new SpaceSwitcher(session, side);
    spaceCaption->setBuddy(m_spaceSwitcher);
    m_navigation = new QListWidget(side);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setSpacing(1);
    m_navigation->setAutoFillBackground(false);
    m_navigation->viewport()->setAutoFillBackground(false);
    sideLayout->addWidget(spaceCaption);
    sideLayout->addWidget(m_spaceSwitcher);
    sideLayout->addSpacing(10);
    sideLayout->addWidget(m_navigation, 1);

    m_uploader = new PackageUploader(session, this);
    m_uploader->setAskBeforeReplacing(true);

    m_pages = new QStackedWidget(this);
    m_infrastructure = new InfrastructurePage(session, m_pages);
    const struct {
        QString title;
        QStyle::StandardPixmap icon;
        QWidget *page;
    } pages[] = {
        {tr("Dashboard"), QStyle::SP_DesktopIcon, new DashboardPage(session, m_pages)},
        {tr("Projects"), QStyle::SP_DirIcon, new ProjectsPage(session, m_pages)},
        {tr("Infrastructure"), QStyle::SP_DriveNetIcon, m_infrastructure},
        {tr("Tenants"), QStyle::SP_DirHomeIcon, new TenantsPage(session, m_pages)},
        {tr("Library"), QStyle::SP_FileDialogContentsView, new LibraryPage(session, m_pages)},
        {tr("Tasks"), QStyle::SP_BrowserReload, new TasksPage(session, m_pages)},
        {tr("Configuration"), QStyle::SP_FileDialogDetailedView, new ConfigurationPage(session, m_pages)},
    };
    for (const auto &entry : pages) {
        auto *item = new QListWidgetItem(style()->standardIcon(entry.icon), entry.title, m_navigation);
        item->setSizeHint(QSize(0, 32));
        m_pages->addWidget(entry.page);
    }
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);

    auto *central = new QWidget(this);
    auto *centralLayout = new QHBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(side);
    auto *separator = new QFrame(central);
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Sunken);
    centralLayout->addWidget(separator);
    auto *content = new QWidget(central);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(0);
    contentLayout->addWidget(m_pages, 1);
    m_uploadPanel = new UploadPanel(m_uploader, content);
    contentLayout->addWidget(m_uploadPanel);
    centralLayout->addWidget(content, 1);
    setCentralWidget(central);

    // Files can be dropped anywhere: widgets that take no drops pass them up to the central
    // widget, and the application-wide filter takes file drops from those that do (a filter
    // field would otherwise paste the path as text).
    setAcceptDrops(true);
    central->setAcceptDrops(true);
    qApp->installEventFilter(this);
    m_dropOverlay = new UploadDropOverlay(central);
    // The Upload… button of the Packages tab goes through the same uploader and panel.
    const auto packagesPanels = m_pages->findChildren<PackagesPanel *>();
    for (PackagesPanel *panel : packagesPanels)
        panel->useUploader(m_uploader);

    m_spaceLabel = new QLabel(this);
    auto *workspaceLabel = new QLabel(tr("Workspace: %1").arg(directory), this);
    workspaceLabel->setObjectName(QStringLiteral("workspacePath"));
    workspaceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *keychainLabel = new QLabel(tr("Keychain: %1").arg(session->secrets()->backendName()), this);
    keychainLabel->setObjectName(QStringLiteral("keychainBackend"));
    statusBar()->addWidget(workspaceLabel, 1);
    statusBar()->addPermanentWidget(m_spaceLabel);
    statusBar()->addPermanentWidget(keychainLabel);
    if (!session->currentSpaceName().isEmpty())
        m_spaceLabel->setText(tr("Space: %1").arg(session->currentSpaceName()));
    connect(session, &WorkspaceSession::currentSpaceChanged, this,
            [this]() { m_spaceLabel->setText(tr("Space: %1").arg(m_session->currentSpaceName())); });

    createMenus();

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(1200, 760);
    const int page = settings.value(QStringLiteral("mainWindow/page"), int(Dashboard)).toInt();
    m_navigation->setCurrentRow(page >= 0 && page < PageCount ? page : int(Dashboard));
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(style()->standardIcon(QStyle::SP_DialogOpenButton), tr("&Open workspace…"));
    open->setShortcut(QKeySequence::Open);
    connect(open, &QAction::triggered, this, [this]() {
        const QString directory = QFileDialog::getExistingDirectory(this, tr("Open workspace"), m_session->workspace()->directory());
        if (!directory.isEmpty())
            emit openWorkspaceRequested(directory);
    });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Cuttle"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Cuttle"),
                       tr("<h3>Cuttle %1</h3><p>A local-first release-management console: environments, targets, "
                          "projects, lifecycles and tenants in a workspace folder on this computer, deployed over "
                          "SSH, WinRM or to local folders.</p><p>Workspace: %2<br>Keychain: %3</p>")
                           .arg(QCoreApplication::applicationVersion(),
                                QDir::toNativeSeparators(m_session->workspace()->directory()).toHtmlEscaped(),
                                m_session->secrets()->backendName().toHtmlEscaped()));
}

void MainWindow::showPage(Page page)
{
    m_navigation->setCurrentRow(int(page));
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_pages->currentIndex());
}

void MainWindow::enableStartupProbe(qint64 processStartMs)
{
    m_probeStartMs = processStartMs;
    connect(m_infrastructure->targets(), &TargetsPanel::loaded, this, &MainWindow::checkStartupProbe);
    connect(m_infrastructure->environments(), &EnvironmentsPanel::loaded, this, &MainWindow::checkStartupProbe);
    checkStartupProbe();
}

void MainWindow::checkStartupProbe()
{
    if (m_probeStartMs < 0 || m_probeDone || !m_shown || !m_infrastructure->targets()->isLoaded()
        || !m_infrastructure->environments()->isLoaded())
        return;
    m_probeDone = true;
    const qint64 elapsed = QDateTime::currentMSecsSinceEpoch() - m_probeStartMs;
    std::fprintf(stderr, "cuttle-startup-ms: %lld targets: %d environments: %d\n", static_cast<long long>(elapsed),
                 m_infrastructure->targets()->view()->model()->rowCount(),
                 m_infrastructure->environments()->view()->model()->rowCount());
    std::fflush(stderr);
    QTimer::singleShot(0, qApp, &QCoreApplication::quit);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_shown) {
        m_shown = true;
        // After the first paint has been queued, not before: "shown" means on screen.
        QTimer::singleShot(0, this, &MainWindow::checkStartupProbe);
    }
}

bool MainWindow::handleDragEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::DragEnter: {
        auto *drag = static_cast<QDragEnterEvent *>(event);
        if (!drag->mimeData() || !drag->mimeData()->hasUrls())
            return false;
        const int count = int(drag->mimeData()->urls().size());
        const QString space = m_session->currentSpaceName();
        const QString what = count == 1 ? tr("Drop to upload the package file") : tr("Drop to upload %1 package files").arg(count);
        m_dropOverlay->setMessage(space.isEmpty() ? tr("%1 to the built-in repository").arg(what)
                                                  : tr("%1 to the built-in repository of %2").arg(what, space));
        m_dropOverlay->raise();
        m_dropOverlay->show();
        drag->setDropAction(Qt::CopyAction);
        drag->accept();
        return true;
    }
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (!drag->mimeData() || !drag->mimeData()->hasUrls())
            return false;
        drag->setDropAction(Qt::CopyAction);
        drag->accept();
        return true;
    }
    case QEvent::DragLeave:
        // Not taken: a widget that accepted a text drag itself must hear that it left.
        m_dropOverlay->hide();
        return false;
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        m_dropOverlay->hide();
        if (!drop->mimeData() || !drop->mimeData()->hasUrls())
            return false;
        drop->setDropAction(Qt::CopyAction);
        drop->accept();
        m_uploader->upload(PackageUploader::select(drop->mimeData()->urls()));
        return true;
    }
    default:
        return false;
    }
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove:
    case QEvent::DragLeave:
    case QEvent::Drop:
        if (auto *widget = qobject_cast<QWidget *>(watched); widget && widget->window() == this && handleDragEvent(event))
            return true;
        break;
    default:
        break;
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!handleDragEvent(event))
        QMainWindow::dragEnterEvent(event);
}

void MainWindow::dragMoveEvent(QDragMoveEvent *event)
{
    if (!handleDragEvent(event))
        QMainWindow::dragMoveEvent(event);
}

void MainWindow::dragLeaveEvent(QDragLeaveEvent *event)
{
    if (!handleDragEvent(event))
        QMainWindow::dragLeaveEvent(event);
}

void MainWindow::dropEvent(QDropEvent *event)
{
    if (!handleDragEvent(event))
        QMainWindow::dropEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/page"), m_navigation->currentRow());
    QMainWindow::closeEvent(event);
}

} // namespace Cuttle
