#include "views/shell/recordlistpanel.h"

#include "model/engine/workspacesession.h"
#include "views/shell/emptystatewidget.h"

#include <QAbstractItemView>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>

namespace Cuttle {

RecordListPanel::RecordListPanel(WorkspaceSession *session, QString recordKind, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_recordKind(std::move(recordKind))
{
}

void RecordListPanel::setUp(QAbstractItemView *view, const Texts &texts, QWidget *details)
{
    m_view = view;
    auto *layout = new QVBoxLayout(this);
    if (!texts.intro.isEmpty()) {
        auto *intro = new QLabel(texts.intro, this);
        intro->setWordWrap(true);
        intro->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(intro);
    }

    auto *add = new QPushButton(style()->standardIcon(QStyle::SP_FileDialogNewFolder), texts.addLabel, this);
    add->setObjectName(texts.addObjectName);
    m_edit = new QPushButton(tr("Edit…"), this);
    m_edit->setObjectName(QStringLiteral("edit") + m_recordKind);
    m_delete = new QPushButton(style()->standardIcon(QStyle::SP_TrashIcon), tr("Delete"), this);
    m_delete->setObjectName(QStringLiteral("delete") + m_recordKind);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_delete);
    buttons->addStretch();
    layout->addLayout(buttons);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("panelMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_message->hide();
    layout->addWidget(m_message);

    auto *listPage = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPage);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_view, 1);
    if (details)
        listLayout->addWidget(details);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(listPage);
    if (!texts.emptyTitle.isEmpty()) {
        auto *empty = new EmptyStateWidget(texts.emptyTitle, texts.emptyExplanation, this);
        connect(empty->addAction(texts.emptyAction), &QPushButton::clicked, this, &RecordListPanel::addRecord);
        m_stack->addWidget(empty);
    }
    layout->addWidget(m_stack, 1);

    connect(add, &QPushButton::clicked, this, &RecordListPanel::addRecord);
    connect(m_edit, &QPushButton::clicked, this, &RecordListPanel::editSelected);
    connect(m_delete, &QPushButton::clicked, this, &RecordListPanel::deleteSelected);
    connect(m_view, &QAbstractItemView::doubleClicked, this, &RecordListPanel::editSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &RecordListPanel::updateActions);
    connect(m_session, &WorkspaceSession::currentSpaceChanged, this, [this]() {
        showMessage({});
        reload();
    });
    connect(m_session, &WorkspaceSession::changed, this, [this](const QString &kind) {
        if (kind == m_recordKind)
            reload();
    });
    updateActions();
    reload();
}

QString RecordListPanel::message() const
{
    return m_message->text();
}

void RecordListPanel::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void RecordListPanel::reload()
{
    const QString spaceId = m_session->currentSpaceId();
    if (!spaceId.isEmpty())
        load(spaceId);
}

void RecordListPanel::loadFinished(bool isEmpty)
{
    m_stack->setCurrentIndex(isEmpty && m_stack->count() > 1 ? 1 : 0);
    updateActions();
    m_loaded = true;
    emit loaded();
}

bool RecordListPanel::canDelete(const QModelIndex &index) const
{
    return index.isValid();
}

void RecordListPanel::selectionChanged(const QModelIndex &)
{
}

void RecordListPanel::updateActions()
{
    const QModelIndex current = m_view->currentIndex();
    m_edit->setEnabled(current.isValid());
    m_delete->setEnabled(current.isValid() && canDelete(current));
    selectionChanged(current);
}

void RecordListPanel::addRecord()
{
    showMessage({});
    openEditor({});
}

void RecordListPanel::editSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    showMessage({});
    openEditor(current);
}

void RecordListPanel::deleteSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid() && canDelete(current))
        deleteRecord(current);
}

void RecordListPanel::removeAfterConfirmation(const QString &title, const QString &question,
                                              std::function<VoidResult()> work)
{
    if (QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    showMessage({});
    m_session->write<VoidResult>(this, m_recordKind, std::move(work), [this](VoidResult removed) {
        if (!removed)
            showMessage(removed.error().message);
    });
}

} // namespace Cuttle
