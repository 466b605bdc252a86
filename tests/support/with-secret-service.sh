#!/bin/sh
# Runs a test program against a real Secret Service: a private D-Bus session bus with an
# unlocked gnome-keyring of its own, all of it ended and removed when the program exits.
# With --without-secret-service the program gets a private bus with no keyring on it.
#
# The bus is started with a configuration that has no service directories, so that a
# client asking for org.freedesktop.secrets cannot make D-Bus start a keyring by itself
# (the standard session configuration would), and gnome-keyring cannot start a graphical
# password prompter that would wait for a display. Each run also gets its own
# XDG_RUNTIME_DIR and XDG_DATA_HOME, so parallel runs never share a keyring daemon.
set -eu

mode=keyring
if [ "${1:-}" = "--without-secret-service" ]; then
    mode=none
    shift
fi
if [ $# -eq 0 ]; then
    echo "usage: $0 [--without-secret-service] PROGRAM [ARGS...]" >&2
    exit 2
fi
for tool in dbus-run-session dbus-send; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "$0: $tool is missing; install the Debian package dbus." >&2
        exit 1
    fi
done
if [ "$mode" = keyring ] && ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
    echo "$0: gnome-keyring-daemon is missing; install the Debian package gnome-keyring." >&2
    exit 1
fi

scratch="$(mktemp -d "${TMPDIR:-/tmp}/cuttle-secret-service.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT INT TERM
mkdir -m 700 "$scratch/runtime" "$scratch/data"
cat >"$scratch/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=$scratch/runtime</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF

export XDG_RUNTIME_DIR="$scratch/runtime"
export XDG_DATA_HOME="$scratch/data"
export CUTTLE_TEST_SECRET_SERVICE="$mode"

# Not exec: the trap has to remove the scratch folder after the bus has gone.
set +e
dbus-run-session --config-file="$scratch/bus.conf" -- sh -c '
    if [ "$CUTTLE_TEST_SECRET_SERVICE" = keyring ]; then
        eval "$(printf "cuttle-test\n" | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
        export GNOME_KEYRING_CONTROL
        # The daemon claims its bus name shortly after it forks; wait for it (at most 10 s).
        tries=0
        until dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
                org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
                | grep -q "boolean true"; do
            tries=$((tries + 1))
            if [ $tries -ge 100 ]; then
                echo "with-secret-service: gnome-keyring-daemon did not appear on the bus." >&2
                exit 1
            fi
            sleep 0.1
        done
    fi
    "$@"
' with-secret-service "$@"
rc=$?
exit $rc
