#pragma once

#include "model/core/error.h"

#include <QHash>
#include <QString>

class QLabel;
class QWidget;

namespace Cuttle {

/// Shows validation errors inline: one message label under each field of a form, named
/// like Error::field, plus a general label for errors that belong to no single field.
class FieldErrors final
{
public:
    FieldErrors() = default;

    /// Wraps `field` with an (initially hidden) error label underneath and registers it
    /// under `name`; add the returned widget to the form instead of `field`.
    QWidget *wrap(const QString &name, QWidget *field);
    /// The label errors without a registered field go to; created hidden under `parent`.
    QLabel *createGeneralLabel(QWidget *parent);

    /// Shows `error` next to its field (or in the general label); returns the field's name
    /// or empty when it went to the general label.
    QString show(const Error &error);
    void showAt(const QString &name, const QString &message);
    void clear();
    /// The message currently shown for `name` (empty: none); "" names the general label.
    QString message(const QString &name) const;
    bool isEmpty() const;

private:
    QHash<QString, QLabel *> m_labels;
    QLabel *m_general = nullptr;
};

} // namespace Cuttle
