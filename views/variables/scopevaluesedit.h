#pragma once

#include <QLineEdit>

class QCompleter;
class QStringListModel;

namespace Cuttle {

/// A comma-separated list of scope values with completion of the part being typed from
/// the space's real records; Down (or the drop-down action) lists every choice.
class ScopeValuesEdit final : public QLineEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScopeValuesEdit)

public:
    explicit ScopeValuesEdit(QWidget *parent = nullptr);

    void setChoices(const QStringList &choices);
    QStringList choices() const;
    void setValues(const QStringList &values);
    /// The entered values, trimmed, without duplicates.
    QStringList values() const;
    /// Entered values that are none of the choices (compared without case).
    QStringList unknownValues() const;

    QCompleter *valueCompleter() const { return m_completer; }
    /// Pops up the choices that match the part being typed (all when it is empty).
    void showChoices();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QString currentPart() const;
    void insertChoice(const QString &choice);

    QCompleter *m_completer = nullptr;
    QStringListModel *m_choices = nullptr;
};

} // namespace Cuttle
