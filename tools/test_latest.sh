#!/usr/bin/env bash
# `make test-latest`: find upgrade breaks before learners do.
#
# For each Python interpreter given (default: python3), build a separate virtual
# environment .venv-latest-X.Y with the NEWEST release of every dependency
# (pyproject.toml without constraints.txt), run the full no-browser suite in it
# offline (what `make test` runs; TEST_LATEST_BROWSER=1 adds the browser tests),
# and write test-latest-report.md: what was upgraded compared with the pins,
# which tests failed, and which installed package each failure comes from (the
# deepest frame of its traceback that lies in site-packages).
#
# Usage: bash tools/test_latest.sh [PYTHON ...]   e.g. tools/test_latest.sh python3.11 python3.13
# Exit status: 0 when every interpreter's suite passed, 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
REPORT=${TEST_LATEST_REPORT:-test-latest-report.md}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export COURSE_STRICT_WARNINGS=1 TF_CPP_MIN_LOG_LEVEL=3 PYDEVD_DISABLE_FILE_VALIDATION=1
[ $# -gt 0 ] || set -- python3

{
  echo "# make test-latest: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Newest releases of every dependency (no constraints.txt), full suite offline."
  echo "A failure here is a break that \`make lock\` would bring to learners: fix it, or keep"
  echo "the pin and say why in constraints' comment (see README, *Keeping up with new releases*)."
} > "$REPORT"

status=0
for python in "$@"; do
  if ! version=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null); then
    printf '\n## %s\n\nnot available on this machine: nothing ran.\n' "$python" >> "$REPORT"
    status=1
    continue
  fi
  venv=.venv-latest-$version
  log=$WORK/install-$version.log
  echo "== Python $version ($python): building $venv with the newest releases" >&2
  rm -rf "$venv"
  if ! { "$python" -m venv "$venv" &&
         "$venv/bin/python" -m pip install --quiet --upgrade pip &&
         "$venv/bin/python" -m pip install --quiet --upgrade --upgrade-strategy eager -e '.[test,browser]'; } >"$log" 2>&1; then
    { printf '\n## Python %s\n\n**The newest releases do not install together.** pip said:\n\n```\n' "$version"
      tail -n 30 "$log"; printf '```\n'; } >> "$REPORT"
    status=1
    continue
  fi
  "$venv/bin/python" -m pip freeze --exclude-editable > "$WORK/freeze-$version.txt"

  echo "== Python $version: running the suite (nice, offline)" >&2
  junit=$WORK/junit-$version.xml
  suite=("$venv/bin/python" -m pytest -p no:cacheprovider --junitxml="$junit" -q)
  start=$SECONDS
  nice -n 10 tools/offline.sh "${suite[@]}" > "$WORK/pytest-$version.log" 2>&1
  code=$?
  if [ "${TEST_LATEST_BROWSER:-0}" = 1 ]; then
    bash tools/install_chromium.sh >/dev/null
    nice -n 10 tools/offline.sh "$venv/bin/python" -m pytest -p no:cacheprovider -n 0 -q \
      --junitxml="$WORK/junit-browser-$version.xml" browser_tests >> "$WORK/pytest-$version.log" 2>&1 || code=1
  fi
  [ "$code" = 0 ] || status=1
  pinned=()
  if [ "$code" != 0 ] && [ -x .venv/bin/python ]; then
    # Control run: the failing test files again with the pins (.venv). A test that fails there too
    # is not an upgrade break (the work tree itself is red).
    mapfile -t files < <("$venv/bin/python" tools/test_latest_report.py --failed-files "$junit")
    if [ "${#files[@]}" -gt 0 ]; then
      echo "== Python $version: control run of ${#files[@]} failing files with the pins" >&2
      nice -n 10 tools/offline.sh .venv/bin/python -m pytest -p no:cacheprovider -q \
        --junitxml="$WORK/pinned-$version.xml" "${files[@]}" > "$WORK/pinned-$version.log" 2>&1
      pinned=(--pinned-junit "$WORK/pinned-$version.xml")
    fi
  fi
  "$venv/bin/python" tools/test_latest_report.py --python "$version" --seconds $((SECONDS - start)) \
    --exit-code "$code" --freeze "$WORK/freeze-$version.txt" --log "$WORK/pytest-$version.log" \
    "${pinned[@]}" "$WORK"/junit*-"$version".xml >> "$REPORT"
done
echo "wrote $ROOT/$REPORT" >&2
exit $status
