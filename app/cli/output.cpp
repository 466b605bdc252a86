#include "app/cli/output.h"

#include "app/cli/clitext.h"

#include <QJsonDocument>

#include <cstdio>

namespace Cuttle::Cli {
namespace {

void writeTo(FILE *stream, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

QString objectInline(const QJsonObject &object)
{
    // Nested records (phases, connections, tags) read best as "name: rest".
    QStringList parts;
    QString head = object.value(QLatin1String("name")).toString();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == QLatin1String("name") || it.key() == QLatin1String("id") || it.key().endsWith(QLatin1String("Ids")))
            continue;
        const QString text = Output::display(it.value());
        if (!text.isEmpty())
            parts << it.key() + u'=' + text;
    }
    if (head.isEmpty())
        return parts.join(QLatin1String(", "));
    return parts.isEmpty() ? head : head + QLatin1String(" (") + parts.join(QLatin1String(", ")) + u')';
}

} // namespace

void Output::write(const QString &text)
{
    writeTo(stdout, text.toUtf8());
}

void Output::writeError(const QString &text)
{
    writeTo(stderr, text.toUtf8());
}

QString Output::display(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool: return value.toBool() ? tr("yes") : tr("no");
    case QJsonValue::Double: return QString::number(value.toDouble());
    case QJsonValue::String: return value.toString();
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items << (item.isObject() ? objectInline(item.toObject()) : display(item));
        return items.join(QLatin1String(", "));
    }
    case QJsonValue::Object: return objectInline(value.toObject());
    case QJsonValue::Null:
    case QJsonValue::Undefined: break;
    }
    return {};
}

void Output::list(const QJsonArray &rows, const QList<Field> &columns) const
{
    if (m_json) {
        writeTo(stdout, QJsonDocument(rows).toJson(QJsonDocument::Indented));
        return;
    }
    if (rows.isEmpty()) {
        write(tr("(none)") + u'\n');
        return;
    }
    QList<QStringList> cells;
    QList<qsizetype> widths;
    QStringList header;
    for (const Field &column : columns) {
        header << tr(column.label);
        widths << header.constLast().size();
    }
    cells.reserve(rows.size());
    for (const QJsonValue &row : rows) {
        const QJsonObject object = row.toObject();
        QStringList line;
        for (qsizetype c = 0; c < columns.size(); ++c) {
            line << display(object.value(QLatin1String(columns.at(c).key)));
            widths[c] = std::max(widths[c], line.constLast().size());
        }
        cells << line;
    }
    QString text;
    const auto appendLine = [&](const QStringList &line) {
        QString out;
        for (qsizetype c = 0; c < line.size(); ++c)
            out += (c + 1 < line.size() ? line.at(c).leftJustified(widths.at(c) + 2) : line.at(c));
        text += out + u'\n';
    };
    appendLine(header);
    for (const QStringList &line : std::as_const(cells))
        appendLine(line);
    write(text);
}

void Output::object(const QJsonObject &record, const QList<Field> &fields) const
{
    if (m_json) {
        writeTo(stdout, QJsonDocument(record).toJson(QJsonDocument::Indented));
        return;
    }
    qsizetype width = 0;
    for (const Field &field : fields)
        width = std::max(width, tr(field.label).size());
    QString text;
    for (const Field &field : fields) {
        const QJsonValue value = record.value(QLatin1String(field.key));
        const QString label = QString(tr(field.label) + u':').leftJustified(width + 2);
        if (value.isArray() && !value.toArray().isEmpty() && value.toArray().first().isObject()) {
            text += label.trimmed() + u'\n';
            for (const QJsonValue &item : value.toArray())
                text += QLatin1String("  - ") + objectInline(item.toObject()) + u'\n';
        } else {
            text += label + display(value) + u'\n';
        }
    }
    write(text);
}

void Output::changed(const QString &message, const QJsonObject &record) const
{
    if (m_json)
        writeTo(stdout, QJsonDocument(record).toJson(QJsonDocument::Indented));
    else
        write(message + u'\n');
}

void Output::message(const QString &text) const
{
    if (!m_json)
        write(text + u'\n');
}

} // namespace Cuttle::Cli
