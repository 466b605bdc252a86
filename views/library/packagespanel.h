#pragma once

#include "model/store/packagerepository.h"
#include "views/library/packageuploader.h"

#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeView;
class QTreeWidget;

namespace Cuttle {

class PackageFilterProxyModel;
class PackageTreeModel;
class WorkspaceSession;

/// The built-in package repository of the current space: packages and their versions, the
/// files inside the selected version and its release notes, upload and delete.
class PackagesPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PackagesPanel)

public:
    explicit PackagesPanel(WorkspaceSession *session, QWidget *parent = nullptr);
    ~PackagesPanel() override;

    PackageUploader *uploader() const { return m_uploader; }
    /// Hands uploads to `shared` (the main window's), whose progress and summary are shown
    /// there; until then the panel uploads on its own and shows the summary itself.
    void useUploader(PackageUploader *shared);
    PackageTreeModel *packageModel() const { return m_model; }
    QTreeView *tree() const { return m_tree; }

    void reload();

private:
    void chooseFilesToUpload();
    void showUploadSummary(const PackageUploader::Summary &summary);
    void showDetails();
    void deleteSelected();
    std::optional<PackageRepository::Record> selectedRecord() const;
    void showError(const QString &message);

    void connectUploader();

    WorkspaceSession *m_session = nullptr;
    PackageUploader *m_uploader = nullptr;
    bool m_ownUploader = true;
    PackageTreeModel *m_model = nullptr;
    PackageFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QPushButton *m_upload = nullptr;
    QPushButton *m_delete = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_summary = nullptr;
    QTreeView *m_tree = nullptr;
    QLabel *m_detailsTitle = nullptr;
    QTreeWidget *m_files = nullptr;
    QPlainTextEdit *m_releaseNotes = nullptr;
    QString m_selectedKey; // "<id> <version>" whose files are being shown
};

} // namespace Cuttle
