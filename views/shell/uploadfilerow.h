#pragma once

#include "views/library/packageuploader.h"

#include <QFrame>

class QLabel;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace Cuttle {

/// One file in the upload panel: its name, a progress bar, its state or outcome, a cancel
/// button, and the replace-or-skip question when the version exists with other content.
class UploadFileRow final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadFileRow)

public:
    explicit UploadFileRow(const QString &file, QWidget *parent = nullptr);

    void setProgress(qint64 done, qint64 total);
    void askToReplace(const QString &packageName, const QString &message);
    void setResult(const PackageUploader::FileResult &result);

    QString statusText() const;
    QProgressBar *progressBar() const { return m_progress; }
    QToolButton *cancelButton() const { return m_cancel; }
    QPushButton *replaceButton() const { return m_replace; }
    QPushButton *skipButton() const { return m_skip; }

signals:
    void cancelRequested();
    void decided(bool replace);

private:
    void setStatus(const QString &text, const QColor &color = {});

    QLabel *m_icon = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancel = nullptr;
    QPushButton *m_replace = nullptr;
    QPushButton *m_skip = nullptr;
};

} // namespace Cuttle
