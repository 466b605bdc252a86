// Files dropped on the main window upload to the built-in repository in the background: one
// progress row per file, replace-or-skip for versions stored with other content, cancel, and
// a summary of what became of each file.
#include "../infrastructure/sessionfixture.h"

#include "model/engine/builtinrepository.h"
#include "model/store/packagerepository.h"
#include "views/library/packagespanel.h"
#include "views/library/packageuploader.h"
#include "views/shell/mainwindow.h"
#include "views/shell/uploaddropoverlay.h"
#include "views/shell/uploadfilerow.h"
#include "views/shell/uploadpanel.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QTimer>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeView>
#include <QUuid>

#include <algorithm>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class tst_PackageDrop final : public QObject
{
    Q_OBJECT

private:
    // A tar.gz named `fileName` in its own folder of `dir`, holding app.txt with `content`.
    static QString makePackage(const QString &dir, const QString &fileName, const QByteArray &content)
    {
        const QString folder = dir + u'/' + QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (!QDir().mkpath(folder + u"/src"_s))
            return {};
        QFile app(folder + u"/src/app.txt"_s);
        if (!app.open(QIODevice::WriteOnly))
            return {};
        app.write(content);
        app.close();
        const QString path = folder + u'/' + fileName;
        QProcess tar;
        tar.start(u"tar"_s, {u"czf"_s, path, u"-C"_s, folder + u"/src"_s, u"app.txt"_s});
        if (!tar.waitForFinished(30000) || tar.exitCode() != 0)
            return {};
        return path;
    }

    static QString writeFile(const QString &path, const QByteArray &content)
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return path;
    }

    // Drags `urls` over the window's central widget and drops them, as a file manager would.
    static void drop(MainWindow &window, const QList<QUrl> &urls, UploadDropOverlay *overlay)
    {
        QMimeData mime;
        mime.setUrls(urls);
        QWidget *target = window.centralWidget();
        const QPoint at = target->rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(target, &enter);
        QVERIFY(enter.isAccepted());
        QVERIFY(overlay->isVisible());
        QVERIFY2(overlay->message().contains(u"Default"_s), qPrintable(overlay->message()));
        QDragMoveEvent move(at + QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(target, &move);
        QVERIFY(move.isAccepted());
        QDropEvent dropEvent(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(target, &dropEvent);
        QVERIFY(dropEvent.isAccepted());
        QVERIFY(!overlay->isVisible());
    }

    static UploadFileRow *rowFor(const UploadPanel *panel, const PackageUploader *uploader, const QString &file)
    {
        const QList<int> ids = uploader->fileIds();
        for (int id : ids) {
            if (uploader->fileName(id) == file)
                return panel->row(id);
        }
        return nullptr;
    }

    static QStringList leftoverPartialFiles(const QString &packagesDirectory)
    {
        QStringList found;
        QDirIterator it(packagesDirectory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.contains(u".partial-"_s))
                found << path;
        }
        return found;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationName(u"cuttle-tst-packagedrop"_s);
        QSettings().clear();
    }

    void dropUploadsAsksAndSummarizes()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        QTemporaryDir files;
        QVERIFY(files.isValid());
        BuiltinRepository repository(fixture.context(), fixture.workspace->packagesDirectory(), fixture.defaultSpace.id);

        // Already stored: Acme.Api (dropped again unchanged), Acme.Core and Acme.Lib (dropped
        // with other content: the first is replaced, the second kept).
        const QString api = makePackage(files.path(), u"Acme.Api.2.0.0.tar.gz"_s, "api");
        const QString coreOld = makePackage(files.path(), u"Acme.Core.3.0.0.tar.gz"_s, "core old");
        const QString libOld = makePackage(files.path(), u"Acme.Lib.1.0.0.tar.gz"_s, "lib old");
        for (const QString &file : {api, coreOld, libOld})
            QVERIFY(repository.push(file).ok());
        const QString libSha = repository.records().find(fixture.defaultSpace.id, u"Acme.Lib"_s, u"1.0.0"_s)->sha256;

        const QString web = makePackage(files.path(), u"Acme.Web.1.0.0.tar.gz"_s, "web");
        const QString coreNew = makePackage(files.path(), u"Acme.Core.3.0.0.tar.gz"_s, "core new");
        const QString libNew = makePackage(files.path(), u"Acme.Lib.1.0.0.tar.gz"_s, "lib new");
        const QString corrupt = writeFile(files.filePath(u"Broken.1.0.0.zip"_s), "this is not a zip archive");
        const QString badName = writeFile(files.filePath(u"readme.txt"_s), "hello");
        const QString folder = files.filePath(u"Folder.1.0.0.zip"_s);
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(!web.isEmpty() && !coreNew.isEmpty() && !libNew.isEmpty() && !corrupt.isEmpty() && !badName.isEmpty());

        MainWindow window(fixture.session.get());
        window.resize(1100, 760);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *overlay = window.findChild<UploadDropOverlay *>();
        QVERIFY(overlay);
        UploadPanel *panel = window.uploadPanel();
        PackageUploader *uploader = window.packageUploader();
        QVERIFY(!panel->isVisible());
        // The Packages tab's Upload… button goes through the same uploader.
        QCOMPARE(window.findChild<PackagesPanel *>()->uploader(), uploader);

        QSignalSpy finished(uploader, &PackageUploader::finished);
        QSignalSpy decisions(uploader, &PackageUploader::decisionNeeded);
        drop(window, {QUrl::fromLocalFile(web), QUrl::fromLocalFile(api), QUrl::fromLocalFile(coreNew),
                      QUrl::fromLocalFile(libNew), QUrl::fromLocalFile(corrupt), QUrl::fromLocalFile(badName),
                      QUrl::fromLocalFile(folder), QUrl(u"https://example.com/Remote.1.0.0.zip"_s)},
             overlay);
        QVERIFY(panel->isVisible());
        QCOMPARE(panel->rows().size(), 8);

        // The two versions stored with other content wait for an answer; nothing else does.
        QTRY_COMPARE(decisions.count(), 2);
        QCOMPARE(finished.count(), 0);
        UploadFileRow *coreRow = rowFor(panel, uploader, coreNew);
        UploadFileRow *libRow = rowFor(panel, uploader, libNew);
        QVERIFY(coreRow && libRow);
        QVERIFY(coreRow->replaceButton()->isVisible());
        QVERIFY(coreRow->statusText().contains(u"Acme.Core 3.0.0"_s));
        QTest::mouseClick(coreRow->replaceButton(), Qt::LeftButton);
        QTest::mouseClick(libRow->skipButton(), Qt::LeftButton);

        QTRY_COMPARE(finished.count(), 1);
        const auto summary = finished.first().first().value<PackageUploader::Summary>();
        QCOMPARE(summary.files.size(), 8);
        QCOMPARE(summary.count(PackageUploader::Outcome::Added), 1);
        QCOMPARE(summary.count(PackageUploader::Outcome::Unchanged), 1);
        QCOMPARE(summary.count(PackageUploader::Outcome::Replaced), 1);
        QCOMPARE(summary.count(PackageUploader::Outcome::Rejected), 5);
        for (const PackageUploader::FileResult &result : summary.files) {
            if (result.outcome != PackageUploader::Outcome::Rejected)
                continue;
            QVERIFY2(!result.reason.isEmpty() && result.reason.endsWith(u'.'), qPrintable(result.reason));
            QVERIFY2(!result.reason.contains(u'\n'), qPrintable(result.reason));
        }

        const QString text = panel->summaryText();
        QVERIFY2(text.contains(u"Added: Acme.Web 1.0.0"_s), qPrintable(text));
        QVERIFY(text.contains(u"Unchanged (already in the repository): Acme.Api 2.0.0"_s));
        QVERIFY(text.contains(u"Replaced: Acme.Core 3.0.0"_s));
        QVERIFY(text.contains(u"Rejected: Acme.Lib.1.0.0.tar.gz — Skipped"_s));
        QVERIFY(text.contains(u"Rejected: Broken.1.0.0.zip — "_s));
        QVERIFY(text.contains(u"Rejected: readme.txt — "_s));
        QVERIFY(text.contains(u"Rejected: Folder.1.0.0.zip — It is a folder"_s));
        QVERIFY(text.contains(u"Only files on this computer can be uploaded"_s));
        QVERIFY(rowFor(panel, uploader, web) == nullptr); // the uploader forgets finished rounds
        QVERIFY(panel->rows().at(0)->statusText().contains(u"Added"_s));

        // The repository holds exactly what the summary says.
        auto records = PackageRepository(fixture.context()).list(fixture.defaultSpace.id);
        QVERIFY(records.ok());
        QStringList names;
        for (const auto &record : *records)
            names << record.displayName();
        QCOMPARE(names, QStringList({u"Acme.Api 2.0.0"_s, u"Acme.Core 3.0.0"_s, u"Acme.Lib 1.0.0"_s, u"Acme.Web 1.0.0"_s}));
        QCOMPARE(repository.records().find(fixture.defaultSpace.id, u"Acme.Lib"_s, u"1.0.0"_s)->sha256, libSha);
        QVERIFY(repository.records().find(fixture.defaultSpace.id, u"Acme.Core"_s, u"3.0.0"_s)->sha256
                != repository.records().find(fixture.defaultSpace.id, u"Acme.Api"_s, u"2.0.0"_s)->sha256);
        auto consistency = repository.checkConsistency(false, std::chrono::seconds(0));
        QVERIFY(consistency.ok() && consistency->isConsistent());

        // The Packages tab reloads by itself.
        auto *packages = window.findChild<PackagesPanel *>();
        QTRY_COMPARE(packages->tree()->model()->rowCount(), 4);

        // Closing the panel after the summary hides it; the next drop shows it afresh.
        QTest::mouseClick(panel->findChild<QToolButton *>(u"closeUploadPanel"_s), Qt::LeftButton);
        QVERIFY(!panel->isVisible());
        drop(window, {QUrl::fromLocalFile(badName)}, overlay);
        QTRY_COMPARE(finished.count(), 2);
        QVERIFY(panel->isVisible());
        QCOMPARE(panel->rows().size(), 1);
        QVERIFY(panel->summaryText().startsWith(u"Rejected: readme.txt"_s));
    }

    void uploadButtonUsesTheWindowPanel()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        QTemporaryDir files;
        const QString package = makePackage(files.path(), u"Acme.Tools.0.9.0.tar.gz"_s, "tools");
        QVERIFY(!package.isEmpty());
        MainWindow window(fixture.session.get());
        window.resize(1100, 760);
        window.showPage(MainWindow::Library);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *packages = window.findChild<PackagesPanel *>();
        window.findChild<QTabWidget *>(u"libraryTabs"_s)->setCurrentWidget(packages);
        QSignalSpy finished(window.packageUploader(), &PackageUploader::finished);

        auto *timer = new QTimer(this);
        timer->setInterval(20);
        connect(timer, &QTimer::timeout, timer, [timer, package]() {
            auto *dialog = Test::findDialog<QFileDialog>();
            if (!dialog)
                return;
            // Typed into the name field, as a user would: selectFile() leaves that field alone
            // once it has the focus, which depends on when the dialog got activated.
            if (dialog->directory().path() != QFileInfo(package).path())
                dialog->setDirectory(QFileInfo(package).path());
            if (auto *name = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s))
                name->setText(QFileInfo(package).fileName());
            else
                dialog->selectFile(QFileInfo(package).fileName());
            if (dialog->selectedFiles() == QStringList{package}) {
                timer->stop();
                timer->deleteLater();
                static_cast<QDialog *>(dialog)->accept();
            }
        });
        timer->start();
        QTest::mouseClick(packages->findChild<QPushButton *>(u"uploadPackages"_s), Qt::LeftButton);

        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(window.uploadPanel()->isVisible());
        QCOMPARE(window.uploadPanel()->summaryText(), u"Added: Acme.Tools 0.9.0"_s);
        // The tab leaves the summary to the window's panel.
        QVERIFY(!packages->findChild<QLabel *>(u"uploadSummary"_s)->isVisible());
        QCOMPARE(PackageRepository(fixture.context()).list(fixture.defaultSpace.id)->size(), 1);
        QTRY_COMPARE(packages->tree()->model()->rowCount(), 1);
    }

    void dragLeaveHidesTheOverlay()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        MainWindow window(fixture.session.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *overlay = window.findChild<UploadDropOverlay *>();
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(u"/tmp/Acme.1.0.0.zip"_s)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(window.centralWidget(), &enter);
        QVERIFY(overlay->isVisible());
        QCOMPARE(overlay->geometry(), window.centralWidget()->rect());
        QDragLeaveEvent leave;
        QCoreApplication::sendEvent(window.centralWidget(), &leave);
        QVERIFY(!overlay->isVisible());

        // A widget that takes text drops (the Packages filter) does not get the files either.
        auto *filter = window.findChild<QLineEdit *>(u"packageFilter"_s);
        QVERIFY(filter);
        QDragEnterEvent onFilter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(filter, &onFilter);
        QVERIFY(onFilter.isAccepted());
        QVERIFY(overlay->isVisible());
        QDropEvent dropOnFilter(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QSignalSpy finished(window.packageUploader(), &PackageUploader::finished);
        QCoreApplication::sendEvent(filter, &dropOnFilter);
        QVERIFY(filter->text().isEmpty());
        QVERIFY(!overlay->isVisible());
        QTRY_COMPARE(finished.count(), 1);

        // Text without URLs is not a drop for the uploader.
        QMimeData text;
        text.setText(u"hello"_s);
        QDragEnterEvent textEnter(QPoint(10, 10), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
        textEnter.setAccepted(false);
        QCoreApplication::sendEvent(window.centralWidget(), &textEnter);
        QVERIFY(!overlay->isVisible());
        QVERIFY(!textEnter.isAccepted());
    }

    void cancelLargeUpload()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        QTemporaryDir files;
        QVERIFY(files.isValid());
        // Random bytes, so neither the file system nor the disk cache makes the copy instant.
        const QString big = files.filePath(u"Big.Payload.1.0.0.tar"_s);
        {
            QFile file(big);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QByteArray block(4 * 1024 * 1024, Qt::Uninitialized);
            quint64 x = 0x9E3779B97F4A7C15ULL;
            for (int i = 0; i < 75; ++i) { // 300 MB
                auto *words = reinterpret_cast<quint64 *>(block.data());
                for (qsizetype w = 0; w < block.size() / qsizetype(sizeof(quint64)); ++w) {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    words[w] = x;
                }
                QCOMPARE(file.write(block), block.size());
            }
        }

        MainWindow window(fixture.session.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        PackageUploader *uploader = window.packageUploader();
        UploadPanel *panel = window.uploadPanel();
        QSignalSpy finished(uploader, &PackageUploader::finished);
        QSignalSpy progress(uploader, &PackageUploader::fileProgress);
        // The GUI thread keeps turning while the push runs: a 10 ms timer never waits long.
        QElapsedTimer sinceTick;
        qint64 longestGap = 0;
        QTimer ticker;
        ticker.setInterval(10);
        connect(&ticker, &QTimer::timeout, this, [&]() {
            longestGap = std::max(longestGap, sinceTick.restart());
        });
        QElapsedTimer uploading;
        uploading.start();
        drop(window, {QUrl::fromLocalFile(big)}, window.findChild<UploadDropOverlay *>());
        sinceTick.start();
        ticker.start();
        QCOMPARE(panel->rows().size(), 1);
        UploadFileRow *row = panel->rows().constFirst();

        // Cancel once the copy is under way but far from done.
        QTRY_VERIFY_WITH_TIMEOUT(row->progressBar()->value() > 0, 20000);
        ticker.stop();
        QVERIFY2(row->progressBar()->value() < 1000, "the copy ended before it could be cancelled");
        QVERIFY(row->cancelButton()->isVisible());
        QVERIFY2(longestGap < 250, qPrintable(QString::number(longestGap)));
        // Progress arrives in steps while the copy runs, throttled to a few per second.
        QVERIFY(progress.count() >= 2);
        QVERIFY2(progress.count() <= uploading.elapsed() / 100 + 3, qPrintable(QString::number(progress.count())));
        QTest::mouseClick(panel->findChild<QPushButton *>(u"cancelAllUploads"_s), Qt::LeftButton);

        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        const auto summary = finished.first().first().value<PackageUploader::Summary>();
        QCOMPARE(summary.files.size(), 1);
        QCOMPARE(summary.files.first().outcome, PackageUploader::Outcome::Rejected);
        QVERIFY2(summary.files.first().reason.contains(u"cancelled"_s), qPrintable(summary.files.first().reason));
        QVERIFY(panel->summaryText().contains(u"cancelled"_s));

        QVERIFY(PackageRepository(fixture.context()).list(fixture.defaultSpace.id)->isEmpty());
        const QString packages = fixture.workspace->packagesDirectory();
        QCOMPARE(leftoverPartialFiles(packages), QStringList());
        QDirIterator it(packages, {u"Big.Payload*"_s}, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        QVERIFY(!it.hasNext());
    }
};

QTEST_MAIN(tst_PackageDrop)
#include "tst_packagedrop.moc"
