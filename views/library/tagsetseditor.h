#pragma once

#include "model/core/error.h"
#include "model/core/tagset.h"

#include <QWidget>

class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace Cuttle {

class EmptyStateWidget;
class FieldErrorLabel;
class TagModel;
class TagSetListModel;
class WorkspaceSession;

/// The Tenant tag sets tab of the library: ordered tag sets, each with ordered, coloured tags.
class TagSetsEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagSetsEditor)

public:
    explicit TagSetsEditor(WorkspaceSession *session, QWidget *parent = nullptr);

    void reload();
    void selectTagSet(const QString &id);

private:
    void showTagSet(const TagSet &tagSet);
    void addTagSet();
    void deleteTagSet();
    void moveTagSet(int delta);
    void addTag();
    void chooseColour();
    void markDirty();
    void save();
    void clearErrors();
    void showError(const Error &error);
    int currentTagRow() const;

    WorkspaceSession *m_session = nullptr;
    TagSetListModel *m_list = nullptr;
    TagModel *m_tags = nullptr;
    TagSet m_loaded;
    bool m_dirty = false;
    bool m_updatingForm = false;
    QString m_pendingSelection;

    QTableView *m_listView = nullptr;
    QPushButton *m_deleteSet = nullptr;
    QPushButton *m_setUp = nullptr;
    QPushButton *m_setDown = nullptr;
    QStackedWidget *m_stack = nullptr;
    EmptyStateWidget *m_emptyState = nullptr;
    QWidget *m_editor = nullptr;
    QLineEdit *m_name = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QTableView *m_tagView = nullptr;
    QLineEdit *m_newTag = nullptr;
    QPushButton *m_save = nullptr;
    FieldErrorLabel *m_nameError = nullptr;
    FieldErrorLabel *m_tagsError = nullptr;
    FieldErrorLabel *m_generalError = nullptr;
    FieldErrorLabel *m_listError = nullptr;
};

} // namespace Cuttle
