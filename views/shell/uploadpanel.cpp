#include "views/shell/uploadpanel.h"

#include "views/shell/uploadfilerow.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Cuttle {

UploadPanel::UploadPanel(PackageUploader *uploader, QWidget *parent)
    : QFrame(parent)
    , m_uploader(uploader)
{
    setObjectName(u"uploadPanel"_s);
    setFrameShape(QFrame::NoFrame);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 10);
    layout->setSpacing(6);

    auto *rule = new QFrame(this);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);
    layout->addWidget(rule);

    auto *header = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_ArrowUp).pixmap(18, 18));
    header->addWidget(icon);
    m_title = new QLabel(this);
    m_title->setObjectName(u"uploadTitle"_s);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    header->addWidget(m_title, 1);
    m_cancelAll = new QPushButton(style()->standardIcon(QStyle::SP_DialogCancelButton), tr("Cancel all"), this);
    m_cancelAll->setObjectName(u"cancelAllUploads"_s);
    header->addWidget(m_cancelAll);
    m_close = new QToolButton(this);
    m_close->setObjectName(u"closeUploadPanel"_s);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Close"));
    m_close->setAutoRaise(true);
    header->addWidget(m_close);
    layout->addLayout(header);

    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::StyledPanel);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_rowsWidget = new QWidget(m_scroll);
    m_rowsLayout = new QVBoxLayout(m_rowsWidget);
    m_rowsLayout->setContentsMargins(4, 4, 4, 4);
    m_rowsLayout->setSpacing(2);
    m_rowsLayout->addStretch(1);
    m_scroll->setWidget(m_rowsWidget);
    layout->addWidget(m_scroll);

    m_summary = new QLabel(this);
    m_summary->setObjectName(u"uploadPanelSummary"_s);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->hide();
    layout->addWidget(m_summary);

    hide();

    connect(m_cancelAll, &QPushButton::clicked, m_uploader, &PackageUploader::cancelAll);
    connect(m_close, &QToolButton::clicked, this, [this]() {
        if (!m_running)
            hide();
    });
    connect(m_uploader, &PackageUploader::started, this, &UploadPanel::begin);
    connect(m_uploader, &PackageUploader::fileQueued, this, &UploadPanel::addRow);
    connect(m_uploader, &PackageUploader::fileProgress, this, [this](int id, qint64 done, qint64 total) {
        if (UploadFileRow *r = row(id))
            r->setProgress(done, total);
    });
    connect(m_uploader, &PackageUploader::decisionNeeded, this,
            [this](int id, const QString &packageName, const QString &message) {
                if (UploadFileRow *r = row(id)) {
                    r->askToReplace(packageName, message);
                    m_scroll->ensureWidgetVisible(r);
                }
                updateTitle();
            });
    connect(m_uploader, &PackageUploader::fileFinished, this, [this](int id, const PackageUploader::FileResult &result) {
        if (UploadFileRow *r = row(id))
            r->setResult(result);
        ++m_finishedCount;
        updateTitle();
    });
    connect(m_uploader, &PackageUploader::finished, this, &UploadPanel::showSummary);
}

QList<UploadFileRow *> UploadPanel::rows() const
{
    QList<UploadFileRow *> result;
    for (int id : m_order)
        result << m_rows.value(id);
    return result;
}

QString UploadPanel::summaryText() const
{
    return m_summary->isVisibleTo(this) ? m_summary->text() : QString();
}

void UploadPanel::begin()
{
    // A new round of uploads replaces the rows and summary of the previous one.
    qDeleteAll(m_rows);
    m_rows.clear();
    m_order.clear();
    m_finishedCount = 0;
    m_running = true;
    m_summary->hide();
    m_summary->clear();
    m_cancelAll->show();
    m_close->setEnabled(false);
    show();
    updateTitle();
}

void UploadPanel::addRow(int fileId, const QString &file)
{
    auto *r = new UploadFileRow(file, m_rowsWidget);
    m_rowsLayout->insertWidget(m_rowsLayout->count() - 1, r);
    m_rows.insert(fileId, r);
    m_order << fileId;
    connect(r, &UploadFileRow::cancelRequested, this, [this, fileId]() { m_uploader->cancel(fileId); });
    connect(r, &UploadFileRow::decided, this, [this, fileId](bool replace) { m_uploader->decide(fileId, replace); });
    updateTitle();
}

void UploadPanel::updateTitle()
{
    const int total = int(m_order.size());
    if (m_running) {
        m_title->setText(total == 1 ? tr("Uploading a package")
                                    : tr("Uploading packages: %1 of %2 files done").arg(m_finishedCount).arg(total));
    }
    // As tall as the rows need, up to a third of a typical window; more rows scroll.
    const int rowsHeight = m_rowsWidget->sizeHint().height() + 2 * m_scroll->frameWidth();
    m_scroll->setFixedHeight(std::min(rowsHeight, 220));
}

void UploadPanel::showSummary(const PackageUploader::Summary &summary)
{
    m_running = false;
    m_lastSummary = summary;
    m_cancelAll->hide();
    m_close->setEnabled(true);
    const int added = summary.count(PackageUploader::Outcome::Added);
    const int unchanged = summary.count(PackageUploader::Outcome::Unchanged);
    const int replaced = summary.count(PackageUploader::Outcome::Replaced);
    const int rejected = summary.count(PackageUploader::Outcome::Rejected);
    m_title->setText(tr("Upload finished: %1 added, %2 unchanged, %3 replaced, %4 rejected")
                         .arg(added).arg(unchanged).arg(replaced).arg(rejected));
    m_summary->setText(PackageUploader::describe(summary));
    m_summary->setVisible(!summary.files.isEmpty());
    show();
}

} // namespace Cuttle
