"""Background work for the window: one database thread, results back on the GUI thread.

``Op(parent, fn).success(cb).failure(cb).run()`` queues ``fn(db)`` on the single database
thread, which opens its own connection (SQLite connections belong to one thread) and runs jobs
in order. ``success(result)`` and ``failure(error)`` run later on the GUI thread; nothing here
touches a widget from the worker. Long jobs get a ``Progress`` they report to and check for
cancellation. Tests swap in ``SyncRunner``, which runs each job at once on the calling thread.

Modelled on Anki's CollectionOp/QueryOp and its single-worker task manager.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from workbench.core.errors import Cancelled, WorkbenchError

log = logging.getLogger(__name__)


@dataclass
class Progress:
    """Shared by a job (which reports) and the GUI (which shows it and may cancel)."""

    on_change: Callable[[int, int, str], None] = lambda done, total, label: None
    _cancel: threading.Event = field(default_factory=threading.Event)

    def report(self, done: int, total: int, label: str = "") -> None:
        """Tell the GUI how far the job is; raises Cancelled once the user cancelled."""
        self.check()
        self.on_change(done, total, label)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise Cancelled if the user asked to stop."""
        if self._cancel.is_set():
            raise Cancelled("Cancelled.")


Job = Callable[[Any], Any]


class _Bridge(QObject):
    """Lives on the GUI thread; a signal emitted from the worker reaches it queued."""

    finished = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.finished.connect(self._on_finished)

    def _on_finished(self, box: list) -> None:
        callback, value, _job = box.pop()  # the last references, released on this thread
        callback(value)


class DbRunner:
    """Runs jobs one after another on a dedicated thread that owns the database connection."""

    def __init__(self, connect: Callable[[], Any]) -> None:
        self._connect = connect
        self._jobs: queue.Queue[
            tuple[Job, Callable[[Any], None], Callable[[BaseException], None]] | None
        ] = queue.Queue()
        self._bridge = _Bridge()
        self._thread = threading.Thread(target=self._loop, name="workbench-db", daemon=True)
        self._thread.start()

    def submit(
        self,
        job: Job,
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
    ) -> None:
        self._jobs.put((job, on_success, on_failure))

    def stop(self, timeout: float = 5.0) -> None:
        """Finish the queued jobs, close the connection and end the thread."""
        self._jobs.put(None)
        self._thread.join(timeout)

    def _loop(self) -> None:
        db = None
        while (box := [self._jobs.get()])[0] is not None:
            db = self._run(box, db)
            self._bridge.finished.emit(box)
        if db is not None and hasattr(db, "close"):
            db.close()

    def _run(self, box: list, db: Any) -> Any:
        """Run the job in ``box`` and leave there its outcome: the callback, its argument and
        the job. This thread keeps no other reference to them: a job or a callback may hold
        the last reference to a widget, which must not be destroyed off the GUI thread (it
        crashed the interpreter). Returns the connection, opened on first use."""
        job, on_success, on_failure = box[0]
        try:
            if db is None:
                db = self._connect()
            box[0] = (on_success, job(db), job)
        except BaseException as error:  # delivered to the GUI, never lost
            if not isinstance(error, WorkbenchError):
                log.exception("background job failed")
            box[0] = (on_failure, _without_frames(error), job)
        return db


def _without_frames(error: BaseException) -> BaseException:
    """``error`` and the errors it was raised from, their tracebacks dropped (logged already):
    a traceback keeps the job's frames alive, and with them what the job held."""
    seen: BaseException | None = error
    while seen is not None:
        seen.__traceback__ = None
        seen = seen.__cause__ or seen.__context__
    return error


class SyncRunner:
    """Runs each job at once on the calling thread: for tests and for the CLI-like paths."""

    def __init__(self, connect: Callable[[], Any]) -> None:
        self._connect = connect
        self._db = None

    def submit(
        self,
        job: Job,
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
    ) -> None:
        try:
            if self._db is None:
                self._db = self._connect()
            result = job(self._db)
        except Exception as error:
            on_failure(error)
        else:
            on_success(result)

    def stop(self, timeout: float = 0) -> None:
        if self._db is not None and hasattr(self._db, "close"):
            self._db.close()
        self._db = None


Runner = DbRunner | SyncRunner
RunnerFactory = Callable[[Callable[[], Any]], Runner]


class Op:
    """A job for the database thread, with callbacks on the GUI thread."""

    def __init__(self, runner: Runner, job: Job) -> None:
        self._runner = runner
        self._job = job
        self._on_success: Callable[[Any], None] = lambda result: None
        self._on_failure: Callable[[BaseException], None] | None = None

    def success(self, callback: Callable[[Any], None]) -> Op:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op:
        self._on_failure = callback
        return self

    def run(self) -> None:
        on_failure = self._on_failure or _log_failure
        self._runner.submit(self._job, self._on_success, on_failure)


def _log_failure(error: BaseException) -> None:
    log.error("background job failed without a failure handler: %s", error)
