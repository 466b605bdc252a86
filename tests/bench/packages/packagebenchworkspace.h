#pragma once

// A workspace whose Default space holds many package records (2,000 ids x 5 versions by
// default), for the list and Packages tab benchmarks. Records go in through
// PackageRepository; the files are not needed to list them.
#include "model/store/packagerepository.h"
#include "model/store/spacerepository.h"
#include "model/store/workspace.h"

#include <QDateTime>
#include <QString>

#include <cstdio>
#include <cstdlib>

namespace Cuttle::Bench {

template<typename T>
T checked(Result<T> result, const char *what)
{
    if (!result) {
        std::fprintf(stderr, "bench: %s: %s\n", what, qPrintable(result.error().message));
        std::exit(1);
    }
    return std::move(result).value();
}

/// Fills the Default space of `workspace` with `count` package records; returns the space id.
inline QString seedPackages(Workspace &workspace, int count)
{
    const StoreContext context = workspace.context(QStringLiteral("bench"));
    const Space space = checked(SpaceRepository(context).defaultSpace(), "default space");
    PackageRepository packages(context);
    const int existing = int(checked(packages.list(space.id), "list").size());
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-30);
    for (int i = existing; i < count; ++i) {
        PackageRepository::Record r;
        r.spaceId = space.id;
        r.packageId = QStringLiteral("Acme.Service%1").arg(i / 5, 4, 10, QLatin1Char('0'));
        // 1.9.0 and 1.10.0 among them, so the order has to be semantic.
        r.version = QStringLiteral("1.%1.%2").arg((i % 5) * 3 + 7).arg(i % 3);
        r.format = QStringLiteral("tar.gz");
        r.size = 1024 * (i % 97 + 1);
        r.sha256 = QStringLiteral("%1").arg(i, 64, 16, QLatin1Char('0'));
        r.filePath = r.packageId + u'/' + r.packageId + u'.' + r.version + QStringLiteral(".tar.gz");
        r.uploadedAt = start.addSecs(i);
        r.title = r.packageId;
        r.description = QStringLiteral("Service %1 of the Acme platform.").arg(i / 5);
        checked(packages.insert(r), "insert");
    }
    return space.id;
}

} // namespace Cuttle::Bench
