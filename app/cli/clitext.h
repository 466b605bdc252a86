#pragma once

#include <QCoreApplication>
#include <QString>

namespace Cuttle::Cli {

/// Translates a cuttlectl message; help texts are kept as QT_TRANSLATE_NOOP("cuttlectl", ...)
/// and go through here when printed.
inline QString tr(const char *text)
{
    return QCoreApplication::translate("cuttlectl", text);
}

} // namespace Cuttle::Cli
