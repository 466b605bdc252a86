#include "app/cli/commandcontext.h"

#include "app/cli/clitext.h"
#include "app/cli/exitcode.h"
#include "model/secrets/keychainsecretstore.h"
#include "model/store/spacerepository.h"

namespace Cuttle::Cli {

CommandContext::CommandContext(QString workspaceOption, QString spaceOption, bool json)
    : m_workspaceOption(std::move(workspaceOption))
    , m_spaceOption(std::move(spaceOption))
    , m_output(json)
{
}

QString CommandContext::workspaceDirectory() const
{
    return Workspace::resolveDirectory(m_workspaceOption);
}

VoidResult CommandContext::openWorkspace(Workspace::OpenMode mode)
{
    auto opened = Workspace::open(workspaceDirectory(), mode);
    if (!opened)
        return opened.error();
    m_workspace = *opened;
    return {};
}

VoidResult CommandContext::resolveSpace()
{
    SpaceRepository spaces(store());
    auto space = m_spaceOption.isEmpty() ? spaces.defaultSpace() : spaces.find(m_spaceOption);
    if (!space)
        return space.error();
    m_space = *space;
    return {};
}

std::shared_ptr<SecretStore> CommandContext::secrets()
{
    if (!m_secrets)
        m_secrets = std::make_shared<KeychainSecretStore>(std::chrono::seconds(30));
    return m_secrets;
}

int CommandContext::fail(const Error &error) const
{
    Output::writeError(QStringLiteral("cuttlectl: ") + error.message + u'\n');
    return exitCodeFor(error.kind);
}

int CommandContext::usage(const QString &message) const
{
    Output::writeError(QStringLiteral("cuttlectl: ") + message + u'\n');
    return UsageError;
}

} // namespace Cuttle::Cli
