#include "model/core/validation.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

namespace Cuttle::Validation {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cuttle::Validation", text);
}

bool hasControlCharacters(const QString &text)
{
    for (QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

} // namespace

Result<QString> name(const QString &text, const QString &what, const QString &field)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Error::validation(tr("The %1 needs a name.").arg(what), field);
    if (trimmed.size() > 200)
        return Error::validation(tr("The %1 name is longer than 200 characters.").arg(what), field);
    if (hasControlCharacters(trimmed))
        return Error::validation(tr("The %1 name contains control characters.").arg(what), field);
    return trimmed;
}

Result<QString> hostName(const QString &text, const QString &field)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Error::validation(tr("The target needs a host name or IP address."), field);
    QHostAddress address;
    QString bare = trimmed;
    if (bare.startsWith(u'[') && bare.endsWith(u']'))
        bare = bare.mid(1, bare.size() - 2);
    if (address.setAddress(bare))
        return bare;
    // RFC 1123 host names: labels of letters, digits and hyphens, not starting or ending
    // with a hyphen, at most 63 characters each and 253 in all.
    static const QRegularExpression label(QStringLiteral("^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$"));
    const QStringList labels = trimmed.split(u'.');
    bool valid = trimmed.size() <= 253;
    for (const QString &l : labels) {
        if (!label.match(l).hasMatch())
            valid = false;
    }
    if (!valid)
        return Error::validation(tr("\"%1\" is not a valid host name or IP address.").arg(trimmed), field);
    return trimmed;
}

Result<int> port(int value, const QString &field)
{
    if (value < 1 || value > 65535)
        return Error::validation(tr("The port must be a number from 1 to 65535, not %1.").arg(value), field);
    return value;
}

Result<QString> tag(const QString &text, const QString &field)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Error::validation(tr("A target tag cannot be empty or only spaces."), field);
    if (trimmed.contains(u','))
        return Error::validation(tr("The target tag \"%1\" contains a comma.").arg(trimmed), field);
    if (trimmed.size() > 100 || hasControlCharacters(trimmed))
        return Error::validation(tr("The target tag \"%1\" is too long or contains control characters.").arg(trimmed), field);
    return trimmed;
}

Result<QStringList> tags(const QStringList &list, const QString &field)
{
    QStringList result;
    for (const QString &t : list) {
        auto checked = tag(t, field);
        if (!checked)
            return checked.error();
        if (!result.contains(*checked, Qt::CaseInsensitive))
            result << *checked;
    }
    return result;
}

Result<QString> directory(const QString &text, const QString &field)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Error::validation(tr("The target needs a directory."), field);
    const bool windowsAbsolute = trimmed.size() >= 3 && trimmed.at(1) == u':'
                                 && (trimmed.at(2) == u'\\' || trimmed.at(2) == u'/');
    if (!trimmed.startsWith(u'/') && !trimmed.startsWith(u'~') && !windowsAbsolute)
        return Error::validation(tr("The directory \"%1\" must be an absolute path.").arg(trimmed), field);
    return trimmed;
}

} // namespace Cuttle::Validation
