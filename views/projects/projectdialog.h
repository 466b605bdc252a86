#pragma once

#include "model/core/error.h"
#include "model/core/lifecycle.h"
#include "model/core/project.h"
#include "model/core/projectgroup.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;

namespace Cuttle {

class FieldErrorLabel;

/// Adds or edits a project's record: name, group, description, lifecycle, tenanted mode and
/// connectivity. Like NameDescriptionDialog it leaves saving to the page (submitted()).
class ProjectDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectDialog)

public:
    explicit ProjectDialog(const QList<ProjectGroup> &groups, const QList<Lifecycle> &lifecycles, QWidget *parent = nullptr);

    /// Fills the fields; the id and the fields this dialog does not show are kept.
    void setProject(const Project &project);
    Project project() const;
    void showError(const Error &error);

signals:
    void submitted();

private:
    void submit();
    void clearErrors();
    Project m_project;
    QLineEdit *m_name = nullptr;
    QComboBox *m_group = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QComboBox *m_lifecycle = nullptr;
    QComboBox *m_tenantedMode = nullptr;
    QCheckBox *m_allowNoTargets = nullptr;
    QCheckBox *m_skipUnavailable = nullptr;
    QCheckBox *m_excludeUnhealthy = nullptr;
    FieldErrorLabel *m_nameError = nullptr;
    FieldErrorLabel *m_groupError = nullptr;
    FieldErrorLabel *m_lifecycleError = nullptr;
    FieldErrorLabel *m_generalError = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Cuttle
