#include "views/infrastructure/environmentspanel.h"

#include "model/engine/workspacesession.h"
#include "model/itemmodels/environmentlistmodel.h"
#include "model/store/environmentrepository.h"
#include "views/infrastructure/environmentdialog.h"

#include <QLabel>
#include <QListView>

namespace Cuttle {

EnvironmentsPanel::EnvironmentsPanel(WorkspaceSession *session, QWidget *parent)
    : RecordListPanel(session, QStringLiteral("Environment"), parent)
    , m_model(new EnvironmentListModel(this))
    , m_view(new QListView(this))
    , m_details(new QLabel(this))
{
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
    m_details->setWordWrap(true);
    m_details->setObjectName(QStringLiteral("environmentDetails"));
    connect(m_model, &EnvironmentListModel::orderChanged, this, &EnvironmentsPanel::persistOrder);

    Texts texts;
    texts.intro = tr("Releases are promoted through environments in this order. Drag an environment to move it; the "
                     "dashboard shows them as columns in the same order.");
    texts.addLabel = tr("Add environment…");
    texts.addObjectName = QStringLiteral("addEnvironment");
    texts.emptyTitle = tr("No environments yet");
    texts.emptyExplanation = tr("Environments are the stages a release goes through, such as Development, Test and "
                                "Production. Targets belong to environments, and lifecycles promote releases through "
                                "them.");
    texts.emptyAction = tr("Add the first environment…");
    setUp(m_view, texts, m_details);
}

void EnvironmentsPanel::load(const QString &spaceId)
{
    WorkspaceSession *s = session();
    s->request<Result<QList<Environment>>>(
        this, [s, spaceId]() { return EnvironmentRepository(s->context()).list(spaceId); },
        [this, spaceId](Result<QList<Environment>> environments) {
            if (spaceId != session()->currentSpaceId())
                return;
            if (!environments) {
                showMessage(environments.error().message);
                return;
            }
            const QModelIndex current = m_view->currentIndex();
            const QString selected = current.isValid() ? current.data(EnvironmentListModel::IdRole).toString() : QString();
            m_model->setEnvironments(*environments);
            if (const int row = m_model->rowOfId(selected); row >= 0)
                m_view->setCurrentIndex(m_model->index(row));
            loadFinished(environments->isEmpty());
        });
}

void EnvironmentsPanel::selectionChanged(const QModelIndex &current)
{
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

void EnvironmentsPanel::openEditor(const QModelIndex &index)
{
    Environment environment;
    environment.spaceId = session()->currentSpaceId();
    auto *dialog = new EnvironmentDialog(session(), index.isValid() ? m_model->environment(index.row()) : environment,
                                         this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void EnvironmentsPanel::deleteRecord(const QModelIndex &index)
{
    const Environment environment = m_model->environment(index.row());
    WorkspaceSession *s = session();
    const QString id = environment.id;
    removeAfterConfirmation(tr("Delete environment"), tr("Delete the environment \"%1\"?").arg(environment.name),
                            [s, id]() { return EnvironmentRepository(s->context()).remove(id); });
}

void EnvironmentsPanel::persistOrder(const QStringList &orderedIds)
{
    showMessage({});
    WorkspaceSession *s = session();
    const QString spaceId = s->currentSpaceId();
    s->write<VoidResult>(
        this, recordKind(),
        [s, spaceId, orderedIds]() { return EnvironmentRepository(s->context()).reorder(spaceId, orderedIds); },
        [this](VoidResult reordered) {
            if (!reordered) {
                showMessage(reordered.error().message);
                reload();
            }
        });
}

} // namespace Cuttle
