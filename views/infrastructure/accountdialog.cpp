#include "views/infrastructure/accountdialog.h"

#include "model/core/validation.h"
#include "model/engine/accountservice.h"
#include "model/engine/workspacesession.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Cuttle {

AccountDialog::AccountDialog(WorkspaceSession *session, const Account &account, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_account(account)
{
    const bool editing = !account.id.isEmpty();
    setWindowTitle(editing ? tr("Edit account") : tr("Add account"));
    setMinimumWidth(520);

    m_name = new QLineEdit(account.name, this);
    m_name->setObjectName(QStringLiteral("name"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kind"));
    for (AccountKind kind : {AccountKind::UsernamePassword, AccountKind::SshKeyPair, AccountKind::WinRm})
        m_kind->addItem(displayName(kind), int(kind));
    m_kind->setCurrentIndex(m_kind->findData(int(account.kind)));
    m_kind->setEnabled(!editing); // the secrets a kind holds differ, so a kind is chosen once
    m_username = new QLineEdit(account.username, this);
    m_username->setObjectName(QStringLiteral("username"));
    const QString keep = tr("leave empty to keep the stored one");
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    if (account.hasPassword)
        m_password->setPlaceholderText(keep);
    m_privateKey = new QPlainTextEdit(this);
    m_privateKey->setObjectName(QStringLiteral("privateKey"));
    m_privateKey->setTabChangesFocus(true);
    m_privateKey->setFixedHeight(90);
    m_privateKey->setPlaceholderText(account.hasPrivateKey ? keep : tr("-----BEGIN OPENSSH PRIVATE KEY----- …"));
    auto *loadKey = new QPushButton(tr("Load from file…"), this);
    connect(loadKey, &QPushButton::clicked, this, &AccountDialog::loadKeyFile);
    auto *keyBox = new QWidget(this);
    auto *keyLayout = new QVBoxLayout(keyBox);
    keyLayout->setContentsMargins(0, 0, 0, 0);
    keyLayout->addWidget(m_privateKey);
    keyLayout->addWidget(loadKey, 0, Qt::AlignLeft);
    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("passphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    if (account.hasPassphrase)
        m_passphrase->setPlaceholderText(keep);
    m_description = new QLineEdit(account.description, this);
    m_description->setObjectName(QStringLiteral("description"));

    m_form = new QFormLayout;
    m_form->addRow(tr("&Name:"), m_errors.wrap(QStringLiteral("name"), m_name));
    m_form->addRow(tr("&Kind:"), m_errors.wrap(QStringLiteral("kind"), m_kind));
    m_form->addRow(tr("&Username:"), m_errors.wrap(QStringLiteral("username"), m_username));
    m_passwordRow = m_errors.wrap(QStringLiteral("password"), m_password);
    m_form->addRow(tr("&Password:"), m_passwordRow);
    m_keyRow = m_errors.wrap(QStringLiteral("privateKey"), keyBox);
    m_form->addRow(tr("Private &key:"), m_keyRow);
    m_passphraseRow = m_errors.wrap(QStringLiteral("passphrase"), m_passphrase);
    m_form->addRow(tr("Pass&phrase:"), m_passphraseRow);
    m_form->addRow(tr("&Description:"), m_errors.wrap(QStringLiteral("description"), m_description));

    auto *note = new QLabel(tr("Passwords, keys and passphrases are kept in the system keychain (%1), never in the "
                               "workspace database.").arg(session->secrets()->backendName()), this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AccountDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AccountDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(note);
    layout->addWidget(m_errors.createGeneralLabel(this));
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &AccountDialog::updateKind);
    updateKind();
}

AccountKind AccountDialog::currentKind() const
{
    return AccountKind(m_kind->currentData().toInt());
}

void AccountDialog::updateKind()
{
    const bool keyPair = currentKind() == AccountKind::SshKeyPair;
    m_form->setRowVisible(m_passwordRow, !keyPair);
    m_form->setRowVisible(m_keyRow, keyPair);
    m_form->setRowVisible(m_passphraseRow, keyPair);
}

void AccountDialog::loadKeyFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Private key"), QDir::homePath() + QStringLiteral("/.ssh"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > 64 * 1024) {
        m_errors.showAt(QStringLiteral("privateKey"), tr("The file \"%1\" cannot be read as a private key.").arg(path));
        return;
    }
    m_privateKey->setPlainText(QString::fromUtf8(file.readAll()));
}

void AccountDialog::accept()
{
    if (m_saving)
        return;
    m_errors.clear();
    auto name = Validation::name(m_name->text(), tr("account"));
    if (!name) {
        m_errors.show(name.error());
        return;
    }
    Account account = m_account;
    account.name = *name;
    account.kind = currentKind();
    account.username = m_username->text().trimmed();
    account.description = m_description->text().trimmed();
    if (account.spaceId.isEmpty())
        account.spaceId = m_session->currentSpaceId();
    if (account.username.isEmpty()) {
        m_errors.showAt(QStringLiteral("username"), tr("The account needs a username."));
        return;
    }
    AccountSecrets secrets;
    if (account.kind == AccountKind::SshKeyPair) {
        if (const QString key = m_privateKey->toPlainText().trimmed(); !key.isEmpty())
            secrets.privateKey = (key + u'\n').toUtf8();
        if (!m_passphrase->text().isEmpty())
            secrets.passphrase = m_passphrase->text().toUtf8();
    } else if (!m_password->text().isEmpty()) {
        secrets.password = m_password->text().toUtf8();
    }

    m_saving = true;
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    WorkspaceSession *session = m_session;
    m_session->write<Result<Account>>(
        this, QStringLiteral("Account"),
        [session, account, secrets]() -> Result<Account> {
            AccountService service(session->workspace(), session->secrets());
            return account.id.isEmpty() ? service.create(account, secrets) : service.update(account, secrets);
        },
        [this](Result<Account> saved) {
            m_saving = false;
            m_buttons->button(QDialogButtonBox::Save)->setEnabled(true);
            if (!saved) {
                m_errors.show(saved.error());
                return;
            }
            m_account = *saved;
            QDialog::accept();
        });
}

} // namespace Cuttle
