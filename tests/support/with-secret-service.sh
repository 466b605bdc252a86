#!/bin/sh
# Runs a test program against a real Secret Service: a private D-Bus session bus with an
# unlocked gnome-keyring, both ended when the program exits.
# With --without-secret-service the program gets a private bus with no keyring on it.
set -e
if [ "$1" = "--without-secret-service" ]; then
    shift
    exec dbus-run-session -- "$@"
fi
exec dbus-run-session -- sh -c '
    export XDG_DATA_HOME="$(mktemp -d)"
    eval "$(printf "cuttle-test\n" | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
    export GNOME_KEYRING_CONTROL
    "$@"
    rc=$?
    rm -rf "$XDG_DATA_HOME"
    exit $rc
' with-secret-service "$@"
