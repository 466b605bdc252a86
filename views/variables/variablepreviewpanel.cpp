#include "views/variables/variablepreviewpanel.h"

#include "model/engine/variableservice.h"
#include "model/engine/workspacesession.h"
#include "model/itemmodels/variables/variableexplanationmodel.h"
#include "model/itemmodels/variables/variablepreviewfilterproxymodel.h"
#include "model/itemmodels/variables/variablepreviewmodel.h"
#include "model/variables/variableset.h"
#include "views/projects/fielderrorlabel.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QCompleter>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStringListModel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Cuttle {

namespace {

struct Loaded
{
    std::shared_ptr<const VariableSet> set;
    ScopeChoices choices;
};

QComboBox *picker(const QString &name, bool editable, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(name);
    combo->setEditable(editable);
    combo->setMinimumWidth(170);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    if (editable) {
        combo->lineEdit()->setPlaceholderText(QCoreApplication::translate("VariablePreviewPanel", "none — type a name"));
        combo->setInsertPolicy(QComboBox::NoInsert);
    }
    return combo;
}

std::optional<QString> pickedName(const QComboBox *combo)
{
    if (combo->isEditable()) {
        const QString text = combo->currentText().trimmed();
        return text.isEmpty() ? std::nullopt : std::optional<QString>(text);
    }
    if (combo->currentIndex() <= 0)
        return std::nullopt;
    return combo->currentText();
}

QTableView *table(const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

} // namespace

VariablePreviewPanel::VariablePreviewPanel(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    m_preview = new VariablePreviewModel(this);
    m_explanation = new VariableExplanationModel(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);

    auto *contextBox = new QGroupBox(tr("Deployment context"), this);
    auto *grid = new QGridLayout(contextBox);
    m_environment = picker(u"previewEnvironment"_s, false, contextBox);
    m_target = picker(u"previewTarget"_s, false, contextBox);
    m_tenant = picker(u"previewTenant"_s, false, contextBox);
    m_step = picker(u"previewStep"_s, true, contextBox);
    m_channel = picker(u"previewChannel"_s, true, contextBox);
    grid->addWidget(new QLabel(tr("Environment:"), contextBox), 0, 0);
    grid->addWidget(m_environment, 0, 1);
    grid->addWidget(new QLabel(tr("Target:"), contextBox), 0, 2);
    grid->addWidget(m_target, 0, 3);
    grid->addWidget(new QLabel(tr("Tenant:"), contextBox), 0, 4);
    grid->addWidget(m_tenant, 0, 5);
    grid->addWidget(new QLabel(tr("Step:"), contextBox), 1, 0);
    grid->addWidget(m_step, 1, 1);
    grid->addWidget(new QLabel(tr("Channel:"), contextBox), 1, 2);
    grid->addWidget(m_channel, 1, 3);
    m_contextFacts = new QLabel(contextBox);
    m_contextFacts->setObjectName(u"previewContextFacts"_s);
    m_contextFacts->setForegroundRole(QPalette::PlaceholderText);
    m_contextFacts->setWordWrap(true);
    grid->addWidget(m_contextFacts, 1, 4, 1, 2);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    grid->setColumnStretch(5, 1);
    layout->addWidget(contextBox);

    m_error = new FieldErrorLabel(this);
    m_error->setObjectName(u"previewError"_s);
    layout->addWidget(m_error);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    auto *top = new QWidget(splitter);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    auto *statusRow = new QHBoxLayout;
    auto *filter = new QLineEdit(top);
    filter->setObjectName(u"previewFilter"_s);
    filter->setClearButtonEnabled(true);
    filter->setPlaceholderText(tr("Filter by name, value or scope"));
    filter->setMinimumWidth(300);
    m_status = new QLabel(top);
    m_status->setObjectName(u"previewStatus"_s);
    statusRow->addWidget(filter, 1);
    statusRow->addWidget(m_status, 2);
    topLayout->addLayout(statusRow);
    auto *sorter = new VariablePreviewFilterProxyModel(this);
    sorter->setSourceModel(m_preview);
    connect(filter, &QLineEdit::textChanged, sorter, &VariablePreviewFilterProxyModel::setText);
    m_table = table(u"previewTable"_s, top);
    m_table->setModel(sorter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(VariablePreviewModel::Name, Qt::AscendingOrder);
    m_table->setColumnWidth(VariablePreviewModel::Name, 260);
    m_table->setColumnWidth(VariablePreviewModel::Value, 300);
    m_table->setColumnWidth(VariablePreviewModel::Scope, 260);
    topLayout->addWidget(m_table);

    auto *bottom = new QWidget(splitter);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    auto *explainRow = new QHBoxLayout;
    auto *explainLabel = new QLabel(tr("Explain variable:"), bottom);
    QFont bold = explainLabel->font();
    bold.setBold(true);
    explainLabel->setFont(bold);
    m_explainName = new QLineEdit(bottom);
    m_explainName->setObjectName(u"explainName"_s);
    m_explainName->setPlaceholderText(tr("Select a row above or type a name"));
    m_explainName->setCompleter(new QCompleter(new QStringListModel(m_explainName), m_explainName));
    m_explainName->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_explainButton = new QPushButton(tr("Explain"), bottom);
    m_explainButton->setObjectName(u"explainVariable"_s);
    explainRow->addWidget(explainLabel);
    explainRow->addWidget(m_explainName, 1);
    explainRow->addWidget(m_explainButton);
    bottomLayout->addLayout(explainRow);
    m_verdict = new QLabel(bottom);
    m_verdict->setObjectName(u"explainVerdict"_s);
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bottomLayout->addWidget(m_verdict);
    m_explanationTable = table(u"explanationTable"_s, bottom);
    m_explanationTable->setModel(m_explanation);
    m_explanationTable->setColumnWidth(VariableExplanationModel::Outcome, 110);
    m_explanationTable->setColumnWidth(VariableExplanationModel::Value, 200);
    m_explanationTable->setColumnWidth(VariableExplanationModel::Scope, 240);
    m_explanationTable->setColumnWidth(VariableExplanationModel::Source, 130);
    bottomLayout->addWidget(m_explanationTable);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    for (QComboBox *combo : {m_environment, m_target, m_tenant})
        connect(combo, &QComboBox::currentIndexChanged, this, &VariablePreviewPanel::resolve);
    for (QComboBox *combo : {m_step, m_channel})
        connect(combo, &QComboBox::currentTextChanged, this, &VariablePreviewPanel::resolve);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this, sorter](const QModelIndex &current) {
        if (!current.isValid())
            return;
        const QModelIndex source = sorter->mapToSource(current);
        m_explainName->setText(m_preview->entries().at(source.row()).winner.name);
        explainSelected();
    });
    connect(m_explainButton, &QPushButton::clicked, this, &VariablePreviewPanel::explainSelected);
    connect(m_explainName, &QLineEdit::returnPressed, this, &VariablePreviewPanel::explainSelected);
    connect(m_session, &WorkspaceSession::changed, this, [this](const QString &kind) {
        if (m_projectId.isEmpty())
            return;
        static const QStringList kinds{u"Variable"_s, u"LibraryVariableSet"_s, u"Environment"_s, u"Machine"_s,
                                       u"Tenant"_s, u"TagSet"_s};
        if (kinds.contains(kind))
            reload();
    });
    m_status->setText(tr("Choose a context to see what each variable resolves to."));
}

VariablePreviewPanel::~VariablePreviewPanel() = default;

void VariablePreviewPanel::setProject(const QString &projectId)
{
    if (projectId == m_projectId && m_set)
        return;
    m_projectId = projectId;
    m_explanation->clear();
    m_verdict->clear();
    m_explainName->clear();
    reload();
}

void VariablePreviewPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void VariablePreviewPanel::reload()
{
    if (m_projectId.isEmpty())
        return;
    if (!isVisible()) {
        m_stale = true;
        m_resolved = false;
        return;
    }
    m_stale = false;
    const quint64 generation = ++m_generation;
    m_resolved = false;
    auto workspace = m_session->workspace();
    auto secrets = m_session->secrets();
    const StoreContext context = m_session->context();
    const QString spaceId = m_session->currentSpaceId();
    const QString projectId = m_projectId;
    m_status->setText(tr("Loading variables…"));
    m_session->request<Result<Loaded>>(this, [workspace, secrets, context, spaceId, projectId]() -> Result<Loaded> {
        auto values = VariableService(workspace, secrets).effective(projectId, false);
        if (!values)
            return values.error();
        auto choices = ScopeChoices::load(context, spaceId);
        if (!choices)
            return choices.error();
        return Loaded{std::make_shared<const VariableSet>(*values), *choices};
    }, [this, generation](const Result<Loaded> &result) {
        if (generation != m_generation)
            return;
        if (!result) {
            m_error->setError(result.error().message);
            return;
        }
        m_error->clearError();
        m_set = result->set;
        m_choices = result->choices;
        QStringList names;
        for (const VariableValue &value : m_set->values())
            names << value.name;
        names.removeDuplicates();
        qobject_cast<QStringListModel *>(m_explainName->completer()->model())->setStringList(names);
        fillPickers();
        resolve();
    });
}

void VariablePreviewPanel::fillPickers()
{
    m_filling = true;
    auto refill = [](QComboBox *combo, const QStringList &names, const QString &none) {
        const QString current = combo->currentIndex() > 0 ? combo->currentText() : QString();
        combo->clear();
        combo->addItem(none);
        combo->addItems(names);
        const int index = current.isEmpty() ? 0 : combo->findText(current);
        combo->setCurrentIndex(std::max(index, 0));
    };
    refill(m_environment, m_choices.environments, tr("(no environment)"));
    refill(m_target, m_choices.machines, tr("(no target)"));
    refill(m_tenant, m_choices.tenants, tr("(untenanted)"));
    // Steps and channels have no records yet: offer the names the values are scoped to.
    QStringList steps;
    QStringList channels;
    if (m_set) {
        for (const VariableValue &value : m_set->values()) {
            steps << value.scope.steps;
            channels << value.scope.channels;
        }
    }
    auto offer = [](QComboBox *combo, QStringList names) {
        names.removeDuplicates();
        names.sort(Qt::CaseInsensitive);
        const QString typed = combo->currentText();
        combo->clear();
        combo->addItem(QString());
        combo->addItems(names);
        combo->setCurrentText(typed);
    };
    offer(m_step, steps);
    offer(m_channel, channels);
    m_filling = false;
}

ScopeContext VariablePreviewPanel::context() const
{
    ScopeContext ctx;
    ctx.environment = pickedName(m_environment);
    ctx.machine = pickedName(m_target);
    if (ctx.machine)
        ctx.machineTags = m_choices.machineTags.value(*ctx.machine);
    ctx.tenant = pickedName(m_tenant);
    if (ctx.tenant)
        ctx.tenantTags = m_choices.tenantTagsOf.value(*ctx.tenant);
    ctx.step = pickedName(m_step);
    ctx.channel = pickedName(m_channel);
    return ctx;
}

void VariablePreviewPanel::resolve()
{
    if (m_filling || !m_set)
        return;
    const ScopeContext ctx = context();
    QStringList facts;
    if (!ctx.machineTags.isEmpty())
        facts << tr("target tags: %1").arg(ctx.machineTags.join(u", "_s));
    if (!ctx.tenantTags.isEmpty())
        facts << tr("tenant tags: %1").arg(ctx.tenantTags.join(u", "_s));
    m_contextFacts->setText(facts.join(u"  ·  "_s));
    const quint64 generation = ++m_resolveGeneration;
    m_resolved = false;
    m_status->setText(tr("Resolving…"));
    auto set = m_set;
    using Entries = QList<VariablePreviewModel::Entry>;
    m_session->request<Entries>(this, [set, ctx]() { return VariablePreviewModel::compute(*set, ctx); },
                                [this, generation, set](const Entries &entries) {
        if (generation != m_resolveGeneration)
            return;
        m_preview->setEntries(entries);
        m_status->setText(tr("%1 of %2 variables have a value in this context.")
                              .arg(entries.size())
                              .arg(qobject_cast<QStringListModel *>(m_explainName->completer()->model())->rowCount()));
        m_resolved = true;
        emit resolved();
        if (!m_explainName->text().trimmed().isEmpty())
            explainSelected();
    });
}

void VariablePreviewPanel::explainSelected()
{
    explain(m_explainName->text().trimmed());
}

void VariablePreviewPanel::explain(const QString &name)
{
    if (!m_set || name.isEmpty())
        return;
    if (m_explainName->text().trimmed() != name)
        m_explainName->setText(name);
    auto set = m_set;
    const ScopeContext ctx = context();
    const quint64 generation = m_resolveGeneration;
    m_session->request<VariableExplanation>(this, [set, name, ctx]() { return set->explain(name, ctx); },
                                            [this, generation](const VariableExplanation &explanation) {
        if (generation != m_resolveGeneration)
            return;
        m_explanation->setExplanation(explanation);
        m_verdict->setText(explanation.verdict);
        emit explained();
    });
}

QString VariablePreviewPanel::verdict() const
{
    return m_verdict->text();
}

} // namespace Cuttle
