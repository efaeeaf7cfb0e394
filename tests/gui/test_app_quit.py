"""run_gui quits by itself after $WORKBENCH_QUIT_AFTER_MS, as the bundle smoke test relies on."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from workbench.gui.app import QUIT_AFTER_ENV, run_gui
from workbench.gui.mainwindow import MainWindow

pytestmark = pytest.mark.gui

SAFETY_EXIT = 3  # the exit code of the test's own timer: run_gui did not quit by itself


def _run(qapp, archive, safety_ms: int) -> tuple[int, float, list[MainWindow]]:
    """Run the GUI until it quits or a safety timer ends the loop with SAFETY_EXIT.

    Returns the exit code, the seconds the loop ran and the main windows shown while it ran
    (held here, so they outlive run_gui).
    """
    shown: list[MainWindow] = []

    def look() -> None:
        shown.extend(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )

    QTimer.singleShot(0, look)
    QTimer.singleShot(safety_ms, lambda: qapp.exit(SAFETY_EXIT))
    start = time.monotonic()
    code = run_gui(archive)
    elapsed = time.monotonic() - start
    for window in shown:
        window.close()
        window.deleteLater()
    return code, elapsed, shown


def test_quits_after_the_delay_with_exit_code_0(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv(QUIT_AFTER_ENV, "200")
    code, elapsed, shown = _run(qapp, tmp_path / "archive.sqlite3", safety_ms=20_000)
    assert code == 0
    assert 0.15 <= elapsed < 20
    assert [w.archive for w in shown] == [tmp_path / "archive.sqlite3"]
    assert not shown[0].isVisible()  # quitting closed the window, as the Quit action does


@pytest.mark.parametrize("value", ["", "soon", "-5", "1.5", "²"])
def test_other_values_leave_the_window_open(qapp, tmp_path, monkeypatch, value):
    monkeypatch.setenv(QUIT_AFTER_ENV, value)
    code, _elapsed, shown = _run(qapp, tmp_path / "archive.sqlite3", safety_ms=300)
    assert code == SAFETY_EXIT
    assert len(shown) == 1


def test_a_first_start_with_no_data_folder_creates_the_default_archive(tmp_path):
    """`make run` on a fresh machine: `workbench` with no arguments, no per-user data folder
    yet. The window opens on the default archive, which is created with its folder."""
    env = dict(
        os.environ,
        XDG_DATA_HOME=str(tmp_path / "data"),  # does not exist
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        QT_QPA_PLATFORM="offscreen",
        WORKBENCH_QUIT_AFTER_MS="1000",
    )
    env.pop("WORKBENCH_ARCHIVE", None)
    done = subprocess.run(
        [sys.executable, "-m", "workbench"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert (tmp_path / "data" / "press-workbench" / "archive.sqlite3").is_file()
    assert "failed" not in done.stderr
