#include "views/tasks/scriptconsolewidget.h"

#include "model/core/tasktargetselection.h"
#include "model/engine/workspacesession.h"
#include "model/store/environmentrepository.h"
#include "model/store/targetrepository.h"
#include "views/tasks/tasklogpalette.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Cuttle {
namespace {

enum ResultColumn { TargetColumn, StatusColumn, ExitCodeColumn, ResultColumnCount };

QListWidget *checklist(const QString &objectName, QWidget *parent)
{
    auto *list = new QListWidget(parent);
    list->setObjectName(objectName);
    list->setUniformItemSizes(true);
    return list;
}

/// Refills a checklist, keeping the check marks of entries that are still there.
void refill(QListWidget *list, const QList<std::pair<QString, QString>> &entries, const QSet<QString> &disabled = {})
{
    QSet<QString> checked;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->checkState() == Qt::Checked)
            checked << list->item(i)->data(Qt::UserRole).toString();
    }
    const QSignalBlocker blocker(list);
    list->clear();
    for (const auto &[label, value] : entries) {
        auto *item = new QListWidgetItem(label, list);
        item->setData(Qt::UserRole, value);
        if (disabled.contains(value)) {
            item->setFlags(Qt::NoItemFlags);
            item->setToolTip(QCoreApplication::translate("Cuttle::ScriptConsoleWidget", "This target is disabled."));
            item->setCheckState(Qt::Unchecked);
        } else {
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(checked.contains(value) ? Qt::Checked : Qt::Unchecked);
        }
    }
}

QStringList checkedValues(const QListWidget *list)
{
    QStringList values;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->checkState() == Qt::Checked)
            values << list->item(i)->data(Qt::UserRole).toString();
    }
    return values;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

ScriptConsoleWidget::ScriptConsoleWidget(WorkspaceSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_controller(new ScriptRunController(session, this))
{
    // Targets: three ways to choose, combined.
    auto *targetsPanel = new QWidget(this);
    auto *targetsLayout = new QVBoxLayout(targetsPanel);
    targetsLayout->setContentsMargins(0, 0, 6, 0);
    targetsLayout->addWidget(heading(tr("Targets"), targetsPanel));
    auto *choose = new QTabWidget(targetsPanel);
    choose->setObjectName(QStringLiteral("targetChooser"));
    m_byName = checklist(QStringLiteral("targetsByName"), choose);
    m_byEnvironment = checklist(QStringLiteral("targetsByEnvironment"), choose);
    m_byTag = checklist(QStringLiteral("targetsByTag"), choose);
    choose->addTab(m_byName, tr("Names"));
    choose->addTab(m_byEnvironment, tr("Environments"));
    choose->addTab(m_byTag, tr("Tags"));
    targetsLayout->addWidget(m_errors.wrap(QStringLiteral("targets"), choose), 1);
    m_chosen = new QLabel(targetsPanel);
    m_chosen->setObjectName(QStringLiteral("chosenTargets"));
    m_chosen->setWordWrap(true);
    m_chosen->setTextInteractionFlags(Qt::TextSelectableByMouse);
    targetsLayout->addWidget(m_chosen);

    // Script and run controls.
    auto *scriptPanel = new QWidget(this);
    auto *scriptLayout = new QVBoxLayout(scriptPanel);
    scriptLayout->setContentsMargins(0, 0, 0, 0);
    scriptLayout->addWidget(heading(tr("Bash script"), scriptPanel));
    m_script = new QPlainTextEdit(scriptPanel);
    m_script->setObjectName(QStringLiteral("script"));
    m_script->setFont(TaskLogPalette::monospaceFont());
    m_script->setPlaceholderText(tr("e.g.\nuname -a\ndf -h \"$HOME\""));
    m_script->setTabChangesFocus(true);
    scriptLayout->addWidget(m_errors.wrap(QStringLiteral("script"), m_script), 1);
    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("At most"), scriptPanel));
    m_maxParallel = new QSpinBox(scriptPanel);
    m_maxParallel->setObjectName(QStringLiteral("maxParallel"));
    m_maxParallel->setRange(1, 64);
    m_maxParallel->setValue(10);
    controls->addWidget(m_maxParallel);
    controls->addWidget(new QLabel(tr("targets at once"), scriptPanel));
    controls->addStretch();
    m_run = new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), tr("&Run"), scriptPanel);
    m_run->setObjectName(QStringLiteral("runScript"));
    m_run->setToolTip(tr("Run the script on every chosen target in parallel (Ctrl+Return)."));
    m_run->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_cancel = new QPushButton(style()->standardIcon(QStyle::SP_MediaStop), tr("&Cancel"), scriptPanel);
    m_cancel->setObjectName(QStringLiteral("cancelScript"));
    m_cancel->setToolTip(tr("Stop the script on every target."));
    controls->addWidget(m_run);
    controls->addWidget(m_cancel);
    scriptLayout->addLayout(controls);
    scriptLayout->addWidget(m_errors.createGeneralLabel(scriptPanel));

    // Results: one row per target, and the output of the selected one.
    auto *resultsPanel = new QWidget(this);
    auto *resultsLayout = new QVBoxLayout(resultsPanel);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    auto *statusLine = new QHBoxLayout;
    m_status = new QLabel(tr("Choose targets, enter a script and run it."), resultsPanel);
    m_status->setObjectName(QStringLiteral("scriptStatus"));
    m_status->setWordWrap(true);
    statusLine->addWidget(m_status, 1);
    m_openTask = new QPushButton(style()->standardIcon(QStyle::SP_FileDialogDetailedView), tr("Open task log"), resultsPanel);
    m_openTask->setObjectName(QStringLiteral("openTask"));
    m_openTask->setEnabled(false);
    statusLine->addWidget(m_openTask);
    resultsLayout->addLayout(statusLine);
    auto *resultsSplitter = new QSplitter(Qt::Horizontal, resultsPanel);
    m_results = new QTableWidget(0, ResultColumnCount, resultsSplitter);
    m_results->setObjectName(QStringLiteral("scriptResults"));
    m_results->setHorizontalHeaderLabels({tr("Target"), tr("Status"), tr("Exit code")});
    m_results->verticalHeader()->hide();
    m_results->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->horizontalHeader()->setSectionResizeMode(TargetColumn, QHeaderView::Stretch);
    m_results->horizontalHeader()->setSectionResizeMode(StatusColumn, QHeaderView::ResizeToContents);
    m_results->horizontalHeader()->setSectionResizeMode(ExitCodeColumn, QHeaderView::ResizeToContents);
    m_outputs = new QStackedWidget(resultsSplitter);
    m_outputs->setObjectName(QStringLiteral("scriptOutputs"));
    auto *noOutput = new QLabel(tr("The output of the selected target shows here."), m_outputs);
    noOutput->setAlignment(Qt::AlignCenter);
    noOutput->setEnabled(false);
    m_outputs->addWidget(noOutput);
    resultsSplitter->setStretchFactor(0, 1);
    resultsSplitter->setStretchFactor(1, 3);
    resultsSplitter->setSizes({320, 680});
    resultsLayout->addWidget(resultsSplitter, 1);

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(scriptPanel);
    right->addWidget(resultsPanel);
    right->setStretchFactor(0, 2);
    right->setStretchFactor(1, 3);
    right->setChildrenCollapsible(false);
    auto *main = new QSplitter(Qt::Horizontal, this);
    main->addWidget(targetsPanel);
    main->addWidget(right);
    main->setStretchFactor(0, 1);
    main->setStretchFactor(1, 3);
    main->setChildrenCollapsible(false);
    targetsPanel->setMinimumWidth(260);
    main->setSizes({280, 820});
    right->setSizes({260, 420});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(main);

    for (QListWidget *list : {m_byName, m_byEnvironment, m_byTag})
        connect(list, &QListWidget::itemChanged, this, &ScriptConsoleWidget::updateChosen);
    connect(m_run, &QPushButton::clicked, this, &ScriptConsoleWidget::run);
    connect(m_cancel, &QPushButton::clicked, this, &ScriptConsoleWidget::cancel);
    connect(m_openTask, &QPushButton::clicked, this, [this]() {
        if (!m_taskId.isEmpty())
            emit openTaskRequested(m_taskId);
    });
    connect(m_results, &QTableWidget::currentCellChanged, this, [this](int row) { showOutputOf(row); });
    connect(m_controller, &ScriptRunController::started, this, &ScriptConsoleWidget::runStarted);
    connect(m_controller, &ScriptRunController::targetStarted, this, &ScriptConsoleWidget::setTargetRow);
    connect(m_controller, &ScriptRunController::output, this, &ScriptConsoleWidget::appendOutput);
    connect(m_controller, &ScriptRunController::targetFinished, this, &ScriptConsoleWidget::targetFinished);
    connect(m_controller, &ScriptRunController::finished, this, &ScriptConsoleWidget::runFinished);
    connect(m_session, &WorkspaceSession::currentSpaceChanged, this, &ScriptConsoleWidget::reload);
    connect(m_session, &WorkspaceSession::changed, this, [this](const QString &kind) {
        if (kind == u"Machine" || kind == u"Environment")
            reload();
    });
    updateChosen();
    updateButtons();
    reload();
}

bool ScriptConsoleWidget::isRunning() const
{
    return m_controller->isRunning();
}

void ScriptConsoleWidget::reload()
{
    const QString spaceId = m_session->currentSpaceId();
    const int generation = ++m_loadGeneration;
    WorkspaceSession *session = m_session;
    m_session->request<Result<Choices>>(
        this,
        [session, spaceId]() -> Result<Choices> {
            Choices choices;
            auto targets = TargetRepository(session->context()).list(spaceId);
            if (!targets)
                return targets.error();
            auto environments = EnvironmentRepository(session->context()).list(spaceId);
            if (!environments)
                return environments.error();
            auto tags = TargetRepository(session->context()).allTags(spaceId);
            if (!tags)
                return tags.error();
            choices.targets = *targets;
            choices.environments = *environments;
            choices.tags = *tags;
            return choices;
        },
        [this, generation](Result<Choices> choices) {
            if (generation != m_loadGeneration)
                return; // a newer load is on its way
            if (!choices) {
                m_errors.show(choices.error());
                return;
            }
            showChoices(*choices);
        });
}

void ScriptConsoleWidget::showChoices(const Choices &choices)
{
    m_targets = choices.targets;
    QList<std::pair<QString, QString>> names;
    QSet<QString> disabled;
    for (const DeploymentTarget &target : std::as_const(m_targets)) {
        names.append({target.name, target.id});
        if (target.isDisabled)
            disabled << target.id;
    }
    refill(m_byName, names, disabled);
    QList<std::pair<QString, QString>> environments;
    for (const Environment &environment : choices.environments)
        environments.append({environment.name, environment.id});
    refill(m_byEnvironment, environments);
    QList<std::pair<QString, QString>> tags;
    for (const QString &tag : choices.tags)
        tags.append({tag, tag});
    refill(m_byTag, tags);
    updateChosen();
}

QList<DeploymentTarget> ScriptConsoleWidget::chosenTargets() const
{
    const TaskTargetSelection selection{checkedValues(m_byName), checkedValues(m_byEnvironment), checkedValues(m_byTag)};
    return selection.resolve(m_targets);
}

void ScriptConsoleWidget::updateChosen()
{
    const QList<DeploymentTarget> chosen = chosenTargets();
    if (chosen.isEmpty()) {
        m_chosen->setText(m_targets.isEmpty() ? tr("This space has no deployment targets yet.")
                                              : tr("No target chosen."));
    } else {
        QStringList names;
        for (const DeploymentTarget &target : chosen)
            names << target.name;
        m_chosen->setText(tr("%n target(s) chosen: %1", nullptr, int(chosen.size())).arg(names.join(QStringLiteral(", "))));
    }
    if (!chosen.isEmpty())
        m_errors.showAt(QStringLiteral("targets"), {});
}

void ScriptConsoleWidget::updateButtons()
{
    const bool running = isRunning();
    m_run->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_script->setReadOnly(running);
    m_openTask->setEnabled(!m_taskId.isEmpty());
}

void ScriptConsoleWidget::run()
{
    if (isRunning())
        return;
    m_errors.clear();
    const QList<DeploymentTarget> targets = chosenTargets();
    bool valid = true;
    if (targets.isEmpty()) {
        m_errors.showAt(QStringLiteral("targets"), tr("Choose at least one enabled target by name, environment or tag."));
        valid = false;
    }
    if (m_script->toPlainText().trimmed().isEmpty()) {
        m_errors.showAt(QStringLiteral("script"), tr("Enter the script to run."));
        valid = false;
    }
    if (!valid)
        return;

    // One row and one output view per target, before anything arrives.
    while (m_outputs->count() > 1) {
        QWidget *old = m_outputs->widget(1);
        m_outputs->removeWidget(old);
        old->setObjectName(QString()); // a new run may name its view the same
        old->deleteLater();
    }
    m_results->setRowCount(0);
    m_rowOfTarget.clear();
    m_results->setRowCount(int(targets.size()));
    for (qsizetype i = 0; i < targets.size(); ++i) {
        const DeploymentTarget &target = targets.at(i);
        m_rowOfTarget.insert(target.id, int(i));
        auto *name = new QTableWidgetItem(target.name);
        name->setData(Qt::UserRole, target.id);
        m_results->setItem(int(i), TargetColumn, name);
        m_results->setItem(int(i), StatusColumn, new QTableWidgetItem(displayName(TaskLogStatus::Pending)));
        m_results->setItem(int(i), ExitCodeColumn, new QTableWidgetItem);
        auto *output = new QPlainTextEdit(m_outputs);
        output->setObjectName(u"output:" + target.id);
        output->setReadOnly(true);
        output->setFont(TaskLogPalette::monospaceFont());
        output->setLineWrapMode(QPlainTextEdit::NoWrap);
        output->setMaximumBlockCount(50000);
        m_outputs->addWidget(output);
    }
    m_results->setCurrentCell(0, TargetColumn);
    showOutputOf(0);

    m_taskId.clear();
    if (!m_controller->start(targets, m_script->toPlainText(), m_maxParallel->value()))
        return;
    m_status->setText(tr("Starting the script on %n target(s)…", nullptr, int(targets.size())));
    updateButtons();
}

void ScriptConsoleWidget::cancel()
{
    if (!isRunning())
        return;
    m_controller->cancel();
    m_cancel->setEnabled(false);
    m_status->setText(tr("Cancelling: stopping the script on every target…"));
}

void ScriptConsoleWidget::runStarted(const Task &task, const QList<ScriptRunService::TargetResult> &targets)
{
    m_taskId = task.id;
    m_status->setText(tr("Running as task %1 on %n target(s)…", nullptr, int(targets.size())).arg(task.id));
    for (const ScriptRunService::TargetResult &target : targets)
        setTargetRow(target);
    updateButtons();
}

void ScriptConsoleWidget::setTargetRow(const ScriptRunService::TargetResult &result)
{
    const int row = m_rowOfTarget.value(result.targetId, -1);
    if (row < 0)
        return;
    QTableWidgetItem *status = m_results->item(row, StatusColumn);
    status->setText(displayName(result.status));
    status->setIcon(TaskLogPalette::icon(style(), result.status));
    status->setData(Qt::UserRole, int(result.status));
    QTableWidgetItem *exitCode = m_results->item(row, ExitCodeColumn);
    if (result.exit && result.exit->signal.isEmpty())
        exitCode->setText(QString::number(result.exit->exitCode));
    else if (result.exit)
        exitCode->setText(tr("SIG%1").arg(result.exit->signal));
    else
        exitCode->setText({});
    exitCode->setToolTip(result.error);
    status->setToolTip(result.error);
}

void ScriptConsoleWidget::appendOutput(const QList<ScriptRunController::Line> &lines)
{
    for (const ScriptRunController::Line &line : lines) {
        auto *output = m_outputs->findChild<QPlainTextEdit *>(u"output:" + line.targetId, Qt::FindDirectChildrenOnly);
        if (output)
            TaskLogPalette::appendLine(output, line.text, line.category);
    }
}

void ScriptConsoleWidget::targetFinished(const ScriptRunService::TargetResult &result)
{
    setTargetRow(result);
}

void ScriptConsoleWidget::runFinished(const ScriptRunService::Outcome &outcome, const std::optional<Error> &error)
{
    updateButtons();
    if (error) {
        m_status->setText(tr("The script did not run."));
        m_errors.show(*error);
        return;
    }
    for (const ScriptRunService::TargetResult &result : outcome.targets)
        setTargetRow(result);
    const qsizetype succeeded = std::count_if(outcome.targets.cbegin(), outcome.targets.cend(),
                                              [](const ScriptRunService::TargetResult &r) { return r.succeeded(); });
    QString text;
    switch (outcome.task.state) {
    case TaskState::Success:
        text = tr("Task %1 succeeded: the script exited with code 0 on all %n target(s).", nullptr, int(outcome.targets.size()))
                   .arg(outcome.task.id);
        break;
    case TaskState::Canceled:
        text = tr("Task %1 was cancelled.").arg(outcome.task.id);
        break;
    default:
        text = tr("Task %1 failed: the script succeeded on %2 of %3 targets.")
                   .arg(outcome.task.id).arg(succeeded).arg(outcome.targets.size());
        break;
    }
    m_status->setText(text);
}

void ScriptConsoleWidget::showOutputOf(int row)
{
    if (row < 0 || row >= m_results->rowCount() || !m_results->item(row, TargetColumn)) {
        m_outputs->setCurrentIndex(0);
        return;
    }
    const QString targetId = m_results->item(row, TargetColumn)->data(Qt::UserRole).toString();
    if (auto *output = m_outputs->findChild<QPlainTextEdit *>(u"output:" + targetId, Qt::FindDirectChildrenOnly))
        m_outputs->setCurrentWidget(output);
}

} // namespace Cuttle
