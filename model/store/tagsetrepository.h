#pragma once

#include "model/core/result.h"
#include "model/core/tagset.h"
#include "model/store/storecontext.h"

#include <QList>

namespace Cuttle {

/// Tag sets of a space, in their order, each with its ordered tags.
class TagSetRepository final
{
public:
    explicit TagSetRepository(StoreContext context) : m_context(std::move(context)) {}

    Result<QList<TagSet>> list(const QString &spaceId) const;
    Result<TagSet> get(const QString &id) const;
    Result<TagSet> find(const QString &spaceId, const QString &idOrName) const;
    Result<TagSet> create(TagSet tagSet);
    /// Saves the tags as given: kept tags keep their id (and their tenants), new ones are
    /// added; removing a tag that tenants or targets use is refused.
    Result<TagSet> update(const TagSet &tagSet);
    /// Refused while tenants or targets carry one of its tags.
    VoidResult remove(const QString &id);
    /// `orderedIds` must name every tag set of the space exactly once.
    VoidResult reorder(const QString &spaceId, const QStringList &orderedIds);

    static VoidResult validate(TagSet &tagSet);

private:
    StoreContext m_context;
};

} // namespace Cuttle
