#include "views/tenants/tenantdialog.h"

#include "views/projects/fielderrorlabel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Cuttle {

namespace {

constexpr int IdRole = Qt::UserRole;

QVBoxLayout *column(const QString &title, QWidget *field, FieldErrorLabel *error)
{
    auto *box = new QVBoxLayout;
    box->addWidget(new QLabel(title));
    box->addWidget(field, 1);
    box->addWidget(error);
    return box;
}

} // namespace

TenantDialog::TenantDialog(const QList<TagSet> &tagSets, const QList<Project> &projects,
                           const QList<Environment> &environments, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Tenant"));
    resize(720, 520);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_nameError = new FieldErrorLabel(this);
    m_nameError->setObjectName(QStringLiteral("nameError"));
    auto *nameBox = new QVBoxLayout;
    nameBox->setSpacing(2);
    nameBox->addWidget(m_name);
    nameBox->addWidget(m_nameError);
    form->addRow(tr("Name"), nameBox);
    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(54);
    form->addRow(tr("Description"), m_description);
    layout->addLayout(form);

    m_tags = new QTreeWidget(this);
    m_tags->setObjectName(QStringLiteral("tagPicker"));
    m_tags->setHeaderHidden(true);
    for (const TagSet &set : tagSets) {
        auto *setItem = new QTreeWidgetItem(m_tags, {set.name});
        setItem->setFlags(Qt::ItemIsEnabled);
        for (const Tag &tag : set.tags) {
            auto *item = new QTreeWidgetItem(setItem, {tag.name});
            item->setData(0, IdRole, set.canonicalTag(tag.name));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(0, Qt::Unchecked);
            QPixmap swatch(12, 12);
            const QColor color = QColor::fromString(tag.color);
            swatch.fill(color.isValid() ? color : Qt::gray);
            item->setIcon(0, QIcon(swatch));
        }
    }
    m_tags->expandAll();
    m_tagsError = new FieldErrorLabel(this);

    m_projects = new QTreeWidget(this);
    m_projects->setObjectName(QStringLiteral("projectConnections"));
    m_projects->setHeaderHidden(true);
    for (const Project &project : projects) {
        auto *projectItem = new QTreeWidgetItem(m_projects, {project.name});
        projectItem->setData(0, IdRole, project.id);
        projectItem->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        projectItem->setCheckState(0, Qt::Unchecked);
        for (const Environment &e : environments) {
            auto *item = new QTreeWidgetItem(projectItem, {e.name});
            item->setData(0, IdRole, e.id);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(0, Qt::Unchecked);
        }
    }
    m_projects->expandAll();
    m_projectsError = new FieldErrorLabel(this);

    auto *pickers = new QHBoxLayout;
    pickers->addLayout(column(tr("Tags"), m_tags, m_tagsError));
    pickers->addLayout(column(tr("Connected projects and their environments"), m_projects, m_projectsError));
    layout->addLayout(pickers, 1);
    m_generalError = new FieldErrorLabel(this);
    m_generalError->setObjectName(QStringLiteral("generalError"));
    layout->addWidget(m_generalError);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("save"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TenantDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textEdited, m_nameError, &FieldErrorLabel::clearError);
    // Ticking an environment connects its project; unticking the project drops its environments.
    connect(m_projects, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item) {
        QSignalBlocker block(m_projects);
        if (item->parent() && item->checkState(0) == Qt::Checked) {
            item->parent()->setCheckState(0, Qt::Checked);
        } else if (!item->parent() && item->checkState(0) == Qt::Unchecked) {
            for (int i = 0; i < item->childCount(); ++i)
                item->child(i)->setCheckState(0, Qt::Unchecked);
        }
    });
}

void TenantDialog::setTenant(const Tenant &tenant)
{
    m_tenant = tenant;
    m_name->setText(tenant.name);
    m_description->setPlainText(tenant.description);
    for (const QString &tag : tenant.tags)
        setTagChecked(tag, true);
    QSignalBlocker block(m_projects);
    for (int p = 0; p < m_projects->topLevelItemCount(); ++p) {
        QTreeWidgetItem *projectItem = m_projects->topLevelItem(p);
        const QString projectId = projectItem->data(0, IdRole).toString();
        for (const TenantProjectConnection &c : tenant.projects) {
            if (c.projectId != projectId)
                continue;
            projectItem->setCheckState(0, Qt::Checked);
            for (int e = 0; e < projectItem->childCount(); ++e) {
                if (c.environmentIds.contains(projectItem->child(e)->data(0, IdRole).toString()))
                    projectItem->child(e)->setCheckState(0, Qt::Checked);
            }
        }
    }
}

bool TenantDialog::setTagChecked(const QString &canonicalTag, bool checked)
{
    for (int s = 0; s < m_tags->topLevelItemCount(); ++s) {
        QTreeWidgetItem *setItem = m_tags->topLevelItem(s);
        for (int t = 0; t < setItem->childCount(); ++t) {
            if (setItem->child(t)->data(0, IdRole).toString().compare(canonicalTag, Qt::CaseInsensitive) == 0) {
                setItem->child(t)->setCheckState(0, checked ? Qt::Checked : Qt::Unchecked);
                return true;
            }
        }
    }
    return false;
}

Tenant TenantDialog::tenant() const
{
    Tenant t = m_tenant;
    t.name = m_name->text();
    t.description = m_description->toPlainText();
    QStringList known;
    QStringList tags;
    for (int s = 0; s < m_tags->topLevelItemCount(); ++s) {
        QTreeWidgetItem *setItem = m_tags->topLevelItem(s);
        for (int i = 0; i < setItem->childCount(); ++i) {
            const QString canonical = setItem->child(i)->data(0, IdRole).toString();
            known << canonical;
            if (setItem->child(i)->checkState(0) == Qt::Checked)
                tags << canonical;
        }
    }
    // Keep tags this dialog could not show (their set is gone from the list meanwhile).
    for (const QString &tag : m_tenant.tags) {
        if (!known.contains(tag, Qt::CaseInsensitive))
            tags << tag;
    }
    t.tags = tags;
    t.projects.clear();
    for (int p = 0; p < m_projects->topLevelItemCount(); ++p) {
        QTreeWidgetItem *projectItem = m_projects->topLevelItem(p);
        if (projectItem->checkState(0) != Qt::Checked)
            continue;
        TenantProjectConnection c;
        c.projectId = projectItem->data(0, IdRole).toString();
        for (int e = 0; e < projectItem->childCount(); ++e) {
            if (projectItem->child(e)->checkState(0) == Qt::Checked)
                c.environmentIds << projectItem->child(e)->data(0, IdRole).toString();
        }
        t.projects << c;
    }
    return t;
}

void TenantDialog::submit()
{
    for (FieldErrorLabel *label : {m_nameError, m_tagsError, m_projectsError, m_generalError})
        label->clearError();
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    emit submitted();
}

void TenantDialog::showError(const Error &error)
{
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(true);
    if (error.field == u"name") {
        m_nameError->setError(error.message);
        m_name->setFocus();
    } else if (error.field == u"tags") {
        m_tagsError->setError(error.message);
    } else if (error.field == u"projects") {
        m_projectsError->setError(error.message);
    } else {
        m_generalError->setError(error.message);
    }
}

} // namespace Cuttle
