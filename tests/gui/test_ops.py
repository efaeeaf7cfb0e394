"""Background jobs: the real database thread, and the synchronous test double."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from workbench.core.errors import ArchiveError
from workbench.gui.ops import Cancelled, DbRunner, Op, Progress, SyncRunner

pytestmark = pytest.mark.gui


def connect_memory() -> sqlite3.Connection:
    return sqlite3.connect(":memory:")


def test_jobs_run_in_order_on_one_thread_and_results_arrive_on_the_gui_thread(qtbot):
    runner = DbRunner(connect_memory)
    threads, results = set(), []
    gui_thread = threading.get_ident()

    def job(n):
        def run(db):
            threads.add(threading.get_ident())
            return db.execute("select ?", (n,)).fetchone()[0]

        return run

    callback_threads = []
    for n in range(5):
        Op(runner, job(n)).success(
            lambda r: (results.append(r), callback_threads.append(threading.get_ident()))
        ).run()
    qtbot.waitUntil(lambda: len(results) == 5, timeout=3000)
    runner.stop()
    assert results == [0, 1, 2, 3, 4]
    assert len(threads) == 1 and gui_thread not in threads
    assert set(callback_threads) == {gui_thread}


def test_a_failing_job_reaches_the_failure_callback_and_the_thread_goes_on(qtbot):
    runner = DbRunner(connect_memory)
    errors, results = [], []
    Op(runner, lambda db: db.execute("select * from nowhere")).failure(errors.append).run()
    Op(runner, lambda db: 42).success(results.append).run()
    qtbot.waitUntil(lambda: results == [42], timeout=3000)
    runner.stop()
    assert len(errors) == 1 and isinstance(errors[0], sqlite3.OperationalError)


class Witness:
    """Notes the thread it is finalised on."""

    def __init__(self, threads: list[int]) -> None:
        self._threads = threads

    def __del__(self) -> None:
        self._threads.append(threading.get_ident())


@pytest.mark.parametrize("outcome", ["success", "failure"])
def test_what_a_job_and_its_callback_hold_dies_on_the_gui_thread(qtbot, outcome):
    """A callback may hold the last reference to a widget: a widget destroyed off the GUI
    thread crashes the interpreter. The database thread lets go of its references before
    handing the outcome over."""
    runner = DbRunner(connect_memory)
    finalised: list[int] = []
    done: list[object] = []

    def submit() -> None:
        in_job, in_callback = Witness(finalised), Witness(finalised)

        def job(db):
            in_job  # noqa: B018  (held by the job's closure, as a widget would be)
            if outcome == "failure":  # (an unexpected error is logged: the log keeps it)
                raise ArchiveError("refused")
            return 1

        def callback(value) -> None:
            in_callback  # noqa: B018
            done.append(value)

        Op(runner, job).success(callback).failure(callback).run()

    submit()
    qtbot.waitUntil(lambda: len(done) == 1, timeout=3000)
    Op(runner, lambda db: 2).success(done.append).run()  # the thread takes its next job
    qtbot.waitUntil(lambda: len(done) == 2, timeout=3000)
    runner.stop()
    assert finalised == [threading.get_ident()] * 2


def test_sync_runner_runs_at_once():
    runner = SyncRunner(connect_memory)
    results = []
    Op(runner, lambda db: db.execute("select 7").fetchone()[0]).success(results.append).run()
    assert results == [7]


def test_progress_reports_and_cancels():
    seen = []
    progress = Progress(on_change=lambda done, total, label: seen.append((done, total)))
    progress.report(1, 3)
    progress.cancel()
    with pytest.raises(Cancelled):
        progress.report(2, 3)
    assert seen == [(1, 3)]
