#pragma once

#include "app/cli/output.h"
#include "model/core/result.h"
#include "model/core/space.h"
#include "model/secrets/secretstore.h"
#include "model/store/workspace.h"

#include <QHash>
#include <QStringList>

#include <memory>
#include <typeinfo>

namespace Cuttle::Cli {

/// What every verb works with: the global options, the opened workspace, the resolved
/// space, the output and the keychain, plus name/id lookups shared by the nouns.
class CommandContext final
{
public:
    CommandContext(QString workspaceOption, QString spaceOption, bool json);

    /// --workspace, else CUTTLE_WORKSPACE, else the default folder.
    QString workspaceDirectory() const;
    VoidResult openWorkspace(Workspace::OpenMode mode);
    const std::shared_ptr<Workspace> &workspace() const { return m_workspace; }
    /// --space by name or id, else the Default space.
    VoidResult resolveSpace();
    const Space &space() const { return m_space; }
    const QString &spaceId() const { return m_space.id; }
    StoreContext store() const { return m_workspace->context(); }

    Output &output() { return m_output; }
    /// The keychain, created on first use (only accounts need it).
    std::shared_ptr<SecretStore> secrets();

    /// Prints "cuttlectl: <message>" and returns the exit code of the error's kind.
    int fail(const Error &error) const;
    /// Prints a usage error and returns 2.
    int usage(const QString &message) const;

    /// The id of the record of `Repository` with this id or name in the current space.
    template<typename Repository>
    Result<QString> idOf(const QString &idOrName) const
    {
        auto found = Repository(store()).find(spaceId(), idOrName);
        if (!found)
            return found.error();
        return found->id;
    }
    template<typename Repository>
    Result<QStringList> idsOf(const QStringList &idsOrNames) const
    {
        QStringList ids;
        for (const QString &idOrName : idsOrNames) {
            auto id = idOf<Repository>(idOrName);
            if (!id)
                return id.error();
            if (!ids.contains(*id))
                ids << *id;
        }
        return ids;
    }
    /// Names by id of every record of `Repository` in the space, loaded once per run.
    template<typename Repository>
    const QHash<QString, QString> &namesOf()
    {
        const QString key = QString::fromLatin1(typeid(Repository).name());
        auto it = m_names.find(key);
        if (it == m_names.end()) {
            QHash<QString, QString> names;
            if (auto all = Repository(store()).list(spaceId())) {
                for (const auto &record : *all)
                    names.insert(record.id, record.name);
            }
            it = m_names.insert(key, names);
        }
        return *it;
    }
    template<typename Repository>
    QStringList namesOf(const QStringList &ids)
    {
        const auto &names = namesOf<Repository>();
        QStringList result;
        for (const QString &id : ids)
            result << names.value(id, id);
        return result;
    }

private:
    QString m_workspaceOption;
    QString m_spaceOption;
    Output m_output;
    std::shared_ptr<Workspace> m_workspace;
    Space m_space;
    std::shared_ptr<SecretStore> m_secrets;
    QHash<QString, QHash<QString, QString>> m_names;
};

} // namespace Cuttle::Cli
