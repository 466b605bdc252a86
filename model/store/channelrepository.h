#pragma once

#include "model/core/channel.h"
#include "model/core/result.h"
#include "model/store/storecontext.h"

namespace Cuttle {

/// The channels of a project. Every project has exactly one default channel: it is made
/// with the project, cannot be deleted, and moves only when another channel becomes it.
class ChannelRepository final
{
public:
    explicit ChannelRepository(StoreContext context) : m_context(std::move(context)) {}

    /// The default channel first, then by name.
    Result<QList<Channel>> list(const QString &projectId) const;
    Result<Channel> get(const QString &id) const;
    Result<Channel> find(const QString &projectId, const QString &idOrName) const;
    Result<Channel> defaultChannel(const QString &projectId) const;
    Result<Channel> create(Channel channel);
    /// Saves name, description, lifecycle, tenant tags and rules; making a channel the
    /// default takes the flag from the previous default. Clearing the flag is refused.
    Result<Channel> update(const Channel &channel);
    /// Refused for the default channel and while releases or steps use the channel.
    VoidResult remove(const QString &id);

    /// Names, a known-good version range and tag expression in every rule, and at least
    /// one package reference per rule.
    static VoidResult validate(Channel &channel);

private:
    StoreContext m_context;
};

} // namespace Cuttle
