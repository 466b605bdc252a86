#include "views/shell/uploadfilerow.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Cuttle {

UploadFileRow::UploadFileRow(const QString &file, QWidget *parent)
    : QFrame(parent)
{
    setObjectName(u"uploadFileRow"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 3, 4, 3);
    layout->setSpacing(8);

    m_icon = new QLabel(this);
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_FileIcon).pixmap(20, 20));
    layout->addWidget(m_icon);

    auto *text = new QVBoxLayout;
    text->setSpacing(1);
    const QFileInfo info(file);
    m_name = new QLabel(info.fileName().isEmpty() ? file : info.fileName(), this);
    m_name->setToolTip(file);
    m_name->setTextFormat(Qt::PlainText);
    m_status = new QLabel(tr("Waiting"), this);
    m_status->setObjectName(u"uploadStatus"_s);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    text->addWidget(m_name);
    text->addWidget(m_status);
    layout->addLayout(text, 3);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"uploadProgress"_s);
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_progress->setFixedHeight(10);
    m_progress->setMinimumWidth(160);
    layout->addWidget(m_progress, 2);

    m_replace = new QPushButton(tr("Replace"), this);
    m_replace->setObjectName(u"replaceUpload"_s);
    m_replace->hide();
    m_skip = new QPushButton(tr("Skip"), this);
    m_skip->setObjectName(u"skipUpload"_s);
    m_skip->hide();
    layout->addWidget(m_replace);
    layout->addWidget(m_skip);

    m_cancel = new QToolButton(this);
    m_cancel->setObjectName(u"cancelUpload"_s);
    m_cancel->setIcon(style()->standardIcon(QStyle::SP_DialogCancelButton));
    m_cancel->setToolTip(tr("Cancel this upload"));
    m_cancel->setAutoRaise(true);
    layout->addWidget(m_cancel);

    connect(m_cancel, &QToolButton::clicked, this, &UploadFileRow::cancelRequested);
    connect(m_replace, &QPushButton::clicked, this, [this]() { emit decided(true); });
    connect(m_skip, &QPushButton::clicked, this, [this]() { emit decided(false); });
}

void UploadFileRow::setStatus(const QString &text, const QColor &color)
{
    m_status->setText(text);
    if (color.isValid()) {
        QPalette palette = m_status->palette();
        palette.setColor(QPalette::WindowText, color);
        m_status->setPalette(palette);
        m_status->setForegroundRole(QPalette::WindowText);
    } else {
        m_status->setForegroundRole(QPalette::PlaceholderText);
    }
}

QString UploadFileRow::statusText() const
{
    return m_status->text();
}

void UploadFileRow::setProgress(qint64 done, qint64 total)
{
    m_replace->hide();
    m_skip->hide();
    m_progress->show();
    const QLocale locale;
    if (total > 0) {
        m_progress->setValue(int(std::clamp<qint64>(done * 1000 / total, 0, 1000)));
        setStatus(tr("%1 of %2").arg(locale.formattedDataSize(done), locale.formattedDataSize(total)));
    } else {
        m_progress->setValue(0);
        setStatus(tr("Uploading…"));
    }
}

void UploadFileRow::askToReplace(const QString &packageName, const QString &message)
{
    Q_UNUSED(message)
    m_progress->hide();
    m_replace->show();
    m_skip->show();
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxQuestion).pixmap(20, 20));
    setStatus(tr("%1 is already in the repository with different content. Replace it or keep it?").arg(packageName),
              QColor(0x8a, 0x5a, 0x00));
}

void UploadFileRow::setResult(const PackageUploader::FileResult &result)
{
    m_replace->hide();
    m_skip->hide();
    m_cancel->hide();
    m_progress->hide();
    QStyle::StandardPixmap icon = QStyle::SP_DialogApplyButton;
    switch (result.outcome) {
    case PackageUploader::Outcome::Added:
        setStatus(tr("Added as %1").arg(result.packageName), QColor(0x1b, 0x7a, 0x3a));
        break;
    case PackageUploader::Outcome::Unchanged:
        setStatus(tr("Unchanged: %1 is already in the repository").arg(result.packageName));
        break;
    case PackageUploader::Outcome::Replaced:
        setStatus(tr("Replaced %1").arg(result.packageName), QColor(0x1b, 0x7a, 0x3a));
        break;
    case PackageUploader::Outcome::Rejected:
        icon = QStyle::SP_MessageBoxWarning;
        setStatus(result.reason, QColor(0xb0, 0x00, 0x20));
        break;
    }
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(20, 20));
}

} // namespace Cuttle
