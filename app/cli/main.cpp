#include "app/cli/commandlineapplication.h"

#include <QCoreApplication>
#include <QLoggingCategory>

int main(int argc, char **argv)
{
    // Libraries below (QtKeychain's libsecret backend among them) print debug chatter on
    // every call; a tool whose stderr scripts read keeps only warnings and errors.
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false"));
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cuttle"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CUTTLE_VERSION));
    return Cuttle::Cli::CommandLineApplication::run(QCoreApplication::arguments().mid(1));
}
