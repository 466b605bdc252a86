#include "model/store/environmentrepository.h"
#include "model/store/repositorysupport.h"
#include "model/store/writetransaction.h"
#include "tests/unit/store/storetestsupport.h"

#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

class TestNestedWrites final : public QObject
{
    Q_OBJECT

private:
    static int environmentCount(const Test::TempWorkspace &ws)
    {
        return int(EnvironmentRepository(ws.context).list(ws.spaceId)->size());
    }

private slots:
    void repositoryWritesInsideAnOuterWriteCommitTogether()
    {
        Test::TempWorkspace ws;
        auto done = StoreSupport::write(ws.context, [&](const QSqlDatabase &) -> VoidResult {
            if (auto a = EnvironmentRepository(ws.context).create({{}, ws.spaceId, u"Development"_s}); !a)
                return a.error();
            if (auto b = EnvironmentRepository(ws.context).create({{}, ws.spaceId, u"Production"_s}); !b)
                return b.error();
            return {};
        });
        QVERIFY2(done, done ? "" : qPrintable(done.error().message));
        QCOMPARE(environmentCount(ws), 2);
    }

    void aLaterFailureUndoesEarlierRepositoryWrites()
    {
        Test::TempWorkspace ws;
        auto done = StoreSupport::write(ws.context, [&](const QSqlDatabase &) -> VoidResult {
            if (auto a = EnvironmentRepository(ws.context).create({{}, ws.spaceId, u"Development"_s}); !a)
                return a.error();
            // The same name again: refused, and the whole unit of work goes.
            if (auto b = EnvironmentRepository(ws.context).create({{}, ws.spaceId, u"development"_s}); !b)
                return b.error();
            return {};
        });
        QVERIFY(!done);
        QVERIFY(done.error().kind == ErrorKind::Conflict);
        QCOMPARE(environmentCount(ws), 0);
        // The connection is usable again afterwards.
        QVERIFY(EnvironmentRepository(ws.context).create({{}, ws.spaceId, u"Test"_s}));
        QCOMPARE(environmentCount(ws), 1);
    }

    void aFailedInnerWriteKeepsTheOuterOnesWork()
    {
        Test::TempWorkspace ws;
        auto done = StoreSupport::write(ws.context, [&](const QSqlDatabase &) -> VoidResult {
            if (auto a = EnvironmentRepository(ws.context).create({{}, ws.spaceId, u"Development"_s}); !a)
                return a.error();
            auto inner = StoreSupport::write(ws.context, [&](const QSqlDatabase &) -> VoidResult {
                if (auto b = EnvironmentRepository(ws.context).create({{}, ws.spaceId, u"Scratch"_s}); !b)
                    return b.error();
                return Error::failed(u"Changed my mind."_s);
            });
            return inner ? Error::failed(u"The inner write should have failed."_s) : VoidResult();
        });
        QVERIFY2(done, done ? "" : qPrintable(done.error().message));
        const auto names = EnvironmentRepository(ws.context).list(ws.spaceId);
        QCOMPARE(names->size(), 1);
        QCOMPARE(names->first().name, u"Development"_s);
    }

    void levels()
    {
        Test::TempWorkspace ws;
        auto db = ws.context.database->connection();
        QVERIFY(db);
        auto outer = WriteTransaction::begin(*db);
        QVERIFY(outer);
        QCOMPARE(outer->level(), 0);
        {
            auto inner = WriteTransaction::begin(*db);
            QVERIFY(inner);
            QCOMPARE(inner->level(), 1);
        }
        auto again = WriteTransaction::begin(*db);
        QCOMPARE(again->level(), 1);
        QVERIFY(again->commit());
        QVERIFY(outer->commit());
        auto fresh = WriteTransaction::begin(*db);
        QCOMPARE(fresh->level(), 0);
    }
};

QTEST_GUILESS_MAIN(TestNestedWrites)
#include "tst_nestedwrites.moc"
