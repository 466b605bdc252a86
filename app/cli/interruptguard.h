#pragma once

#include <QtGlobal>

#include <atomic>

namespace Cuttle::Cli {

/// While it lives, Ctrl-C sets a flag instead of killing cuttlectl, so a running task can stop
/// the commands on its targets (TERM, then KILL) and record how it ended.
class InterruptGuard final
{
public:
    InterruptGuard();
    ~InterruptGuard();
    Q_DISABLE_COPY_MOVE(InterruptGuard)

    /// Set once Ctrl-C was pressed.
    static const std::atomic<bool> &interrupted();

private:
    void (*m_previous)(int) = nullptr;
};

} // namespace Cuttle::Cli
