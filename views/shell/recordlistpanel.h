#pragma once

#include "model/core/result.h"

#include <QWidget>

#include <functional>

class QAbstractItemView;
class QLabel;
class QPushButton;
class QStackedWidget;
class QVBoxLayout;

namespace Cuttle {

class WorkspaceSession;

/// The shape every list of records in the console shares: an introduction, Add / Edit /
/// Delete buttons, a line for refusals and failures, the list (or an empty state that
/// explains the concept), and a reload whenever the space or that kind of record changes.
/// A subclass supplies the list's contents and what Add, Edit and Delete mean.
class RecordListPanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordListPanel)

public:
    /// The last refusal or failure shown above the list (empty: none).
    QString message() const;
    bool isLoaded() const { return m_loaded; }

    void reload();
    void addRecord();
    void editSelected();
    void deleteSelected();

signals:
    void loaded();

protected:
    /// What the panel says; an empty emptyTitle means the list is shown even when empty.
    struct Texts
    {
        QString intro;
        QString addLabel;
        QString addObjectName;
        QString emptyTitle;
        QString emptyExplanation;
        QString emptyAction;
    };

    /// `recordKind` is the WorkspaceSession::changed() kind that makes the panel reload.
    RecordListPanel(WorkspaceSession *session, QString recordKind, QWidget *parent);

    /// Lays the panel out around `view` (and `details` under it, when given) and loads the
    /// list. Called at the end of the subclass constructor, once load() can run.
    void setUp(QAbstractItemView *view, const Texts &texts, QWidget *details = nullptr);

    /// Fetches the space's records through the session and hands them to loadFinished().
    virtual void load(const QString &spaceId) = 0;
    /// Opens the editor for the record at `index`, or for a new record when it is invalid.
    virtual void openEditor(const QModelIndex &index) = 0;
    /// Asks and, if the user agrees, deletes the record at `index` (see removeAfterConfirmation).
    virtual void deleteRecord(const QModelIndex &index) = 0;
    virtual bool canDelete(const QModelIndex &index) const;
    /// The selection changed: a subclass may show details of the current record.
    virtual void selectionChanged(const QModelIndex &current);

    /// Shows the loaded list (or the empty state) and announces loaded().
    void loadFinished(bool isEmpty);
    void showMessage(const QString &text);
    /// Asks `question`; on Yes runs `work` on the session's worker as a write of this
    /// panel's kind and shows its refusal, if any, above the list.
    void removeAfterConfirmation(const QString &title, const QString &question, std::function<VoidResult()> work);

    WorkspaceSession *session() const { return m_session; }
    const QString &recordKind() const { return m_recordKind; }

private:
    void updateActions();

    WorkspaceSession *m_session = nullptr;
    QString m_recordKind;
    QAbstractItemView *m_view = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_delete = nullptr;
    bool m_loaded = false;
};

} // namespace Cuttle
