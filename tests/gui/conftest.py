"""GUI test fixtures: the real window on a real archive file, jobs run synchronously."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from workbench.gui.mainwindow import MainWindow
from workbench.gui.ops import SyncRunner

RAW = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "raw"


@pytest.fixture
def messages(monkeypatch) -> list[tuple[str, str]]:
    """Message boxes are recorded instead of shown: (title, text) in order."""
    shown: list[tuple[str, str]] = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(
            QMessageBox, name, lambda _parent, title, text, *args, **kw: shown.append((title, text))
        )
    return shown


@pytest.fixture
def open_window(qtbot, tmp_path, messages):
    """``open_window()`` opens the main window on ``tmp_path/archive.sqlite3`` (again).

    Each test starts from the default window layout: the one an earlier test's window saved
    when it closed (docks moved, hidden or raised) is forgotten first.
    """
    QSettings().remove("window")

    def make(archive: Path | None = None) -> MainWindow:
        window = MainWindow(archive or tmp_path / "archive.sqlite3", runner_factory=SyncRunner)
        qtbot.addWidget(window)
        window.show()
        return window

    return make


@pytest.fixture
def corpus_window(open_window):
    """The window on an archive holding every report of the corpus (15, 000 is id 1)."""
    window = open_window()
    window.imports.import_paths(sorted(RAW.glob("*.txt")))
    return window
