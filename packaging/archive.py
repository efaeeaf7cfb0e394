"""Pack the built bundle into the archive editors download, named for the platform.

python packaging/archive.py        # after PyInstaller; prints the archive's path

Linux    dist/press-workbench-VERSION-linux-ARCH.tar.gz    (links and modes kept)
macOS    dist/press-workbench-VERSION-macos-ARCH.zip       (ditto: keeps the .app intact)
Windows  dist/press-workbench-VERSION-windows-x64.zip
"""

from __future__ import annotations

import platform
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"


def version() -> str:
    """``__version__`` of workbench/__init__.py, read without importing the package."""
    text = (ROOT / "workbench" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__ = "([^"]+)"', text, re.M).group(1)


def machine() -> str:
    """The CPU architecture as the archive names it: x86_64, arm64; Windows: x64, arm64."""
    arch = platform.machine().lower()
    if sys.platform == "win32":
        return "arm64" if arch in ("arm64", "aarch64") else "x64"
    return {"amd64": "x86_64", "aarch64": "arm64"}.get(arch, arch)


def make_archive() -> Path:
    """Write this platform's archive of the bundle in dist/ and return its path."""
    stem = f"press-workbench-{version()}"
    if sys.platform == "darwin":
        bundle = DIST / "Press Workbench.app"
        archive = DIST / f"{stem}-macos-{machine()}.zip"
        archive.unlink(missing_ok=True)
        subprocess.run(["ditto", "-c", "-k", "--keepParent", bundle, archive], check=True)
        return archive
    bundle = DIST / "press-workbench"
    if not bundle.is_dir():
        raise FileNotFoundError(f"no bundle at {bundle}: build it first")
    if sys.platform == "win32":
        archive = DIST / f"{stem}-windows-{machine()}.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(bundle.rglob("*")):
                zf.write(path, path.relative_to(DIST))
        return archive
    archive = DIST / f"{stem}-linux-{machine()}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tf:
        tf.add(bundle, arcname=bundle.name)
    return archive


def main() -> int:
    archive = make_archive()
    print(archive.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
