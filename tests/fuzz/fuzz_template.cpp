#include "tests/fuzz/fuzztemplateinput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    CuttleFuzz::runTemplateInput(data, size);
    return 0;
}
