#include "views/infrastructure/environmentspanel.h"

#include "model/engine/workspacesession.h"
#include "model/itemmodels/environmentlistmodel.h"
#include "model/store/environmentrepository.h"
#include "views/infrastructure/environmentdialog.h"
#include "views/shell/emptystatewidget.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>

namespace Cuttle {

EnvironmentsPanel::EnvironmentsPanel(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new EnvironmentListModel(this))
{
    auto *intro = new QLabel(tr("Releases are promoted through environments in this order. Drag an environment to move it; "
                                "the dashboard shows them as columns in the same order."), this);
    intro->setWordWrap(true);
    intro->setForegroundRole(QPalette::PlaceholderText);

    m_add = new QPushButton(style()->standardIcon(QStyle::SP_FileDialogNewFolder), tr("Add environment…"), this);
    m_add->setObjectName(QStringLiteral("addEnvironment"));
    m_edit = new QPushButton(tr("Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editEnvironment"));
    m_delete = new QPushButton(style()->standardIcon(QStyle::SP_TrashIcon), tr("Delete"), this);
    m_delete->setObjectName(QStringLiteral("deleteEnvironment"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_delete);
    buttons->addStretch();

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("panelMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_message->hide();

    m_view = new QListView(this);
    m_view->setObjectName(QStringLiteral("environments"));
    m_view->setModel(m_model);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setDragEnabled(true);
    m_view->setAcceptDrops(true);
    m_view->setDropIndicatorShown(true);
    // DragDrop rather than InternalMove: the model itself refuses anything but its own
    // environments, and the move reaches it through dropMimeData() in every case.
    m_view->setDragDropMode(QAbstractItemView::DragDrop);
    m_view->setDragDropOverwriteMode(false);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setSpacing(2);
    m_view->setAlternatingRowColors(true);

    m_details = new QLabel(this);
    m_details->setWordWrap(true);
    m_details->setObjectName(QStringLiteral("environmentDetails"));

    auto *listPage = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPage);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_view, 1);
    listLayout->addWidget(m_details);

    m_empty = new EmptyStateWidget(tr("No environments yet"),
                                   tr("Environments are the stages a release goes through, such as Development, Test and "
                                      "Production. Targets belong to environments, and lifecycles promote releases "
                                      "through them."),
                                   this);
    connect(m_empty->addAction(tr("Add the first environment…")), &QPushButton::clicked, this,
            &EnvironmentsPanel::addEnvironment);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(listPage);
    m_stack->addWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(m_stack, 1);

    connect(m_add, &QPushButton::clicked, this, &EnvironmentsPanel::addEnvironment);
    connect(m_edit, &QPushButton::clicked, this, &EnvironmentsPanel::editSelected);
    connect(m_delete, &QPushButton::clicked, this, &EnvironmentsPanel::deleteSelected);
    connect(m_view, &QListView::doubleClicked, this, &EnvironmentsPanel::editSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &EnvironmentsPanel::updateActions);
    connect(m_model, &EnvironmentListModel::orderChanged, this, &EnvironmentsPanel::persistOrder);
    connect(m_session, &WorkspaceSession::currentSpaceChanged, this, [this]() {
        showMessage({});
        reload();
    });
    connect(m_session, &WorkspaceSession::changed, this, [this](const QString &kind) {
        if (kind == QLatin1String("Environment"))
            reload();
    });
    updateActions();
    reload();
}

QString EnvironmentsPanel::message() const
{
    return m_message->text();
}

void EnvironmentsPanel::reload()
{
    const QString spaceId = m_session->currentSpaceId();
    if (spaceId.isEmpty())
        return;
    WorkspaceSession *session = m_session;
    m_session->request<Result<QList<Environment>>>(
        this, [session, spaceId]() { return EnvironmentRepository(session->context()).list(spaceId); },
        [this, spaceId](Result<QList<Environment>> environments) {
            if (spaceId != m_session->currentSpaceId())
                return;
            if (!environments) {
                showMessage(environments.error().message);
                return;
            }
            const QString selected = selectedId();
            m_model->setEnvironments(*environments);
            m_stack->setCurrentIndex(environments->isEmpty() ? 1 : 0);
            if (const int row = m_model->rowOfId(selected); row >= 0)
                m_view->setCurrentIndex(m_model->index(row));
            updateActions();
            m_loaded = true;
            emit loaded();
        });
}

QString EnvironmentsPanel::selectedId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(EnvironmentListModel::IdRole).toString() : QString();
}

void EnvironmentsPanel::updateActions()
{
    const QModelIndex current = m_view->currentIndex();
    m_edit->setEnabled(current.isValid());
    m_delete->setEnabled(current.isValid());
    if (!current.isValid()) {
        m_details->setText(tr("Select an environment to see its description."));
        return;
    }
    const Environment &environment = m_model->environment(current.row());
    QStringList lines;
    lines << (environment.description.isEmpty() ? tr("No description.") : environment.description);
    if (environment.useGuidedFailure)
        lines << tr("Guided failure is on by default.");
    if (environment.allowDynamicInfrastructure)
        lines << tr("Dynamic infrastructure is allowed.");
    m_details->setText(lines.join(u'\n'));
}

void EnvironmentsPanel::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void EnvironmentsPanel::addEnvironment()
{
    showMessage({});
    Environment environment;
    environment.spaceId = m_session->currentSpaceId();
    auto *dialog = new EnvironmentDialog(m_session, environment, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void EnvironmentsPanel::editSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    showMessage({});
    auto *dialog = new EnvironmentDialog(m_session, m_model->environment(current.row()), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void EnvironmentsPanel::deleteSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const Environment environment = m_model->environment(current.row());
    const auto answer = QMessageBox::question(this, tr("Delete environment"),
                                              tr("Delete the environment \"%1\"?").arg(environment.name),
                                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    showMessage({});
    WorkspaceSession *session = m_session;
    const QString id = environment.id;
    m_session->write<VoidResult>(
        this, QStringLiteral("Environment"), [session, id]() { return EnvironmentRepository(session->context()).remove(id); },
        [this](VoidResult removed) {
            if (!removed)
                showMessage(removed.error().message);
        });
}

void EnvironmentsPanel::persistOrder(const QStringList &orderedIds)
{
    showMessage({});
    WorkspaceSession *session = m_session;
    const QString spaceId = m_session->currentSpaceId();
    m_session->write<VoidResult>(
        this, QStringLiteral("Environment"),
        [session, spaceId, orderedIds]() { return EnvironmentRepository(session->context()).reorder(spaceId, orderedIds); },
        [this](VoidResult reordered) {
            if (!reordered) {
                showMessage(reordered.error().message);
                reload();
            }
        });
}

} // namespace Cuttle
