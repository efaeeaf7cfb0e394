#!/usr/bin/env bash
# Build the app bundle for this platform, and the archive editors download:
#
#   bash packaging/build.sh
#
#   Linux  dist/press-workbench/                    the one-folder bundle (run ./press-workbench)
#          dist/press-workbench-VERSION-linux-ARCH.tar.gz
#   macOS  dist/Press Workbench.app
#          dist/press-workbench-VERSION-macos-ARCH.zip
#   Windows: in a venv with `pip install -e .[package]`, run
#            pyinstaller --noconfirm packaging/workbench.spec && python packaging/archive.py
#            which gives dist/press-workbench/ and dist/press-workbench-VERSION-windows-x64.zip
#
# Uses the Makefile's .venv (created on first use) plus the `package` extra; idempotent: the second
# run reinstalls nothing unless pyproject.toml changed. Prints the sizes and the build time.
# Environment: PYTHON (the interpreter that creates .venv, default python3).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

VENV=.venv
BIN=$VENV/bin
make -s "$VENV/.stamp-run" PYTHON="${PYTHON:-python3}"
if [ ! -f "$VENV/.stamp-package" ] || [ pyproject.toml -nt "$VENV/.stamp-package" ]; then
    "$BIN/python" -m pip install -q -e '.[package]'
    touch "$VENV/.stamp-package"
fi

# The committed PNGs must match the SVG; the .ico/.icns writers must round-trip (all platforms).
QT_QPA_PLATFORM=offscreen "$BIN/python" packaging/render_icons.py --check
"$BIN/python" packaging/iconfile.py build/icons
# Every runtime package must have a row in THIRD_PARTY_LICENSES.md.
"$BIN/python" packaging/licenses.py --check

log=build/pyinstaller.log
mkdir -p build
echo "PyInstaller: building dist/press-workbench (log: $log)..."
if ! "$BIN/pyinstaller" --noconfirm --log-level WARN --workpath build/pyinstaller \
    --distpath dist packaging/workbench.spec >"$log" 2>&1; then
    tail -40 "$log" >&2
    echo "build.sh: PyInstaller failed; the whole log is in $log" >&2
    exit 1
fi
# Libraries missing on this machine are left for the user's system to provide (the xcb ones
# come with every X11 desktop); worth a look when the bundle fails to start elsewhere. Only those
# of files that made it into the bundle count (not those of the plugins the spec leaves out).
missing=$(grep -o "could not resolve '[^']*', dependency of '[^']*'" "$log" | sort -u |
    while IFS="'" read -r _ lib _ user _; do
        [ -z "$(find dist -name "$(basename "$user")" -print -quit)" ] || echo "$lib"
    done | sort -u | tr '\n' ' ')
[ -z "$missing" ] || echo "not found on this machine, so not bundled: $missing"

bundle=dist/press-workbench
[ "$(uname -s)" != Darwin ] || bundle="dist/Press Workbench.app"
archive=$("$BIN/python" packaging/archive.py)

echo "bundle:  $bundle  $(du -sh "$bundle" | cut -f1)"
echo "archive: $archive  $(du -sh "$archive" | cut -f1)"
echo "build time: $((SECONDS - started)) s"
