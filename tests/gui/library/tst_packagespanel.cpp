#include "../projects/guitestworkspace.h"
#include "../../unit/packagestore/packagestoretestsupport.h"

#include "model/itemmodels/packagetreemodel.h"
#include "model/store/packagerepository.h"
#include "views/library/librarypage.h"
#include "views/library/packagespanel.h"
#include "views/library/packageuploader.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class tst_PackagesPanel : public QObject
{
    Q_OBJECT

private:
    // Builds `<id>.<version>.tar.gz` in `dir` holding app.txt and config/settings.json.
    static QString makePackage(const QString &dir, const QString &name, const QByteArray &content)
    {
        const QString src = dir + u"/src-"_s + name;
        if (!QDir().mkpath(src + u"/config"_s))
            return {};
        QFile app(src + u"/app.txt"_s);
        QFile settings(src + u"/config/settings.json"_s);
        if (!app.open(QIODevice::WriteOnly) || !settings.open(QIODevice::WriteOnly))
            return {};
        app.write(content);
        settings.write("{}");
        app.close();
        settings.close();
        const QString archive = dir + u'/' + name;
        QProcess tar;
        tar.start(u"tar"_s, {u"czf"_s, archive, u"-C"_s, src, u"app.txt"_s, u"config"_s});
        if (!tar.waitForFinished() || tar.exitCode() != 0)
            return {};
        return archive;
    }

    static QStringList childTexts(const QAbstractItemModel *model, const QModelIndex &parent)
    {
        QStringList texts;
        for (int row = 0; row < model->rowCount(parent); ++row)
            texts << model->index(row, 0, parent).data().toString();
        return texts;
    }

    static QStringList fileList(const QTreeWidget *files)
    {
        QStringList paths;
        for (int i = 0; i < files->topLevelItemCount(); ++i)
            paths << files->topLevelItem(i)->text(0);
        return paths;
    }

private slots:
    void uploadShowDetailsAndDelete()
    {
        GuiTestWorkspace ws;
        QVERIFY(ws.open());
        QTemporaryDir files;
        QVERIFY(files.isValid());
        const QString older = makePackage(files.path(), u"Acme.Web.1.9.0.tar.gz"_s, "nine");
        const QString newer = makePackage(files.path(), u"Acme.Web.1.10.0.tar.gz"_s, "ten");
        QVERIFY(!older.isEmpty() && !newer.isEmpty());
        const QString junk = files.path() + u"/notapackage.txt"_s;
        {
            QFile f(junk);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("hello");
        }

        LibraryPage page(ws.session.get());
        page.resize(1100, 800);
        page.show();
        auto *panel = page.findChild<PackagesPanel *>();
        QVERIFY(panel);
        page.findChild<QTabWidget *>(u"libraryTabs"_s)->setCurrentWidget(panel);
        QSignalSpy finished(panel->uploader(), &PackageUploader::finished);
        panel->uploader()->upload({older, newer, junk});
        QTRY_COMPARE(finished.count(), 1);
        const auto summary = finished.first().first().value<PackageUploader::Summary>();
        QCOMPARE(summary.count(PackageUploader::Outcome::Added), 2);
        QCOMPARE(summary.count(PackageUploader::Outcome::Rejected), 1);
        const PackageUploader::FileResult rejected = summary.files.at(2);
        QCOMPARE(rejected.outcome, PackageUploader::Outcome::Rejected);
        QVERIFY(!rejected.reason.isEmpty());
        QVERIFY2(rejected.reason.endsWith(u'.'), qPrintable(rejected.reason));

        auto *summaryLabel = panel->findChild<QLabel *>(u"uploadSummary"_s);
        QVERIFY(summaryLabel->isVisible());
        QVERIFY(summaryLabel->text().contains(u"Added: Acme.Web 1.9.0, Acme.Web 1.10.0"_s));
        QVERIFY(summaryLabel->text().contains(u"notapackage.txt — "_s + rejected.reason));

        // The tree reloads on its own and shows the newest version first.
        QTreeView *tree = panel->tree();
        const QAbstractItemModel *model = tree->model();
        QTRY_COMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0, 0).data().toString(), u"Acme.Web"_s);
        QTRY_COMPARE(childTexts(model, model->index(0, 0)), (QStringList{u"1.10.0"_s, u"1.9.0"_s}));

        // Pushing the same file again changes nothing.
        panel->uploader()->upload({newer});
        QTRY_COMPARE(finished.count(), 2);
        QCOMPARE(finished.last().first().value<PackageUploader::Summary>().count(PackageUploader::Outcome::Unchanged), 1);
        QVERIFY(summaryLabel->text().startsWith(u"Unchanged"_s));

        // The details pane lists the files inside the selected version.
        auto *fileTree = panel->findChild<QTreeWidget *>(u"packageFiles"_s);
        tree->setCurrentIndex(model->index(0, 0, model->index(0, 0)));
        QTRY_VERIFY(fileList(fileTree).contains(u"app.txt"_s));
        QVERIFY(fileList(fileTree).contains(u"config/settings.json"_s));
        QCOMPARE(panel->findChild<QLabel *>(u"packageTitle"_s)->text(), u"Acme.Web 1.10.0"_s);

        // The filter keeps the package while a version matches.
        auto *filter = panel->findChild<QLineEdit *>(u"packageFilter"_s);
        QTest::keyClicks(filter, u"1.9"_s);
        QCOMPARE(childTexts(model, model->index(0, 0)), QStringList{u"1.9.0"_s});
        filter->clear();
        QCOMPARE(model->rowCount(model->index(0, 0)), 2);

        // Delete asks first; cancelling keeps the version, confirming removes it.
        tree->setCurrentIndex(model->index(1, 0, model->index(0, 0)));
        auto *deleteButton = panel->findChild<QPushButton *>(u"deletePackage"_s);
        QTRY_VERIFY(deleteButton->isEnabled());
        const auto answer = [](QMessageBox::StandardButton button) {
            QTimer::singleShot(0, qApp, [button]() {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                if (box)
                    box->button(button)->click();
            });
        };
        answer(QMessageBox::Cancel);
        QTest::mouseClick(deleteButton, Qt::LeftButton);
        ws.session->waitForIdle();
        QCOMPARE(PackageRepository(ws.context()).list(ws.spaceId())->size(), 2);

        answer(QMessageBox::Yes);
        QTest::mouseClick(deleteButton, Qt::LeftButton);
        QTRY_COMPARE(PackageRepository(ws.context()).list(ws.spaceId())->size(), 1);
        QCOMPARE(PackageRepository(ws.context()).list(ws.spaceId())->first().version, u"1.10.0"_s);
        QTRY_COMPARE(childTexts(model, model->index(0, 0)), QStringList{u"1.10.0"_s});
        QVERIFY(!panel->findChild<QLabel *>(u"packageError"_s)->isVisible());
    }

    void deleteRefusedWhileAReleaseUsesIt()
    {
        Test::PackageWorkspace pw;
        WorkspaceSession session(pw.workspace, std::make_shared<InMemorySecretStore>());
        session.setCurrentSpace(pw.spaceId, u"Default"_s);
        QTemporaryDir files;
        const QString package = makePackage(files.path(), u"Acme.Api.2.0.0.tar.gz"_s, "api");
        QVERIFY(!package.isEmpty());
        QVERIFY(pw.addRelease(u"Releases-1"_s, u"Acme.Api"_s, u"2.0.0"_s));

        PackagesPanel panel(&session);
        panel.show();
        QSignalSpy finished(panel.uploader(), &PackageUploader::finished);
        panel.uploader()->upload({package});
        QTRY_COMPARE(finished.count(), 1);
        const QAbstractItemModel *model = panel.tree()->model();
        QTRY_COMPARE(model->rowCount(model->index(0, 0)), 1);
        panel.tree()->setCurrentIndex(model->index(0, 0, model->index(0, 0)));

        QTimer::singleShot(0, qApp, []() {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->button(QMessageBox::Yes)->click();
        });
        QTest::mouseClick(panel.findChild<QPushButton *>(u"deletePackage"_s), Qt::LeftButton);
        auto *error = panel.findChild<QLabel *>(u"packageError"_s);
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->text().contains(u"release"_s), qPrintable(error->text()));
        QCOMPARE(PackageRepository(pw.context).list(pw.spaceId)->size(), 1);
    }
};

QTEST_MAIN(tst_PackagesPanel)
#include "tst_packagespanel.moc"
