#pragma once

#include <QComboBox>

namespace Cuttle {

class SpaceListModel;
class WorkspaceSession;

/// The first control of the console: chooses the space every page shows. Remembers the
/// last space per workspace and falls back to the Default space when that one is gone.
class SpaceSwitcher final : public QComboBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpaceSwitcher)

public:
    explicit SpaceSwitcher(WorkspaceSession *session, QWidget *parent = nullptr);

    SpaceListModel *spaces() const { return m_model; }
    void reload();
    /// Makes the space with this id current (as choosing it in the list does).
    bool switchTo(const QString &spaceId);

signals:
    void loaded();

private:
    void choose(int row);
    QString settingsKey() const;

    WorkspaceSession *m_session = nullptr;
    SpaceListModel *m_model = nullptr;
};

} // namespace Cuttle
