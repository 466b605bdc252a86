#include "model/itemmodels/variables/scopefields.h"

#include <QCoreApplication>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Cuttle {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ScopeFields", text);
}

QStringList lowered(const QStringList &values)
{
    QStringList out;
    out.reserve(values.size());
    for (const QString &value : values)
        out << value.toLower();
    out.sort();
    out.removeDuplicates();
    return out;
}

} // namespace

const QList<ScopeFields::Field> &ScopeFields::all()
{
    // Built on first use so the labels follow the translator installed at startup.
    static const QList<Field> fields{
        {Kind::Environment, u"environment"_s, tr("Environment"), tr("Environments"), &ScopeSpec::environments, true},
        {Kind::Machine, u"target"_s, tr("Target"), tr("Targets"), &ScopeSpec::machines, true},
        {Kind::Role, u"tag"_s, tr("Target tag"), tr("Target tags"), &ScopeSpec::roles, true},
        {Kind::Tenant, u"tenant"_s, tr("Tenant"), tr("Tenants"), &ScopeSpec::tenants, true},
        {Kind::TenantTag, u"tenanttag"_s, tr("Tenant tag"), tr("Tenant tags"), &ScopeSpec::tenantTags, true},
        {Kind::Step, u"step"_s, tr("Step"), tr("Steps"), &ScopeSpec::steps, false},
        {Kind::Channel, u"channel"_s, tr("Channel"), tr("Channels"), &ScopeSpec::channels, false},
        {Kind::Process, u"process"_s, tr("Process"), tr("Processes"), &ScopeSpec::processes, false},
    };
    return fields;
}

const ScopeFields::Field &ScopeFields::field(Kind kind)
{
    return all().at(int(kind));
}

QString ScopeFields::summary(const ScopeSpec &scope)
{
    if (scope.isUnscoped())
        return {};
    QString out;
    for (const Field &f : all()) {
        const QStringList &values = scope.*f.member;
        if (values.isEmpty())
            continue;
        if (!out.isEmpty())
            out += u"  ·  "_s;
        out += f.label % u": "_s % values.join(u", "_s);
    }
    return out;
}

bool ScopeFields::sameScope(const ScopeSpec &a, const ScopeSpec &b)
{
    for (const Field &f : all()) {
        const QStringList &x = a.*f.member;
        const QStringList &y = b.*f.member;
        if (x.isEmpty() != y.isEmpty())
            return false;
        if (!x.isEmpty() && lowered(x) != lowered(y))
            return false;
    }
    return true;
}

QStringList ScopeFields::normalised(const QStringList &values)
{
    QStringList out;
    QSet<QString> seen;
    for (const QString &value : values) {
        const QString trimmed = value.trimmed();
        if (trimmed.isEmpty() || seen.contains(trimmed.toLower()))
            continue;
        seen.insert(trimmed.toLower());
        out << trimmed;
    }
    return out;
}

} // namespace Cuttle
