// Deployments by the real engine to two real sshd targets: a package with a Deploy.sh and a
// script step on both, targets in parallel (their timestamps overlap) or one at a time
// (MaxParallelism 1), the package cache on a redeploy, and cancellation that stops the
// remote command (its pid is gone afterwards).
#include "deploymentfixture.h"
#include "model/engine/accountservice.h"
#include "tests/support/sshdfixture.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QThread>

#include <csignal>
#include <memory>
#include <pwd.h>
#include <unistd.h>

using namespace Cuttle;
using namespace Cuttle::Test;
using namespace Qt::StringLiterals;

class tst_SshDeployment final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<DeploymentFixture> m_f;
    std::vector<std::unique_ptr<SshdFixture>> m_sshd;
    QList<DeploymentTarget> m_targets;

    /// "start end" nanosecond pairs the timing script wrote on each target.
    QList<std::pair<qint64, qint64>> spans()
    {
        QList<std::pair<qint64, qint64>> result;
        for (const DeploymentTarget &target : std::as_const(m_targets)) {
            QFile file(target.directory + u"/span"_s);
            if (!file.open(QIODevice::ReadOnly))
                return {};
            const QList<QByteArray> parts = file.readAll().trimmed().split(' ');
            result << std::pair{parts.value(0).toLongLong(), parts.value(1).toLongLong()};
        }
        return result;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_f = std::make_unique<DeploymentFixture>();
        QString error;
        const QString key = m_f->dir.filePath(u"id_ed25519"_s);
        QVERIFY2(SshdFixture::generateKey(key, u"ed25519"_s, {}, false, &error), qPrintable(error));
        QFile privateKey(key);
        QVERIFY(privateKey.open(QIODevice::ReadOnly));
        QFile publicKey(key + u".pub"_s);
        QVERIFY(publicKey.open(QIODevice::ReadOnly));
        const QString publicLine = QString::fromUtf8(publicKey.readAll());
        Account account;
        account.spaceId = m_f->spaceId;
        account.name = u"deploy keys"_s;
        account.kind = AccountKind::SshKeyPair;
        account.username = QString::fromLocal8Bit(getpwuid(geteuid())->pw_name);
        AccountSecrets secrets;
        secrets.privateKey = privateKey.readAll();
        auto created = AccountService(m_f->workspace, m_f->secrets).create(account, secrets);
        QVERIFY2(created, created ? "" : qPrintable(created.error().message));
        for (int i = 0; i < 2; ++i) {
            auto sshd = std::make_unique<SshdFixture>();
            QVERIFY2(sshd->start(&error), qPrintable(error));
            QVERIFY(sshd->authorizeKey(publicLine));
            DeploymentTarget target;
            target.spaceId = m_f->spaceId;
            target.name = u"web0"_s + QString::number(i + 1);
            target.kind = TargetKind::Ssh;
            target.host = u"127.0.0.1"_s;
            target.port = sshd->port();
            target.accountId = created->id;
            target.hostKeyFingerprint = sshd->hostKeyFingerprint();
            target.directory = sshd->directory() + u"/app"_s;
            target.environmentIds = {m_f->development};
            target.tags = {u"web"_s};
            auto stored = TargetRepository(m_f->context).create(target);
            QVERIFY2(stored, stored ? "" : qPrintable(stored.error().message));
            m_targets << *stored;
            m_sshd.push_back(std::move(sshd));
        }
        m_f->push(u"Acme.Web.1.0.0.tar.gz"_s,
                  {TestEntry::file("index.html", "<p>#{Octopus.Machine.Name}</p>\n"),
                   TestEntry::file("Deploy.sh", "echo \"deployed on $(get_octopusvariable Octopus.Machine.Name)\"\n", 0755)});
    }

    void packageAndScriptOnBothTargetsInParallel()
    {
        // Scripts run in <root>/.cuttle/work/<task>/<step>; the span file goes next to <root>.
        const DeploymentStep timing = scriptStep(
            u"Timing"_s, u"start=$(date +%s%N); sleep 1; echo \"$start $(date +%s%N)\" > ../../../../span"_s, {u"web"_s});
        m_f->setProcess({packageStep(u"Deploy web"_s, u"Acme.Web"_s, {u"web"_s},
                                     {{u"Octopus.Action.SubstituteInFiles.TargetFiles"_s, u"index.html"_s}}),
                         timing});
        m_f->release(u"1.0.0"_s);
        QStringList lines;
        QCOMPARE(toString(m_f->deploy(u"1.0.0"_s, u"Development"_s, &lines)), u"Success"_s);
        for (const DeploymentTarget &target : std::as_const(m_targets)) {
            QFile index(target.directory + u"/Development/Acme.Web/current/index.html"_s);
            QVERIFY2(index.open(QIODevice::ReadOnly), qPrintable(index.fileName()));
            QCOMPARE(index.readAll(), (u"<p>"_s + target.name + u"</p>\n"_s).toUtf8());
        }
        const QString log = m_f->storedLog(m_f->lastTaskId).join(u'\n');
        QVERIFY2(log.contains(u"deployed on web01"_s) && log.contains(u"deployed on web02"_s), qPrintable(log));
        QCOMPARE(log.count(u"Uploaded Acme.Web 1.0.0"_s), 2);
        const auto both = spans();
        QCOMPARE(both.size(), 2);
        // Both ran at once: each started before the other ended.
        QVERIFY(both[0].first < both[1].second && both[1].first < both[0].second);
    }

    void maxParallelismOneRunsOneAtATimeAndUsesTheCache()
    {
        DeploymentProcess process = *ProcessRepository(m_f->context).get(m_f->projectId);
        process.steps[1].actions[0].properties[ActionProperty::MaxParallelism] = u"1"_s;
        QVERIFY(ProcessRepository(m_f->context).save(process));
        m_f->release(u"1.0.1"_s);
        QCOMPARE(toString(m_f->deploy(u"1.0.1"_s, u"Development"_s)), u"Success"_s);
        const auto both = spans();
        QCOMPARE(both.size(), 2);
        QVERIFY(both[0].second <= both[1].first || both[1].second <= both[0].first);
        const QString log = m_f->storedLog(m_f->lastTaskId).join(u'\n');
        QCOMPARE(log.count(u"already in the target's package cache"_s), 2);
        QVERIFY(!log.contains(u"Uploaded Acme.Web"_s));
    }

    void cancellationStopsTheRemoteSleep()
    {
        m_f->setProcess({scriptStep(u"Wait"_s, u"echo $$ > ../../../wait.pid; exec sleep 120"_s, {u"web"_s})});
        m_f->release(u"1.1.0"_s);
        std::atomic<bool> cancel{false};
        QThread *canceller = QThread::create([&] {
            QThread::msleep(2500);
            cancel = true;
        });
        canceller->start();
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(toString(m_f->deploy(u"1.1.0"_s, u"Development"_s, nullptr, &cancel)), u"Canceled"_s);
        QVERIFY2(timer.elapsed() < 30000, qPrintable(QString::number(timer.elapsed())));
        canceller->wait();
        delete canceller;
        for (const DeploymentTarget &target : std::as_const(m_targets)) {
            QFile pidFile(target.directory + u"/.cuttle/wait.pid"_s);
            QVERIFY2(pidFile.open(QIODevice::ReadOnly), qPrintable(pidFile.fileName()));
            const pid_t pid = pid_t(pidFile.readAll().trimmed().toLongLong());
            QVERIFY(pid > 0);
            QTRY_VERIFY_WITH_TIMEOUT(::kill(pid, 0) != 0, 10000);
        }
    }

    void cleanupTestCase()
    {
        m_sshd.clear();
    }
};

QTEST_GUILESS_MAIN(tst_SshDeployment)
#include "tst_sshdeployment.moc"
