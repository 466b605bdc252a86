#pragma once

#include "model/core/scopespec.h"

#include <QList>
#include <QString>

namespace Cuttle {

/// The scope dimensions as the console shows and edits them: label, ScopeSpec member and
/// whether the space has records to pick from (steps, channels and processes are typed).
class ScopeFields final
{
public:
    enum class Kind { Environment, Machine, Role, Tenant, TenantTag, Step, Channel, Process };
    struct Field
    {
        Kind kind;
        QString key;    ///< stable, e.g. "environment" (object names, filter prefixes)
        QString label;  ///< translated, singular
        QString plural; ///< translated
        QStringList ScopeSpec::*member;
        bool fromRecords;
    };

    /// Every dimension in the order the console shows them.
    static const QList<Field> &all();
    static const Field &field(Kind kind);

    /// One line for the grid: "Environment: Production, Test · Target tag: web"; empty when unscoped.
    static QString summary(const ScopeSpec &scope);
    /// Same scope regardless of order and case within each dimension.
    static bool sameScope(const ScopeSpec &a, const ScopeSpec &b);
    /// Trims, drops empty entries and case-insensitive duplicates.
    static QStringList normalised(const QStringList &values);
};

} // namespace Cuttle
