#include "tests/support/testenv.h"

#include <QDir>
#include <QProcessEnvironment>

namespace Cuttle::Test {

QString sourceDir()
{
    return QProcessEnvironment::systemEnvironment().value(QStringLiteral("CUTTLE_SOURCE_DIR"));
}

QString binaryDir()
{
    return QProcessEnvironment::systemEnvironment().value(QStringLiteral("CUTTLE_BINARY_DIR"));
}

QString programPath(const QString &name)
{
    return QDir(binaryDir()).filePath(QStringLiteral("app/%1/%2")
                                          .arg(name == QLatin1String("cuttle") ? QStringLiteral("gui")
                                                                               : QStringLiteral("cli"),
                                               name));
}

} // namespace Cuttle::Test
