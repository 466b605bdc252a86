#pragma once

#include "model/itemmodels/variables/scopechoices.h"
#include "model/variables/scopecontext.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace Cuttle {

class FieldErrorLabel;
class VariableExplanationModel;
class VariablePreviewModel;
class VariableSet;
class WorkspaceSession;

/// What a project's variables resolve to for a chosen environment, target, step, channel
/// and tenant, and why a value won (Explain). Resolution runs on the session's worker.
class VariablePreviewPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VariablePreviewPanel)

public:
    explicit VariablePreviewPanel(WorkspaceSession *session, QWidget *parent = nullptr);
    ~VariablePreviewPanel() override;

    void setProject(const QString &projectId);
    /// Reloads the project's effective values and the space's records (once shown).
    void reload();

    /// The context the pickers describe.
    ScopeContext context() const;
    /// Explains `name` for the current context.
    void explain(const QString &name);

    VariablePreviewModel *previewModel() const { return m_preview; }
    VariableExplanationModel *explanationModel() const { return m_explanation; }
    QString verdict() const;
    bool isResolved() const { return m_resolved; }

protected:
    void showEvent(QShowEvent *event) override;

signals:
    /// The table shows the values for the current context.
    void resolved();
    void explained();

private:
    void fillPickers();
    void resolve();
    void explainSelected();

    WorkspaceSession *m_session = nullptr;
    QString m_projectId;
    ScopeChoices m_choices;
    std::shared_ptr<const VariableSet> m_set;
    quint64 m_generation = 0;
    quint64 m_resolveGeneration = 0;
    bool m_resolved = false;
    bool m_filling = false;
    bool m_stale = false; ///< reload when shown: hidden previews cost the worker nothing

    VariablePreviewModel *m_preview = nullptr;
    VariableExplanationModel *m_explanation = nullptr;
    QComboBox *m_environment = nullptr;
    QComboBox *m_target = nullptr;
    QComboBox *m_step = nullptr;
    QComboBox *m_channel = nullptr;
    QComboBox *m_tenant = nullptr;
    QLabel *m_contextFacts = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_explainName = nullptr;
    QPushButton *m_explainButton = nullptr;
    QLabel *m_verdict = nullptr;
    QTableView *m_explanationTable = nullptr;
    FieldErrorLabel *m_error = nullptr;
};

} // namespace Cuttle
