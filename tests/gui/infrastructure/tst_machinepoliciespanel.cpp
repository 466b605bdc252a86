#include "model/itemmodels/machinepolicylistmodel.h"
#include "model/store/machinepolicyrepository.h"
#include "sessionfixture.h"
#include "views/infrastructure/machinepoliciespanel.h"
#include "views/infrastructure/machinepolicydialog.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QPointer>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

using namespace Cuttle;

class tst_MachinePoliciesPanel final : public QObject
{
    Q_OBJECT

private slots:
    void createPolicy_data()
    {
        QTest::addColumn<int>("minutes");
        QTest::addColumn<bool>("connectionOnly");
        QTest::newRow("every 5 minutes, connection only") << 5 << true;
        QTest::newRow("every day, full check") << 1440 << false;
    }

    void createPolicy()
    {
        QFETCH(int, minutes);
        QFETCH(bool, connectionOnly);
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        MachinePoliciesPanel panel(fixture.session.get());
        panel.show();
        QTRY_COMPARE(panel.model()->rowCount(), 1); // the space's default policy

        panel.addRecord();
        QPointer<MachinePolicyDialog> dialog = panel.findChild<MachinePolicyDialog *>();
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("name")), QStringLiteral("Edge"));
        dialog->findChild<QSpinBox *>(QStringLiteral("healthCheckInterval"))->setValue(minutes);
        dialog->findChild<QCheckBox *>(QStringLiteral("connectionTestOnly"))->setChecked(connectionOnly);
        dialog->accept();
        QTRY_VERIFY(!dialog);
        QTRY_COMPARE(panel.model()->rowCount(), 2);
        auto stored = MachinePolicyRepository(fixture.context()).find(fixture.defaultSpace.id, QStringLiteral("Edge"));
        QVERIFY(stored);
        QCOMPARE(stored->healthCheckIntervalSeconds, minutes * 60);
        QCOMPARE(stored->connectionTestOnly, connectionOnly);
    }

    void defaultPolicyCannotBeDeleted()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        MachinePoliciesPanel panel(fixture.session.get());
        panel.show();
        QTRY_COMPARE(panel.model()->rowCount(), 1);
        panel.view()->setCurrentIndex(panel.model()->index(0, 0));
        QPushButton *remove = nullptr;
        for (QPushButton *button : panel.findChildren<QPushButton *>()) {
            if (button->text() == QStringLiteral("Delete"))
                remove = button;
        }
        QVERIFY(remove);
        QVERIFY(!remove->isEnabled());
    }

    void duplicateNameStaysInDialog()
    {
        Test::SessionFixture fixture;
        QVERIFY(fixture.open());
        MachinePoliciesPanel panel(fixture.session.get());
        QTRY_COMPARE(panel.model()->rowCount(), 1);
        const QString existing = MachinePolicyRepository(fixture.context()).defaultPolicy(fixture.defaultSpace.id)->name;
        panel.addRecord();
        MachinePolicyDialog *dialog = panel.findChild<MachinePolicyDialog *>();
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("name")), existing);
        dialog->accept();
        QTRY_VERIFY(!dialog->errors().message(QStringLiteral("name")).isEmpty());
        QVERIFY(dialog->errors().message(QStringLiteral("name")).contains(existing));
        QCOMPARE(MachinePolicyRepository(fixture.context()).list(fixture.defaultSpace.id)->size(), 1);
    }
};

QTEST_MAIN(tst_MachinePoliciesPanel)
#include "tst_machinepoliciespanel.moc"
