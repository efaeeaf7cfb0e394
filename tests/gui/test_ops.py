"""Background jobs: the real database thread, and the synchronous test double."""

from __future__ import annotations

import sqlite3
import threading

import pytest

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
