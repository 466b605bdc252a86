#pragma once

#include <QString>

namespace Cuttle {

/// A problem found while parsing or evaluating a template; line and column are 1-based, 0 when unknown.
struct TemplateError
{
    QString message;
    int line = 0;
    int column = 0;
};

} // namespace Cuttle
