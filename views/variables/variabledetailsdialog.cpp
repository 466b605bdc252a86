#include "views/variables/variabledetailsdialog.h"

#include "views/projects/fielderrorlabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Cuttle {

VariableDetailsDialog::VariableDetailsDialog(const QString &variableName, QWidget *parent)
    : QDialog(parent)
    , m_variableName(variableName)
{
    setObjectName(u"variableDetailsDialog"_s);
    setWindowTitle(tr("Details of %1").arg(variableName));
    setMinimumWidth(460);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(u"variableDescription"_s);
    m_description->setPlaceholderText(tr("What the value is for, shown as a tooltip in the grid"));
    m_description->setMaximumHeight(80);
    form->addRow(tr("Description:"), m_description);
    layout->addLayout(form);

    m_prompted = new QGroupBox(tr("Prompt for a value at deployment time"), this);
    m_prompted->setObjectName(u"promptGroup"_s);
    m_prompted->setCheckable(true);
    m_prompted->setChecked(false);
    auto *promptForm = new QFormLayout(m_prompted);
    m_label = new QLineEdit(m_prompted);
    m_label->setObjectName(u"promptLabel"_s);
    m_label->setPlaceholderText(variableName);
    m_labelError = new FieldErrorLabel(m_prompted);
    auto *labelCell = new QWidget(m_prompted);
    auto *labelLayout = new QVBoxLayout(labelCell);
    labelLayout->setContentsMargins(0, 0, 0, 0);
    labelLayout->addWidget(m_label);
    labelLayout->addWidget(m_labelError);
    promptForm->addRow(tr("Label:"), labelCell);
    m_promptDescription = new QPlainTextEdit(m_prompted);
    m_promptDescription->setObjectName(u"promptDescription"_s);
    m_promptDescription->setMaximumHeight(60);
    promptForm->addRow(tr("Help text:"), m_promptDescription);
    m_control = new QComboBox(m_prompted);
    m_control->setObjectName(u"promptControl"_s);
    m_control->addItem(tr("Single-line text"), int(VariablePrompt::Control::SingleLineText));
    m_control->addItem(tr("Multi-line text"), int(VariablePrompt::Control::MultiLineText));
    m_control->addItem(tr("Checkbox"), int(VariablePrompt::Control::Checkbox));
    m_control->addItem(tr("Sensitive"), int(VariablePrompt::Control::Sensitive));
    promptForm->addRow(tr("Control:"), m_control);
    m_required = new QCheckBox(tr("A value is required to deploy"), m_prompted);
    m_required->setObjectName(u"promptRequired"_s);
    promptForm->addRow(QString(), m_required);
    layout->addWidget(m_prompted);
    connect(m_prompted, &QGroupBox::toggled, this, [this](bool on) {
        if (on && m_label->text().trimmed().isEmpty())
            m_label->setText(m_variableName);
    });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &VariableDetailsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &VariableDetailsDialog::reject);
    layout->addWidget(buttons);
}

void VariableDetailsDialog::setDescription(const QString &description)
{
    m_description->setPlainText(description);
}

QString VariableDetailsDialog::description() const
{
    return m_description->toPlainText().trimmed();
}

void VariableDetailsDialog::setPrompt(const std::optional<VariablePrompt> &prompt)
{
    m_prompted->setChecked(prompt.has_value());
    const VariablePrompt p = prompt.value_or(VariablePrompt{});
    m_label->setText(p.label);
    m_promptDescription->setPlainText(p.description);
    m_required->setChecked(p.required);
    m_control->setCurrentIndex(m_control->findData(int(p.control)));
}

std::optional<VariablePrompt> VariableDetailsDialog::prompt() const
{
    if (!m_prompted->isChecked())
        return std::nullopt;
    VariablePrompt p;
    p.label = m_label->text().trimmed();
    p.description = m_promptDescription->toPlainText().trimmed();
    p.required = m_required->isChecked();
    p.control = VariablePrompt::Control(m_control->currentData().toInt());
    return p;
}

void VariableDetailsDialog::accept()
{
    m_labelError->clearError();
    // The label is what the deployer sees; without one the prompt would be a bare name.
    if (m_prompted->isChecked() && m_label->text().trimmed().isEmpty()) {
        m_labelError->setError(tr("A prompted variable needs a label to ask with."));
        m_label->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace Cuttle
