#pragma once

#include "views/library/packageuploader.h"

#include <QFrame>
#include <QHash>

class QLabel;
class QPushButton;
class QScrollArea;
class QToolButton;
class QVBoxLayout;

namespace Cuttle {

class UploadFileRow;

/// The bar at the bottom of the main window while packages upload: one row per file with
/// its progress and a cancel button, "Cancel all", and when everything is done the summary
/// of what was added, left unchanged, replaced and rejected (with reasons) until closed.
class UploadPanel final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadPanel)

public:
    explicit UploadPanel(PackageUploader *uploader, QWidget *parent = nullptr);

    UploadFileRow *row(int fileId) const { return m_rows.value(fileId); }
    QList<UploadFileRow *> rows() const;
    /// The summary text shown after the last upload, empty while uploads run.
    QString summaryText() const;
    const PackageUploader::Summary &lastSummary() const { return m_lastSummary; }

private:
    void begin();
    void addRow(int fileId, const QString &file);
    void updateTitle();
    void showSummary(const PackageUploader::Summary &summary);

    PackageUploader *m_uploader = nullptr;
    QLabel *m_title = nullptr;
    QPushButton *m_cancelAll = nullptr;
    QToolButton *m_close = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_rowsWidget = nullptr;
    QVBoxLayout *m_rowsLayout = nullptr;
    QLabel *m_summary = nullptr;
    QHash<int, UploadFileRow *> m_rows;
    QList<int> m_order;
    int m_finishedCount = 0;
    bool m_running = false;
    PackageUploader::Summary m_lastSummary;
};

} // namespace Cuttle
