#!/bin/bash
# Installs the Debian packages that building, running and testing Cuttle need, and only
# those that are missing: apt-get update once, then one apt-get install. Uses sudo when not
# run as root. Safe to run again; prints one line when everything is already there.
#
# Usage: packaging/ensure-deps.sh [--check]   (--check only lists what is missing)
set -euo pipefail

required=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6sql6-sqlite qtkeychain-qt6-dev libsecret-1-0
    libssh-dev libarchive-dev libyaml-dev libpugixml-dev
    libgl-dev libxkbcommon-dev
    # Test tools: real sshd, a real Secret Service on a private bus, an X server for widgets.
    openssh-server openssh-client gnome-keyring libsecret-tools dbus dbus-x11 xvfb xauth
)
# Wanted by the fuzz tests only; Cuttle builds and tests without them.
optional=(clang libclang-rt-14-dev)

fail() {
    echo "ensure-deps: $*" >&2
    exit 1
}

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    fail "This set-up script needs a Debian 12 system with dpkg and apt-get; install the packages listed in packaging/ensure-deps.sh by hand."
fi

is_installed() {
    # A multi-arch package may be listed once per architecture; one installed copy is enough.
    dpkg-query -W -f='${db:Status-Status}\n' "$1" 2>/dev/null | grep -qx installed
}

missing_of() {
    local package
    for package in "$@"; do
        is_installed "$package" || echo "$package"
    done
}

mapfile -t missing < <(missing_of "${required[@]}")
mapfile -t missing_optional < <(missing_of "${optional[@]}")

if [ "${1:-}" = "--check" ]; then
    printf '%s\n' "${missing[@]}" "${missing_optional[@]}" | sed '/^$/d'
    exit 0
fi

if [ ${#missing[@]} -eq 0 ] && [ ${#missing_optional[@]} -eq 0 ]; then
    echo "ensure-deps: all $(( ${#required[@]} + ${#optional[@]} )) Debian packages Cuttle needs are installed."
    exit 0
fi

all_missing=("${missing[@]}" "${missing_optional[@]}")
as_root=()
if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
        fail "The missing Debian packages (${all_missing[*]}) need root to install, and sudo is not available; run this script as root."
    fi
    if [ -t 0 ]; then
        as_root=(sudo)
    else
        # No terminal to type a password into: fail at once instead of waiting.
        as_root=(sudo -n)
    fi
fi
apt_get=("${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300)

echo "ensure-deps: installing missing Debian packages: ${all_missing[*]}"
if ! "${apt_get[@]}" update -qq; then
    fail "apt-get update failed (no network, no root rights, or a broken sources list), so the missing packages ${all_missing[*]} could not be installed."
fi
if [ ${#missing[@]} -gt 0 ]; then
    if ! "${apt_get[@]}" install -y -qq --no-install-recommends "${missing[@]}"; then
        fail "apt-get could not install the required Debian packages ${missing[*]}; see the apt-get output above."
    fi
fi
if [ ${#missing_optional[@]} -gt 0 ]; then
    if ! "${apt_get[@]}" install -y -qq --no-install-recommends "${missing_optional[@]}"; then
        echo "ensure-deps: the optional packages ${missing_optional[*]} could not be installed; the fuzz tests will not be built." >&2
    fi
fi

mapfile -t still_missing < <(missing_of "${required[@]}")
if [ ${#still_missing[@]} -gt 0 ]; then
    fail "These required Debian packages are still not installed after apt-get: ${still_missing[*]}."
fi
echo "ensure-deps: all required Debian packages are installed."
