"""Tidying the search index while the window is idle (``services.tidying``).

A couple of seconds after the window opens or reports are stored, the tidier asks whether
the index has piled up segments; if so it merges them one short step at a time, each step a
job of its own on the database thread, so an editor's search waits for one step at most.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from workbench.gui.ops import Op, Runner
from workbench.services.tidying import index_untidy, tidy_index_step

IDLE_MS = 2000  # after the last change, before looking
STEP_GAP_MS = 20  # between steps: room for whatever the editor asks meanwhile


class IndexTidier(QObject):
    """Looks once things are quiet; merges step by step while there is work."""

    def __init__(self, runner: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._working = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(IDLE_MS)
        self._timer.timeout.connect(self._look)

    def schedule(self) -> None:
        """Look again once ``IDLE_MS`` pass without another call."""
        if not self._working:
            self._timer.start()

    def _look(self) -> None:
        Op(self._runner, index_untidy).success(self._start_if).run()

    def _start_if(self, untidy: bool) -> None:
        if untidy and not self._working:
            self._working = True
            self._step()

    def _step(self) -> None:
        Op(self._runner, tidy_index_step).success(self._stepped).failure(self._stop).run()

    def _stepped(self, more: bool) -> None:
        if more:
            QTimer.singleShot(STEP_GAP_MS, self, self._step)
        else:
            self._working = False

    def _stop(self, _error: BaseException) -> None:
        self._working = False  # a locked or read-only archive: try again after the next change
