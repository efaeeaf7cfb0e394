#!/usr/bin/env bash
# Smoke test of the built app bundle (packaging/build.sh makes it): runs it headless, as an editor
# would, in a throwaway home; prints the cold-start times. Exit code 1 on the first failure.
#
#   bash packaging/smoke_test.sh [BUNDLE]     # default dist/press-workbench (macOS: the .app)
#
# The steps are in packaging/smoke_test.py. It runs with the project's .venv when there is one
# (which lets it also list the bundle's modules and make .docx/.pdf samples), else python3.
set -euo pipefail
cd "$(dirname "$0")/.."
python=.venv/bin/python
[ -x "$python" ] || python=${PYTHON:-python3}
exec "$python" packaging/smoke_test.py "$@"
