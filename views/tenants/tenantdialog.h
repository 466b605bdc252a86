#pragma once

#include "model/core/environment.h"
#include "model/core/error.h"
#include "model/core/project.h"
#include "model/core/tagset.h"
#include "model/core/tenant.h"

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;
class QTreeWidget;

namespace Cuttle {

class FieldErrorLabel;

/// Adds or edits a tenant: name, description, tags picked per tag set, and the projects it
/// is connected to with the environments of each. Saving is left to the page (submitted()).
class TenantDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TenantDialog)

public:
    TenantDialog(const QList<TagSet> &tagSets, const QList<Project> &projects, const QList<Environment> &environments,
                 QWidget *parent = nullptr);

    void setTenant(const Tenant &tenant);
    Tenant tenant() const;
    /// Ticks or unticks a canonical "Set/Tag"; false when there is no such tag.
    bool setTagChecked(const QString &canonicalTag, bool checked);
    void showError(const Error &error);

signals:
    void submitted();

private:
    void submit();
    Tenant m_tenant;
    QLineEdit *m_name = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QTreeWidget *m_tags = nullptr;
    QTreeWidget *m_projects = nullptr;
    FieldErrorLabel *m_nameError = nullptr;
    FieldErrorLabel *m_tagsError = nullptr;
    FieldErrorLabel *m_projectsError = nullptr;
    FieldErrorLabel *m_generalError = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Cuttle
