"""The main window, opened offscreen."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox, QStatusBar

from workbench import __version__
from workbench.gui.daily_check import DailyCheckRun
from workbench.gui.mainwindow import MainWindow, about_text
from workbench.gui.ops import SyncRunner
from workbench.services import archive as archive_service
from workbench.storage import backups

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
    """With the real database thread: the window says so until the archive is open."""
    window = MainWindow(tmp_path / "archive.sqlite3")  # the real DbRunner
    qtbot.addWidget(window)
    assert window.statusBar().currentMessage() == "Opening the archive…"
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "", timeout=10_000)
    window.close()


def test_the_days_check_runs_beside_the_work_and_reports_damage_once(
    qtbot, tmp_path, messages, monkeypatch
):
    """With the real threads: the window opens without the day's check, which runs on a
    thread of its own and backs the archive up; on a big damaged archive (no check on open)
    it says so once, naming the newest backup."""
    path = tmp_path / "archive.sqlite3"
    window = MainWindow(path)
    qtbot.addWidget(window)
    label = window.statusBar().findChild(QLabel, "daily_check_label")
    qtbot.waitUntil(lambda: backups.list_backups(path) != [], timeout=10_000)
    qtbot.waitUntil(lambda: not window.daily_check.running, timeout=10_000)
    assert label.text() == "Checking the archive and backing it up (once a day)…"
    window.close()
    assert [p.name.endswith("-daily.sqlite3") for p in backups.list_backups(path)] == [True]

    monkeypatch.setattr(archive_service, "QUICK_CHECK_MAX_BYTES", 1000)
    yesterday = backups.list_backups(path)[0].rename(
        backups.list_backups(path)[0].with_name(f"{path.name}-20000101-000000-daily.sqlite3")
    )
    pages = path.stat().st_size // 4096
    with path.open("r+b") as handle:  # pages in the middle: the open does not read them
        handle.seek(pages // 2 * 4096)
        handle.write(b"\xff" * 3 * 4096)
    damaged = MainWindow(path)
    qtbot.addWidget(damaged)
    with qtbot.waitSignal(damaged.daily_check.failed, timeout=10_000) as said:
        pass
    assert "damaged" in said.args[0] and str(yesterday) in said.args[0]
    qtbot.waitUntil(lambda: any(said.args[0] == text for _title, text in messages))
    assert not damaged.daily_check.running
    assert backups.list_backups(path) == [yesterday]  # no backup of the damaged file
    damaged.close()


def test_a_days_check_asked_for_after_the_window_closed_does_not_start(qtbot, tmp_path):
    """The archive opened after the window closed (its open job queued first): no check."""
    path = tmp_path / "archive.sqlite3"
    archive_service.open_archive(path, daily=False).close()
    status = QStatusBar()
    qtbot.addWidget(status)
    check = DailyCheckRun(path, SyncRunner, status)
    check.stop()
    check.start()
    assert not check.running and backups.list_backups(path) == []
    again = DailyCheckRun(path, SyncRunner, status)
    again.start()  # due: runs at once on the SyncRunner
    assert not again.running and len(backups.list_backups(path)) == 1
    again.start()
    assert len(backups.list_backups(path)) == 1
