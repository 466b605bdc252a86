#include "app/cli/commandlineapplication.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cuttle"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CUTTLE_VERSION));
    return Cuttle::Cli::CommandLineApplication::run(QCoreApplication::arguments().mid(1));
}
