#include "views/shell/fielderrors.h"

#include <QLabel>
#include <QVBoxLayout>
#include <QWidget>

namespace Cuttle {
namespace {

QLabel *makeErrorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setStyleSheet(QStringLiteral("color: #c0392b;"));
    label->setAccessibleName(QObject::tr("Error"));
    label->hide();
    return label;
}

} // namespace

QWidget *FieldErrors::wrap(const QString &name, QWidget *field)
{
    auto *container = new QWidget(field->parentWidget());
    auto *layout = new QVBoxLayout(container);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    QLabel *label = makeErrorLabel(container);
    label->setObjectName(QStringLiteral("error_") + name);
    layout->addWidget(label);
    m_labels.insert(name, label);
    return container;
}

QLabel *FieldErrors::createGeneralLabel(QWidget *parent)
{
    m_general = makeErrorLabel(parent);
    m_general->setObjectName(QStringLiteral("error_general"));
    return m_general;
}

QString FieldErrors::show(const Error &error)
{
    if (m_labels.contains(error.field)) {
        showAt(error.field, error.message);
        return error.field;
    }
    showAt({}, error.message);
    return {};
}

void FieldErrors::showAt(const QString &name, const QString &message)
{
    QLabel *label = name.isEmpty() ? m_general : m_labels.value(name, m_general);
    if (!label)
        return;
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

void FieldErrors::clear()
{
    for (QLabel *label : std::as_const(m_labels)) {
        label->clear();
        label->hide();
    }
    if (m_general) {
        m_general->clear();
        m_general->hide();
    }
}

QString FieldErrors::message(const QString &name) const
{
    const QLabel *label = name.isEmpty() ? m_general : m_labels.value(name);
    return label ? label->text() : QString();
}

bool FieldErrors::isEmpty() const
{
    for (const QLabel *label : m_labels) {
        if (!label->text().isEmpty())
            return false;
    }
    return !m_general || m_general->text().isEmpty();
}

} // namespace Cuttle
