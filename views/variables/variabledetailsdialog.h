#pragma once

#include "model/core/variableprompt.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLineEdit;
class QPlainTextEdit;

namespace Cuttle {

class FieldErrorLabel;

/// The description of one variable value and whether (and how) it is prompted for at
/// deployment time (domain.md 2.4).
class VariableDetailsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VariableDetailsDialog)

public:
    explicit VariableDetailsDialog(const QString &variableName, QWidget *parent = nullptr);

    void setDescription(const QString &description);
    QString description() const;
    void setPrompt(const std::optional<VariablePrompt> &prompt);
    std::optional<VariablePrompt> prompt() const;

    void accept() override;

private:
    QString m_variableName;
    QPlainTextEdit *m_description = nullptr;
    QGroupBox *m_prompted = nullptr;
    QLineEdit *m_label = nullptr;
    QPlainTextEdit *m_promptDescription = nullptr;
    QCheckBox *m_required = nullptr;
    QComboBox *m_control = nullptr;
    FieldErrorLabel *m_labelError = nullptr;
};

} // namespace Cuttle
