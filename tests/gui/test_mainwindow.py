"""The main window, opened offscreen."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from workbench import __version__
from workbench.gui.mainwindow import MainWindow, about_text

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, tmp_path):
    win = MainWindow(tmp_path / "archive.sqlite3")
    qtbot.addWidget(win)
    win.show()
    return win


def test_title_menus_and_status_bar(window, tmp_path):
    assert window.windowTitle() == "Press Workbench"
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["File", "Edit", "View", "Help"]
    status = window.statusBar().findChild(type(window._archive_label), "archive_label")
    assert str(tmp_path / "archive.sqlite3") in status.text()


def test_standard_shortcuts(window):
    shortcuts = {
        a.text().replace("&", ""): a.shortcut().toString()
        for menu in window.menuBar().findChildren(type(window.view_menu))
        for a in menu.actions()
    }
    assert shortcuts["Undo"] == "Ctrl+Z"
    assert shortcuts["Redo"] == "Ctrl+Shift+Z"
    assert shortcuts["Paste as new report"] == "Ctrl+Shift+V"
    assert shortcuts["Quit"] == "Ctrl+Q"
    assert shortcuts["Find in report…"] == "Ctrl+F"


def test_about_box_shows_the_version(window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, title, text: shown.append(text))
    window.show_about()
    assert shown and __version__ in shown[0]
    assert __version__ in about_text()


def test_the_status_bar_says_the_archive_is_opening_until_it_is_open(qtbot, tmp_path):
    """With the real database thread: the first open of a day checks and backs the archive up
    before any job runs; the window says so meanwhile."""
    window = MainWindow(tmp_path / "archive.sqlite3")  # the real DbRunner
    qtbot.addWidget(window)
    assert window.statusBar().currentMessage() == "Opening the archive…"
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "", timeout=10_000)
    window.close()
