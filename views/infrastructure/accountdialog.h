#pragma once

#include "model/core/account.h"
#include "views/shell/fielderrors.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLineEdit;
class QPlainTextEdit;

namespace Cuttle {

class WorkspaceSession;

/// Creates or edits an account. The secret parts go to the keychain through
/// AccountService on the worker; when the keychain refuses, the dialog stays open with
/// the keychain's sentence and nothing is saved. Secret fields left empty when editing
/// keep what the keychain holds.
class AccountDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountDialog)

public:
    AccountDialog(WorkspaceSession *session, const Account &account, QWidget *parent = nullptr);

    const Account &account() const { return m_account; }
    const FieldErrors &errors() const { return m_errors; }

    void accept() override;

private:
    void updateKind();
    void loadKeyFile();
    AccountKind currentKind() const;

    WorkspaceSession *m_session = nullptr;
    Account m_account;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QPlainTextEdit *m_privateKey = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QLineEdit *m_description = nullptr;
    QWidget *m_passwordRow = nullptr;
    QWidget *m_keyRow = nullptr;
    QWidget *m_passphraseRow = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    FieldErrors m_errors;
    bool m_saving = false;
};

} // namespace Cuttle
