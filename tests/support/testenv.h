#pragma once

#include <QString>

namespace Cuttle::Test {

/// The source tree, for fixtures checked into tests/.
QString sourceDir();
/// The build tree, where the cuttle and cuttlectl binaries are.
QString binaryDir();
/// Path of a built program such as "cuttlectl".
QString programPath(const QString &name);

} // namespace Cuttle::Test
