#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QString>
#include <QStringList>

namespace Cuttle::Test {

/// What one run of the real cuttlectl binary gave back.
struct CuttlectlRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
};

/// Runs cuttlectl as a process on `workspace` (prepended as --workspace unless empty),
/// with `input` on its standard input.
CuttlectlRun runCuttlectl(const QString &workspace, const QStringList &arguments, const QByteArray &input = {});

} // namespace Cuttle::Test
