// Structured replacement of 500 names in a generated 20 MB JSON file: time and peak memory.
// Targets: under 1 s, and extra peak RSS under 3x the file size.
#include "model/variables/structured/structuredconfigreplacer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <cstdio>

using namespace Cuttle;
using namespace Qt::StringLiterals;

namespace {

long peakRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss; // KiB on Linux
}

/// Writes a settings-shaped document (services with nested settings and arrays) in small
/// chunks, so that generating it does not raise the peak RSS the benchmark measures.
bool generate(QFile &file, qsizetype targetSize, int *services, qsizetype *written)
{
    QByteArray chunk = "{\n  // generated for the benchmark\n  \"Services\": [\n";
    qsizetype size = 0;
    int i = 0;
    while (size + chunk.size() < targetSize) {
        if (i > 0)
            chunk += ",\n";
        const QByteArray n = QByteArray::number(i);
        chunk +=
            "    {\n      \"Name\": \"service-" + n +
            "\",\n      \"Port\": " + QByteArray::number(8000 + i % 1000) +
            ",\n      \"Enabled\": true,\n      \"ConnectionString\": \"Server=db" + n +
            ";Database=Shop;User Id=app;Password=secret\",\n      \"Tags\": [\"web\", \"eu\", "
            "\"tier-" +
            n +
            "\"],\n      \"Limits\": { \"Cpu\": 0.5, \"MemoryMb\": 512, \"Note\": null }\n    }";
        ++i;
        if (chunk.size() > 64 * 1024) {
            if (file.write(chunk) != chunk.size())
                return false;
            size += chunk.size();
            chunk.clear();
        }
    }
    chunk += "\n  ]\n}\n";
    size += chunk.size();
    *services = i;
    *written = size;
    return file.write(chunk) == chunk.size();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"appsettings.json"_s);
    int services = 0;
    qsizetype size = 0;
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || !generate(file, 20 * 1024 * 1024, &services, &size))
            return 2;
    }

    StructuredConfigReplacer::Variables variables;
    for (int k = 0; k < 500; ++k) {
        const QString i = QString::number(qint64(k) * services / 500);
        switch (k % 4) {
        case 0:
            variables.append({u"Services:"_s + i + u":Port"_s, u"9000"_s});
            break;
        case 1:
            variables.append(
                {u"services:"_s + i + u":connectionstring"_s, u"Server=prod;Password=\"x\""_s});
            break;
        case 2:
            variables.append(
                {u"Services:"_s + i + u":Limits"_s, u"{\"Cpu\": 2, \"MemoryMb\": 2048}"_s});
            break;
        default:
            variables.append({u"Services:"_s + i + u":Tags:1"_s, u"us"_s});
            break;
        }
    }

    const long rssBefore = peakRssKiB();
    QElapsedTimer timer;
    timer.start();
    const auto result = StructuredConfigReplacer::replaceInFile(path, variables);
    const qint64 fileMs = timer.elapsed();
    const long rssAfter = peakRssKiB();
    if (!result) {
        std::fprintf(stderr, "%s\n", qPrintable(result.error().message));
        return 1;
    }

    // In-memory replace alone, without the file I/O.
    QByteArray replaced;
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return 2;
        replaced = file.readAll();
    }
    timer.restart();
    const auto again = StructuredConfigReplacer::replace(replaced, path, variables);
    const qint64 memoryMs = timer.elapsed();

    const double sizeMiB = double(size) / (1024.0 * 1024.0);
    const double extraMiB = double(rssAfter - rssBefore) / 1024.0;
    std::printf("file: %.1f MiB, %d services, 500 variables, %d matched, %d replacements\n",
                sizeMiB, services, int(result->matchedNames.size()), result->replacementCount);
    std::printf("replaceInFile: %lld ms (read, replace, write via temporary file + rename)\n",
                static_cast<long long>(fileMs));
    std::printf("replace (in memory): %lld ms\n", static_cast<long long>(memoryMs));
    std::printf("peak RSS delta during replaceInFile: %.1f MiB = %.2fx file size\n", extraMiB,
                extraMiB / sizeMiB);
    const bool ok =
        fileMs < 1000 && extraMiB < 3 * sizeMiB && result->matchedNames.size() == 500 && again;
    std::printf("%s\n", ok ? "PASS: < 1 s and < 3x file size extra memory" : "FAIL");
    return ok ? 0 : 1;
}
