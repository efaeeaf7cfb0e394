"""Working on another archive: File → Open archive… and File → Recent archives.

Switching opens a new main window on the other archive (its own database thread, its own undo
history) and closes this one, which finishes its queued jobs and closes its connection. Windows
opened this way have no parent, so they are held here until they close.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QWidget

from workbench.i18n import _
from workbench.settings import load_settings, save_settings

ARCHIVE_FILES = "*.sqlite3 *.sqlite *.db"
_open_windows: set[QMainWindow] = set()


def remember_archive(path: Path) -> None:
    """Put ``path`` first in the user's recent archives."""
    settings = load_settings()
    settings.remember_archive(path)
    save_settings(settings)


def keep_alive(window: QMainWindow) -> None:
    """Hold a reference to a window opened without a parent (until ``release``)."""
    _open_windows.add(window)


def release(window: QMainWindow) -> None:
    """Let go of a window kept alive, once the event that closed it is over."""
    if window in _open_windows:
        QTimer.singleShot(0, lambda: _open_windows.discard(window))


def choose_archive(parent: QWidget, current: Path) -> Path | None:
    """Ask for an archive file to open (a new name creates one)."""
    chosen, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Open archive"),
        str(current.parent),
        _("Archives ({patterns});;All files (*)").format(patterns=ARCHIVE_FILES),
    )
    return Path(chosen) if chosen else None


class RecentArchivesMenu(QMenu):
    """The archives opened lately, newest first; the current one is checked."""

    def __init__(self, window, parent: QWidget | None = None) -> None:
        super().__init__(_("Recent &archives"), parent)
        self.setObjectName("menu_recent_archives")
        self.setToolTipsVisible(True)
        self._window = window
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        """Read the list again from the user settings."""
        self.clear()
        current = str(Path(self._window.archive).resolve())
        recent = load_settings().recent_archives
        for entry in recent:
            action = QAction(Path(entry).name, self)
            action.setToolTip(entry)
            action.setStatusTip(entry)
            action.setData(entry)
            action.setCheckable(True)
            action.setChecked(entry == current)
            action.triggered.connect(
                lambda _checked=False, e=entry: self._window.switch_archive(Path(e))
            )
            self.addAction(action)
        if not recent:
            empty = self.addAction(_("(none yet)"))
            empty.setEnabled(False)
