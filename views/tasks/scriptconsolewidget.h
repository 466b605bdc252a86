#pragma once

#include "model/core/deploymenttarget.h"
#include "model/core/environment.h"
#include "model/engine/scriptrunservice.h"
#include "views/shell/fielderrors.h"
#include "views/tasks/scriptruncontroller.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

namespace Cuttle {

class WorkspaceSession;

/// The script console: choose targets by name, environment or tag, enter a Bash script and run
/// it on all of them in parallel, with each target's output, status and exit code shown live.
/// Each run is recorded as a task.
class ScriptConsoleWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScriptConsoleWidget)

public:
    explicit ScriptConsoleWidget(WorkspaceSession *session, QWidget *parent = nullptr);

    /// The enabled targets the three checklists choose together.
    QList<DeploymentTarget> chosenTargets() const;
    bool isRunning() const;
    ScriptRunController *controller() const { return m_controller; }
    /// The task of the current or last run; empty before the first.
    QString taskId() const { return m_taskId; }
    const FieldErrors &errors() const { return m_errors; }

public slots:
    void reload();
    void run();
    void cancel();

signals:
    /// The user asked to see the task of the last run in the task list.
    void openTaskRequested(const QString &taskId);

private:
    struct Choices
    {
        QList<DeploymentTarget> targets;
        QList<Environment> environments;
        QStringList tags;
    };
    void showChoices(const Choices &choices);
    void updateChosen();
    void updateButtons();
    void runStarted(const Task &task, const QList<ScriptRunService::TargetResult> &targets);
    void appendOutput(const QList<ScriptRunController::Line> &lines);
    void targetFinished(const ScriptRunService::TargetResult &result);
    void runFinished(const ScriptRunService::Outcome &outcome, const std::optional<Error> &error);
    void setTargetRow(const ScriptRunService::TargetResult &result);
    void showOutputOf(int row);

    WorkspaceSession *m_session = nullptr;
    ScriptRunController *m_controller = nullptr;
    QList<DeploymentTarget> m_targets;
    QListWidget *m_byName = nullptr;
    QListWidget *m_byEnvironment = nullptr;
    QListWidget *m_byTag = nullptr;
    QLabel *m_chosen = nullptr;
    QPlainTextEdit *m_script = nullptr;
    QSpinBox *m_maxParallel = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_openTask = nullptr;
    QLabel *m_status = nullptr;
    QTableWidget *m_results = nullptr;
    QStackedWidget *m_outputs = nullptr;
    QHash<QString, int> m_rowOfTarget;
    QString m_taskId;
    FieldErrors m_errors;
    int m_loadGeneration = 0;
};

} // namespace Cuttle
