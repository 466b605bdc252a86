#include "guitestworkspace.h"

#include "model/store/environmentrepository.h"
#include "model/store/lifecyclerepository.h"
#include "model/store/tagsetrepository.h"
#include "views/library/librarypage.h"
#include "views/projects/namedescriptiondialog.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class tst_LibraryPage : public QObject
{
    Q_OBJECT

private:
    static void check(QListWidget *list, const QString &name)
    {
        const auto items = list->findItems(name, Qt::MatchExactly);
        QVERIFY(!items.isEmpty());
        items.first()->setCheckState(Qt::Checked);
    }
    static void renamePhase(QLineEdit *edit, const QString &name)
    {
        edit->selectAll();
        QTest::keyClicks(edit, name);
    }

private slots:
    void phaseEditorSavesPhases_data()
    {
        QTest::addColumn<bool>("clash"); // Development in both phases: refused
        QTest::newRow("valid") << false;
        QTest::newRow("environment in two phases") << true;
    }

    void phaseEditorSavesPhases()
    {
        QFETCH(bool, clash);
        GuiTestWorkspace ws;
        QVERIFY(ws.open());
        QStringList envIds;
        for (const QString &name : {u"Development"_s, u"Test"_s, u"Production"_s}) {
            Environment e;
            e.spaceId = ws.spaceId();
            e.name = name;
            auto created = EnvironmentRepository(ws.context()).create(e);
            QVERIFY(created.ok());
            envIds << created->id;
        }
        Lifecycle lifecycle;
        lifecycle.spaceId = ws.spaceId();
        lifecycle.name = u"Standard"_s;
        auto created = LifecycleRepository(ws.context()).create(lifecycle);
        QVERIFY(created.ok());

        LibraryPage page(ws.session.get());
        page.resize(1000, 800);
        page.show();
        auto *list = page.findChild<QTableView *>(u"lifecycleList"_s);
        QTRY_COMPARE(list->model()->rowCount(), 1);
        auto *phaseName = page.findChild<QLineEdit *>(u"phaseName"_s);
        auto *automatic = page.findChild<QListWidget *>(u"automaticEnvironments"_s);
        auto *optional = page.findChild<QListWidget *>(u"optionalEnvironments"_s);
        QTRY_COMPARE(automatic->count(), 3);

        QTest::mouseClick(page.findChild<QPushButton *>(u"addPhase"_s), Qt::LeftButton);
        renamePhase(phaseName, u"Production"_s);
        check(automatic, u"Production"_s);
        QTest::mouseClick(page.findChild<QPushButton *>(u"addPhase"_s), Qt::LeftButton);
        renamePhase(phaseName, u"Pre-production"_s);
        check(automatic, u"Development"_s);
        check(optional, u"Test"_s);
        if (clash)
            check(automatic, u"Production"_s);
        page.findChild<QSpinBox *>(u"minimumEnvironments"_s)->setValue(1);
        // Pre-production was added second: move it first.
        QTest::mouseClick(page.findChild<QPushButton *>(u"phaseUp"_s), Qt::LeftButton);
        if (!clash)
            QCOMPARE(page.findChild<QLabel *>(u"promotionOrder"_s)->text(), u"Development, Test → Production"_s);
        QTest::mouseClick(page.findChild<QPushButton *>(u"saveLifecycle"_s), Qt::LeftButton);
        ws.session->waitForIdle();
        auto *phasesError = page.findChild<QLabel *>(u"phasesError"_s);
        auto saved = LifecycleRepository(ws.context()).get(created->id);
        QVERIFY(saved.ok());
        if (clash) {
            QTRY_VERIFY(phasesError->isVisible());
            QVERIFY2(phasesError->text().contains(u"more than one phase"_s), qPrintable(phasesError->text()));
            QVERIFY(saved->phases.isEmpty());
            return;
        }
        QCOMPARE(saved->phases.size(), 2);
        QCOMPARE(saved->phases[0].name, u"Pre-production"_s);
        QCOMPARE(saved->phases[0].automaticEnvironmentIds, QStringList{envIds[0]});
        QCOMPARE(saved->phases[0].optionalEnvironmentIds, QStringList{envIds[1]});
        QCOMPARE(saved->phases[0].minimumEnvironmentsBeforePromotion, 1);
        QCOMPARE(saved->phases[1].name, u"Production"_s);
        QCOMPARE(saved->phases[1].automaticEnvironmentIds, QStringList{envIds[2]});
        QVERIFY(!phasesError->isVisible());
    }

    void tagSetWithTags()
    {
        GuiTestWorkspace ws;
        QVERIFY(ws.open());
        LibraryPage page(ws.session.get());
        page.resize(1000, 800);
        page.findChild<QTabWidget *>(u"libraryTabs"_s)->setCurrentIndex(1);
        page.show();
        QTest::mouseClick(page.findChild<QPushButton *>(u"addTagSet"_s), Qt::LeftButton);
        auto *dialog = page.findChild<NameDescriptionDialog *>(u"tagSetDialog"_s);
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(u"name"_s), u"Region"_s);
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"save"_s), Qt::LeftButton);
        { QPointer<QWidget> closing(dialog); QTRY_VERIFY(!closing || !closing->isVisible()); }
        auto *name = page.findChild<QLineEdit *>(u"tagSetName"_s);
        QTRY_COMPARE(name->text(), u"Region"_s);
        auto *newTag = page.findChild<QLineEdit *>(u"newTag"_s);
        auto *addTag = page.findChild<QPushButton *>(u"addTag"_s);
        for (const QString &tag : {u"East"_s, u"West"_s, u"east"_s}) {
            QTest::keyClicks(newTag, tag);
            QTest::mouseClick(addTag, Qt::LeftButton);
        }
        QCOMPARE(page.findChild<QTableView *>(u"tagTable"_s)->model()->rowCount(), 2);
        // The third is a duplicate: refused inline, the text stays for correcting.
        QVERIFY(page.findChild<QLabel *>(u"tagsError"_s)->isVisible());
        QCOMPARE(newTag->text(), u"east"_s);
        QTest::mouseClick(page.findChild<QPushButton *>(u"saveTagSet"_s), Qt::LeftButton);
        ws.session->waitForIdle();
        auto sets = TagSetRepository(ws.context()).list(ws.spaceId());
        QVERIFY(sets.ok());
        QCOMPARE(sets->size(), 1);
        QCOMPARE(sets->constFirst().name, u"Region"_s);
        QCOMPARE(sets->constFirst().tags.size(), 2);
        QCOMPARE(sets->constFirst().tags[0].name, u"East"_s);
        QCOMPARE(sets->constFirst().tags[1].name, u"West"_s);
    }
};

QTEST_MAIN(tst_LibraryPage)
#include "tst_librarypage.moc"
