#include "model/variables/templateengine.h"
#include "model/variables/templateparser.h"

#include <QRegularExpression>
#include <QTest>

using namespace Cuttle;
using namespace Qt::StringLiterals;

namespace {

// Variables given as "Name=Value" lines keep tests readable.
VariableDictionary dictionary(const QStringList &pairs)
{
    VariableDictionary vars;
    for (const QString &pair : pairs) {
        const qsizetype eq = pair.indexOf(u'=');
        vars.set(pair.left(eq), pair.mid(eq + 1));
    }
    return vars;
}

} // namespace

class TestTemplateEngine final : public QObject
{
    Q_OBJECT

private slots:
    void evaluate_data();
    void evaluate();
    void parseErrors_data();
    void parseErrors();
    void selfReferencingLoop_data();
    void selfReferencingLoop();
    void unresolvedReported();
    void exponentialExpansionStops();
    void deepNestingIsAnError_data();
    void deepNestingIsAnError();
    void deepValueChainIsAnError();
    void compileOnceEvaluateMany();
    void nowDate();
    void unclosedBlockIsReported();
    void invalidUtf16DoesNotCrash();
};

void TestTemplateEngine::evaluate_data()
{
    QTest::addColumn<QString>("templ");
    QTest::addColumn<QStringList>("vars");
    QTest::addColumn<QString>("expected");

    auto row = [](const char *name, const QString &t, const QStringList &v, const QString &e) {
        QTest::newRow(name) << t << v << e;
    };
    const QStringList none;

    // Substitution and names
    row("plain text", u"hello"_s, none, u"hello"_s);
    row("empty", QString(), none, QString());
    row("simple", u"#{Name}"_s, {u"Name=World"_s}, u"World"_s);
    row("embedded", u"Hello, #{Name}!"_s, {u"Name=World"_s}, u"Hello, World!"_s);
    row("case-insensitive", u"#{NAME}"_s, {u"name=x"_s}, u"x"_s);
    row("spaces in name", u"#{My Var}"_s, {u"My Var=1"_s}, u"1"_s);
    row("dots", u"#{Octopus.Release.Number}"_s, {u"Octopus.Release.Number=1.2.3"_s}, u"1.2.3"_s);
    row("slash tilde parens", u"#{a/b~c(d)}"_s, {u"a/b~c(d)=ok"_s}, u"ok"_s);
    row("dash colon underscore", u"#{a-b:c_d}"_s, {u"a-b:c_d=ok"_s}, u"ok"_s);
    row("whitespace around", u"#{ Name }"_s, {u"Name=x"_s}, u"x"_s);
    row("two", u"#{A}#{B}"_s, {u"A=1"_s, u"B=2"_s}, u"12"_s);
    row("empty value", u"[#{A}]"_s, {u"A="_s}, u"[]"_s);
    row("recursive", u"#{A}"_s, {u"A=#{B}"_s, u"B=#{C}"_s, u"C=deep"_s}, u"deep"_s);
    row("recursive partial", u"#{A}"_s, {u"A=x#{B}y"_s, u"B=1"_s}, u"x1y"_s);
    row("same var twice", u"#{A}-#{A}"_s, {u"A=#{B}"_s, u"B=1"_s}, u"1-1"_s);
    row("unicode name", u"#{Größe}"_s, {u"Größe=10"_s}, u"10"_s);
    row("unicode value", u"#{A}"_s, {u"A=日本"_s}, u"日本"_s);
    row("multiline", u"a\n#{A}\nb"_s, {u"A=1"_s}, u"a\n1\nb"_s);

    // Undefined and escapes
    row("missing echoed", u"#{Missing}"_s, none, u"#{Missing}"_s);
    row("missing in text", u"a #{Missing} b"_s, none, u"a #{Missing} b"_s);
    row("missing with filter", u"#{Missing | ToUpper}"_s, none, u"#{Missing | ToUpper}"_s);
    row("missing nested in value", u"#{A}"_s, {u"A=x#{Missing}"_s}, u"x#{Missing}"_s);
    row("unknown filter", u"#{A | NoSuchFilter}"_s, {u"A=x"_s}, u"#{A | NoSuchFilter}"_s);
    row("escape", u"##{X}"_s, {u"X=1"_s}, u"#{X}"_s);
    row("escape in text", u"a ##{X} b"_s, none, u"a #{X} b"_s);
    row("hash then substitution", u"###{X}"_s, {u"X=1"_s}, u"#1"_s);
    row("lone hash", u"#"_s, none, u"#"_s);
    row("hash letter", u"#a #b"_s, none, u"#a #b"_s);
    row("double hash", u"a ## b"_s, none, u"a ## b"_s);
    row("hash at end", u"abc#"_s, none, u"abc#"_s);
    row("c sharp", u"C# is #{A}"_s, {u"A=fine"_s}, u"C# is fine"_s);

    // Index and JSON
    row("index", u"#{Endpoint[Web].Address}"_s, {u"Endpoint[Web].Address=10.0.0.1"_s}, u"10.0.0.1"_s);
    row("index case", u"#{endpoint[WEB].address}"_s, {u"Endpoint[Web].Address=a"_s}, u"a"_s);
    row("index with space", u"#{Octopus.Action[Step A].Output.X}"_s, {u"Octopus.Action[Step A].Output.X=7"_s}, u"7"_s);
    row("nested index", u"#{Password[#{User}]}"_s, {u"User=bob"_s, u"Password[bob]=secret"_s}, u"secret"_s);
    row("nested index missing", u"#{Password[#{User}]}"_s, {u"Password[bob]=secret"_s}, u"#{Password[#{User}]}"_s);
    row("empty index", u"#{A[]}"_s, {u"A[]=e"_s}, u"e"_s);
    row("json walk", u"#{App.Json.Servers[0].Host}"_s, {uR"(App.Json={"Servers":[{"Host":"a"},{"Host":"b"}]})"_s}, u"a"_s);
    row("json walk second", u"#{App.Json.Servers[1].Host}"_s, {uR"(App.Json={"Servers":[{"Host":"a"},{"Host":"b"}]})"_s}, u"b"_s);
    row("json property", u"#{J.Name}"_s, {uR"(J={"Name":"n"})"_s}, u"n"_s);
    row("json missing property empty", u"[#{J.Nope}]"_s, {uR"(J={"Name":"n"})"_s}, u"[]"_s);
    row("json out of range empty", u"[#{J[5]}]"_s, {uR"(J=[1,2])"_s}, u"[]"_s);
    row("json bool", u"#{J.On}"_s, {uR"(J={"On":true})"_s}, u"True"_s);
    row("json number", u"#{J.N}"_s, {uR"(J={"N":1.5})"_s}, u"1.5"_s);
    row("json null", u"[#{J.N}]"_s, {uR"(J={"N":null})"_s}, u"[]"_s);
    row("json subtree", u"#{J.A}"_s, {uR"(J={"A":{"b":1, "c":[1,2]}})"_s}, uR"({"b":1,"c":[1,2]})"_s);
    row("json explicit wins", u"#{J.Name}"_s, {uR"(J={"Name":"walked"})"_s, u"J.Name=explicit"_s}, u"explicit"_s);
    row("json value with template", u"#{J.Name}"_s, {uR"(J={"Name":"#{X}"})"_s, u"X=sub"_s}, u"sub"_s);
    row("json not json", u"#{J.Name}"_s, {u"J=plain"_s}, u"#{J.Name}"_s);
    row("json whole", u"#{J}"_s, {uR"(J={"a":1})"_s}, uR"({"a":1})"_s);

    // Conditionals
    row("if true", u"#{if A}yes#{/if}"_s, {u"A=True"_s}, u"yes"_s);
    row("if false", u"#{if A}yes#{/if}"_s, {u"A=False"_s}, QString());
    row("if else true", u"#{if A}y#{else}n#{/if}"_s, {u"A=1"_s}, u"y"_s);
    row("if else false", u"#{if A}y#{else}n#{/if}"_s, {u"A=0"_s}, u"n"_s);
    row("if undefined", u"#{if A}y#{else}n#{/if}"_s, none, u"n"_s);
    row("if empty", u"#{if A}y#{else}n#{/if}"_s, {u"A="_s}, u"n"_s);
    row("if No", u"#{if A}y#{else}n#{/if}"_s, {u"A=No"_s}, u"n"_s);
    row("if no lower", u"#{if A}y#{else}n#{/if}"_s, {u"A=no"_s}, u"n"_s);
    row("if FALSE upper", u"#{if A}y#{else}n#{/if}"_s, {u"A=FALSE"_s}, u"n"_s);
    row("if false padded", u"#{if A}y#{else}n#{/if}"_s, {u"A= false "_s}, u"n"_s);
    row("if any text", u"#{if A}y#{else}n#{/if}"_s, {u"A=whatever"_s}, u"y"_s);
    row("if yes", u"#{if A}y#{else}n#{/if}"_s, {u"A=Yes"_s}, u"y"_s);
    row("if eq literal", uR"(#{if A == "x"}y#{else}n#{/if})"_s, {u"A=x"_s}, u"y"_s);
    row("if eq literal no", uR"(#{if A == "x"}y#{else}n#{/if})"_s, {u"A=X"_s}, u"n"_s);
    row("if ne literal", uR"(#{if A != "x"}y#{else}n#{/if})"_s, {u"A=z"_s}, u"y"_s);
    row("if eq compact", uR"(#{if A=="x"}y#{/if})"_s, {u"A=x"_s}, u"y"_s);
    row("if eq symbol", u"#{if A == B}y#{else}n#{/if}"_s, {u"A=1"_s, u"B=1"_s}, u"y"_s);
    row("if ne symbol", u"#{if A != B}y#{else}n#{/if}"_s, {u"A=1"_s, u"B=2"_s}, u"y"_s);
    row("if eq missing both", u"#{if A == B}y#{else}n#{/if}"_s, none, u"y"_s);
    row("if eq empty literal", uR"(#{if A == ""}empty#{/if})"_s, none, u"empty"_s);
    row("unless", u"#{unless A}n#{/unless}"_s, {u"A=False"_s}, u"n"_s);
    row("unless true", u"#{unless A}n#{else}y#{/unless}"_s, {u"A=True"_s}, u"y"_s);
    row("nested if", u"#{if A}#{if B}ab#{else}a#{/if}#{/if}"_s, {u"A=1"_s, u"B=0"_s}, u"a"_s);
    row("if with subst", u"#{if A}#{A}#{/if}"_s, {u"A=v"_s}, u"v"_s);
    row("if indexed", u"#{if E[x].On}on#{/if}"_s, {u"E[x].On=true"_s}, u"on"_s);
    row("if value via template", u"#{if A}y#{else}n#{/if}"_s, {u"A=#{B}"_s, u"B=False"_s}, u"n"_s);
    row("if uppercase keyword", u"#{IF A}y#{/if}"_s, {u"A=1"_s}, u"y"_s);
    row("stray else is a variable", u"#{else}"_s, none, u"#{else}"_s);

    // Iteration
    row("each index keys", u"#{each e in Endpoint}#{e}=#{e.Address};#{/each}"_s,
        {u"Endpoint[Web].Address=w"_s, u"Endpoint[Db].Address=d"_s}, u"Web=w;Db=d;"_s);
    row("each distinct keys", u"#{each e in E}#{e}#{/each}"_s, {u"E[a].X=1"_s, u"E[a].Y=2"_s, u"E[b].X=3"_s}, u"ab"_s);
    row("each csv", u"#{each x in L}[#{x}]#{/each}"_s, {u"L=a,b,c"_s}, u"[a][b][c]"_s);
    row("each csv keeps spaces", u"#{each x in L}[#{x}]#{/each}"_s, {u"L=a, b"_s}, u"[a][ b]"_s);
    row("each json array", u"#{each x in L}#{x},#{/each}"_s, {u"L=[1,2,3]"_s}, u"1,2,3,"_s);
    row("each json objects", u"#{each s in L}#{s.Host} #{/each}"_s, {uR"(L=[{"Host":"a"},{"Host":"b"}])"_s}, u"a b "_s);
    row("each json object", u"#{each kv in O}#{kv.Key}=#{kv.Value};#{/each}"_s, {uR"(O={"z":1,"a":"x"})"_s}, u"z=1;a=x;"_s);
    row("each json object name", u"#{each kv in O}#{kv}#{/each}"_s, {uR"(O={"k":1})"_s}, u"k"_s);
    row("each index", u"#{each x in L}#{Octopus.Template.Each.Index}#{/each}"_s, {u"L=a,b,c"_s}, u"012"_s);
    row("each first last", u"#{each x in L}#{Octopus.Template.Each.First}/#{Octopus.Template.Each.Last} #{/each}"_s,
        {u"L=a,b"_s}, u"True/False False/True "_s);
    row("each separator idiom", u"#{each x in L}#{x}#{unless Octopus.Template.Each.Last},#{/unless}#{/each}"_s,
        {u"L=a,b,c"_s}, u"a,b,c"_s);
    row("each missing", u"[#{each x in Nope}#{x}#{/each}]"_s, none, u"[]"_s);
    row("each nested", u"#{each a in A}#{each b in B}#{a}#{b} #{/each}#{/each}"_s, {u"A=1,2"_s, u"B=x,y"_s},
        u"1x 1y 2x 2y "_s);
    row("each nested index", u"#{each a in A}#{each b in B}#{Octopus.Template.Each.Index}#{/each}|#{/each}"_s,
        {u"A=1,2"_s, u"B=x,y,z"_s}, u"012|012|"_s);
    row("each nested collection", u"#{each p in P}#{each c in p.Child}#{p}.#{c}=#{c.V} #{/each}#{/each}"_s,
        {u"P[a].Child[x].V=1"_s, u"P[a].Child[y].V=2"_s, u"P[b].Child[z].V=3"_s}, u"a.x=1 a.y=2 b.z=3 "_s);
    row("each shadowing outer", u"#{X}#{each X in L}#{X}#{/each}#{X}"_s, {u"X=o"_s, u"L=1,2"_s}, u"o12o"_s);
    row("each explicit item value", u"#{each e in E}#{e}#{/each}"_s, {u"E[a]=Alpha"_s, u"E[a].X=1"_s}, u"Alpha"_s);
    row("each empty value", u"#{each x in L}[#{x}]#{/each}"_s, {u"L="_s}, u"[]"_s);
    row("each with outer var", u"#{each x in L}#{P}#{x}#{/each}"_s, {u"L=1,2"_s, u"P=-"_s}, u"-1-2"_s);
    row("each in if", u"#{if On}#{each x in L}#{x}#{/each}#{/if}"_s, {u"On=1"_s, u"L=a,b"_s}, u"ab"_s);

    // Calc
    row("calc add", u"#{calc X + 1}"_s, {u"X=2"_s}, u"3"_s);
    row("calc precedence", u"#{calc 2 + 3 * 4}"_s, none, u"14"_s);
    row("calc parens", u"#{calc (2 + 3) * 4}"_s, none, u"20"_s);
    row("calc divide", u"#{calc X / 2}"_s, {u"X=5"_s}, u"2.5"_s);
    row("calc minus", u"#{calc X - Y}"_s, {u"X=5"_s, u"Y=7"_s}, u"-2"_s);
    row("calc two vars", u"#{calc A * B}"_s, {u"A=1.5"_s, u"B=4"_s}, u"6"_s);
    row("calc missing echoed", u"#{calc X + 1}"_s, none, u"#{calc X + 1}"_s);
    row("calc non numeric echoed", u"#{calc X + 1}"_s, {u"X=abc"_s}, u"#{calc X + 1}"_s);
    row("calc dotted name", u"#{calc Octopus.N + 1}"_s, {u"Octopus.N=41"_s}, u"42"_s);

    // Filters: case, trim, truncate, substring
    row("ToLower", u"#{A | ToLower}"_s, {u"A=HeLLo"_s}, u"hello"_s);
    row("ToUpper", u"#{A | ToUpper}"_s, {u"A=HeLLo"_s}, u"HELLO"_s);
    row("filter case-insensitive", u"#{A | toupper}"_s, {u"A=a"_s}, u"A"_s);
    row("filter no spaces", u"#{A|ToUpper}"_s, {u"A=a"_s}, u"A"_s);
    row("chain", u"#{A | Trim | ToUpper}"_s, {u"A=  a  "_s}, u"A"_s);
    row("Trim", u"[#{A | Trim}]"_s, {u"A=  a b  "_s}, u"[a b]"_s);
    row("Trim start", u"[#{A | Trim start}]"_s, {u"A=  a  "_s}, u"[a  ]"_s);
    row("Trim end", u"[#{A | Trim End}]"_s, {u"A=  a  "_s}, u"[  a]"_s);
    row("Trim bad arg", u"#{A | Trim middle}"_s, {u"A= a "_s}, uR"(#{A | Trim "middle"})"_s);
    row("Truncate", u"#{A | Truncate 3}"_s, {u"A=abcdef"_s}, u"abc..."_s);
    row("Truncate longer", u"#{A | Truncate 10}"_s, {u"A=abc"_s}, u"abc"_s);
    row("Truncate exact", u"#{A | Truncate 3}"_s, {u"A=abc"_s}, u"abc"_s);
    row("Truncate invalid", u"#{A | Truncate x}"_s, {u"A=abc"_s}, uR"(#{A | Truncate "x"})"_s);
    row("Truncate negative", u"#{A | Truncate -1}"_s, {u"A=abc"_s}, uR"(#{A | Truncate "-1"})"_s);
    row("Truncate missing arg", u"#{A | Truncate}"_s, {u"A=abc"_s}, u"#{A | Truncate}"_s);
    row("Substring len", u"#{A | Substring 3}"_s, {u"A=abcdef"_s}, u"abc"_s);
    row("Substring start len", u"#{A | Substring 2 3}"_s, {u"A=abcdef"_s}, u"cde"_s);
    row("Substring too long", u"#{A | Substring 2 10}"_s, {u"A=abcdef"_s}, uR"(#{A | Substring "2" "10"})"_s);
    row("Substring no args", u"#{A | Substring}"_s, {u"A=abc"_s}, u"#{A | Substring}"_s);
    row("Substring bad", u"#{A | Substring a}"_s, {u"A=abc"_s}, uR"(#{A | Substring "a"})"_s);

    // Replace and comparisons
    row("Replace", uR"(#{A | Replace "a" "b"})"_s, {u"A=banana"_s}, u"bbnbnb"_s);
    row("Replace remove", uR"(#{A | Replace "a"})"_s, {u"A=banana"_s}, u"bnn"_s);
    row("Replace regex", uR"(#{A | Replace "[0-9]+" "N"})"_s, {u"A=a1b22"_s}, u"aNbN"_s);
    row("Replace group", uR"x(#{A | Replace "(\w+)@(\w+)" "$2 at $1"})x"_s, {u"A=me@home"_s}, u"home at me"_s);
    row("Replace dollar dollar", uR"(#{A | Replace "x" "$$"})"_s, {u"A=x"_s}, u"$"_s);
    row("Replace invalid regex echoed", uR"(#{A | Replace "(" "x"})"_s, {u"A=abc"_s}, uR"(#{A | Replace "(" "x"})"_s);
    row("Replace unquoted", u"#{A | Replace a b}"_s, {u"A=aa"_s}, u"bb"_s);
    row("Replace with variable arg", uR"(#{A | Replace "a" #{B}})"_s, {u"A=aa"_s, u"B=z"_s}, u"zz"_s);
    row("StartsWith", uR"(#{A | StartsWith "ab"})"_s, {u"A=abc"_s}, u"true"_s);
    row("StartsWith no", uR"(#{A | StartsWith "b"})"_s, {u"A=abc"_s}, u"false"_s);
    row("StartsWith case", uR"(#{A | StartsWith "AB"})"_s, {u"A=abc"_s}, u"false"_s);
    row("EndsWith", uR"(#{A | EndsWith "bc"})"_s, {u"A=abc"_s}, u"true"_s);
    row("Contains", uR"(#{A | Contains "b"})"_s, {u"A=abc"_s}, u"true"_s);
    row("Contains no", uR"(#{A | Contains "z"})"_s, {u"A=abc"_s}, u"false"_s);
    row("Match", uR"(#{A | Match "^a.c$"})"_s, {u"A=abc"_s}, u"true"_s);
    row("Match no", uR"(#{A | Match "^b"})"_s, {u"A=abc"_s}, u"false"_s);
    row("Match invalid echoed", uR"(#{A | Match "["})"_s, {u"A=abc"_s}, uR"(#{A | Match "["})"_s);
    row("Contains two args echoed", uR"(#{A | Contains "a" "b"})"_s, {u"A=abc"_s}, uR"(#{A | Contains "a" "b"})"_s);

    // Encoding
    row("ToBase64", u"#{A | ToBase64}"_s, {u"A=hello"_s}, u"aGVsbG8="_s);
    row("ToBase64 unicode", u"#{A | ToBase64 unicode}"_s, {u"A=hi"_s}, u"aABpAA=="_s);
    row("FromBase64", u"#{A | FromBase64}"_s, {u"A=aGVsbG8="_s}, u"hello"_s);
    row("FromBase64 unicode", u"#{A | FromBase64 unicode}"_s, {u"A=aABpAA=="_s}, u"hi"_s);
    row("FromBase64 invalid", u"#{A | FromBase64}"_s, {u"A=@@@"_s}, u"#{A | FromBase64}"_s);
    row("ToBase64 bad encoding", u"#{A | ToBase64 ebcdic}"_s, {u"A=x"_s}, uR"(#{A | ToBase64 "ebcdic"})"_s);
    row("HtmlEscape", u"#{A | HtmlEscape}"_s, {uR"(A=<a href="x">'&'</a>)"_s},
        u"&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;&#x2F;a&gt;"_s);
    row("XmlEscape", u"#{A | XmlEscape}"_s, {uR"(A=<a b="c">'&'</a>)"_s},
        u"&lt;a b=&quot;c&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;"_s);
    row("JsonEscape", u"#{A | JsonEscape}"_s, {u"A=a\"b\\c\nd\te\rf"_s}, u"a\\\"b\\\\c\\nd\\te\\rf"_s);
    row("YamlSingleQuoteEscape", u"#{A | YamlSingleQuoteEscape}"_s, {u"A=it's"_s}, u"it''s"_s);
    row("YamlSingleQuoteEscape newline", u"#{A | YamlSingleQuoteEscape}"_s, {u"A=a\nb"_s}, u"a\n\nb"_s);
    row("YamlSingleQuoteEscape crlf", u"#{A | YamlSingleQuoteEscape}"_s, {u"A=a\r\n\r\nb"_s}, u"a\r\n\r\n\r\nb"_s);
    row("YamlDoubleQuoteEscape", u"#{A | YamlDoubleQuoteEscape}"_s, {u"A=a\"b\\c\nd\u00e9"_s},
        u"a\\\"b\\\\c\\nd\\u00e9"_s);
    row("PropertiesKeyEscape", u"#{A | PropertiesKeyEscape}"_s, {u"A=a b:c=d\\e"_s}, u"a\\ b\\:c\\=d\\\\e"_s);
    row("PropertiesValueEscape", u"#{A | PropertiesValueEscape}"_s, {u"A= a b\n\u0101"_s}, u"\\ a b\\n\\u0101"_s);
    row("UriEscape", u"#{A | UriEscape}"_s, {u"A=a b/c?d=e%"_s}, u"a%20b/c?d=e%25"_s);
    row("UriDataEscape", u"#{A | UriDataEscape}"_s, {u"A=a b/c?d=e"_s}, u"a%20b%2Fc%3Fd%3De"_s);
    row("UriDataEscape utf8", u"#{A | UriDataEscape}"_s, {u"A=é"_s}, u"%C3%A9"_s);
    row("escape with arg echoed", u"#{A | HtmlEscape x}"_s, {u"A=<"_s}, uR"(#{A | HtmlEscape "x"})"_s);

    // UriPart
    row("UriPart Host", u"#{U | UriPart Host}"_s, {u"U=https://example.com:8443/a/b?x=1#f"_s}, u"example.com"_s);
    row("UriPart Port", u"#{U | UriPart Port}"_s, {u"U=https://example.com:8443/a"_s}, u"8443"_s);
    row("UriPart default port", u"#{U | UriPart Port}"_s, {u"U=https://example.com/a"_s}, u"443"_s);
    row("UriPart Scheme", u"#{U | UriPart Scheme}"_s, {u"U=https://example.com/a"_s}, u"https"_s);
    row("UriPart AbsolutePath", u"#{U | UriPart AbsolutePath}"_s, {u"U=https://example.com/a/b?x=1"_s}, u"/a/b"_s);
    row("UriPart Query", u"#{U | UriPart Query}"_s, {u"U=https://example.com/a?x=1"_s}, u"?x=1"_s);
    row("UriPart Fragment", u"#{U | UriPart Fragment}"_s, {u"U=https://example.com/a#top"_s}, u"#top"_s);
    row("UriPart Authority", u"#{U | UriPart Authority}"_s, {u"U=http://h:81/"_s}, u"h:81"_s);
    row("UriPart HostAndPort", u"#{U | UriPart HostAndPort}"_s, {u"U=http://h/"_s}, u"h:80"_s);
    row("UriPart PathAndQuery", u"#{U | UriPart PathAndQuery}"_s, {u"U=http://h/p?q=1"_s}, u"/p?q=1"_s);
    row("UriPart SchemeAndServer", u"#{U | UriPart SchemeAndServer}"_s, {u"U=http://h:81/p"_s}, u"http://h:81"_s);
    row("UriPart IsAbsoluteUri", u"#{U | UriPart IsAbsoluteUri}"_s, {u"U=http://h/"_s}, u"true"_s);
    row("UriPart IsDefaultPort", u"#{U | UriPart IsDefaultPort}"_s, {u"U=http://h/"_s}, u"true"_s);
    row("UriPart UserInfo", u"#{U | UriPart UserInfo}"_s, {u"U=http://me:pw@h/"_s}, u"me:pw"_s);
    row("UriPart no arg", u"#{U | UriPart}"_s, {u"U=http://h/"_s}, u"[UriPart error: no argument given]"_s);
    row("UriPart unknown", u"#{U | UriPart Nope}"_s, {u"U=http://h/"_s}, u"[UriPart Nope error: argument 'Nope' not supported]"_s);
    row("UriPart relative", u"#{U | UriPart Host}"_s, {u"U=/just/a/path"_s},
        u"[UriPart Host error: This operation is not supported for a relative URI.]"_s);

    // Indent, Append, Prepend
    row("Indent default", u"#{A | Indent}"_s, {u"A=a\nb"_s}, u"    a\n    b"_s);
    row("Indent N", u"#{A | Indent 2}"_s, {u"A=a\nb"_s}, u"  a\n  b"_s);
    row("Indent /N", u"#{A | Indent /2}"_s, {u"A=a\nb"_s}, u"a\n  b"_s);
    row("Indent M/N", u"#{A | Indent 1/3}"_s, {u"A=a\nb"_s}, u" a\n   b"_s);
    row("Indent text", uR"(#{A | Indent "> "})"_s, {u"A=a\nb"_s}, u"> a\n> b"_s);
    row("Indent two texts", uR"(#{A | Indent "- " "  "})"_s, {u"A=a\nb"_s}, u"- a\n  b"_s);
    row("Indent empty", u"[#{A | Indent}]"_s, {u"A="_s}, u"[]"_s);
    row("Append", uR"(#{A | Append "x"})"_s, {u"A=a"_s}, u"ax"_s);
    row("Append several", uR"(#{A | Append "x" "y"})"_s, {u"A=a"_s}, u"axy"_s);
    row("Append to missing", uR"(#{A | Append "x"})"_s, none, u"x"_s);
    row("Append no args", u"#{A | Append}"_s, {u"A=a"_s}, u"#{A | Append}"_s);
    row("Prepend", uR"(#{A | Prepend "x"})"_s, {u"A=a"_s}, u"xa"_s);
    row("Prepend variable", u"#{A | Prepend #{B}}"_s, {u"A=a"_s, u"B=b"_s}, u"ba"_s);
    row("escaped quoted arg", uR"(#{A | Append \"#x\"})"_s, {u"A=a"_s}, u"a#x"_s);

    // Hashes
    row("Md5", u"#{A | Md5}"_s, {u"A=abc"_s}, u"900150983cd24fb0d6963f7d28e17f72"_s);
    row("Sha1", u"#{A | Sha1}"_s, {u"A=abc"_s}, u"a9993e364706816aba3e25717850c26c9cd0d89d"_s);
    row("Sha256", u"#{A | Sha256}"_s, {u"A=abc"_s}, u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s);
    row("Sha256 size", u"#{A | Sha256 4}"_s, {u"A=abc"_s}, u"ba7816bf"_s);
    row("Sha256 unicode", u"#{A | Sha256 unicode}"_s, {u"A=abc"_s},
        u"13e228567e8249fce53337f25d7970de3bd68ab2653424c7b8f9fd05e33caedf"_s);
    row("Sha1 size encoding", u"#{A | Sha1 2 utf8}"_s, {u"A=abc"_s}, u"a999"_s);
    row("Sha1 encoding size", u"#{A | Sha1 utf8 2}"_s, {u"A=abc"_s}, u"a999"_s);
    row("Sha384", u"#{A | Sha384 2}"_s, {u"A=abc"_s}, u"cb00"_s);
    row("Sha512", u"#{A | Sha512 2}"_s, {u"A=abc"_s}, u"ddaf"_s);
    row("hash bad encoding", u"#{A | Md5 ebcdic}"_s, {u"A=abc"_s}, uR"(#{A | Md5 "ebcdic"})"_s);
    row("hash three args", u"#{A | Md5 1 2 3}"_s, {u"A=abc"_s}, uR"(#{A | Md5 "1" "2" "3"})"_s);

    // Format and dates
    row("Format N2", u"#{A | Format N2}"_s, {u"A=1234.5"_s}, u"1,234.50"_s);
    row("Format F1", u"#{A | Format F1}"_s, {u"A=2.25"_s}, u"2.3"_s);
    row("Format custom", uR"(#{A | Format "0.00"})"_s, {u"A=3.14159"_s}, u"3.14"_s);
    row("Format custom group", uR"(#{A | Format \"#,##0\"})"_s, {u"A=1234567"_s}, u"1,234,567"_s);
    row("Format D5", u"#{A | Format D5}"_s, {u"A=42"_s}, u"00042"_s);
    row("Format X", u"#{A | Format X}"_s, {u"A=255"_s}, u"FF"_s);
    row("Format typed int", u"#{A | Format int D3}"_s, {u"A=7"_s}, u"007"_s);
    row("Format date", uR"(#{A | Format "yyyy-MM-dd"})"_s, {u"A=2024-03-05T10:20:30"_s}, u"2024-03-05"_s);
    row("Format typed date", uR"(#{A | Format date "dd MMM yyyy HH:mm"})"_s, {u"A=2024-03-05T10:20:30"_s},
        u"05 Mar 2024 10:20"_s);
    row("Format not number", u"#{A | Format N2}"_s, {u"A=abc"_s}, uR"(#{A | Format "N2"})"_s);
    row("AddDays", u"#{A | AddDays 1}"_s, {u"A=2024-02-28T10:00:00"_s}, u"2024-02-29T10:00:00.0000000"_s);
    row("AddDays utc", u"#{A | AddDays 2}"_s, {u"A=2024-02-28T10:00:00Z"_s}, u"2024-03-01T10:00:00.0000000Z"_s);
    row("AddHours offset", uR"(#{A | AddHours "1.5"})"_s, {u"A=2024-01-01T23:00:00+02:00"_s},
        u"2024-01-02T00:30:00.0000000+02:00"_s);
    row("AddMinutes", u"#{A | AddMinutes -30}"_s, {u"A=2024-01-01T00:10:00"_s}, u"2023-12-31T23:40:00.0000000"_s);
    row("AddSeconds", u"#{A | AddSeconds 90}"_s, {u"A=2024-01-01T00:00:00"_s}, u"2024-01-01T00:01:30.0000000"_s);
    row("AddWeeks", u"#{A | AddWeeks 1}"_s, {u"A=2024-01-01T00:00:00"_s}, u"2024-01-08T00:00:00.0000000"_s);
    row("AddMonths clamps", u"#{A | AddMonths 1}"_s, {u"A=2024-01-31T00:00:00"_s}, u"2024-02-29T00:00:00.0000000"_s);
    row("AddYears", u"#{A | AddYears 1}"_s, {u"A=2024-02-29T00:00:00"_s}, u"2025-02-28T00:00:00.0000000"_s);
    row("AddDays bad arg", u"#{A | AddDays x}"_s, {u"A=2024-01-01"_s}, uR"(#{A | AddDays "x"})"_s);
    row("AddDays not a date", u"#{A | AddDays 1}"_s, {u"A=nope"_s}, uR"(#{A | AddDays "1"})"_s);

    // Versions
    row("VersionMajor", u"#{V | VersionMajor}"_s, {u"V=1.2.3.4-beta.5+meta"_s}, u"1"_s);
    row("VersionMinor", u"#{V | VersionMinor}"_s, {u"V=1.2.3.4-beta.5+meta"_s}, u"2"_s);
    row("VersionPatch", u"#{V | VersionPatch}"_s, {u"V=1.2.3.4-beta.5+meta"_s}, u"3"_s);
    row("VersionRevision", u"#{V | VersionRevision}"_s, {u"V=1.2.3.4-beta.5+meta"_s}, u"4"_s);
    row("VersionPreRelease", u"#{V | VersionPreRelease}"_s, {u"V=1.2.3.4-beta.5+meta"_s}, u"beta.5"_s);
    row("VersionPreReleasePrefix", u"#{V | VersionPreReleasePrefix}"_s, {u"V=1.2.3-beta.5"_s}, u"beta"_s);
    row("VersionPreReleaseCounter", u"#{V | VersionPreReleaseCounter}"_s, {u"V=1.2.3-beta.5"_s}, u"5"_s);
    row("VersionMetadata", u"#{V | VersionMetadata}"_s, {u"V=1.2.3+build.7"_s}, u"build.7"_s);
    row("VersionMajor invalid", u"#{V | VersionMajor}"_s, {u"V=not a version"_s}, u"#{V | VersionMajor}"_s);
    row("VersionRevision absent", u"#{V | VersionRevision}"_s, {u"V=1.2.3"_s}, u"0"_s);

    // Markdown
    row("Markdown heading", u"#{A | Markdown}"_s, {u"A=# Title"_s}, u"<h1>Title</h1>\n\n"_s);
    row("MarkdownToHtml paragraph", u"#{A | MarkdownToHtml}"_s, {u"A=Some *em* and **strong**"_s},
        u"<p>Some <em>em</em> and <strong>strong</strong></p>\n\n"_s);
    row("Markdown list", u"#{A | Markdown}"_s, {u"A=- a\n- b"_s}, u"<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n\n"_s);
    row("Markdown code", u"#{A | Markdown}"_s, {u"A=use `x<y`"_s}, u"<p>use <code>x&lt;y</code></p>\n\n"_s);
    row("Markdown link", u"#{A | Markdown}"_s, {u"A=[t](http://x)"_s}, u"<p><a href=\"http://x\">t</a></p>\n\n"_s);
}

void TestTemplateEngine::evaluate()
{
    QFETCH(QString, templ);
    QFETCH(QStringList, vars);
    QFETCH(QString, expected);
    const EvaluationResult result = TemplateEngine::evaluate(templ, dictionary(vars));
    QCOMPARE(result.text, expected);
    for (const TemplateError &e : result.errors)
        QVERIFY2(e.message.contains(u"no matching"_s), qPrintable(e.message));
}

void TestTemplateEngine::parseErrors_data()
{
    QTest::addColumn<QString>("templ");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("unterminated") << u"abc #{Name"_s << 1 << 5;
    QTest::newRow("unterminated second line") << u"a\nxx#{"_s << 2 << 3;
    QTest::newRow("stray close") << u"a #{/if} b"_s << 1 << 3;
    QTest::newRow("bad filter arg") << u"#{A | Format 0.00}"_s << 1 << 1;
    QTest::newRow("empty") << u"#{}"_s << 1 << 1;
    QTest::newRow("unclosed index") << u"#{A[x}"_s << 1 << 1;
    QTest::newRow("hash in quotes") << uR"(#{A | Append "#"})"_s << 1 << 1;
}

void TestTemplateEngine::parseErrors()
{
    QFETCH(QString, templ);
    QFETCH(int, line);
    QFETCH(int, column);
    const EvaluationResult result = TemplateEngine::evaluate(templ, dictionary({u"Name=x"_s, u"A=1"_s}));
    QCOMPARE(result.text, templ);
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.first().line, line);
    QCOMPARE(result.errors.first().column, column);
    QVERIFY(result.errors.first().message.contains(u"line %1"_s.arg(line)));
}

void TestTemplateEngine::selfReferencingLoop_data()
{
    QTest::addColumn<QStringList>("vars");
    QTest::addColumn<QString>("cycle");
    QTest::newRow("self") << QStringList{u"A=#{A}"_s} << u"A -> A"_s;
    QTest::newRow("mutual") << QStringList{u"A=#{B}"_s, u"B=#{A}"_s} << u"A -> B -> A"_s;
    QTest::newRow("three") << QStringList{u"A=x#{B}"_s, u"B=#{C}"_s, u"C=#{A}"_s} << u"A -> B -> C -> A"_s;
    QTest::newRow("via filter") << QStringList{u"A=#{A | ToUpper}"_s} << u"A -> A"_s;
    QTest::newRow("via index") << QStringList{u"A=#{P[#{A}]}"_s} << u"A -> A"_s;
}

void TestTemplateEngine::selfReferencingLoop()
{
    QFETCH(QStringList, vars);
    QFETCH(QString, cycle);
    const QString templ = u"before #{A} after"_s;
    const EvaluationResult result = TemplateEngine::evaluate(templ, dictionary(vars));
    QCOMPARE(result.text, templ);
    QCOMPARE(result.errors.size(), 1);
    QVERIFY2(result.errors.first().message.contains(u"self referencing loop"_s), qPrintable(result.errors.first().message));
    QVERIFY2(result.errors.first().message.contains(cycle), qPrintable(result.errors.first().message));
}

void TestTemplateEngine::unresolvedReported()
{
    const EvaluationResult result = TemplateEngine::evaluate(
        u"#{A} #{Missing} #{B} #{Missing} #{A | Nope} #{calc Q + 1}"_s, dictionary({u"A=1"_s, u"B=#{Inner}"_s}));
    QCOMPARE(result.unresolved, (QStringList{u"Missing"_s, u"Inner"_s, u"A | Nope"_s, u"Q"_s}));
    QVERIFY(result.errors.isEmpty());
    QCOMPARE(result.text, u"1 #{Missing} #{Inner} #{Missing} #{A | Nope} #{calc Q + 1}"_s);
}

void TestTemplateEngine::exponentialExpansionStops()
{
    // V0 = #{V1}#{V1}, ... 40 levels: 2^40 characters if nothing stopped it.
    VariableDictionary vars;
    for (int i = 0; i < 40; ++i)
        vars.set(u"V%1"_s.arg(i), u"#{V%1}#{V%1}"_s.arg(i + 1));
    vars.set(u"V40"_s, u"x"_s);
    TemplateLimits limits;
    limits.maxOutputChars = 1 << 20;
    const EvaluationResult result = TemplateEngine::evaluate(u"#{V0}"_s, vars, limits);
    QCOMPARE(result.text, u"#{V0}"_s);
    QCOMPARE(result.errors.size(), 1);
    QVERIFY(result.errors.first().message.contains(u"more than"_s));

    // The same shape but shallow enough stays within the limit and is exact.
    const EvaluationResult small = TemplateEngine::evaluate(u"#{V30}"_s, vars, limits);
    QVERIFY(small.ok());
    QCOMPARE(small.text, QString(1 << 10, u'x'));

    // Work thrown away by a filter is bounded as well.
    const EvaluationResult truncated = TemplateEngine::evaluate(u"#{V0 | Truncate 1}"_s, vars, limits);
    QCOMPARE(truncated.errors.size(), 1);
}

void TestTemplateEngine::deepNestingIsAnError_data()
{
    QTest::addColumn<QString>("templ");
    QTest::newRow("brackets") << u"#{A"_s + QString(10000, u'[') + QString(10000, u']') + u"}"_s;
    QString subs;
    for (int i = 0; i < 10000; ++i)
        subs += u"#{A["_s;
    QTest::newRow("nested substitutions") << subs;
    QString ifs;
    for (int i = 0; i < 10000; ++i)
        ifs += u"#{if A}"_s;
    QTest::newRow("nested ifs") << ifs;
    QString eachs;
    for (int i = 0; i < 10000; ++i)
        eachs += u"#{each a in A}"_s;
    for (int i = 0; i < 10000; ++i)
        eachs += u"#{/each}"_s;
    QTest::newRow("nested each") << eachs;
    QTest::newRow("calc parens") << u"#{calc "_s + QString(10000, u'(') + u"1"_s + QString(10000, u')') + u"}"_s;
    QTest::newRow("unterminated blocks") << QString(5000, u'#') + u"{"_s;
}

void TestTemplateEngine::deepNestingIsAnError()
{
    QFETCH(QString, templ);
    const EvaluationResult result = TemplateEngine::evaluate(templ, dictionary({u"A=1"_s}));
    // Either a clean parse error or a bounded evaluation; never a crash.
    if (!result.ok())
        QCOMPARE(result.text, templ);
    QVERIFY(!result.errors.isEmpty() || !result.text.isEmpty());
}

void TestTemplateEngine::deepValueChainIsAnError()
{
    VariableDictionary vars;
    for (int i = 0; i < 5000; ++i)
        vars.set(u"C%1"_s.arg(i), u"#{C%1}"_s.arg(i + 1));
    vars.set(u"C5000"_s, u"end"_s);
    const EvaluationResult result = TemplateEngine::evaluate(u"#{C0}"_s, vars);
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.text, u"#{C0}"_s);
    const EvaluationResult shallow = TemplateEngine::evaluate(u"#{C4900}"_s, vars);
    QCOMPARE(shallow.text, u"end"_s);
}

void TestTemplateEngine::compileOnceEvaluateMany()
{
    const CompiledTemplate compiled = TemplateEngine::compile(u"#{each x in L}#{x | ToUpper}#{/each}"_s);
    QVERIFY(compiled.isValid());
    QCOMPARE(TemplateEngine::evaluate(compiled, dictionary({u"L=a,b"_s})).text, u"AB"_s);
    QCOMPARE(TemplateEngine::evaluate(compiled, dictionary({u"L=c"_s})).text, u"C"_s);
}

void TestTemplateEngine::nowDate()
{
    const QString utc = TemplateEngine::evaluate(u"#{ | NowDateUtc}"_s, {}).text;
    QVERIFY2(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z$"_s).match(utc).hasMatch(), qPrintable(utc));
    const QString year = TemplateEngine::evaluate(uR"(#{ | NowDateUtc "yyyy"})"_s, {}).text;
    QCOMPARE(year, QString::number(QDate::currentDate().year()));
    const QString local = TemplateEngine::evaluate(u"#{ | NowDate}"_s, {}).text;
    QVERIFY2(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}$"_s).match(local).hasMatch(), qPrintable(local));
    QCOMPARE(TemplateEngine::evaluate(u"#{A | NowDate}"_s, dictionary({u"A=1"_s})).text, u"#{A | NowDate}"_s);
}

void TestTemplateEngine::unclosedBlockIsReported()
{
    const EvaluationResult result = TemplateEngine::evaluate(u"#{if X}abc"_s, dictionary({u"X=1"_s}));
    QCOMPARE(result.text, u"#{if X}abc"_s);
    QCOMPARE(result.errors.size(), 1);
    QVERIFY(result.errors.first().message.contains(u"#{/if}"_s));
}

void TestTemplateEngine::invalidUtf16DoesNotCrash()
{
    QString broken = u"#{A}"_s;
    broken += QChar(char16_t(0xD800));
    broken += u"#{B"_s;
    broken += QChar(char16_t(0xDC00));
    const EvaluationResult result = TemplateEngine::evaluate(broken, dictionary({u"A=1"_s}));
    QCOMPARE(result.text, broken);
    QCOMPARE(result.errors.size(), 1);
    const QString fromBytes = QString::fromUtf8("#{A}\xff\xfe#{A}");
    QCOMPARE(TemplateEngine::evaluate(fromBytes, dictionary({u"A=1"_s})).text, QString::fromUtf8("1\xff\xfe" "1"));
}

QTEST_GUILESS_MAIN(TestTemplateEngine)
#include "tst_templateengine.moc"
