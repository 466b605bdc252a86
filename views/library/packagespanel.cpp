#include "views/library/packagespanel.h"

#include "model/engine/builtinrepository.h"
#include "model/engine/workspacesession.h"
#include "model/itemmodels/packagefilterproxymodel.h"
#include "model/itemmodels/packagetreemodel.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Cuttle {

namespace {

QString entryTypeName(ArchiveEntry::Type type)
{
    switch (type) {
    case ArchiveEntry::Type::File:
        return QCoreApplication::translate("PackagesPanel", "File");
    case ArchiveEntry::Type::Directory:
        return QCoreApplication::translate("PackagesPanel", "Folder");
    case ArchiveEntry::Type::Symlink:
        return QCoreApplication::translate("PackagesPanel", "Symbolic link");
    case ArchiveEntry::Type::Hardlink:
        return QCoreApplication::translate("PackagesPanel", "Hard link");
    case ArchiveEntry::Type::Special:
        return QCoreApplication::translate("PackagesPanel", "Special");
    }
    return {};
}

constexpr int ExpandAllLimit = 500;

} // namespace

PackagesPanel::PackagesPanel(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_uploader(new PackageUploader(session, this))
    , m_model(new PackageTreeModel(this))
    , m_proxy(new PackageFilterProxyModel(this))
{
    m_proxy->setPackageModel(m_model);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);

    auto *toolbar = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(u"packageFilter"_s);
    m_filter->setPlaceholderText(tr("Filter by package id, version or title"));
    m_filter->setClearButtonEnabled(true);
    toolbar->addWidget(m_filter, 1);
    m_upload = new QPushButton(style()->standardIcon(QStyle::SP_ArrowUp), tr("Upload…"), this);
    m_upload->setObjectName(u"uploadPackages"_s);
    m_upload->setToolTip(tr("Push package files to this space's built-in repository"));
    toolbar->addWidget(m_upload);
    m_delete = new QPushButton(style()->standardIcon(QStyle::SP_TrashIcon), tr("Delete"), this);
    m_delete->setObjectName(u"deletePackage"_s);
    m_delete->setEnabled(false);
    toolbar->addWidget(m_delete);
    layout->addLayout(toolbar);

    m_error = new QLabel(this);
    m_error->setObjectName(u"packageError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b00020;"_s);
    m_error->hide();
    layout->addWidget(m_error);

    m_summary = new QLabel(this);
    m_summary->setObjectName(u"uploadSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setFrameShape(QFrame::StyledPanel);
    m_summary->setMargin(6);
    m_summary->hide();
    layout->addWidget(m_summary);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_tree = new QTreeView(splitter);
    m_tree->setObjectName(u"packageTree"_s);
    m_tree->setModel(m_proxy);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(PackageTreeModel::VersionColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(PackageTreeModel::SizeColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(PackageTreeModel::UploadedColumn, QHeaderView::ResizeToContents);

    auto *details = new QWidget(splitter);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(8, 0, 0, 0);
    m_detailsTitle = new QLabel(tr("Select a version to see the files inside it."), details);
    m_detailsTitle->setObjectName(u"packageTitle"_s);
    m_detailsTitle->setWordWrap(true);
    QFont bold = m_detailsTitle->font();
    bold.setBold(true);
    m_detailsTitle->setFont(bold);
    detailsLayout->addWidget(m_detailsTitle);
    detailsLayout->addWidget(new QLabel(tr("Files in the archive"), details));
    m_files = new QTreeWidget(details);
    m_files->setObjectName(u"packageFiles"_s);
    m_files->setRootIsDecorated(false);
    m_files->setHeaderLabels({tr("Path"), tr("Type"), tr("Size")});
    m_files->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    detailsLayout->addWidget(m_files, 2);
    detailsLayout->addWidget(new QLabel(tr("Release notes"), details));
    m_releaseNotes = new QPlainTextEdit(details);
    m_releaseNotes->setObjectName(u"releaseNotes"_s);
    m_releaseNotes->setReadOnly(true);
    detailsLayout->addWidget(m_releaseNotes, 1);
    splitter->addWidget(m_tree);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilter(PackageFilter(text));
        if (!text.trimmed().isEmpty())
            m_tree->expandAll();
    });
    connect(m_upload, &QPushButton::clicked, this, &PackagesPanel::chooseFilesToUpload);
    connect(m_delete, &QPushButton::clicked, this, &PackagesPanel::deleteSelected);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &PackagesPanel::showDetails);
    connectUploader();
    connect(session, &WorkspaceSession::currentSpaceChanged, this, [this]() {
        m_summary->hide();
        reload();
    });
    connect(session, &WorkspaceSession::changed, this, [this](const QString &kind) {
        if (kind == u"Package"_s)
            reload();
    });
    reload();
}

PackagesPanel::~PackagesPanel() = default;

void PackagesPanel::connectUploader()
{
    connect(m_uploader, &PackageUploader::started, this, [this](int count) {
        if (!m_ownUploader)
            return;
        m_summary->setText(tr("Uploading %n file(s)…", nullptr, count));
        m_summary->show();
    });
    connect(m_uploader, &PackageUploader::finished, this, &PackagesPanel::showUploadSummary);
}

void PackagesPanel::useUploader(PackageUploader *shared)
{
    if (!shared || shared == m_uploader)
        return;
    if (m_ownUploader && !m_uploader->isBusy())
        delete m_uploader;
    else
        disconnect(m_uploader, nullptr, this, nullptr);
    m_uploader = shared;
    m_ownUploader = false;
    m_summary->hide();
    connectUploader();
}

void PackagesPanel::reload()
{
    WorkspaceSession *session = m_session;
    const QString spaceId = session->currentSpaceId();
    session->request<Result<QList<PackageRepository::Record>>>(this, [session, spaceId]() {
        return PackageRepository(session->context()).list(spaceId);
    }, [this](Result<QList<PackageRepository::Record>> result) {
        if (!result) {
            showError(result.error().message);
            return;
        }
        const auto previous = selectedRecord();
        m_model->setRecords(*result);
        // Versions show at once in a repository of modest size; with thousands, the ids
        // alone read better (and the tab opens faster); a filter expands what it keeps.
        if (m_model->versionCount() <= ExpandAllLimit || !m_filter->text().trimmed().isEmpty())
            m_tree->expandAll();
        if (previous) {
            const QModelIndex source = m_model->indexOf(previous->packageId, previous->version);
            if (source.isValid())
                m_tree->setCurrentIndex(m_proxy->mapFromSource(source));
        }
        showDetails();
    });
}

std::optional<PackageRepository::Record> PackagesPanel::selectedRecord() const
{
    return m_model->record(m_proxy->mapToSource(m_tree->currentIndex()));
}

void PackagesPanel::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void PackagesPanel::chooseFilesToUpload()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Upload packages"), QString(),
        tr("Packages (*.zip *.tar.gz *.tgz *.tar *.tar.bz2 *.tar.xz *.nupkg *.jar *.war);;All files (*)"));
    showError({});
    if (!files.isEmpty())
        m_uploader->upload(files);
}

void PackagesPanel::showUploadSummary(const PackageUploader::Summary &summary)
{
    if (!m_ownUploader)
        return; // the window's upload panel shows it
    m_summary->setText(PackageUploader::describe(summary));
    m_summary->setVisible(!summary.files.isEmpty());
}

void PackagesPanel::showDetails()
{
    const auto record = selectedRecord();
    m_delete->setEnabled(record.has_value());
    m_files->clear();
    if (!record) {
        m_selectedKey.clear();
        m_detailsTitle->setText(tr("Select a version to see the files inside it."));
        m_releaseNotes->clear();
        return;
    }
    const QString key = record->displayName();
    m_detailsTitle->setText(record->title.isEmpty() || record->title == record->packageId
                                ? key
                                : tr("%1 (%2)").arg(key, record->title));
    m_releaseNotes->setPlainText(record->releaseNotes.isEmpty() ? tr("No release notes.") : record->releaseNotes);
    m_selectedKey = key;
    WorkspaceSession *session = m_session;
    const QString spaceId = session->currentSpaceId();
    const QString packagesDirectory = session->workspace()->packagesDirectory();
    const QString packageId = record->packageId;
    const QString version = record->version;
    session->request<Result<QList<ArchiveEntry>>>(this, [session, spaceId, packagesDirectory, packageId, version]() {
        return BuiltinRepository(session->context(), packagesDirectory, spaceId).entries(packageId, version);
    }, [this, key](Result<QList<ArchiveEntry>> result) {
        if (key != m_selectedKey)
            return; // the selection moved on meanwhile
        m_files->clear();
        if (!result) {
            auto *item = new QTreeWidgetItem(m_files, {result.error().message});
            item->setFirstColumnSpanned(true);
            return;
        }
        for (const ArchiveEntry &entry : *result) {
            auto *item = new QTreeWidgetItem(m_files, {entry.path, entryTypeName(entry.type),
                                                       entry.type == ArchiveEntry::Type::File && entry.size >= 0 ? QLocale().formattedDataSize(entry.size)
                                                                       : QString()});
            item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        }
    });
}

void PackagesPanel::deleteSelected()
{
    const auto record = selectedRecord();
    if (!record)
        return;
    QMessageBox confirm(QMessageBox::Question, tr("Delete package"),
                        tr("Delete %1 from the built-in repository? Its file is removed as well.")
                            .arg(record->displayName()),
                        QMessageBox::Yes | QMessageBox::Cancel, this);
    confirm.setObjectName(u"confirmDeletePackage"_s);
    confirm.setDefaultButton(QMessageBox::Cancel);
    if (confirm.exec() != QMessageBox::Yes)
        return;
    showError({});
    WorkspaceSession *session = m_session;
    const QString spaceId = session->currentSpaceId();
    const QString packagesDirectory = session->workspace()->packagesDirectory();
    const QString packageId = record->packageId;
    const QString version = record->version;
    session->write<Result<PackageRepository::Record>>(this, u"Package"_s,
        [session, spaceId, packagesDirectory, packageId, version]() {
            return BuiltinRepository(session->context(), packagesDirectory, spaceId).remove(packageId, version);
        }, [this](Result<PackageRepository::Record> result) {
            // A release using the version is the usual refusal; it belongs next to the list.
            if (!result)
                showError(result.error().message);
        });
}

} // namespace Cuttle
