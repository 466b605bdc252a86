// Replays a seed corpus plus random mutations of it through the template engine for a bounded
// time, so that every build (also without clang's libFuzzer) exercises the fuzz target.
#include "tests/fuzz/fuzztemplateinput.h"

#include <QByteArrayList>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 budgetMs = args.size() > 1 ? args.at(1).toLongLong() : 3000;
    const QByteArrayList seeds{
        "plain", "#{A}", "##{A}", "###{A}", "#{A | ToUpper | Truncate 2}", "#{if A}y#{else}n#{/if}",
        "#{unless C == \"1\"}x#{/unless}", "#{each e in E}#{e}.#{e.V}#{/each}", "#{each c in C}#{c}#{/each}",
        "#{J.a[1].b}", "#{calc (1 + 2) * 3 / 4 - 5}", "#{E[#{C}].V}", "#{A | Replace \"(x)\" \"$1$1\"}",
        "#{Self}", "#{ | NowDateUtc \"yyyy\"}", "#{A | Indent /2 | Md5 4 unicode}", "#{if A}#{each x in J}#{x.Key}",
        "#{", "#{/if}", "#{A[[[[", "\xff\xfe#{A}\xc3", "#{A | Format \\\"#,##0\\\"}",
    };
    QRandomGenerator rng(20240101);
    const QByteArray alphabet("#{}[]|\". \\/-=!ifelsachunt0123456789AJE\n");
    QElapsedTimer timer;
    timer.start();
    quint64 runs = 0;
    for (const QByteArray &seed : seeds) {
        CuttleFuzz::runTemplateInput(reinterpret_cast<const uint8_t *>(seed.constData()), size_t(seed.size()));
        ++runs;
    }
    while (timer.elapsed() < budgetMs) {
        QByteArray input = seeds.at(int(rng.bounded(qsizetype(seeds.size()))));
        const int mutations = int(rng.bounded(1, 8));
        for (int m = 0; m < mutations; ++m) {
            const qsizetype pos = input.isEmpty() ? 0 : rng.bounded(input.size() + 1);
            switch (rng.bounded(4)) {
            case 0:
                input.insert(pos, alphabet.at(int(rng.bounded(qsizetype(alphabet.size())))));
                break;
            case 1:
                if (!input.isEmpty())
                    input.remove(std::min(pos, input.size() - 1), 1);
                break;
            case 2:
                input.insert(pos, seeds.at(int(rng.bounded(qsizetype(seeds.size())))));
                break;
            default:
                input.insert(pos, char(rng.bounded(256)));
                break;
            }
        }
        CuttleFuzz::runTemplateInput(reinterpret_cast<const uint8_t *>(input.constData()), size_t(input.size()));
        ++runs;
    }
    std::printf("fuzz_template_corpus: %llu inputs in %lld ms\n", static_cast<unsigned long long>(runs),
                static_cast<long long>(timer.elapsed()));
    return 0;
}
