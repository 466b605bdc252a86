#include "views/shell/spaceswitcher.h"

#include "model/engine/workspacesession.h"
#include "model/itemmodels/spacelistmodel.h"
#include "model/store/spacerepository.h"

#include <QSettings>

namespace Cuttle {

SpaceSwitcher::SpaceSwitcher(WorkspaceSession *session, QWidget *parent)
    : QComboBox(parent)
    , m_session(session)
    , m_model(new SpaceListModel(this))
{
    setObjectName(QStringLiteral("spaceSwitcher"));
    setModel(m_model);
    setToolTip(tr("The space everything below belongs to"));
    setAccessibleName(tr("Space"));
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(12);
    connect(this, &QComboBox::activated, this, &SpaceSwitcher::choose);
    connect(m_session, &WorkspaceSession::changed, this, [this](const QString &kind) {
        if (kind == QLatin1String("Space"))
            reload();
    });
    connect(m_session, &WorkspaceSession::currentSpaceChanged, this, [this](const QString &spaceId) {
        if (const int row = m_model->rowOfId(spaceId); row >= 0 && row != currentIndex())
            setCurrentIndex(row);
    });
    reload();
}

QString SpaceSwitcher::settingsKey() const
{
    return QStringLiteral("workspaces/") + m_session->workspace()->id() + QStringLiteral("/space");
}

void SpaceSwitcher::reload()
{
    WorkspaceSession *session = m_session;
    m_session->request<Result<QList<Space>>>(
        this, [session]() { return SpaceRepository(session->context()).list(); },
        [this](Result<QList<Space>> spaces) {
            if (!spaces) {
                setToolTip(spaces.error().message);
                return;
            }
            m_model->setSpaces(*spaces);
            QString wanted = m_session->currentSpaceId();
            if (wanted.isEmpty())
                wanted = QSettings().value(settingsKey()).toString();
            int row = m_model->rowOfId(wanted);
            for (int i = 0; row < 0 && i < m_model->rowCount(); ++i) {
                if (m_model->index(i).data(SpaceListModel::IsDefaultRole).toBool())
                    row = i;
            }
            if (row < 0 && m_model->rowCount() > 0)
                row = 0;
            if (row >= 0) {
                setCurrentIndex(row);
                const Space &space = m_model->spaces().at(row);
                m_session->setCurrentSpace(space.id, space.name);
            }
            emit loaded();
        });
}

bool SpaceSwitcher::switchTo(const QString &spaceId)
{
    const int row = m_model->rowOfId(spaceId);
    if (row < 0)
        return false;
    setCurrentIndex(row);
    choose(row);
    return true;
}

void SpaceSwitcher::choose(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        return;
    const Space &space = m_model->spaces().at(row);
    QSettings().setValue(settingsKey(), space.id);
    m_session->setCurrentSpace(space.id, space.name);
}

} // namespace Cuttle
