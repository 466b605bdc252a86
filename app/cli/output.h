#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Cuttle::Cli {

/// Writes results either as aligned tables and "Field: value" lines for people or as
/// JSON for scripts. Records are built once as JSON objects (camelCase keys) and the
/// human form is derived from them, so both forms always show the same data.
class Output final
{
public:
    /// One table column or one line of a "show": a translatable label and the JSON key.
    struct Field
    {
        const char *label; ///< QT_TRANSLATE_NOOP("cuttlectl", ...)
        const char *key;
    };

    explicit Output(bool json = false) : m_json(json) {}

    bool json() const { return m_json; }
    void setJson(bool json) { m_json = json; }

    /// A list: a JSON array, or a table of `columns` (an empty list says so in words).
    void list(const QJsonArray &rows, const QList<Field> &columns) const;
    /// One record: a JSON object, or one "Label: value" line per field.
    void object(const QJsonObject &record, const QList<Field> &fields) const;
    /// The outcome of a change: `record` as JSON, or `message` for people.
    void changed(const QString &message, const QJsonObject &record) const;
    /// A line for people (nothing in JSON mode).
    void message(const QString &text) const;

    /// Raw text to standard output / standard error.
    static void write(const QString &text);
    static void writeError(const QString &text);
    /// One value as people read it: lists comma-separated, booleans yes/no.
    static QString display(const QJsonValue &value);

private:
    bool m_json = false;
};

} // namespace Cuttle::Cli
