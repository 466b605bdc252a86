#include "tests/integration/cli/cuttlectlrunner.h"

#include "tests/support/testenv.h"

#include <QProcess>
#include <QProcessEnvironment>

namespace Cuttle::Test {

CuttlectlRun runCuttlectl(const QString &workspace, const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("CUTTLE_WORKSPACE"));
    process.setProcessEnvironment(environment);
    QStringList all;
    if (!workspace.isEmpty())
        all << QStringLiteral("--workspace") << workspace;
    all << arguments;
    process.start(programPath(QStringLiteral("cuttlectl")), all);
    CuttlectlRun run;
    if (!process.waitForStarted(10000)) {
        run.err = process.errorString().toUtf8();
        return run;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        run.err = "cuttlectl did not finish";
        return run;
    }
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    return run;
}

} // namespace Cuttle::Test
