#include "variablestestsupport.h"

#include "model/itemmodels/variables/variableexplanationmodel.h"
#include "model/itemmodels/variables/variablepreviewmodel.h"
#include "model/store/libraryvariablesetrepository.h"
#include "views/variables/projectvariablespage.h"
#include "views/variables/variablepreviewpanel.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>

using namespace Cuttle;
using namespace Qt::StringLiterals;
using namespace VariablesTestSupport;

class tst_VariablePreview : public QObject
{
    Q_OBJECT

private slots:
    void showsEffectiveValueAndExplainsTheWinner_data()
    {
        QTest::addColumn<QString>("environment");
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("winner"); // candidate index
        QTest::newRow("production") << u"Production"_s << u"http://prod"_s << 1;
        QTest::newRow("test") << u"Test"_s << u"http://test"_s << 2;
        QTest::newRow("development: unscoped") << u"Development"_s << u"http://any"_s << 0;
    }

    void showsEffectiveValueAndExplainsTheWinner()
    {
        QFETCH(QString, environment);
        QFETCH(QString, url);
        QFETCH(int, winner);
        GuiTestWorkspace ws;
        QVERIFY(ws.open());
        createEnvironments(ws, {u"Development"_s, u"Test"_s, u"Production"_s});
        const QString projectId = createProject(ws, u"Shop"_s);
        QList<VariableRepository::Stored> rows;
        auto add = [&](const QString &name, const QString &value, const QStringList &environments, bool sensitive = false) {
            VariableRepository::Stored s;
            s.value.name = name;
            s.value.value = value;
            s.value.sensitive = sensitive;
            s.value.scope.environments = environments;
            rows << s;
        };
        add(u"Url"_s, u"http://any"_s, {});
        add(u"Url"_s, u"http://prod"_s, {u"Production"_s});
        add(u"Url"_s, u"http://test"_s, {u"Test"_s});
        add(u"ApiKey"_s, u"s3cret"_s, {}, true);
        add(u"Banner"_s, u"hotfix build"_s, {});
        rows.last().value.scope.channels = {u"Hotfix"_s};
        QVERIFY(service(ws).save(ws.spaceId(), VariableOwner::project(projectId), rows).ok());

        ProjectVariablesPage page(ws.session.get());
        page.resize(1100, 800);
        page.show();
        page.setProject(projectId);
        page.tabs()->setCurrentWidget(page.preview());
        VariablePreviewPanel *preview = page.preview();
        auto *picker = preview->findChild<QComboBox *>(u"previewEnvironment"_s);
        QTRY_COMPARE(picker->count(), 4); // "(no environment)" and the three environments
        QTRY_VERIFY(preview->isResolved());
        picker->setCurrentIndex(picker->findText(environment));
        QTRY_VERIFY(preview->isResolved());
        QCOMPARE(preview->context().environment.value_or(QString()), environment);

        VariablePreviewModel *model = preview->previewModel();
        const int urlRow = model->rowOfName(u"Url"_s);
        QVERIFY(urlRow >= 0);
        QCOMPARE(model->index(urlRow, VariablePreviewModel::Value).data().toString(), url);
        const int keyRow = model->rowOfName(u"ApiKey"_s);
        QCOMPARE(model->index(keyRow, VariablePreviewModel::Value).data().toString(), u"********"_s);

        // Selecting the row explains it: every candidate, and the winner.
        auto *table = preview->findChild<QTableView *>(u"previewTable"_s);
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (table->model()->index(row, 0).data().toString() == u"Url")
                table->setCurrentIndex(table->model()->index(row, 0));
        }
        QTRY_COMPARE(preview->explanationModel()->rowCount(), 3);
        const VariableExplanation &explanation = preview->explanationModel()->explanation();
        QCOMPARE(explanation.winnerIndex, winner);
        QVERIFY(preview->explanationModel()->index(winner, 0).data(VariableExplanationModel::WinnerRole).toBool());
        const QString verdict = preview->findChild<QLabel *>(u"explainVerdict"_s)->text();
        QVERIFY2(verdict.contains(u"The value %1"_s.arg(winner + 1)), qPrintable(verdict));
        QCOMPARE(verdict, preview->verdict());
        screenshot(&page, u"preview-"_s + environment);

        // Channels have no records: the picker offers the names values are scoped to.
        auto *channel = preview->findChild<QComboBox *>(u"previewChannel"_s);
        QVERIFY(channel->findText(u"Hotfix"_s) > 0);
        QCOMPARE(model->rowOfName(u"Banner"_s), -1);
        channel->setCurrentIndex(channel->findText(u"Hotfix"_s));
        QTRY_VERIFY(preview->isResolved() && model->rowOfName(u"Banner"_s) >= 0);
        QCOMPARE(preview->context().channel.value_or(QString()), u"Hotfix"_s);

        // The table filters like the grid does.
        QTest::keyClicks(preview->findChild<QLineEdit *>(u"previewFilter"_s), u"api"_s);
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, 0).data().toString(), u"ApiKey"_s);
    }

    void followsSavesAndIncludedSets()
    {
        GuiTestWorkspace ws;
        QVERIFY(ws.open());
        createEnvironments(ws, {u"Production"_s});
        const QString projectId = createProject(ws, u"Shop"_s);
        LibraryVariableSet set;
        set.spaceId = ws.spaceId();
        set.name = u"Shared"_s;
        set = *LibraryVariableSetRepository(ws.context()).create(set);
        VariableRepository::Stored smtp;
        smtp.value.name = u"Smtp.Host"_s;
        smtp.value.value = u"mail.example"_s;
        QVERIFY(service(ws).save(ws.spaceId(), VariableOwner::librarySet(set.id), {smtp}).ok());

        ProjectVariablesPage page(ws.session.get());
        page.show();
        page.setProject(projectId);
        VariablePreviewPanel *preview = page.preview();
        // Hidden, the preview waits; shown, it resolves.
        ws.session->waitForIdle();
        QCoreApplication::processEvents();
        QVERIFY(!preview->isResolved());
        page.tabs()->setCurrentWidget(preview);
        QTRY_VERIFY(preview->isResolved());
        QCOMPARE(preview->previewModel()->rowOfName(u"Smtp.Host"_s), -1);
        // Including the set through the session reaches the preview.
        ws.session->write<VoidResult>(&page, u"LibraryVariableSet"_s, [&ws, projectId, id = set.id]() {
            return LibraryVariableSetRepository(ws.context()).setIncluded(projectId, {id});
        }, [](const VoidResult &) {});
        QTRY_VERIFY(preview->previewModel()->rowOfName(u"Smtp.Host"_s) >= 0);
        const int row = preview->previewModel()->rowOfName(u"Smtp.Host"_s);
        QVERIFY(preview->previewModel()->index(row, VariablePreviewModel::Source).data().toString().contains(u"Shared"_s));
        preview->explain(u"Nope"_s);
        QTRY_VERIFY(preview->verdict().contains(u"No variable named Nope"_s));
    }
};

QTEST_MAIN(tst_VariablePreview)
#include "tst_variablepreview.moc"
