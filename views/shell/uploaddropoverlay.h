#pragma once

#include <QWidget>

namespace Cuttle {

/// A highlight over the main window while files are dragged over it, saying what a drop does.
/// It lets every mouse event through and follows its parent's size.
class UploadDropOverlay final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadDropOverlay)

public:
    explicit UploadDropOverlay(QWidget *parent);

    void setMessage(const QString &message);
    QString message() const { return m_message; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_message;
};

} // namespace Cuttle
