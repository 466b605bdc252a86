#pragma once

#include <QLabel>

namespace Cuttle {

/// The one-sentence error shown under the field it is about; hidden while there is none.
class FieldErrorLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FieldErrorLabel)

public:
    explicit FieldErrorLabel(QWidget *parent = nullptr);
    void setError(const QString &message);
    void clearError() { setError({}); }
};

} // namespace Cuttle
