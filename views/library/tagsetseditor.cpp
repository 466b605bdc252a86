#include "views/library/tagsetseditor.h"

#include "model/engine/workspacesession.h"
#include "model/itemmodels/tagmodel.h"
#include "model/itemmodels/tagsetlistmodel.h"
#include "model/store/tagsetrepository.h"
#include "views/projects/fielderrorlabel.h"
#include "views/projects/namedescriptiondialog.h"
#include "views/shell/emptystatewidget.h"

#include <QColorDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace Cuttle {

TagSetsEditor::TagSetsEditor(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_list(new TagSetListModel(this))
    , m_tags(new TagModel(this))
{
    auto *layout = new QHBoxLayout(this);
    auto *splitter = new QSplitter(this);
    layout->addWidget(splitter);

    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_listView = new QTableView(left);
    m_listView->setObjectName(QStringLiteral("tagSetList"));
    m_listView->setModel(m_list);
    m_listView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_listView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_listView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_listView->verticalHeader()->hide();
    m_listView->horizontalHeader()->setStretchLastSection(true);
    leftLayout->addWidget(m_listView);
    auto *listButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add tag set"), left);
    add->setObjectName(QStringLiteral("addTagSet"));
    m_deleteSet = new QPushButton(style()->standardIcon(QStyle::SP_TrashIcon), tr("Delete"), left);
    m_deleteSet->setObjectName(QStringLiteral("deleteTagSet"));
    m_setUp = new QPushButton(style()->standardIcon(QStyle::SP_ArrowUp), QString(), left);
    m_setUp->setObjectName(QStringLiteral("tagSetUp"));
    m_setUp->setToolTip(tr("Move the tag set up"));
    m_setDown = new QPushButton(style()->standardIcon(QStyle::SP_ArrowDown), QString(), left);
    m_setDown->setObjectName(QStringLiteral("tagSetDown"));
    m_setDown->setToolTip(tr("Move the tag set down"));
    for (QPushButton *b : {add, m_deleteSet, m_setUp, m_setDown})
        listButtons->addWidget(b);
    listButtons->addStretch();
    leftLayout->addLayout(listButtons);
    m_listError = new FieldErrorLabel(left);
    m_listError->setObjectName(QStringLiteral("listError"));
    leftLayout->addWidget(m_listError);

    m_stack = new QStackedWidget(splitter);
    m_emptyState = new EmptyStateWidget(tr("No tag sets yet"),
                                        tr("Tag sets classify tenants, for example a \"Region\" set with the tags "
                                           "\"East\" and \"West\". Deployments and targets can then pick tenants by tag."),
                                        m_stack);
    m_stack->addWidget(m_emptyState);

    m_editor = new QWidget(m_stack);
    auto *editorLayout = new QVBoxLayout(m_editor);
    editorLayout->setContentsMargins(12, 0, 12, 12);
    auto *form = new QFormLayout;
    m_name = new QLineEdit(m_editor);
    m_name->setObjectName(QStringLiteral("tagSetName"));
    m_nameError = new FieldErrorLabel(m_editor);
    m_nameError->setObjectName(QStringLiteral("nameError"));
    auto *nameBox = new QVBoxLayout;
    nameBox->setSpacing(2);
    nameBox->addWidget(m_name);
    nameBox->addWidget(m_nameError);
    form->addRow(tr("Name"), nameBox);
    m_description = new QPlainTextEdit(m_editor);
    m_description->setObjectName(QStringLiteral("tagSetDescription"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(54);
    form->addRow(tr("Description"), m_description);
    editorLayout->addLayout(form);

    auto *tagsBox = new QGroupBox(tr("Tags"), m_editor);
    auto *tagsLayout = new QVBoxLayout(tagsBox);
    m_tagView = new QTableView(tagsBox);
    m_tagView->setObjectName(QStringLiteral("tagTable"));
    m_tagView->setModel(m_tags);
    m_tagView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tagView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tagView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_tagView->horizontalHeader()->setStretchLastSection(true);
    tagsLayout->addWidget(m_tagView);
    auto *addRow = new QHBoxLayout;
    m_newTag = new QLineEdit(tagsBox);
    m_newTag->setObjectName(QStringLiteral("newTag"));
    m_newTag->setPlaceholderText(tr("New tag name"));
    auto *addTag = new QPushButton(tr("Add tag"), tagsBox);
    addTag->setObjectName(QStringLiteral("addTag"));
    auto *colour = new QPushButton(tr("Colour…"), tagsBox);
    colour->setObjectName(QStringLiteral("tagColour"));
    auto *removeTag = new QPushButton(tr("Remove tag"), tagsBox);
    removeTag->setObjectName(QStringLiteral("removeTag"));
    auto *tagUp = new QPushButton(style()->standardIcon(QStyle::SP_ArrowUp), QString(), tagsBox);
    tagUp->setToolTip(tr("Move the tag up"));
    auto *tagDown = new QPushButton(style()->standardIcon(QStyle::SP_ArrowDown), QString(), tagsBox);
    tagDown->setToolTip(tr("Move the tag down"));
    addRow->addWidget(m_newTag, 1);
    for (QPushButton *b : {addTag, colour, removeTag, tagUp, tagDown})
        addRow->addWidget(b);
    tagsLayout->addLayout(addRow);
    auto *hint = new QLabel(tr("Double-click a tag to rename it or change its colour (#RRGGBB). "
                               "Tenants carry tags as \"Tag set/Tag\"."), tagsBox);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    tagsLayout->addWidget(hint);
    m_tagsError = new FieldErrorLabel(tagsBox);
    m_tagsError->setObjectName(QStringLiteral("tagsError"));
    tagsLayout->addWidget(m_tagsError);
    editorLayout->addWidget(tagsBox, 1);

    m_generalError = new FieldErrorLabel(m_editor);
    m_generalError->setObjectName(QStringLiteral("generalError"));
    editorLayout->addWidget(m_generalError);
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch();
    auto *revert = new QPushButton(tr("Discard changes"), m_editor);
    m_save = new QPushButton(style()->standardIcon(QStyle::SP_DialogSaveButton), tr("Save tag set"), m_editor);
    m_save->setObjectName(QStringLiteral("saveTagSet"));
    saveRow->addWidget(revert);
    saveRow->addWidget(m_save);
    editorLayout->addLayout(saveRow);
    m_stack->addWidget(m_editor);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 640});

    connect(add, &QPushButton::clicked, this, &TagSetsEditor::addTagSet);
    connect(m_deleteSet, &QPushButton::clicked, this, &TagSetsEditor::deleteTagSet);
    connect(m_setUp, &QPushButton::clicked, this, [this]() { moveTagSet(-1); });
    connect(m_setDown, &QPushButton::clicked, this, [this]() { moveTagSet(1); });
    connect(addTag, &QPushButton::clicked, this, &TagSetsEditor::addTag);
    connect(m_newTag, &QLineEdit::returnPressed, this, &TagSetsEditor::addTag);
    connect(colour, &QPushButton::clicked, this, &TagSetsEditor::chooseColour);
    connect(removeTag, &QPushButton::clicked, this, [this]() { m_tags->removeTag(currentTagRow()); });
    connect(tagUp, &QPushButton::clicked, this, [this]() {
        const int row = currentTagRow();
        if (m_tags->moveTag(row, row - 1))
            m_tagView->selectRow(row - 1);
    });
    connect(tagDown, &QPushButton::clicked, this, [this]() {
        const int row = currentTagRow();
        if (m_tags->moveTag(row, row + 1))
            m_tagView->selectRow(row + 1);
    });
    connect(m_tags, &TagModel::tagsEdited, this, &TagSetsEditor::markDirty);
    connect(m_name, &QLineEdit::textEdited, this, &TagSetsEditor::markDirty);
    connect(m_name, &QLineEdit::textEdited, m_nameError, &FieldErrorLabel::clearError);
    connect(m_description, &QPlainTextEdit::textChanged, this, &TagSetsEditor::markDirty);
    connect(m_save, &QPushButton::clicked, this, &TagSetsEditor::save);
    connect(revert, &QPushButton::clicked, this, [this]() { showTagSet(m_loaded); });
    connect(m_listView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (const auto set = m_list->tagSet(current.row()))
            showTagSet(*set);
        else
            m_stack->setCurrentWidget(m_emptyState);
        m_deleteSet->setEnabled(current.isValid());
        m_setUp->setEnabled(current.row() > 0);
        m_setDown->setEnabled(current.isValid() && current.row() < m_list->rowCount() - 1);
    });
    connect(m_session, &WorkspaceSession::changed, this, [this](const QString &kind) {
        if (kind == u"TagSet")
            reload();
    });
    connect(m_session, &WorkspaceSession::currentSpaceChanged, this, [this]() {
        m_dirty = false;
        m_listError->clearError();
        reload();
    });
    m_deleteSet->setEnabled(false);
    m_setUp->setEnabled(false);
    m_setDown->setEnabled(false);
    reload();
}

void TagSetsEditor::reload()
{
    const StoreContext context = m_session->context();
    const QString spaceId = m_session->currentSpaceId();
    m_session->request<Result<QList<TagSet>>>(this, [context, spaceId]() {
        return TagSetRepository(context).list(spaceId);
    }, [this](Result<QList<TagSet>> result) {
        if (!result) {
            m_listError->setError(result.error().message);
            return;
        }
        QString keep = m_pendingSelection;
        if (keep.isEmpty())
            keep = m_listView->currentIndex().data(TagSetListModel::IdRole).toString();
        m_list->setTagSets(*result);
        const int row = m_list->rowOfId(keep);
        if (row >= 0) {
            m_pendingSelection.clear();
            m_listView->selectRow(row);
        } else if (m_list->rowCount() > 0) {
            m_listView->selectRow(0);
        } else {
            m_stack->setCurrentWidget(m_emptyState);
        }
    });
}

void TagSetsEditor::selectTagSet(const QString &id)
{
    const int row = m_list->rowOfId(id);
    if (row >= 0)
        m_listView->selectRow(row);
    else
        m_pendingSelection = id;
}

void TagSetsEditor::showTagSet(const TagSet &tagSet)
{
    m_updatingForm = true;
    m_loaded = tagSet;
    clearErrors();
    m_name->setText(tagSet.name);
    m_description->setPlainText(tagSet.description);
    m_tags->setTags(tagSet.tags);
    m_newTag->clear();
    m_updatingForm = false;
    m_dirty = false;
    m_save->setEnabled(false);
    m_stack->setCurrentWidget(m_editor);
}

int TagSetsEditor::currentTagRow() const
{
    const QModelIndex current = m_tagView->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void TagSetsEditor::markDirty()
{
    if (m_updatingForm)
        return;
    m_dirty = true;
    m_save->setEnabled(true);
    m_tagsError->clearError();
}

void TagSetsEditor::addTag()
{
    const QString name = m_newTag->text().trimmed();
    if (name.isEmpty()) {
        m_tagsError->setError(tr("Type the new tag's name first."));
        return;
    }
    for (const Tag &tag : m_tags->tags()) {
        if (tag.name.compare(name, Qt::CaseInsensitive) == 0) {
            m_tagsError->setError(tr("The tag set already has a tag named \"%1\".").arg(name));
            return;
        }
    }
    m_tagView->selectRow(m_tags->appendTag(name));
    m_newTag->clear();
}

void TagSetsEditor::chooseColour()
{
    const int row = currentTagRow();
    if (row < 0)
        return;
    auto *dialog = new QColorDialog(QColor::fromString(m_tags->tags().at(row).color), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QColorDialog::colorSelected, this, [this, row](const QColor &color) {
        m_tags->setData(m_tags->index(row, TagModel::ColorColumn), color.name());
    });
    dialog->open();
}

void TagSetsEditor::clearErrors()
{
    for (FieldErrorLabel *label : {m_nameError, m_tagsError, m_generalError})
        label->clearError();
}

void TagSetsEditor::showError(const Error &error)
{
    if (error.field == u"name")
        m_nameError->setError(error.message);
    else if (error.field == u"tags")
        m_tagsError->setError(error.message);
    else
        m_generalError->setError(error.message);
}

void TagSetsEditor::save()
{
    clearErrors();
    TagSet tagSet = m_loaded;
    tagSet.name = m_name->text();
    tagSet.description = m_description->toPlainText();
    tagSet.tags = m_tags->tags();
    const StoreContext context = m_session->context();
    m_save->setEnabled(false);
    m_session->write<Result<TagSet>>(this, QStringLiteral("TagSet"), [context, tagSet]() {
        return TagSetRepository(context).update(tagSet);
    }, [this](Result<TagSet> result) {
        if (!result) {
            m_save->setEnabled(true);
            showError(result.error());
            return;
        }
        m_dirty = false;
        m_pendingSelection = result->id;
    });
}

void TagSetsEditor::addTagSet()
{
    auto *dialog = new NameDescriptionDialog(tr("Add tag set"), tr("Name"), this);
    dialog->setObjectName(QStringLiteral("tagSetDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NameDescriptionDialog::submitted, this, [this, dialog]() {
        TagSet tagSet;
        tagSet.spaceId = m_session->currentSpaceId();
        tagSet.name = dialog->name();
        tagSet.description = dialog->description();
        tagSet.sortOrder = m_list->rowCount();
        const StoreContext context = m_session->context();
        m_session->write<Result<TagSet>>(dialog, QStringLiteral("TagSet"), [context, tagSet]() {
            return TagSetRepository(context).create(tagSet);
        }, [this, dialog](Result<TagSet> result) {
            if (!result) {
                dialog->showError(result.error());
                return;
            }
            m_pendingSelection = result->id;
            dialog->accept();
        });
    });
    dialog->open();
}

void TagSetsEditor::deleteTagSet()
{
    const auto tagSet = m_list->tagSet(m_listView->currentIndex().row());
    if (!tagSet)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete tag set"),
                                tr("Delete the tag set \"%1\" and its tags?").arg(tagSet->name),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, id = tagSet->id](int button) {
        if (button != QMessageBox::Yes)
            return;
        m_listError->clearError();
        const StoreContext context = m_session->context();
        m_session->write<VoidResult>(this, QStringLiteral("TagSet"), [context, id]() {
            return TagSetRepository(context).remove(id);
        }, [this](VoidResult result) {
            if (!result)
                m_listError->setError(result.error().message);
        });
    });
    box->open();
}

void TagSetsEditor::moveTagSet(int delta)
{
    const int row = m_listView->currentIndex().row();
    if (row < 0 || row + delta < 0 || row + delta >= m_list->rowCount())
        return;
    const QStringList ids = m_list->idsWithMove(row, row + delta);
    const QString spaceId = m_session->currentSpaceId();
    const StoreContext context = m_session->context();
    m_pendingSelection = ids.at(row + delta);
    m_listError->clearError();
    m_session->write<VoidResult>(this, QStringLiteral("TagSet"), [context, spaceId, ids]() {
        return TagSetRepository(context).reorder(spaceId, ids);
    }, [this](VoidResult result) {
        if (!result)
            m_listError->setError(result.error().message);
    });
}

} // namespace Cuttle
