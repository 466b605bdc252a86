#include "model/core/mavenversion.h"

using namespace Qt::StringLiterals;

namespace Cuttle {

namespace {

using Item = MavenVersion::Item;
using Kind = MavenVersion::Item::Kind;

std::strong_ordering fromInt(int c)
{
    return c < 0 ? std::strong_ordering::less
                 : (c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
}

// Maven ranks known qualifiers by position and puts unknown ones after "sp".
QString comparableQualifier(const QString &q)
{
    static const QString known[] = {u"alpha"_s, u"beta"_s, u"milestone"_s, u"rc"_s,
                                    u"snapshot"_s, QString(), u"sp"_s};
    for (int i = 0; i < 7; ++i) {
        if (known[i] == q)
            return QString::number(i);
    }
    return u"7-"_s + q;
}

const QString &releaseIndex()
{
    static const QString index = u"5"_s;
    return index;
}

bool isNull(const Item &item)
{
    switch (item.kind) {
    case Kind::Integer:
        return item.value == u"0";
    case Kind::String:
        return comparableQualifier(item.value) == releaseIndex();
    case Kind::List:
        return item.items.empty();
    }
    return false;
}

Item integerItem(QStringView digits)
{
    qsizetype i = 0;
    while (i + 1 < digits.size() && digits[i] == u'0')
        ++i;
    return Item{Kind::Integer, digits.mid(i).toString(), {}};
}

Item stringItem(QStringView text, bool followedByDigit)
{
    QString value = text.toString();
    if (followedByDigit && value.size() == 1) {
        if (value == u"a")
            value = u"alpha"_s;
        else if (value == u"b")
            value = u"beta"_s;
        else if (value == u"m")
            value = u"milestone"_s;
    }
    if (value == u"ga" || value == u"final" || value == u"release")
        value.clear();
    else if (value == u"cr")
        value = u"rc"_s;
    return Item{Kind::String, value, {}};
}

Item parseItem(bool isDigit, QStringView text)
{
    return isDigit ? integerItem(text) : stringItem(text, false);
}

void normalize(Item &list)
{
    for (auto i = qsizetype(list.items.size()) - 1; i >= 0; --i) {
        Item &last = list.items[size_t(i)];
        if (isNull(last))
            list.items.erase(list.items.begin() + i);
        else if (last.kind != Kind::List)
            break;
    }
}

std::strong_ordering compare(const Item *a, const Item *b);

std::strong_ordering compareList(const Item &a, const Item *b)
{
    if (!b) {
        for (const Item &i : a.items) {
            if (auto c = compare(&i, nullptr); c != 0)
                return c;
        }
        return std::strong_ordering::equal;
    }
    switch (b->kind) {
    case Kind::Integer:
        return std::strong_ordering::less;
    case Kind::String:
        return std::strong_ordering::greater;
    case Kind::List:
        break;
    }
    const size_t n = std::max(a.items.size(), b->items.size());
    for (size_t i = 0; i < n; ++i) {
        const Item *l = i < a.items.size() ? &a.items[i] : nullptr;
        const Item *r = i < b->items.size() ? &b->items[i] : nullptr;
        std::strong_ordering c = std::strong_ordering::equal;
        if (!l)
            c = r ? 0 <=> compare(r, l) : std::strong_ordering::equal;
        else
            c = compare(l, r);
        if (c != 0)
            return c;
    }
    return std::strong_ordering::equal;
}

std::strong_ordering compare(const Item *a, const Item *b)
{
    switch (a->kind) {
    case Kind::Integer:
        if (!b)
            return a->value == u"0" ? std::strong_ordering::equal : std::strong_ordering::greater;
        if (b->kind != Kind::Integer)
            return std::strong_ordering::greater;
        if (a->value.size() != b->value.size())
            return a->value.size() <=> b->value.size();
        return fromInt(a->value.compare(b->value));
    case Kind::String:
        if (!b)
            return fromInt(comparableQualifier(a->value).compare(releaseIndex()));
        if (b->kind != Kind::String)
            return std::strong_ordering::less;
        return fromInt(comparableQualifier(a->value).compare(comparableQualifier(b->value)));
    case Kind::List:
        return compareList(*a, b);
    }
    return std::strong_ordering::equal;
}

// Mirrors ComparableVersion.parseVersion: '.' separates items, '-' and a switch between
// digits and letters open a nested list, and trailing null items are dropped.
Item parseVersion(const QString &text)
{
    const QString version = text.toLower();
    Item root;
    std::vector<std::vector<size_t>> stack; // paths from root to each open list
    std::vector<size_t> currentPath;
    auto current = [&]() -> Item & {
        Item *item = &root;
        for (size_t index : currentPath)
            item = &item->items[index];
        return *item;
    };
    auto openList = [&]() {
        Item &list = current();
        list.items.push_back(Item{});
        currentPath.push_back(list.items.size() - 1);
        stack.push_back(currentPath);
    };

    bool isDigit = false;
    qsizetype start = 0;
    for (qsizetype i = 0; i < version.size(); ++i) {
        const QChar c = version[i];
        if (c == u'.') {
            if (i == start)
                current().items.push_back(integerItem(u"0"));
            else
                current().items.push_back(parseItem(isDigit, QStringView(version).mid(start, i - start)));
            start = i + 1;
        } else if (c == u'-') {
            if (i == start)
                current().items.push_back(integerItem(u"0"));
            else
                current().items.push_back(parseItem(isDigit, QStringView(version).mid(start, i - start)));
            start = i + 1;
            openList();
        } else if (c >= u'0' && c <= u'9') {
            if (!isDigit && i > start) {
                current().items.push_back(stringItem(QStringView(version).mid(start, i - start), true));
                start = i;
                openList();
            }
            isDigit = true;
        } else {
            if (isDigit && i > start) {
                current().items.push_back(parseItem(true, QStringView(version).mid(start, i - start)));
                start = i;
                openList();
            }
            isDigit = false;
        }
    }
    if (version.size() > start)
        current().items.push_back(parseItem(isDigit, QStringView(version).mid(start)));

    while (!stack.empty()) {
        currentPath = stack.back();
        stack.pop_back();
        normalize(current());
    }
    currentPath.clear();
    normalize(root);
    return root;
}

void appendCanonical(const Item &list, QString &out)
{
    bool first = true;
    for (const Item &item : list.items) {
        if (!first)
            out += item.kind == Kind::List ? u'-' : u'.';
        first = false;
        if (item.kind == Kind::List)
            appendCanonical(item, out);
        else
            out += item.value;
    }
}

} // namespace

std::optional<MavenVersion> MavenVersion::parse(QStringView text)
{
    if (text.isEmpty())
        return std::nullopt;
    for (QChar c : text) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return std::nullopt;
    }
    MavenVersion v;
    v.m_text = text.toString();
    v.m_root = std::make_shared<const Item>(parseVersion(v.m_text));
    return v;
}

QString MavenVersion::toCanonicalString() const
{
    QString out;
    appendCanonical(*m_root, out);
    return out;
}

std::strong_ordering operator<=>(const MavenVersion &a, const MavenVersion &b)
{
    return compare(a.m_root.get(), b.m_root.get());
}

} // namespace Cuttle
