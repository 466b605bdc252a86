#include "views/variables/scopeeditordialog.h"

#include "views/projects/fielderrorlabel.h"
#include "views/variables/scopevaluesedit.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Cuttle {

namespace {

QStringList choicesFor(const ScopeChoices &choices, ScopeFields::Kind kind)
{
    switch (kind) {
    case ScopeFields::Kind::Environment: return choices.environments;
    case ScopeFields::Kind::Machine: return choices.machines;
    case ScopeFields::Kind::Role: return choices.roles;
    case ScopeFields::Kind::Tenant: return choices.tenants;
    case ScopeFields::Kind::TenantTag: return choices.tenantTags;
    default: return {};
    }
}

} // namespace

ScopeEditorDialog::ScopeEditorDialog(const QString &variableName, const ScopeChoices &choices,
                                     bool allowStepsAndChannels, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(variableName.isEmpty() ? tr("Scope") : tr("Scope of %1").arg(variableName));
    setObjectName(u"scopeEditorDialog"_s);
    setMinimumWidth(520);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The value applies only where every scoped dimension matches; several values in one "
                                "dimension mean any of them. Leave everything empty for an unscoped value."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    bool typedShown = false;
    for (const ScopeFields::Field &field : ScopeFields::all()) {
        const bool stepOrChannel = field.kind == ScopeFields::Kind::Step || field.kind == ScopeFields::Kind::Channel;
        if (stepOrChannel && !allowStepsAndChannels)
            continue;
        auto *edit = new ScopeValuesEdit(this);
        edit->setObjectName(u"scope_"_s + field.key);
        if (field.fromRecords) {
            const QStringList list = choicesFor(choices, field.kind);
            edit->setChoices(list);
            edit->setPlaceholderText(list.isEmpty() ? tr("None in this space yet") : tr("Any — type or press Down to choose"));
        } else {
            edit->setPlaceholderText(tr("Any — type names, separated by commas"));
            typedShown = true;
        }
        auto *error = new FieldErrorLabel(this);
        auto *cell = new QWidget(this);
        auto *cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->setSpacing(2);
        cellLayout->addWidget(edit);
        cellLayout->addWidget(error);
        form->addRow(field.plural + u':', cell);
        m_edits.insert(field.kind, edit);
        m_errors.insert(field.kind, error);
    }
    layout->addLayout(form);
    if (typedShown) {
        auto *hint = new QLabel(allowStepsAndChannels
                                    ? tr("Steps, channels and processes are not records yet: type their names exactly as "
                                         "the deployment process and channels will name them.")
                                    : tr("Processes are not records yet: type their names exactly. Library variable sets "
                                         "cannot be scoped to steps or channels."),
                                this);
        hint->setObjectName(u"freeTextHint"_s);
        hint->setWordWrap(true);
        hint->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(hint);
    }
    layout->addStretch();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *clear = buttons->addButton(tr("Clear scope"), QDialogButtonBox::ResetRole);
    connect(clear, &QPushButton::clicked, this, [this]() {
        for (ScopeValuesEdit *edit : std::as_const(m_edits))
            edit->clear();
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &ScopeEditorDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ScopeEditorDialog::reject);
    layout->addWidget(buttons);
}

void ScopeEditorDialog::setScope(const ScopeSpec &scope)
{
    for (const ScopeFields::Field &field : ScopeFields::all()) {
        if (ScopeValuesEdit *edit = m_edits.value(field.kind))
            edit->setValues(scope.*field.member);
    }
}

ScopeSpec ScopeEditorDialog::scope() const
{
    ScopeSpec scope;
    for (const ScopeFields::Field &field : ScopeFields::all()) {
        if (ScopeValuesEdit *edit = m_edits.value(field.kind))
            scope.*field.member = edit->values();
    }
    return scope;
}

QString ScopeEditorDialog::error(ScopeFields::Kind kind) const
{
    FieldErrorLabel *label = m_errors.value(kind);
    return label ? label->text() : QString();
}

void ScopeEditorDialog::accept()
{
    bool ok = true;
    for (const ScopeFields::Field &field : ScopeFields::all()) {
        ScopeValuesEdit *edit = m_edits.value(field.kind);
        FieldErrorLabel *error = m_errors.value(field.kind);
        if (!edit)
            continue;
        error->clearError();
        // Target tags exist only on targets, so a tag for targets still to come is allowed.
        if (!field.fromRecords || field.kind == ScopeFields::Kind::Role)
            continue;
        const QStringList unknown = edit->unknownValues();
        if (unknown.isEmpty())
            continue;
        ok = false;
        error->setError(tr("Not in this space: %1. Choose from the list.").arg(unknown.join(u", "_s)));
    }
    if (ok)
        QDialog::accept();
}

} // namespace Cuttle
