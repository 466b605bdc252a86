#include "model/itemmodels/variables/scopechoices.h"

#include "model/store/environmentrepository.h"
#include "model/store/tagsetrepository.h"
#include "model/store/targetrepository.h"
#include "model/store/tenantrepository.h"

#include <algorithm>

namespace Cuttle {

namespace {

void sortByName(QStringList &names)
{
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return a.compare(b, Qt::CaseInsensitive) < 0;
    });
}

} // namespace

Result<ScopeChoices> ScopeChoices::load(const StoreContext &context, const QString &spaceId)
{
    ScopeChoices out;
    auto environments = EnvironmentRepository(context).list(spaceId);
    if (!environments)
        return environments.error();
    for (const Environment &e : *environments)
        out.environments << e.name;

    auto targets = TargetRepository(context).list(spaceId);
    if (!targets)
        return targets.error();
    QStringList roles;
    for (const DeploymentTarget &t : *targets) {
        out.machines << t.name;
        out.machineTags.insert(t.name, t.tags);
        roles << t.tags;
    }
    sortByName(out.machines);
    roles.removeDuplicates();
    sortByName(roles);
    out.roles = roles;

    auto tenants = TenantRepository(context).list(spaceId);
    if (!tenants)
        return tenants.error();
    for (const Tenant &t : *tenants) {
        out.tenants << t.name;
        out.tenantTagsOf.insert(t.name, t.tags);
    }
    sortByName(out.tenants);

    auto tagSets = TagSetRepository(context).list(spaceId);
    if (!tagSets)
        return tagSets.error();
    for (const TagSet &set : *tagSets) {
        for (const Tag &tag : set.tags)
            out.tenantTags << set.canonicalTag(tag.name);
    }
    return out;
}

} // namespace Cuttle
