#include "views/projects/namedescriptiondialog.h"

#include "views/projects/fielderrorlabel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Cuttle {

NameDescriptionDialog::NameDescriptionDialog(const QString &title, const QString &nameLabel, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(title);
    setMinimumWidth(420);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_nameError = new FieldErrorLabel(this);
    m_nameError->setObjectName(QStringLiteral("nameError"));
    auto *nameBox = new QVBoxLayout;
    nameBox->setSpacing(2);
    nameBox->addWidget(m_name);
    nameBox->addWidget(m_nameError);
    form->addRow(nameLabel, nameBox);
    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(80);
    form->addRow(tr("Description"), m_description);
    layout->addLayout(form);
    m_generalError = new FieldErrorLabel(this);
    m_generalError->setObjectName(QStringLiteral("generalError"));
    layout->addWidget(m_generalError);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("save"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NameDescriptionDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textEdited, m_nameError, &FieldErrorLabel::clearError);
}

void NameDescriptionDialog::setValues(const QString &name, const QString &description)
{
    m_name->setText(name);
    m_description->setPlainText(description);
}

QString NameDescriptionDialog::name() const
{
    return m_name->text();
}

QString NameDescriptionDialog::description() const
{
    return m_description->toPlainText();
}

void NameDescriptionDialog::submit()
{
    m_nameError->clearError();
    m_generalError->clearError();
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    emit submitted();
}

void NameDescriptionDialog::showError(const Error &error)
{
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(true);
    if (error.field == u"name") {
        m_nameError->setError(error.message);
        m_name->setFocus();
    } else {
        m_generalError->setError(error.message);
    }
}

} // namespace Cuttle
