#include "model/variables/filevariablesubstitution.h"

#include "model/variables/templateengine.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStringDecoder>
#include <QStringEncoder>

using namespace Qt::StringLiterals;

namespace Cuttle {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("FileVariableSubstitution", text);
}

} // namespace

Result<FileSubstitutionReport> FileVariableSubstitution::substitute(const QString &path,
                                                                    const VariableDictionary &variables,
                                                                    bool ignoreErrors)
{
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::failed(tr("Cannot read %1 to substitute variables: %2.").arg(shown, file.errorString()));
    const QByteArray bytes = file.readAll();
    file.close();

    FileSubstitutionReport report;
    QByteArray bom;
    QStringConverter::Encoding encoding = QStringConverter::Utf8;
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        bom = bytes.left(3);
        report.encoding = u"UTF-8 with BOM"_s;
    } else if (bytes.startsWith("\xFF\xFE")) {
        bom = bytes.left(2);
        encoding = QStringConverter::Utf16LE;
        report.encoding = u"UTF-16LE"_s;
    } else if (bytes.startsWith("\xFE\xFF")) {
        bom = bytes.left(2);
        encoding = QStringConverter::Utf16BE;
        report.encoding = u"UTF-16BE"_s;
    } else {
        report.encoding = u"UTF-8"_s;
    }
    const QByteArray body = bytes.mid(bom.size());
    if (encoding == QStringConverter::Utf8 && body.contains('\0')) {
        return Error::validation(
            tr("%1 looks like a binary file (it contains NUL bytes), so variables were not substituted in it.")
                .arg(shown));
    }
    QStringDecoder decoder(encoding, QStringConverter::Flag::Stateless);
    const QString text = decoder.decode(body);
    if (decoder.hasError())
        return Error::validation(tr("%1 is not valid %2 text, so variables were not substituted in it.")
                                     .arg(shown, report.encoding));

    const EvaluationResult result = TemplateEngine::evaluate(text, variables);
    if (!result.errors.isEmpty() && !ignoreErrors)
        return Error::validation(tr("Variables could not be substituted in %1: %2").arg(shown, result.errors.first().message));
    if (!result.unresolved.isEmpty() && !ignoreErrors) {
        return Error::validation(tr("%1 refers to variables that are not defined: %2.")
                                     .arg(shown, result.unresolved.join(", "_L1)));
    }
    report.unresolved = result.unresolved;
    report.problems = result.errors;
    report.changed = result.text != text;
    if (!report.changed)
        return report;

    QStringEncoder encoder(encoding, QStringConverter::Flag::Stateless);
    QByteArray out = bom;
    out += encoder.encode(result.text);
    QSaveFile save(path);
    if (!save.open(QIODevice::WriteOnly))
        return Error::failed(tr("Cannot write %1 after substituting variables: %2.").arg(shown, save.errorString()));
    save.write(out);
    if (!save.commit())
        return Error::failed(tr("Cannot write %1 after substituting variables: %2.").arg(shown, save.errorString()));
    return report;
}

} // namespace Cuttle
