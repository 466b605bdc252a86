#pragma once

#include "model/core/error.h"

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;

namespace Cuttle {

class FieldErrorLabel;

/// Asks for a name and a description (project groups, spaces, new lifecycles and tag
/// sets). It does not save: the page handles submitted(), runs the write on the session,
/// and either accept()s or calls showError(), so the dialog stays open on failure.
class NameDescriptionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NameDescriptionDialog)

public:
    NameDescriptionDialog(const QString &title, const QString &nameLabel, QWidget *parent = nullptr);

    void setValues(const QString &name, const QString &description);
    QString name() const;
    QString description() const;
    /// Shows the error next to its field (or under the form), and enables saving again.
    void showError(const Error &error);

signals:
    void submitted();

private:
    void submit();
    QLineEdit *m_name = nullptr;
    QPlainTextEdit *m_description = nullptr;
    FieldErrorLabel *m_nameError = nullptr;
    FieldErrorLabel *m_generalError = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Cuttle
