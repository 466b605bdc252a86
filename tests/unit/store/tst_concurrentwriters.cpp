#include "storetestsupport.h"

#include "model/store/environmentrepository.h"
#include "model/store/workspace.h"

#include <QSet>
#include <QThread>

#include <atomic>

using namespace Cuttle;

// Two threads (each with its own connection) and two workspace handles (as two processes
// would have) write at once: nothing may be lost and nothing may fail with "locked".
class tst_ConcurrentWriters : public QObject
{
    Q_OBJECT

private:
    static void createMany(const StoreContext &context, const QString &spaceId, const QString &prefix, int count,
                           std::atomic<int> &failures, QStringList &errors)
    {
        EnvironmentRepository repo(context);
        for (int i = 0; i < count; ++i) {
            Environment e;
            e.spaceId = spaceId;
            e.name = QStringLiteral("%1-%2").arg(prefix).arg(i);
            auto created = repo.create(e);
            if (!created.ok()) {
                ++failures;
                errors << created.error().message;
            }
        }
    }

private slots:
    void twoThreadsLoseNothing()
    {
        Test::TempWorkspace ws;
        // A second handle on the same folder stands in for a second process.
        auto second = Workspace::open(ws.dir.path());
        QVERIFY(second.ok());
        const StoreContext otherContext = (*second)->context(QStringLiteral("other"));

        constexpr int perThread = 150;
        std::atomic<int> failures{0};
        QStringList errorsA, errorsB;
        QThread *a = QThread::create([&] { createMany(ws.context, ws.spaceId, QStringLiteral("a"), perThread, failures, errorsA); });
        QThread *b = QThread::create([&] { createMany(otherContext, ws.spaceId, QStringLiteral("b"), perThread, failures, errorsB); });
        a->start();
        b->start();
        QVERIFY(a->wait(120000));
        QVERIFY(b->wait(120000));
        delete a;
        delete b;
        QVERIFY2(failures == 0, qPrintable((errorsA + errorsB).join(u'\n')));

        auto all = EnvironmentRepository(ws.context).list(ws.spaceId);
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 2 * perThread);
        // Sort order and id are both read-modify-write inside the transaction: a lost update
        // would show up as a duplicate.
        QSet<int> orders;
        QSet<QString> ids;
        for (const Environment &e : *all) {
            orders.insert(e.sortOrder);
            ids.insert(e.id);
        }
        QCOMPARE(orders.size(), 2 * perThread);
        QCOMPARE(ids.size(), 2 * perThread);
    }
};

QTEST_GUILESS_MAIN(tst_ConcurrentWriters)
#include "tst_concurrentwriters.moc"
