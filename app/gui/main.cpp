#include "model/engine/demoworkspace.h"
#include "model/engine/workspacesession.h"
#include "model/secrets/keychainsecretstore.h"
#include "model/store/workspace.h"
#include "views/shell/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTranslator>

#include <time.h>
#include <unistd.h>

#include <cstdio>
#include <memory>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cuttle::Console", text);
}

/// When this process started, in ms since the epoch: from CUTTLE_LAUNCH_TIME_MS when a
/// launcher passes it, else from the kernel's record of the process start.
qint64 processStartMs()
{
    bool ok = false;
    const qint64 launched = qEnvironmentVariable("CUTTLE_LAUNCH_TIME_MS").toLongLong(&ok);
    if (ok && launched > 0)
        return launched;
    QFile stat(QStringLiteral("/proc/self/stat"));
    timespec now{};
    if (stat.open(QIODevice::ReadOnly) && clock_gettime(CLOCK_BOOTTIME, &now) == 0) {
        // Field 22 is the start time in clock ticks after boot; it follows the command name
        // in parentheses. Measured against the boot clock now, not against btime, which
        // /proc/stat only gives in whole seconds.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        const long ticks = sysconf(_SC_CLK_TCK);
        if (fields.size() > 19 && ticks > 0) {
            const qint64 startedAfterBootMs = fields.at(19).toLongLong() * 1000 / ticks;
            const qint64 nowAfterBootMs = qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
            return QDateTime::currentMSecsSinceEpoch() - (nowAfterBootMs - startedAfterBootMs);
        }
    }
    return QDateTime::currentMSecsSinceEpoch();
}

/// A workspace that cannot be opened ends the console with its one sentence, shown in a
/// dialog where someone can see it and always on stderr.
int refuse(const QString &message)
{
    std::fprintf(stderr, "cuttle: %s\n", qUtf8Printable(message));
    if (QGuiApplication::platformName() != QLatin1String("offscreen") && QGuiApplication::platformName() != QLatin1String("minimal"))
        QMessageBox::critical(nullptr, tr("Cuttle"), message);
    return 1;
}

/// The open workspace and its window; replaced as a whole by File > Open workspace.
struct Console
{
    std::unique_ptr<Cuttle::WorkspaceSession> session;
    std::unique_ptr<Cuttle::MainWindow> window;
};

} // namespace

int main(int argc, char **argv)
{
    const qint64 startMs = processStartMs();
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cuttle"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CUTTLE_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Cuttle"));
    QGuiApplication::setDesktopFileName(QStringLiteral("cuttle"));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/cuttle/icons/cuttle.svg")));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("cuttle"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Cuttle release-management console."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspaceOption(QStringLiteral("workspace"),
                                             tr("Open the workspace in <directory> (default: CUTTLE_WORKSPACE, else %1).")
                                                 .arg(Cuttle::Workspace::defaultDirectory()),
                                             tr("directory"));
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        tr("Open a demo workspace, filled with sample environments, projects, tenants and "
                                           "local targets on first use, in DIR (default: %1).")
                                            .arg(QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                                                     .filePath(QStringLiteral("demo"))));
    parser.addOption(workspaceOption);
    parser.addOption(demoOption);
    parser.addPositionalArgument(QStringLiteral("DIR"), tr("With --demo: the demo workspace folder."), QStringLiteral("[DIR]"));
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1 || (!positional.isEmpty() && !parser.isSet(demoOption)))
        return refuse(tr("Give a folder only after --demo; open a workspace with --workspace DIR."));
    if (parser.isSet(demoOption) && parser.isSet(workspaceOption))
        return refuse(tr("Use either --demo or --workspace, not both."));

    QString directory;
    if (parser.isSet(demoOption)) {
        directory = positional.isEmpty()
                        ? QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("demo"))
                        : QDir(positional.constFirst()).absolutePath();
    } else {
        directory = Cuttle::Workspace::resolveDirectory(parser.value(workspaceOption));
    }

    auto workspace = Cuttle::Workspace::open(directory);
    if (!workspace)
        return refuse(workspace.error().message);
    if (parser.isSet(demoOption)) {
        if (auto populated = Cuttle::DemoWorkspace::populate(**workspace); !populated)
            return refuse(populated.error().message);
    }

    const auto secrets = std::make_shared<Cuttle::KeychainSecretStore>();
    const bool probe = qEnvironmentVariableIntValue("CUTTLE_STARTUP_PROBE") == 1;
    Console console;
    std::function<void(std::shared_ptr<Cuttle::Workspace>)> openConsole;
    openConsole = [&](std::shared_ptr<Cuttle::Workspace> opened) {
        Console next;
        next.session = std::make_unique<Cuttle::WorkspaceSession>(std::move(opened), secrets);
        next.window = std::make_unique<Cuttle::MainWindow>(next.session.get());
        Cuttle::MainWindow *window = next.window.get();
        QObject::connect(window, &Cuttle::MainWindow::openWorkspaceRequested, window, [&, window](const QString &chosen) {
            auto other = Cuttle::Workspace::open(chosen, Cuttle::Workspace::OpenMode::OpenOrCreate);
            if (!other) {
                QMessageBox::warning(window, tr("Open workspace"), other.error().message);
                return;
            }
            // Replace the console once control is back in the event loop, not inside the
            // window's own signal.
            QMetaObject::invokeMethod(qApp, [&, other = *other]() {
                openConsole(other);
            }, Qt::QueuedConnection);
        });
        if (probe)
            window->enableStartupProbe(startMs);
        window->show();
        // The old window goes first, then the session it used.
        console.window.reset();
        console.session.reset();
        console = std::move(next);
    };
    openConsole(*workspace);

    const int status = app.exec();
    console.window.reset();
    console.session.reset();
    return status;
}
