#!/usr/bin/env bash
# Run a command with outbound network refused: a fresh network namespace whose
# only interface is loopback (JupyterLab and kernels talk over 127.0.0.1).
# Needs root or unprivileged user namespaces; elsewhere the command runs normally
# with a notice, unless COURSE_REQUIRE_OFFLINE=1 (set by CI), which makes that an error.
set -euo pipefail
if unshare --net --map-root-user true 2>/dev/null || unshare --net true 2>/dev/null; then
  flags=(--net)
  [ "$(id -u)" = 0 ] || flags+=(--map-root-user)
  exec unshare "${flags[@]}" env COURSE_OFFLINE=1 bash -c 'ip link set lo up 2>/dev/null || true; exec "$@"' offline "$@"
fi
if [ "${COURSE_REQUIRE_OFFLINE:-0}" = 1 ]; then
  echo "offline.sh: cannot create a network namespace here, and COURSE_REQUIRE_OFFLINE=1" >&2
  exit 1
fi
echo "offline.sh: no network namespace available; running with the network on" >&2
exec "$@"
