#include "model/itemmodels/environmentlistmodel.h"
#include "model/store/environmentrepository.h"
#include "model/store/targetrepository.h"
#include "sessionfixture.h"
#include "views/infrastructure/environmentdialog.h"
#include "views/infrastructure/environmentspanel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDropEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPointer>
#include <QTest>

#include <memory>

using namespace Cuttle;

namespace {

QStringList storedOrder(const Test::SessionFixture &fixture)
{
    auto list = EnvironmentRepository(fixture.context()).list(fixture.defaultSpace.id);
    QStringList names;
    for (const Environment &e : list.valueOr({}))
        names << e.name;
    return names;
}

Environment addEnvironment(const Test::SessionFixture &fixture, const QString &name)
{
    Environment e;
    e.spaceId = fixture.defaultSpace.id;
    e.name = name;
    return EnvironmentRepository(fixture.context()).create(e).value();
}

} // namespace

class tst_EnvironmentsPanel final : public QObject
{
    Q_OBJECT

private slots:
    void createThroughDialog()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        EnvironmentsPanel panel(fixture.session.get());
        panel.show();
        QTRY_VERIFY(panel.isLoaded());
        QCOMPARE(panel.model()->rowCount(), 0);

        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("addEnvironment")), Qt::LeftButton);
        QPointer<EnvironmentDialog> dialog = panel.findChild<EnvironmentDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("name")), QStringLiteral("  Staging "));
        dialog->findChild<QCheckBox *>(QStringLiteral("guidedFailure"))->setChecked(true);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save), Qt::LeftButton);
        QTRY_VERIFY(!dialog);

        QTRY_COMPARE(panel.model()->rowCount(), 1);
        QCOMPARE(panel.model()->index(0).data().toString(), QStringLiteral("Staging"));
        auto stored = EnvironmentRepository(fixture.context()).find(fixture.defaultSpace.id, QStringLiteral("Staging"));
        QVERIFY(stored);
        QVERIFY(stored->useGuidedFailure);
    }

    void badInputStaysInDialog_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QString() << QStringLiteral("The environment needs a name.");
        QTest::newRow("only spaces") << QStringLiteral("   ") << QStringLiteral("The environment needs a name.");
        QTest::newRow("duplicate, other case") << QStringLiteral("production")
                                               << QStringLiteral("The name \"production\" is already used by another environment.");
    }

    void badInputStaysInDialog()
    {
        QFETCH(QString, name);
        QFETCH(QString, message);
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        addEnvironment(fixture, QStringLiteral("Production"));
        EnvironmentsPanel panel(fixture.session.get());
        panel.show();
        QTRY_COMPARE(panel.model()->rowCount(), 1);

        panel.addRecord();
        EnvironmentDialog *dialog = panel.findChild<EnvironmentDialog *>();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("name")), name);
        dialog->accept();
        QTRY_COMPARE(dialog->errors().message(QStringLiteral("name")), message);
        auto *label = dialog->findChild<QLabel *>(QStringLiteral("error_name"));
        QVERIFY(label->isVisible());
        QVERIFY(dialog->isVisible());
        QCOMPARE(storedOrder(fixture), QStringList{QStringLiteral("Production")});
    }

    void reorderThroughTheModel()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        for (const char *name : {"Development", "Test", "Production"})
            addEnvironment(fixture, QLatin1String(name));
        EnvironmentsPanel panel(fixture.session.get());
        panel.show();
        QTRY_COMPARE(panel.model()->rowCount(), 3);

        // What a drag of Production to the top hands to the model: the view's own MIME data.
        QAbstractItemModel *model = panel.view()->model();
        std::unique_ptr<QMimeData> data(model->mimeData({model->index(2, 0)}));
        QVERIFY(data);
        QVERIFY(model->dropMimeData(data.get(), Qt::MoveAction, 0, 0, {}));
        QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("Production"));
        QTRY_COMPARE(storedOrder(fixture),
                     (QStringList{QStringLiteral("Production"), QStringLiteral("Development"), QStringLiteral("Test")}));
        QVERIFY(panel.message().isEmpty());
    }

    void reorderByDropEventOnTheViewport()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        for (const char *name : {"Development", "Test", "Production"})
            addEnvironment(fixture, QLatin1String(name));
        EnvironmentsPanel panel(fixture.session.get());
        panel.resize(500, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_COMPARE(panel.model()->rowCount(), 3);

        QListView *view = panel.view();
        std::unique_ptr<QMimeData> data(view->model()->mimeData({view->model()->index(0, 0)}));
        // Drop Development into the lower half of Production: below it, at the end.
        const QRect target = view->visualRect(view->model()->index(2, 0));
        const QPointF position(target.center().x(), target.bottom() - 1);
        QDragEnterEvent enter(position.toPoint(), Qt::MoveAction, data.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->viewport(), &enter);
        QDragMoveEvent move(position.toPoint(), Qt::MoveAction, data.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->viewport(), &move);
        QDropEvent drop(position, Qt::MoveAction, data.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->viewport(), &drop);

        QTRY_COMPARE(storedOrder(fixture),
                     (QStringList{QStringLiteral("Test"), QStringLiteral("Production"), QStringLiteral("Development")}));
        QCOMPARE(panel.model()->index(2).data().toString(), QStringLiteral("Development"));
    }

    void renameAndDescribe()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        addEnvironment(fixture, QStringLiteral("QA"));
        EnvironmentsPanel panel(fixture.session.get());
        panel.show();
        QTRY_COMPARE(panel.model()->rowCount(), 1);
        panel.view()->setCurrentIndex(panel.model()->index(0));
        panel.editSelected();
        EnvironmentDialog *dialog = panel.findChild<EnvironmentDialog *>();
        QVERIFY(dialog);
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("name"));
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Test"));
        QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(QStringLiteral("description")), QStringLiteral("Where QA works."));
        dialog->accept();
        QTRY_COMPARE(storedOrder(fixture), QStringList{QStringLiteral("Test")});
        QCOMPARE(EnvironmentRepository(fixture.context()).list(fixture.defaultSpace.id).value().first().description,
                 QStringLiteral("Where QA works."));
        QTRY_COMPARE(panel.model()->index(0).data().toString(), QStringLiteral("Test"));
    }

    void deleteRefusedWhileTargetsUseIt()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        const Environment used = addEnvironment(fixture, QStringLiteral("Production"));
        addEnvironment(fixture, QStringLiteral("Scratch"));
        DeploymentTarget target;
        target.spaceId = fixture.defaultSpace.id;
        target.name = QStringLiteral("web-01");
        target.kind = TargetKind::Local;
        target.directory = QStringLiteral("/srv/web");
        target.environmentIds << used.id;
        QVERIFY(TargetRepository(fixture.context()).create(target));

        EnvironmentsPanel panel(fixture.session.get());
        panel.show();
        QTRY_COMPARE(panel.model()->rowCount(), 2);
        panel.view()->setCurrentIndex(panel.model()->index(0));
        Test::answerNextMessageBox(QMessageBox::Yes);
        QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("deleteEnvironment")), Qt::LeftButton);
        QTRY_VERIFY(!panel.message().isEmpty());
        QVERIFY2(panel.message().contains(QStringLiteral("1 target")), qPrintable(panel.message()));
        QCOMPARE(storedOrder(fixture).size(), 2);

        panel.view()->setCurrentIndex(panel.model()->index(1));
        Test::answerNextMessageBox(QMessageBox::Yes);
        panel.deleteSelected();
        QTRY_COMPARE(storedOrder(fixture), QStringList{QStringLiteral("Production")});
        QTRY_COMPARE(panel.model()->rowCount(), 1);
    }
};

QTEST_MAIN(tst_EnvironmentsPanel)
#include "tst_environmentspanel.moc"
