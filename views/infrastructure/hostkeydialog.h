#pragma once

#include <QDialog>

class QLabel;
class QPushButton;

namespace Cuttle {

/// Asks whether to trust the SSH host key a target offered: a first contact (no key pinned yet),
/// or a key that differs from the pinned one, which the connection refused.
class HostKeyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostKeyDialog)

public:
    enum class Situation { Unknown, Changed };

    HostKeyDialog(Situation situation, const QString &targetId, const QString &targetName,
                  const QString &offeredFingerprint, const QString &pinnedFingerprint = {}, QWidget *parent = nullptr);

    Situation situation() const { return m_situation; }
    QString targetId() const { return m_targetId; }
    QString offeredFingerprint() const { return m_offered; }
    /// "Trust and pin" for a new key, "Re-pin the new key" for a changed one.
    QPushButton *pinButton() const { return m_pin; }
    QPushButton *refuseButton() const { return m_refuse; }

signals:
    /// The user chose to pin `fingerprint` for the target.
    void pinRequested(const QString &targetId, const QString &fingerprint);

private:
    Situation m_situation;
    QString m_targetId;
    QString m_offered;
    QPushButton *m_pin = nullptr;
    QPushButton *m_refuse = nullptr;
};

} // namespace Cuttle
