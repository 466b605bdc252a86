#include "model/store/storecontext.h"

#include <pwd.h>
#include <unistd.h>

namespace Cuttle {

QString StoreContext::operatingSystemUser()
{
    if (const passwd *entry = getpwuid(geteuid()); entry && entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
    const QString fromEnvironment = qEnvironmentVariable("USER");
    return fromEnvironment.isEmpty() ? QStringLiteral("unknown") : fromEnvironment;
}

} // namespace Cuttle
