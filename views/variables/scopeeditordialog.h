#pragma once

#include "model/core/scopespec.h"
#include "model/itemmodels/variables/scopechoices.h"
#include "model/itemmodels/variables/scopefields.h"

#include <QDialog>
#include <QHash>

namespace Cuttle {

class FieldErrorLabel;
class ScopeValuesEdit;

/// Edits the scope of one variable value: per dimension a list of values completed from
/// the space's environments, targets, target tags, tenants and tenant tags; steps,
/// channels and processes are typed (they have no records yet). Values that name no
/// record are refused inline and the dialog stays open.
class ScopeEditorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScopeEditorDialog)

public:
    /// `allowStepsAndChannels` is false for library variable sets (domain.md 2.5).
    ScopeEditorDialog(const QString &variableName, const ScopeChoices &choices, bool allowStepsAndChannels,
                      QWidget *parent = nullptr);

    void setScope(const ScopeSpec &scope);
    ScopeSpec scope() const;
    ScopeValuesEdit *edit(ScopeFields::Kind kind) const { return m_edits.value(kind); }
    /// The inline error shown for a dimension (empty: none).
    QString error(ScopeFields::Kind kind) const;

    void accept() override;

private:
    QHash<ScopeFields::Kind, ScopeValuesEdit *> m_edits;
    QHash<ScopeFields::Kind, FieldErrorLabel *> m_errors;
};

} // namespace Cuttle
