#include "views/library/lifecycleseditor.h"

#include "model/engine/workspacesession.h"
#include "model/itemmodels/lifecyclelistmodel.h"
#include "model/itemmodels/lifecyclephasemodel.h"
#include "model/store/environmentrepository.h"
#include "model/store/lifecyclerepository.h"
#include "views/projects/fielderrorlabel.h"
#include "views/projects/namedescriptiondialog.h"
#include "views/shell/emptystatewidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace Cuttle {

namespace {

struct LifecyclesData
{
    QList<Lifecycle> lifecycles;
    QList<Environment> environments;
};

QVBoxLayout *withError(QWidget *field, FieldErrorLabel *error)
{
    auto *box = new QVBoxLayout;
    box->setSpacing(2);
    box->addWidget(field);
    box->addWidget(error);
    return box;
}

void fillUnits(QComboBox *combo, const QString &itemsText)
{
    combo->addItem(QCoreApplication::translate("LifecyclesEditor", "Keep all"), int(RetentionUnit::Forever));
    combo->addItem(itemsText, int(RetentionUnit::Items));
    combo->addItem(QCoreApplication::translate("LifecyclesEditor", "Keep for days"), int(RetentionUnit::Days));
}

} // namespace

LifecyclesEditor::LifecyclesEditor(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_list(new LifecycleListModel(this))
    , m_phases(new LifecyclePhaseModel(this))
{
    auto *layout = new QHBoxLayout(this);
    auto *splitter = new QSplitter(this);
    layout->addWidget(splitter);

    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_listView = new QTableView(left);
    m_listView->setObjectName(QStringLiteral("lifecycleList"));
    m_listView->setModel(m_list);
    m_listView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_listView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_listView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_listView->verticalHeader()->hide();
    m_listView->horizontalHeader()->setStretchLastSection(true);
    m_listView->horizontalHeader()->setSectionResizeMode(LifecycleListModel::NameColumn, QHeaderView::Stretch);
    leftLayout->addWidget(m_listView);
    auto *listButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add lifecycle"), left);
    add->setObjectName(QStringLiteral("addLifecycle"));
    m_deleteLifecycle = new QPushButton(style()->standardIcon(QStyle::SP_TrashIcon), tr("Delete"), left);
    m_deleteLifecycle->setObjectName(QStringLiteral("deleteLifecycle"));
    listButtons->addWidget(add);
    listButtons->addWidget(m_deleteLifecycle);
    listButtons->addStretch();
    leftLayout->addLayout(listButtons);
    m_listError = new FieldErrorLabel(left);
    m_listError->setObjectName(QStringLiteral("listError"));
    leftLayout->addWidget(m_listError);

    m_stack = new QStackedWidget(splitter);
    m_emptyState = new EmptyStateWidget(tr("No lifecycle selected"),
                                        tr("A lifecycle is the ordered list of phases a release is promoted through, "
                                           "for example Development, then Test, then Production. Pick one on the left "
                                           "or add one."), m_stack);
    m_stack->addWidget(m_emptyState);
    auto *scroll = new QScrollArea(m_stack);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_editor = new QWidget(scroll);
    buildForm(m_editor);
    scroll->setWidget(m_editor);
    m_stack->addWidget(scroll);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({240, 700});

    connect(add, &QPushButton::clicked, this, &LifecyclesEditor::addLifecycle);
    connect(m_deleteLifecycle, &QPushButton::clicked, this, &LifecyclesEditor::deleteLifecycle);
    connect(m_listView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (const auto l = m_list->lifecycle(current.row()))
            showLifecycle(*l);
        else
            m_stack->setCurrentWidget(m_emptyState);
        m_deleteLifecycle->setEnabled(current.isValid());
    });
    connect(m_session, &WorkspaceSession::changed, this, [this](const QString &kind) {
        if (kind == u"Lifecycle" || kind == u"Environment")
            reload();
    });
    connect(m_session, &WorkspaceSession::currentSpaceChanged, this, [this]() {
        m_dirty = false;
        m_listError->clearError();
        reload();
    });
    m_deleteLifecycle->setEnabled(false);
    reload();
}

void LifecyclesEditor::buildForm(QWidget *editor)
{
    auto *layout = new QVBoxLayout(editor);
    layout->setContentsMargins(12, 0, 12, 12);
    auto *form = new QFormLayout;
    m_name = new QLineEdit(editor);
    m_name->setObjectName(QStringLiteral("lifecycleName"));
    m_nameError = new FieldErrorLabel(editor);
    m_nameError->setObjectName(QStringLiteral("nameError"));
    form->addRow(tr("Name"), withError(m_name, m_nameError));
    m_description = new QPlainTextEdit(editor);
    m_description->setObjectName(QStringLiteral("lifecycleDescription"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(54);
    form->addRow(tr("Description"), m_description);
    layout->addLayout(form);

    auto *phasesBox = new QGroupBox(tr("Phases"), editor);
    auto *phasesLayout = new QVBoxLayout(phasesBox);
    m_phaseView = new QTableView(phasesBox);
    m_phaseView->setObjectName(QStringLiteral("phaseTable"));
    m_phaseView->setModel(m_phases);
    m_phaseView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_phaseView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_phaseView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_phaseView->horizontalHeader()->setStretchLastSection(true);
    m_phaseView->setMinimumHeight(130);
    phasesLayout->addWidget(m_phaseView);
    auto *phaseButtons = new QHBoxLayout;
    auto *addPhase = new QPushButton(tr("Add phase"), phasesBox);
    addPhase->setObjectName(QStringLiteral("addPhase"));
    m_removePhase = new QPushButton(tr("Remove phase"), phasesBox);
    m_removePhase->setObjectName(QStringLiteral("removePhase"));
    m_phaseUp = new QPushButton(style()->standardIcon(QStyle::SP_ArrowUp), tr("Move up"), phasesBox);
    m_phaseUp->setObjectName(QStringLiteral("phaseUp"));
    m_phaseDown = new QPushButton(style()->standardIcon(QStyle::SP_ArrowDown), tr("Move down"), phasesBox);
    m_phaseDown->setObjectName(QStringLiteral("phaseDown"));
    for (QPushButton *b : {addPhase, m_removePhase, m_phaseUp, m_phaseDown})
        phaseButtons->addWidget(b);
    phaseButtons->addStretch();
    phasesLayout->addLayout(phaseButtons);

    m_phaseForm = new QWidget(phasesBox);
    auto *phaseForm = new QFormLayout(m_phaseForm);
    phaseForm->setContentsMargins(0, 6, 0, 0);
    m_phaseName = new QLineEdit(m_phaseForm);
    m_phaseName->setObjectName(QStringLiteral("phaseName"));
    phaseForm->addRow(tr("Phase name"), m_phaseName);
    auto *pickers = new QHBoxLayout;
    auto *automaticColumn = new QVBoxLayout;
    automaticColumn->addWidget(new QLabel(tr("Deployed automatically to"), m_phaseForm));
    m_automatic = new QListWidget(m_phaseForm);
    m_automatic->setObjectName(QStringLiteral("automaticEnvironments"));
    automaticColumn->addWidget(m_automatic);
    auto *optionalColumn = new QVBoxLayout;
    optionalColumn->addWidget(new QLabel(tr("Deployed by hand to"), m_phaseForm));
    m_optional = new QListWidget(m_phaseForm);
    m_optional->setObjectName(QStringLiteral("optionalEnvironments"));
    optionalColumn->addWidget(m_optional);
    for (QListWidget *list : {m_automatic, m_optional})
        list->setMaximumHeight(120);
    pickers->addLayout(automaticColumn);
    pickers->addLayout(optionalColumn);
    phaseForm->addRow(tr("Environments"), pickers);
    auto *hint = new QLabel(tr("A phase with no environments ticked takes every environment not named in an earlier phase."),
                            m_phaseForm);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    phaseForm->addRow(QString(), hint);
    m_minimum = new QSpinBox(m_phaseForm);
    m_minimum->setObjectName(QStringLiteral("minimumEnvironments"));
    m_minimum->setRange(0, 99);
    m_minimum->setSpecialValueText(tr("All of them"));
    phaseForm->addRow(tr("Environments needed before promotion"), m_minimum);
    m_optionalPhase = new QCheckBox(tr("Optional phase: never deployed automatically, does not block promotion"), m_phaseForm);
    m_optionalPhase->setObjectName(QStringLiteral("optionalPhase"));
    phaseForm->addRow(QString(), m_optionalPhase);
    phasesLayout->addWidget(m_phaseForm);
    m_phasesError = new FieldErrorLabel(phasesBox);
    m_phasesError->setObjectName(QStringLiteral("phasesError"));
    phasesLayout->addWidget(m_phasesError);
    layout->addWidget(phasesBox);

    auto *orderBox = new QHBoxLayout;
    orderBox->addWidget(new QLabel(tr("Promotion order:"), editor));
    m_order = new QLabel(editor);
    m_order->setObjectName(QStringLiteral("promotionOrder"));
    m_order->setWordWrap(true);
    QFont bold = m_order->font();
    bold.setBold(true);
    m_order->setFont(bold);
    orderBox->addWidget(m_order, 1);
    layout->addLayout(orderBox);

    auto *retentionBox = new QGroupBox(tr("Retention"), editor);
    auto *retentionForm = new QFormLayout(retentionBox);
    auto *releaseRow = new QHBoxLayout;
    m_releaseUnit = new QComboBox(retentionBox);
    m_releaseUnit->setObjectName(QStringLiteral("releaseRetentionUnit"));
    fillUnits(m_releaseUnit, tr("Keep last releases"));
    m_releaseQuantity = new QSpinBox(retentionBox);
    m_releaseQuantity->setObjectName(QStringLiteral("releaseRetentionQuantity"));
    m_releaseQuantity->setRange(0, 9999);
    releaseRow->addWidget(m_releaseUnit);
    releaseRow->addWidget(m_releaseQuantity);
    releaseRow->addStretch();
    retentionForm->addRow(tr("Releases"), releaseRow);
    auto *targetRow = new QHBoxLayout;
    m_targetUnit = new QComboBox(retentionBox);
    m_targetUnit->setObjectName(QStringLiteral("targetRetentionUnit"));
    fillUnits(m_targetUnit, tr("Keep last extracted versions"));
    m_targetQuantity = new QSpinBox(retentionBox);
    m_targetQuantity->setObjectName(QStringLiteral("targetRetentionQuantity"));
    m_targetQuantity->setRange(0, 9999);
    targetRow->addWidget(m_targetUnit);
    targetRow->addWidget(m_targetQuantity);
    targetRow->addStretch();
    retentionForm->addRow(tr("Files on targets"), targetRow);
    m_retentionError = new FieldErrorLabel(retentionBox);
    m_retentionError->setObjectName(QStringLiteral("retentionError"));
    retentionForm->addRow(m_retentionError);
    layout->addWidget(retentionBox);

    m_generalError = new FieldErrorLabel(editor);
    m_generalError->setObjectName(QStringLiteral("generalError"));
    layout->addWidget(m_generalError);
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch();
    m_revert = new QPushButton(tr("Discard changes"), editor);
    m_revert->setObjectName(QStringLiteral("revertLifecycle"));
    m_save = new QPushButton(style()->standardIcon(QStyle::SP_DialogSaveButton), tr("Save lifecycle"), editor);
    m_save->setObjectName(QStringLiteral("saveLifecycle"));
    m_save->setDefault(true);
    saveRow->addWidget(m_revert);
    saveRow->addWidget(m_save);
    layout->addLayout(saveRow);
    layout->addStretch();

    connect(addPhase, &QPushButton::clicked, this, [this]() {
        const int row = m_phases->appendPhase(tr("Phase %1").arg(m_phases->rowCount() + 1));
        m_phaseView->selectRow(row);
        m_phaseName->setFocus();
        m_phaseName->selectAll();
    });
    connect(m_removePhase, &QPushButton::clicked, this, [this]() {
        const int row = currentPhaseRow();
        if (m_phases->removePhase(row) && m_phases->rowCount() > 0)
            m_phaseView->selectRow(qMin(row, m_phases->rowCount() - 1));
        updatePhaseButtons();
    });
    connect(m_phaseUp, &QPushButton::clicked, this, [this]() {
        const int row = currentPhaseRow();
        if (m_phases->movePhase(row, row - 1))
            m_phaseView->selectRow(row - 1);
    });
    connect(m_phaseDown, &QPushButton::clicked, this, [this]() {
        const int row = currentPhaseRow();
        if (m_phases->movePhase(row, row + 1))
            m_phaseView->selectRow(row + 1);
    });
    connect(m_phaseView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showPhase(current.row()); });
    connect(m_phases, &LifecyclePhaseModel::phasesEdited, this, [this]() {
        m_order->setText(m_phases->promotionOrderText());
        markDirty();
        updatePhaseButtons();
    });
    connect(m_phases, &QAbstractItemModel::modelReset, this, [this]() {
        m_order->setText(m_phases->promotionOrderText());
        updatePhaseButtons();
    });
    connect(m_phaseName, &QLineEdit::textEdited, this, &LifecyclesEditor::phaseFormEdited);
    connect(m_minimum, &QSpinBox::valueChanged, this, &LifecyclesEditor::phaseFormEdited);
    connect(m_optionalPhase, &QCheckBox::toggled, this, &LifecyclesEditor::phaseFormEdited);
    connect(m_automatic, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) { environmentToggled(item, m_optional); });
    connect(m_optional, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) { environmentToggled(item, m_automatic); });
    connect(m_name, &QLineEdit::textEdited, this, &LifecyclesEditor::markDirty);
    connect(m_name, &QLineEdit::textEdited, m_nameError, &FieldErrorLabel::clearError);
    connect(m_description, &QPlainTextEdit::textChanged, this, [this]() {
        if (!m_updatingForm)
            markDirty();
    });
    for (QComboBox *unit : {m_releaseUnit, m_targetUnit}) {
        connect(unit, &QComboBox::currentIndexChanged, this, [this]() {
            m_releaseQuantity->setEnabled(m_releaseUnit->currentData().toInt() != int(RetentionUnit::Forever));
            m_targetQuantity->setEnabled(m_targetUnit->currentData().toInt() != int(RetentionUnit::Forever));
            if (!m_updatingForm)
                markDirty();
        });
    }
    for (QSpinBox *quantity : {m_releaseQuantity, m_targetQuantity}) {
        connect(quantity, &QSpinBox::valueChanged, this, [this]() {
            if (!m_updatingForm)
                markDirty();
        });
    }
    connect(m_save, &QPushButton::clicked, this, &LifecyclesEditor::save);
    connect(m_revert, &QPushButton::clicked, this, &LifecyclesEditor::revert);
}

void LifecyclesEditor::reload()
{
    const StoreContext context = m_session->context();
    const QString spaceId = m_session->currentSpaceId();
    m_session->request<Result<LifecyclesData>>(this, [context, spaceId]() -> Result<LifecyclesData> {
        auto lifecycles = LifecycleRepository(context).list(spaceId);
        if (!lifecycles)
            return lifecycles.error();
        auto environments = EnvironmentRepository(context).list(spaceId);
        if (!environments)
            return environments.error();
        return LifecyclesData{*lifecycles, *environments};
    }, [this](Result<LifecyclesData> result) {
        if (!result) {
            m_listError->setError(result.error().message);
            return;
        }
        QString keep = m_pendingSelection;
        if (keep.isEmpty())
            keep = m_listView->currentIndex().data(LifecycleListModel::IdRole).toString();
        m_environments = result->environments;
        m_phases->setEnvironments(m_environments);
        m_updatingForm = true;
        for (QListWidget *list : {m_automatic, m_optional}) {
            list->clear();
            for (const Environment &e : std::as_const(m_environments)) {
                auto *item = new QListWidgetItem(e.name, list);
                item->setData(Qt::UserRole, e.id);
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
                item->setCheckState(Qt::Unchecked);
            }
        }
        m_updatingForm = false;
        // Keep what the user is editing: a reload must not throw away unsaved phases.
        const bool keepEdits = m_dirty && keep == m_loaded.id;
        const Lifecycle edited = editedLifecycle();
        m_list->setLifecycles(result->lifecycles);
        const int row = m_list->rowOfId(keep);
        if (row >= 0) {
            m_pendingSelection.clear();
            m_listView->selectRow(row);
            if (keepEdits) {
                m_loaded = *m_list->lifecycle(row);
                showLifecycle(edited);
                m_loaded.name = m_list->lifecycle(row)->name;
                markDirty();
            }
        } else if (m_list->rowCount() > 0) {
            m_listView->selectRow(0);
        } else {
            m_stack->setCurrentWidget(m_emptyState);
        }
        m_emptyState->setTitle(m_list->rowCount() == 0 ? tr("No lifecycles yet") : tr("No lifecycle selected"));
    });
}

void LifecyclesEditor::selectLifecycle(const QString &id)
{
    const int row = m_list->rowOfId(id);
    if (row >= 0)
        m_listView->selectRow(row);
    else
        m_pendingSelection = id;
}

void LifecyclesEditor::showLifecycle(const Lifecycle &lifecycle)
{
    m_updatingForm = true;
    m_loaded = lifecycle;
    clearErrors();
    m_name->setText(lifecycle.name);
    m_description->setPlainText(lifecycle.description);
    m_phases->setPhases(lifecycle.phases);
    m_releaseUnit->setCurrentIndex(m_releaseUnit->findData(int(lifecycle.releaseRetention.unit)));
    m_releaseQuantity->setValue(lifecycle.releaseRetention.quantity);
    m_targetUnit->setCurrentIndex(m_targetUnit->findData(int(lifecycle.targetRetention.unit)));
    m_targetQuantity->setValue(lifecycle.targetRetention.quantity);
    m_releaseQuantity->setEnabled(lifecycle.releaseRetention.unit != RetentionUnit::Forever);
    m_targetQuantity->setEnabled(lifecycle.targetRetention.unit != RetentionUnit::Forever);
    m_updatingForm = false;
    m_dirty = false;
    m_save->setEnabled(false);
    m_revert->setEnabled(false);
    m_stack->setCurrentIndex(1);
    if (m_phases->rowCount() > 0)
        m_phaseView->selectRow(0);
    else
        showPhase(-1);
    m_order->setText(m_phases->promotionOrderText());
    updatePhaseButtons();
}

int LifecyclesEditor::currentPhaseRow() const
{
    const QModelIndex current = m_phaseView->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void LifecyclesEditor::showPhase(int row)
{
    m_updatingForm = true;
    const bool valid = row >= 0 && row < m_phases->rowCount();
    m_phaseForm->setEnabled(valid);
    const LifecyclePhase phase = valid ? m_phases->phase(row) : LifecyclePhase{};
    m_phaseName->setText(phase.name);
    for (int i = 0; i < m_automatic->count(); ++i) {
        const QString id = m_automatic->item(i)->data(Qt::UserRole).toString();
        m_automatic->item(i)->setCheckState(phase.automaticEnvironmentIds.contains(id) ? Qt::Checked : Qt::Unchecked);
        m_optional->item(i)->setCheckState(phase.optionalEnvironmentIds.contains(id) ? Qt::Checked : Qt::Unchecked);
    }
    m_minimum->setValue(phase.minimumEnvironmentsBeforePromotion);
    m_optionalPhase->setChecked(phase.isOptional);
    m_updatingForm = false;
    updatePhaseButtons();
}

void LifecyclesEditor::environmentToggled(QListWidgetItem *item, QListWidget *other)
{
    if (m_updatingForm)
        return;
    // An environment is either automatic or manual within a phase, never both.
    if (item->checkState() == Qt::Checked) {
        m_updatingForm = true;
        for (int i = 0; i < other->count(); ++i) {
            if (other->item(i)->data(Qt::UserRole) == item->data(Qt::UserRole))
                other->item(i)->setCheckState(Qt::Unchecked);
        }
        m_updatingForm = false;
    }
    phaseFormEdited();
}

void LifecyclesEditor::phaseFormEdited()
{
    if (m_updatingForm)
        return;
    const int row = currentPhaseRow();
    if (row < 0)
        return;
    LifecyclePhase phase = m_phases->phase(row);
    phase.name = m_phaseName->text();
    phase.automaticEnvironmentIds.clear();
    phase.optionalEnvironmentIds.clear();
    for (int i = 0; i < m_automatic->count(); ++i) {
        const QString id = m_automatic->item(i)->data(Qt::UserRole).toString();
        if (m_automatic->item(i)->checkState() == Qt::Checked)
            phase.automaticEnvironmentIds << id;
        if (m_optional->item(i)->checkState() == Qt::Checked)
            phase.optionalEnvironmentIds << id;
    }
    phase.minimumEnvironmentsBeforePromotion = m_minimum->value();
    phase.isOptional = m_optionalPhase->isChecked();
    m_phasesError->clearError();
    m_phases->setPhase(row, phase);
}

void LifecyclesEditor::updatePhaseButtons()
{
    const int row = currentPhaseRow();
    m_removePhase->setEnabled(row >= 0);
    m_phaseUp->setEnabled(row > 0);
    m_phaseDown->setEnabled(row >= 0 && row < m_phases->rowCount() - 1);
    m_phaseForm->setEnabled(row >= 0);
}

void LifecyclesEditor::markDirty()
{
    if (m_updatingForm)
        return;
    m_dirty = true;
    m_save->setEnabled(true);
    m_revert->setEnabled(true);
}

Lifecycle LifecyclesEditor::editedLifecycle() const
{
    Lifecycle l = m_loaded;
    l.name = m_name->text();
    l.description = m_description->toPlainText();
    l.phases = m_phases->phases();
    l.releaseRetention = {RetentionUnit(m_releaseUnit->currentData().toInt()), m_releaseQuantity->value()};
    l.targetRetention = {RetentionUnit(m_targetUnit->currentData().toInt()), m_targetQuantity->value()};
    return l;
}

void LifecyclesEditor::clearErrors()
{
    for (FieldErrorLabel *label : {m_nameError, m_phasesError, m_retentionError, m_generalError})
        label->clearError();
}

void LifecyclesEditor::showError(const Error &error)
{
    if (error.field == u"name")
        m_nameError->setError(error.message);
    else if (error.field == u"phases")
        m_phasesError->setError(error.message);
    else if (error.field == u"retention")
        m_retentionError->setError(error.message);
    else
        m_generalError->setError(error.message);
}

void LifecyclesEditor::save()
{
    clearErrors();
    const Lifecycle lifecycle = editedLifecycle();
    const StoreContext context = m_session->context();
    m_save->setEnabled(false);
    m_session->write<Result<Lifecycle>>(this, QStringLiteral("Lifecycle"), [context, lifecycle]() {
        return LifecycleRepository(context).update(lifecycle);
    }, [this](Result<Lifecycle> result) {
        if (!result) {
            m_save->setEnabled(true);
            showError(result.error());
            return;
        }
        // The reload that changed() triggers shows the saved record.
        m_dirty = false;
        m_loaded = *result;
        m_pendingSelection = result->id;
    });
}

void LifecyclesEditor::revert()
{
    const int row = m_list->rowOfId(m_loaded.id);
    if (const auto l = m_list->lifecycle(row))
        showLifecycle(*l);
}

void LifecyclesEditor::addLifecycle()
{
    auto *dialog = new NameDescriptionDialog(tr("Add lifecycle"), tr("Name"), this);
    dialog->setObjectName(QStringLiteral("lifecycleDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NameDescriptionDialog::submitted, this, [this, dialog]() {
        Lifecycle lifecycle;
        lifecycle.spaceId = m_session->currentSpaceId();
        lifecycle.name = dialog->name();
        lifecycle.description = dialog->description();
        const StoreContext context = m_session->context();
        m_session->write<Result<Lifecycle>>(dialog, QStringLiteral("Lifecycle"), [context, lifecycle]() {
            return LifecycleRepository(context).create(lifecycle);
        }, [this, dialog](Result<Lifecycle> result) {
            if (!result) {
                dialog->showError(result.error());
                return;
            }
            m_dirty = false;
            m_pendingSelection = result->id;
            dialog->accept();
        });
    });
    dialog->open();
}

void LifecyclesEditor::deleteLifecycle()
{
    const auto lifecycle = m_list->lifecycle(m_listView->currentIndex().row());
    if (!lifecycle)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete lifecycle"),
                                tr("Delete the lifecycle \"%1\"?").arg(lifecycle->name),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, id = lifecycle->id](int button) {
        if (button != QMessageBox::Yes)
            return;
        m_listError->clearError();
        const StoreContext context = m_session->context();
        m_session->write<VoidResult>(this, QStringLiteral("Lifecycle"), [context, id]() {
            return LifecycleRepository(context).remove(id);
        }, [this](VoidResult result) {
            if (!result) {
                m_listError->setError(result.error().message);
                return;
            }
            m_dirty = false;
        });
    });
    box->open();
}

} // namespace Cuttle
