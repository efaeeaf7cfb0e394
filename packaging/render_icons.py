"""Render resources/icons/press-workbench.svg to the PNGs the app bundles and desktops use.

    .venv/bin/python packaging/render_icons.py          # rewrite the PNGs
    .venv/bin/python packaging/render_icons.py --check  # exit 1 if a PNG is missing or stale

Uses QSvgRenderer (QtSvg ships in PySide6-Essentials), offscreen, so it runs without a display.
The PNGs are committed: the build and the app never need QtSvg at run time.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICONS / "press-workbench.svg"
SIZES = (16, 32, 48, 64, 128, 256)


def png_path(size: int) -> Path:
    """Where the PNG of one size lives, e.g. resources/icons/press-workbench-16.png."""
    return ICONS / f"press-workbench-{size}.png"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    """The icon at ``size`` x ``size`` pixels on a transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    """The image encoded as PNG (deterministic: Qt writes no timestamp)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data)


def main(argv: list[str] | None = None) -> int:
    """Write (or with --check, compare) every PNG; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the PNGs are current")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"render_icons: {SOURCE} is not a valid SVG", file=sys.stderr)
        return 1
    stale = []
    for size in SIZES:
        path = png_path(size)
        # Compare decoded pixels, not bytes: a different zlib may encode the same image otherwise.
        image = render(renderer, size)
        if args.check:
            if not path.is_file() or QImage(str(path)).convertToFormat(image.format()) != image:
                stale.append(path.name)
            continue
        path.write_bytes(png_bytes(image))
        print(f"{path.relative_to(ICONS.parent.parent)}  {size}x{size}")
    if stale:
        print("render_icons: stale or missing: " + ", ".join(stale), file=sys.stderr)
        print("run: .venv/bin/python packaging/render_icons.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
