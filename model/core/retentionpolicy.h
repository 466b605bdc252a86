#pragma once

#include "model/core/domainenums.h"

namespace Cuttle {

/// Keep everything, the last N items, or N days.
struct RetentionPolicy
{
    RetentionUnit unit = RetentionUnit::Forever;
    int quantity = 0;

    friend bool operator==(const RetentionPolicy &, const RetentionPolicy &) = default;
};

} // namespace Cuttle
