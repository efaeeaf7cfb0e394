"""The day's check of the whole archive and its backup, beside the editor's work.

The window opens its archive with the quick check only (``open_archive(daily=False)``), so
the first open of a day is as fast as any other. Once it is open, a thread of its own with a
connection of its own runs ``services.archive.DailyCheck``: the full integrity check (18 s at
4.9 GB, 100,000 reports) and the copy, while the editor searches and edits. The status bar
says so meanwhile; damage found is shown once, naming the newest backup, and so is a backup
that could not be written. Closing the window stops the check or the copy at once.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QStatusBar

from workbench.core.errors import Cancelled
from workbench.gui.ops import Op, RunnerFactory
from workbench.i18n import _
from workbench.services.archive import DailyCheck


class DailyCheckRun(QObject):
    """Starts the check once, shows that it runs, reports damage or a failed backup through
    ``failed``."""

    failed = Signal(str)  # the archive is damaged, or the backup could not be written

    def __init__(self, archive: Path, runner_factory: RunnerFactory, status: QStatusBar) -> None:
        super().__init__(status)
        self._check = DailyCheck(archive)
        self._runner_factory = runner_factory
        self._runner = None
        self._running = False
        self._stopped = False  # the window is closing: its widgets may be gone
        self._label = QLabel(_("Checking the archive and backing it up (once a day)…"), status)
        self._label.setObjectName("daily_check_label")
        self._label.hide()
        status.addWidget(self._label)

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        """Check and back up unless done today (at most once per window, never once it is
        closing)."""
        if self._runner is not None or self._stopped:
            return
        self._runner = self._runner_factory(lambda: None)
        Op(self._runner, lambda _nothing: self._check.due()).success(self._begin).run()

    def _begin(self, due: bool) -> None:
        """Show the label and run the check, when today's backup is still to be taken (the
        backups folder is looked at on the check's thread, not this one)."""
        if not due or self._stopped or self._runner is None:
            return
        self._running = True
        self._label.show()
        Op(self._runner, lambda _nothing: self._check.run()).success(self._done).failure(
            self._failed
        ).run()

    def stop(self) -> None:
        """Stop checking or copying (nothing is left of a copy cut short); the thread ends."""
        self._stopped = True
        self._check.stop()
        if self._runner is not None:
            self._runner.stop(timeout=1.0)

    def _done(self, _ran: bool) -> None:
        self._running = False
        if not self._stopped:
            self._label.hide()

    def _failed(self, error: BaseException) -> None:
        self._running = False
        if not self._stopped:
            self._label.hide()
            if not isinstance(error, Cancelled):
                self.failed.emit(str(error))
