#!/usr/bin/env bash
# The project's one test command: set up, lint, run the whole test suite.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
.venv/bin/ruff check . || exit 1
.venv/bin/python -m pytest "$@"
rc=$?
if [ "$rc" = 5 ]; then
  echo "test: pytest collected no tests: that is a failure here" >&2
  exit 1
fi
exit "$rc"
