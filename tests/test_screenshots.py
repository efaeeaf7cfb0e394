"""docs/make_screenshots.py makes the README's five screenshots from the real window: each a
PNG of the expected size with a real picture in it, and the caller's environment put back."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from workbench.i18n import current_language

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "docs" / "make_screenshots.py"


def load_script():
    spec = importlib.util.spec_from_file_location("make_screenshots", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def colours(image: QImage) -> int:
    """How many distinct colours the pixels of ``image`` have."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)  # alive while its pixels are read
    return len(set(memoryview(bytes(rgb.constBits())).cast("I")))


def test_the_five_views_are_written_as_real_pictures(qapp, tmp_path, capsys):
    script = load_script()
    environment, language = dict(os.environ), current_language()

    assert script.main(["--out", str(tmp_path)]) == 0

    names = [view.__name__ for view in script.VIEWS]
    assert names == ["editor", "archive", "people", "export", "bulletin"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{n}.png" for n in names)
    for name in names:
        path = tmp_path / f"{name}.png"
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert path.stat().st_size < 300_000, name
        image = QImage(str(path))
        assert not image.isNull(), name
        if name in ("export", "bulletin"):  # a dialog, at its own height
            assert image.width() == script.DIALOG_WIDTH and 250 < image.height() < 800, name
        else:
            assert (image.width(), image.height()) == script.WINDOW_SIZE, name
        assert colours(image) > 50, f"{name}.png looks blank"
    assert "5 screenshots" in capsys.readouterr().out
    assert dict(os.environ) == environment and current_language() == language
