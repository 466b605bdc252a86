#include "views/infrastructure/hostkeydialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Cuttle {
namespace {

QLabel *fingerprintLabel(const QString &fingerprint, QWidget *parent)
{
    auto *label = new QLabel(fingerprint, parent);
    label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

HostKeyDialog::HostKeyDialog(Situation situation, const QString &targetId, const QString &targetName,
                             const QString &offeredFingerprint, const QString &pinnedFingerprint, QWidget *parent)
    : QDialog(parent)
    , m_situation(situation)
    , m_targetId(targetId)
    , m_offered(offeredFingerprint)
{
    const bool changed = situation == Situation::Changed;
    setWindowTitle(changed ? tr("Host key changed") : tr("Unknown host key"));
    setObjectName(changed ? QStringLiteral("hostKeyChangedDialog") : QStringLiteral("hostKeyUnknownDialog"));

    auto *icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(changed ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxQuestion)
                        .pixmap(size, size));
    icon->setAlignment(Qt::AlignTop);

    auto *headline = new QLabel(this);
    headline->setObjectName(QStringLiteral("headline"));
    headline->setWordWrap(true);
    auto *explanation = new QLabel(this);
    explanation->setObjectName(QStringLiteral("explanation"));
    explanation->setWordWrap(true);

    auto *fingerprints = new QVBoxLayout;
    if (changed) {
        headline->setText(tr("The host key of \"%1\" has changed. The connection was refused.").arg(targetName));
        headline->setStyleSheet(QStringLiteral("color: #c0392b; font-weight: bold;"));
        explanation->setText(tr("Someone may be intercepting the connection, or the machine was reinstalled or its "
                                "SSH keys were regenerated. Re-pin the new key only if you know why it changed."));
        fingerprints->addWidget(new QLabel(tr("Pinned key:"), this));
        QLabel *pinned = fingerprintLabel(pinnedFingerprint.isEmpty() ? tr("(unknown)") : pinnedFingerprint, this);
        pinned->setObjectName(QStringLiteral("pinnedFingerprint"));
        fingerprints->addWidget(pinned);
        fingerprints->addWidget(new QLabel(tr("Key the server offered:"), this));
    } else {
        headline->setText(tr("\"%1\" has no pinned host key yet.").arg(targetName));
        headline->setStyleSheet(QStringLiteral("font-weight: bold;"));
        explanation->setText(tr("Compare the fingerprint below with the one the machine's administrator gives you "
                                "(ssh-keygen -lf on the server's host key). Once trusted, Cuttle refuses any other key."));
        fingerprints->addWidget(new QLabel(tr("Key the server offered:"), this));
    }
    QLabel *offered = fingerprintLabel(offeredFingerprint, this);
    offered->setObjectName(QStringLiteral("offeredFingerprint"));
    if (changed)
        offered->setStyleSheet(QStringLiteral("color: #c0392b;"));
    fingerprints->addWidget(offered);

    auto *buttons = new QDialogButtonBox(this);
    m_pin = buttons->addButton(changed ? tr("Re-pin the new key") : tr("Trust and pin"), QDialogButtonBox::AcceptRole);
    m_pin->setObjectName(QStringLiteral("pinHostKey"));
    m_refuse = buttons->addButton(changed ? tr("Keep refusing") : tr("Do not trust"), QDialogButtonBox::RejectRole);
    m_refuse->setObjectName(QStringLiteral("refuseHostKey"));
    // A changed key is the dangerous case: Enter must not re-pin it.
    (changed ? m_refuse : m_pin)->setDefault(true);

    auto *text = new QVBoxLayout;
    text->addWidget(headline);
    text->addWidget(explanation);
    text->addSpacing(6);
    text->addLayout(fingerprints);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addSpacing(8);
    top->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addSpacing(8);
    layout->addWidget(buttons);
    setMinimumWidth(480);

    connect(buttons, &QDialogButtonBox::accepted, this, [this]() {
        emit pinRequested(m_targetId, m_offered);
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

} // namespace Cuttle
