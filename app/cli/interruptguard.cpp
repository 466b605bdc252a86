#include "app/cli/interruptguard.h"

#include <csignal>

namespace Cuttle::Cli {

namespace {

std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

void onInterrupt(int)
{
    g_interrupted.store(true);
}

} // namespace

InterruptGuard::InterruptGuard()
{
    g_interrupted.store(false);
    m_previous = std::signal(SIGINT, &onInterrupt);
}

InterruptGuard::~InterruptGuard()
{
    std::signal(SIGINT, m_previous);
}

const std::atomic<bool> &InterruptGuard::interrupted()
{
    return g_interrupted;
}

} // namespace Cuttle::Cli
