#include "model/engine/deploy/packagedeployscript.h"

#include "model/engine/deploy/servicemessageshell.h"

#include "model/packages/packageformat.h"
#include "model/transport/shellquote.h"

#include <optional>

using namespace Qt::StringLiterals;

namespace Cuttle {

namespace {

// Every process a script starts costs a fork and an exec on the target, more than the shell's
// own work: these scripts keep them out of the usual path (no command substitution of functions,
// results through `printf -v` or globals, each fact looked up once).
const auto CommonFunctions = uR"BASH(
# The sentence goes to stderr for the log and as a service message, so that the engine can
# tell it from the complaints of the tools before it.
__cuttle_fail() {
    __cuttle_message failed message "$2"
    printf '%s\n' "$2" >&2
    exit "$1"
}
# __cuttle_absolute VAR PATH
__cuttle_absolute() { case $2 in /*) printf -v "$1" '%s' "$2" ;; *) printf -v "$1" '%s/%s' "$PWD" "${2#./}" ;; esac; }
__cuttle_gnu_tar() {
    if [ -z "${__cuttle_gnutar-}" ]; then
        case $(tar --version 2> /dev/null) in "tar (GNU tar)"*) __cuttle_gnutar=1 ;; *) __cuttle_gnutar=0 ;; esac
    fi
    [ "$__cuttle_gnutar" = 1 ]
}
# Target records that share a root share its package cache, and their deployments may overlap:
# a command that uses the cache holds a shared lock on it (fd 9) until it ends, and retention
# prunes the cache only under an exclusive one. Needs flock(1) (util-linux); without it, one
# record per root is assumed. __cuttle_lock_cache DIRECTORY -s|-n: fails only when -n finds
# the lock taken; a lock that cannot be had at all (no flock -E, a file system without locks)
# counts as none.
__cuttle_cache_locked=0
__cuttle_lock_cache() {
    [ "$__cuttle_cache_locked" = 0 ] || return 0
    command -v flock > /dev/null 2>&1 || return 0
    [ -d "$1" ] || mkdir -p -- "$1" 2> /dev/null || return 0
    # Beside the cache, not in it: the cache holds packages only.
    { exec 9> "$1.lock"; } 2> /dev/null || return 0
    flock -E 75 "$2" 9 2> /dev/null
    case $? in
        0) __cuttle_cache_locked=1 ;;
        75) return 1 ;;
    esac
    return 0
}
# A compressed tar's plain tar is named "$expanded.<bytes>.tar": GNU tar stops without complaint
# where a tar breaks off, so a copy whose size is not its name's is removed, never used.
# Sets expanded_file; a copy checked once stays checked while it exists.
expanded_file=
__cuttle_find_expanded() {
    local candidate bytes
    [ -z "$expanded_file" ] || [ ! -f "$expanded_file" ] || return 0
    expanded_file=
    for candidate in "$expanded".*.tar; do
        [ -f "$candidate" ] || continue
        bytes=${candidate#"$expanded".}
        bytes=${bytes%.tar}
        if [ "$(stat -c %s -- "$candidate" 2> /dev/null)" = "$bytes" ]; then
            expanded_file=$candidate
            return 0
        fi
        rm -f -- "$candidate"
    done
    return 1
}
)BASH"_s;

const auto CacheCheck = uR"BASH(
__cuttle_lock_cache "${archive%/*}" -s
status=miss
if [ -f "$archive" ]; then
    status=hit
    # The size catches a copy cut short; the archive's own checksums catch damage inside it at
    # extraction. Hashing the whole file again (verify) is for when that is not enough.
    if [ "$size" -ge 0 ] && [ "$(stat -c %s -- "$archive" 2> /dev/null)" != "$size" ]; then
        status=miss
    elif [ "$verify" = 1 ] && [ "$(sha256sum -- "$archive" | cut -c1-64)" != "$expected" ]; then
        status=miss
    fi
    if [ "$status" = miss ]; then
        rm -f -- "$archive"
        # Its plain copy goes with it ($expanded is empty for packages that have none).
        [ -z "$expanded" ] || rm -f -- "$expanded".*.tar
    fi
fi
# A compressed tar that arrived as a stream is cached as its plain tar alone; that counts for an
# extraction ($plain = 1), not for a transfer, which needs the package itself.
# Only GNU tar reads it (and only GNU tar made it).
if [ "$status" = miss ] && [ "$plain" = 1 ] && [ -n "$expanded" ] && __cuttle_find_expanded && __cuttle_gnu_tar; then
    status=hit
fi
if [ "$status" = miss ] && [ ! -d "${archive%/*}" ]; then
    mkdir -p -- "${archive%/*}" || __cuttle_fail 14 "The package cache directory could not be created."
fi
__cuttle_absolute absolute "$archive"
__cuttle_message packageCache status "$status" path "$absolute"
)BASH"_s;

// Functions shared by extraction from the cache and extraction of a package as it arrives.
const auto ExtractFunctions = uR"BASH(
set -o pipefail
dropped= # set on a cache hit (DropInput); never taken from the environment
[ -d "$packagedir" ] || mkdir -p -- "$packagedir" || __cuttle_fail 14 "$packagedir could not be created."
# An entry that is absolute or climbs out with '..' (either slash, for archives made on Windows)
# could overwrite files outside the new directory: such archives are refused.
__cuttle_unsafe() {
    awk 'bad == "" && ($0 ~ /^[\/\\]/ || $0 ~ /^[A-Za-z]:/ || $0 ~ /(^|[\/\\])\.\.([\/\\]|$)/) { bad = $0 }
         END { print bad }'
}
__cuttle_refuse() {
    __cuttle_message packageRefused entry "$1"
    __cuttle_fail 11 "$archive contains the unsafe entry $1."
}
gnutar=0
if [ "$kind" = zip ]; then
    if command -v unzip > /dev/null 2>&1; then
        __cuttle_list() { unzip -Z1 -- "$archive"; }
        __cuttle_unpack() { unzip -q -o -- "$archive" -d "$1"; }
    elif command -v bsdtar > /dev/null 2>&1; then
        __cuttle_list() { bsdtar -tf "$archive"; }
        __cuttle_unpack() { bsdtar -xf "$archive" -C "$1"; }
    else
        __cuttle_fail 13 "Neither unzip nor bsdtar is installed."
    fi
else
    ! __cuttle_gnu_tar || gnutar=1
    __cuttle_list() { tar -tf "$archive"; }
    __cuttle_unpack() { tar -xf "$archive" -C "$1" --no-same-owner; }
fi
# mkdir is atomic: two deployments can never get the same directory, and a redeploy never reuses one.
__cuttle_new_directory() {
    local base=$packagedir/$version candidate n=0
    candidate=$base
    # Names already taken are skipped without trying them; mkdir still decides.
    while [ -e "$candidate" ] || [ -L "$candidate" ]; do
        n=$((n + 1))
        candidate=${base}_$n
    done
    until mkdir -- "$candidate" 2> /dev/null; do
        [ -e "$candidate" ] || __cuttle_fail 14 "$candidate could not be created."
        n=$((n + 1))
        candidate=${base}_$n
    done
    dir=$candidate
}
# Until the extraction is reported, a failure removes what this script made: the new directory
# and partly written cache files. Scratch files go at the end either way.
dir=
parts=()
# tar's complaints, beside the package's directories: private to this run, no temporary
# directory needed, and named here so that extractions in subshells leave nothing behind.
tar_errors=$packagedir/.cuttle-errors-$$-$RANDOM
scratch=("$tar_errors")
__cuttle_cleanup() {
    [ -z "$dir" ] || rm -rf -- "$dir"
    [ "${#parts[@]}" -eq 0 ] && [ "${#scratch[@]}" -eq 0 ] || rm -f -- "${parts[@]}" "${scratch[@]}"
}
trap __cuttle_cleanup EXIT
# GNU tar needs no listing pass first: it never writes outside -C (it strips a leading '/' and
# skips '..' members), so its verbose listing is checked after the one pass, by awk only when a
# quick match says it might hold such an entry. Reads a plain tar from stdin.
__cuttle_gnu_extract() {
    local errors=$tar_errors listing status unsafe=
    # 128 KiB records (-b 256) instead of 10 KiB: a twelfth of the read and write calls.
    listing=$(LC_ALL=C tar -x -v -b 256 -f - -C "$dir" --no-same-owner 2> "$errors")
    status=$?
    case $'\n'$listing in
        *..* | *$'\n'/* | *$'\n'\\* | *$'\n'[A-Za-z]:*) unsafe=$(printf '%s\n' "$listing" | __cuttle_unsafe) ;;
    esac
    if [ -z "$unsafe" ] && [ -s "$errors" ]; then
        unsafe=$(sed -n "s/^tar: \(.*\): Member name contains '\.\.'\$/\1/p" "$errors" | head -n 1)
    fi
    [ -z "$unsafe" ] || __cuttle_refuse "$unsafe"
    if [ "$status" != 0 ]; then
        cat -- "$errors" >&2
        __cuttle_fail 15 "$archive could not be extracted."
    fi
}
# For `pipeline || __cuttle_pipeline_failed`: a refusal stays a refusal (its message is out);
# any other failure, of the decompressor, tee or tar, is a failed extraction.
__cuttle_pipeline_failed() {
    local status=$?
    [ "$status" = 11 ] && exit 11
    # A package that arrived cut short is named as such, whatever the decompressor made of it.
    ! declare -F __cuttle_check_size > /dev/null || __cuttle_check_size
    __cuttle_fail 15 "$archive could not be extracted."
}
# A compressed tar is decompressed once: the plain tar is kept beside the package, named
# "$expanded.<bytes>.tar" (GNU tar stops without complaint where a tar breaks off, so its size
# is checked before it is used), and later extractions read it instead of decompressing again.
__cuttle_keep_expanded() {
    local bytes
    bytes=$(stat -c %s -- "$1") && mv -f -- "$1" "$expanded.$bytes.tar" ||
        __cuttle_fail 14 "$expanded could not be stored in the package cache."
}
__cuttle_decompress_and_extract() {
    local expanded_part=$expanded.cuttle-$$.part
    parts+=("$expanded_part")
    $decompress < "$archive" | tee -p -- "$expanded_part" | __cuttle_gnu_extract || __cuttle_pipeline_failed
    __cuttle_keep_expanded "$expanded_part"
}
# Zip listings read only the central directory; other tars are listed (a second pass) before
# anything is written.
__cuttle_extract_cached() {
    local status plain
    if [ "$gnutar" = 0 ]; then
        unsafe=$(__cuttle_list | __cuttle_unsafe) || __cuttle_fail 12 "$archive could not be read."
        [ -z "$unsafe" ] || __cuttle_refuse "$unsafe"
    fi
    __cuttle_new_directory
    if [ "$gnutar" = 0 ]; then
        __cuttle_unpack "$dir" || __cuttle_fail 15 "$archive could not be extracted."
    elif [ -z "$decompress" ]; then
        __cuttle_gnu_extract < "$archive"
    elif __cuttle_find_expanded; then
        plain=$expanded_file
        ( __cuttle_gnu_extract < "$plain" )
        status=$?
        [ "$status" = 11 ] && exit 11
        if [ "$status" != 0 ]; then
            # Only a copy that tar cannot read on its own is damaged; anything else (a full
            # disk, permissions) keeps the copy and fails with tar's complaint.
            tar -tf "$plain" > /dev/null 2>&1 && exit "$status"
            # A damaged copy is dropped and made again from the package; without the package,
            # the engine sends it again.
            rm -f -- "$plain"
            if [ ! -f "$archive" ]; then
                __cuttle_absolute absolute "$plain"
                __cuttle_message packageCacheDamaged path "$absolute"
                exit 20
            fi
            find "$dir" -mindepth 1 -delete || __cuttle_fail 15 "$dir could not be emptied."
            __cuttle_decompress_and_extract
        fi
    else
        __cuttle_decompress_and_extract
    fi
}
# A link leading out of the directory would let later steps (variable substitution, scripts)
# write outside it: refuse those too.
__cuttle_refuse_escaping_links() {
    local absolute= link target
    while IFS= read -r -d '' link; do
        [ -n "$absolute" ] || absolute=$(cd -- "$dir" && pwd -P) || __cuttle_fail 15 "$dir could not be read."
        target=$(readlink -f -- "$link") || target=
        case $target in
            "$absolute" | "$absolute"/*) ;;
            *) __cuttle_refuse "${link#"$dir"/} -> $(readlink -- "$link")" ;;
        esac
    done < <(find "$dir" -type l -print0)
}
__cuttle_report_extraction() {
    local scripts script
    if [ "$nupkg" = 1 ]; then
        rm -rf -- "$dir/_rels" "$dir/package" "$dir/[Content_Types].xml"
    fi
    printf '%s\t%s\n' "${dir##*/}" "${archive##*/}" >> "$packagedir/.cuttle-extractions" ||
        __cuttle_fail 15 "$packagedir/.cuttle-extractions could not be written."
    trap - EXIT
    # On a cache hit the scratch files go with the count of the dropped input: one rm for both.
    if [ -z "${dropped-}" ]; then
        [ "${#scratch[@]}" -eq 0 ] || rm -f -- "${scratch[@]}"
        scratch=()
    fi
    scripts=
    for script in PreDeploy.sh Deploy.sh PostDeploy.sh DeployFailed.sh; do
        [ -f "$dir/$script" ] && scripts="$scripts${scripts:+ }$script"
    done
    __cuttle_absolute absolute "$dir"
    __cuttle_message packageExtracted path "$absolute" directory "${dir##*/}" scripts "$scripts"
}
)BASH"_s;

const auto Extract = uR"BASH(
__cuttle_lock_cache "${archive%/*}" -s
[ -f "$archive" ] || { [ -n "$decompress" ] && [ "$gnutar" = 1 ] && __cuttle_find_expanded; } ||
    __cuttle_fail 10 "$archive is not in the package cache."
__cuttle_extract_cached
__cuttle_refuse_escaping_links
__cuttle_report_extraction
)BASH"_s;

// The package arrives on stdin and is extracted as it arrives when GNU tar can read it; anything
// else is stored first and extracted from that copy. What enters the cache, under its final
// name, does so only once it is complete and extracted without refusal: SSH has already checked
// every byte on the way, and the byte count proves nothing is missing.
// - A compressed tar is kept only as its plain tar (the decompressor's own checksums cover the
//   stream; dd counts the bytes), so the first deployment writes the data twice, not three times,
//   and later ones skip the decompression.
// - A plain tar is kept as it is (tee -p goes on writing its copy if tar stops reading early).
const auto ReceiveAndExtract = uR"BASH(
mkdir -p -- "${archive%/*}" || __cuttle_fail 14 "The package cache directory could not be created."
__cuttle_lock_cache "${archive%/*}" -s
cached=$archive
part=$archive.cuttle-$$.part
counted=
__cuttle_arrived() {
    if [ -n "$counted" ]; then
        sed -n 's/^\([0-9][0-9]*\) bytes.*/\1/p' -- "$counted" | tail -n 1
    else
        stat -c %s -- "$part" 2> /dev/null
    fi
}
__cuttle_check_size() {
    local arrived
    arrived=$(__cuttle_arrived)
    # dd reports nothing when the reader stopped before the end: the reader's failure stands.
    if [ -n "$counted" ] && [ -z "$arrived" ]; then
        return 0
    fi
    [ -n "$arrived" ] || arrived=0
    [ "$arrived" = "$size" ] || __cuttle_fail 19 "$cached arrived incomplete ($arrived of $size bytes)."
}
if [ "$kind" = tar ] && [ "$gnutar" = 1 ] && [ -n "$decompress" ]; then
    __cuttle_new_directory
    counted=$expanded.cuttle-$$.count
    expanded_part=$expanded.cuttle-$$.part
    parts+=("$counted" "$expanded_part")
    LC_ALL=C dd bs=65536 2> "$counted" | $decompress | tee -p -- "$expanded_part" | __cuttle_gnu_extract ||
        __cuttle_pipeline_failed
    __cuttle_check_size
    __cuttle_refuse_escaping_links
    __cuttle_keep_expanded "$expanded_part"
    rm -f -- "$counted"
else
    parts+=("$part")
    if [ "$kind" = tar ] && [ "$gnutar" = 1 ]; then
        __cuttle_new_directory
        tee -p -- "$part" | __cuttle_gnu_extract || __cuttle_pipeline_failed
        __cuttle_check_size
        __cuttle_refuse_escaping_links
    else
        cat > "$part" || __cuttle_fail 14 "$part could not be written."
        __cuttle_check_size
        archive=$part
        __cuttle_extract_cached
        archive=$cached
        __cuttle_refuse_escaping_links
    fi
    mv -f -- "$part" "$cached" || __cuttle_fail 14 "$cached could not be stored in the package cache."
fi
parts=()
__cuttle_report_extraction
)BASH"_s;

const auto SwitchCurrent = uR"BASH(
name=${extracted%/}
name=${name##*/}
case $name in ''|.|..|current) __cuttle_fail 16 "$extracted is not an extracted package directory." ;; esac
[ -d "$packagedir/$name" ] && [ ! -L "$packagedir/$name" ] || __cuttle_fail 16 "$packagedir/$name does not exist."
# rename(2) of a new link over the old one: readers see either the previous or the new release.
link=$packagedir/.current.cuttle-$$-$RANDOM
ln -s -- "$name" "$link" || __cuttle_fail 17 "The link $link could not be created."
if ! mv -T -f -- "$link" "$packagedir/current"; then
    rm -f -- "$link"
    __cuttle_fail 17 "$packagedir/current could not be replaced."
fi
switched=$name
)BASH"_s;

const auto Retention = uR"BASH(
# tar's complaints left by an extraction killed before it could remove them (deployments of one
# package directory never overlap).
! compgen -G "$packagedir/.cuttle-errors-*" > /dev/null || rm -f -- "$packagedir"/.cuttle-errors-*
journal=$packagedir/.cuttle-extractions
[ -f "$journal" ] || exit 0
# Right after the switch, current is known without asking readlink.
current=${switched-}
if [ -z "$current" ] && [ -L "$packagedir/current" ]; then
    current=$(readlink -- "$packagedir/current")
    current=${current%/}
    current=${current##*/}
fi
tab=$'\t'
present=()
lines=()
changed=0 # the journal is written again only when a line goes (or the last one lacks its newline)
while IFS= read -r line || { [ -n "$line" ] && changed=1; }; do
    entry=${line%%"$tab"*}
    case $entry in ''|.|..|current|*/*) changed=1; continue ;; esac
    if [ -d "$packagedir/$entry" ]; then
        present+=("$entry")
        lines+=("$line")
    else
        changed=1
    fi
done < "$journal"
count=${#present[@]}
kept=()
released=()
for ((i = 0; i < count; i++)); do
    entry=${present[i]}
    if [ "$keep" -lt 1 ] || [ "$i" -ge $((count - keep)) ] || [ "$entry" = "$current" ]; then
        kept+=("${lines[i]}")
    elif rm -rf -- "$packagedir/$entry"; then
        changed=1
        __cuttle_absolute absolute "$packagedir/$entry"
        __cuttle_message retentionRemoved path "$absolute"
        case ${lines[i]} in *"$tab"*) released+=("${lines[i]#*"$tab"}") ;; esac
    else
        kept+=("${lines[i]}")
    fi
done
if [ "$changed" = 1 ]; then
    tmp=$journal.cuttle-$$
    { [ "${#kept[@]}" -eq 0 ] || printf '%s\n' "${kept[@]}"; } > "$tmp" && mv -f -- "$tmp" "$journal" || exit 1
fi
# The package cache keeps what the kept extractions came from. A package goes once no journal
# under the root names it: the same package may be deployed to other environments or tenants
# on this target. Under the cache's exclusive lock no extraction is between its cache check
# and its journal line.
[ -n "$cachedir" ] || exit 0
pending=$cachedir.released
[ "${#released[@]}" -gt 0 ] || [ -s "$pending" ] || exit 0
# The names that wait are written and taken under a lock of their own (fd 8), which the cache's
# users never hold.
if ! __cuttle_lock_cache "$cachedir" -n; then
    # Another deployment uses the cache now: the names wait for the next retention.
    if [ "${#released[@]}" -gt 0 ]; then
        { flock 8 2> /dev/null; printf '%s\n' "${released[@]}" >&8; } 8>> "$pending" || exit 1
    fi
    __cuttle_message packageCacheBusy
    exit 0
fi
if [ -s "$pending" ]; then
    exec 8<> "$pending" || exit 1
    flock 8 2> /dev/null
    while IFS= read -r package || [ -n "$package" ]; do
        released+=("$package")
    done <&8
    # Emptied, not removed: a retention waiting to add names holds this very file open.
    : > "$pending"
    exec 8>&-
fi
root=${cachedir%/.cuttle/packages}
journals=()
while IFS= read -r -d '' found; do
    journals+=("$found")
done < <(find "$root" -mindepth 3 -maxdepth 4 -name .cuttle-extractions -type f -print0 2> /dev/null)
for package in "${released[@]}"; do
    case $package in ''|.*|*/*) continue ;; esac
    if [ "${#journals[@]}" -gt 0 ] &&
        awk -F '\t' -v p="$package" '$2 == p { found = 1; exit } END { exit !found }' "${journals[@]}"; then
        continue
    fi
    [ -e "$cachedir/$package" ] || compgen -G "$cachedir/$package.expanded.*.tar" > /dev/null || continue
    rm -f -- "$cachedir/$package" "$cachedir/$package".expanded.*.tar || exit 1
    __cuttle_message packageCacheRemoved name "$package"
done
)BASH"_s;

const auto Transfer = uR"BASH(
__cuttle_lock_cache "${archive%/*}" -s
[ -f "$archive" ] || __cuttle_fail 10 "$archive is not in the package cache."
mkdir -p -- "$destination" || __cuttle_fail 14 "$destination could not be created."
tmp=$destination/.$name.cuttle-$$
if ! cp -- "$archive" "$tmp" || ! mv -f -- "$tmp" "$destination/$name"; then
    rm -f -- "$tmp"
    __cuttle_fail 18 "$archive could not be copied to $destination/$name."
fi
__cuttle_absolute absolute "$destination/$name"
__cuttle_message packageTransferred path "$absolute"
)BASH"_s;

// On a hit the engine stops sending once it reads the status; what arrived before that is read
// and counted in the background, so that the sender never waits on a full window.
const auto DropInput = uR"BASH(
dropped=$archive.cuttle-$$.dropped
parts+=("$dropped")
# (<&0: without it, a background command of a non-interactive shell reads /dev/null.)
wc -c <&0 > "$dropped" 2> /dev/null &
exec < /dev/null
)BASH"_s;

const auto ReportDropped = uR"BASH(
wait
bytes=
read -r bytes < "$dropped"
__cuttle_message inputDropped bytes "$bytes"
rm -f -- "$dropped" "${scratch[@]}"
)BASH"_s;

/// Work for the same command once the package is extracted, in its directory. Its failure is
/// its own, even one to parse it (hence eval): the extraction stands.
QString inExtractedDirectory(const QString &fragment)
{
    if (fragment.isEmpty())
        return {};
    return u"( cd -- \"$dir\" || exit 0\neval "_s + shellQuote(fragment) + u"\n) || :\n"_s;
}

/// What every script starts with: the service message writers and the shared functions.
QString common()
{
    return ServiceMessageShell::functions() + CommonFunctions;
}

QString assign(const QString &name, const QString &value)
{
    return name + u'=' + shellQuote(value) + u'\n';
}

QString withoutTrailingSlash(const QString &path)
{
    QString result = path;
    while (result.size() > 1 && result.endsWith(u'/'))
        result.chop(1);
    return result;
}

QString normalizedExtension(const QString &extension)
{
    QString result = extension.toLower();
    while (result.startsWith(u'.'))
        result.remove(0, 1);
    return result;
}

/// The filter that turns a compressed tar into a plain one; empty for other formats.
QString decompressCommand(PackageFormat format)
{
    switch (format) {
    case PackageFormat::TarGzip: return u"gzip -dc"_s;
    case PackageFormat::TarBzip2: return u"bzip2 -dc"_s;
    case PackageFormat::TarXz: return u"xz -dc"_s;
    case PackageFormat::TarZstd: return u"zstd -dcq"_s;
    default: return {};
    }
}

/// The variables every extraction script starts with.
QString extractionVariables(const QString &cachePath, const QString &extension, const QString &packageDirectory,
                            const QString &version)
{
    const QString ext = normalizedExtension(extension);
    const std::optional<PackageFormatMatch> match = packageFormatFromFileName(QString(u"package."_s + ext));
    const bool zip = match ? isZipBasedPackageFormat(match->format) : ext == u"zip"_s;
    const bool nupkg = match && match->format == PackageFormat::NuGet;
    const QString decompress = match ? decompressCommand(match->format) : QString();
    return assign(u"archive"_s, cachePath) + assign(u"kind"_s, zip ? u"zip"_s : u"tar"_s)
        + assign(u"decompress"_s, decompress)
        + assign(u"expanded"_s, decompress.isEmpty() ? QString() : PackageDeployScript::expandedCachePath(cachePath))
        + assign(u"nupkg"_s, nupkg ? u"1"_s : u"0"_s)
        + assign(u"packagedir"_s, withoutTrailingSlash(packageDirectory)) + assign(u"version"_s, PackageDeployScript::pathSegment(version));
}

} // namespace

QString PackageDeployScript::pathSegment(const QString &name)
{
    QString segment;
    segment.reserve(name.size());
    for (const QChar c : name) {
        const bool unsafe = c == u'/' || c == u'\\' || c.unicode() < 0x20 || c.unicode() == 0x7f;
        segment += unsafe ? u'_' : c;
    }
    segment = segment.trimmed();
    // A leading dot would hide the directory or, as "..", leave the tree.
    if (segment.isEmpty() || segment.startsWith(u'.'))
        segment.prepend(u'_');
    return segment;
}

QString PackageDeployScript::cachePath(const QString &root, const QString &sha256, const QString &extension)
{
    return cacheDirectory(root) + u'/' + sha256.toLower() + u'.' + normalizedExtension(extension);
}

QString PackageDeployScript::cacheDirectory(const QString &root)
{
    return withoutTrailingSlash(root) + u"/.cuttle/packages"_s;
}

QString PackageDeployScript::expandedCachePath(const QString &cachePath)
{
    return cachePath + u".expanded"_s;
}

QString PackageDeployScript::packageDirectory(const QString &root, const QString &environment, const QString &tenant,
                                              const QString &packageId)
{
    QString path = withoutTrailingSlash(root) + u'/' + pathSegment(environment);
    if (!tenant.isEmpty())
        path += u'/' + pathSegment(tenant);
    return path + u'/' + pathSegment(packageId);
}

QString PackageDeployScript::cacheCheckScript(const QString &cachePath, const QString &sha256, qint64 size,
                                              bool verifyHash)
{
    return assign(u"archive"_s, cachePath) + assign(u"expanded"_s, expandedCachePath(cachePath))
        + assign(u"expected"_s, sha256.toLower()) + assign(u"size"_s, QString::number(size < 0 ? -1 : size))
        + assign(u"verify"_s, verifyHash ? u"1"_s : u"0"_s) + assign(u"plain"_s, u"0"_s) + common() + CacheCheck;
}

QString PackageDeployScript::extractScript(const QString &cachePath, const QString &extension,
                                           const QString &packageDirectory, const QString &version)
{
    return extractionVariables(cachePath, extension, packageDirectory, version) + common() + ExtractFunctions + Extract;
}

QString PackageDeployScript::extractIfCachedScript(const QString &cachePath, const QString &sha256, qint64 size,
                                                   const QString &extension, const QString &packageDirectory,
                                                   const QString &version)
{
    return extractionVariables(cachePath, extension, packageDirectory, version) + assign(u"expected"_s, sha256.toLower())
        + assign(u"size"_s, QString::number(size < 0 ? -1 : size)) + assign(u"verify"_s, u"0"_s)
        + assign(u"plain"_s, u"1"_s) + common() + CacheCheck + u"[ \"$status\" = hit ] || exit 0\n"_s + ExtractFunctions
        + Extract;
}

QString PackageDeployScript::receiveAndExtractScript(const QString &cachePath, const QString &extension, qint64 size,
                                                     const QString &packageDirectory, const QString &version,
                                                     const QString &afterExtraction)
{
    return extractionVariables(cachePath, extension, packageDirectory, version)
        + assign(u"size"_s, QString::number(size)) + common() + ExtractFunctions + ReceiveAndExtract
        + inExtractedDirectory(afterExtraction);
}

QString PackageDeployScript::extractOrReceiveScript(const QString &cachePath, const QString &sha256, qint64 size,
                                                   const QString &extension, const QString &packageDirectory,
                                                   const QString &version, const QString &afterExtraction)
{
    const QString after = inExtractedDirectory(afterExtraction);
    return extractionVariables(cachePath, extension, packageDirectory, version) + assign(u"expected"_s, sha256.toLower())
        + assign(u"size"_s, QString::number(size)) + assign(u"verify"_s, u"0"_s) + assign(u"plain"_s, u"1"_s) + common()
        + CacheCheck + ExtractFunctions + u"if [ \"$status\" = hit ]; then\n"_s + DropInput + Extract + after
        + ReportDropped + u"    exit 0\nfi\n"_s + ReceiveAndExtract + after;
}

QString PackageDeployScript::switchCurrentScript(const QString &packageDirectory, const QString &extractedDirectory)
{
    return assign(u"packagedir"_s, withoutTrailingSlash(packageDirectory)) + assign(u"extracted"_s, extractedDirectory)
        + common() + SwitchCurrent;
}

QString PackageDeployScript::switchCurrentAndRetentionScript(const QString &packageDirectory,
                                                             const QString &extractedDirectory, int keep,
                                                             const QString &cacheDirectory)
{
    // Retention runs in a subshell: its failure is reported, and never undoes the switch.
    return assign(u"packagedir"_s, withoutTrailingSlash(packageDirectory)) + assign(u"extracted"_s, extractedDirectory)
        + assign(u"keep"_s, QString::number(keep))
        + assign(u"cachedir"_s, cacheDirectory.isEmpty() ? QString() : withoutTrailingSlash(cacheDirectory)) + common()
        + SwitchCurrent + u"(\n"_s + Retention + u") || printf '##cuttle[retentionFailed]\\n'\n"_s;
}

QString PackageDeployScript::retentionScript(const QString &packageDirectory, int keep, const QString &cacheDirectory)
{
    // No switch before it: where current points is read (never taken from the environment).
    return assign(u"packagedir"_s, withoutTrailingSlash(packageDirectory)) + assign(u"switched"_s, QString())
        + assign(u"keep"_s, QString::number(keep))
        + assign(u"cachedir"_s, cacheDirectory.isEmpty() ? QString() : withoutTrailingSlash(cacheDirectory)) + common()
        + Retention;
}

QString PackageDeployScript::transferScript(const QString &cachePath, const QString &destinationDirectory,
                                            const QString &fileName)
{
    return assign(u"archive"_s, cachePath) + assign(u"destination"_s, withoutTrailingSlash(destinationDirectory))
        + assign(u"name"_s, pathSegment(fileName)) + common() + Transfer;
}

} // namespace Cuttle
