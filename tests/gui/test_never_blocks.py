"""Imports run on the database thread: the GUI's event loop keeps turning meanwhile.

(How long the loop may stall is a figure, measured by benchmarks/gui_import_bench.py.)
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer

from tests.gui.conftest import RAW
from workbench.gui.mainwindow import MainWindow
from workbench.services import importing

pytestmark = pytest.mark.gui


def test_the_event_loop_turns_while_a_batch_imports(qtbot, tmp_path, messages, monkeypatch):
    text = (RAW / "000.txt").read_text(encoding="utf-8")
    files = []
    for index in range(12):
        path = tmp_path / f"{index}.txt"
        path.write_text(text + f"\n\nBản số {index}.\n", encoding="utf-8")
        files.append(path)
    gui_thread = threading.get_ident()
    import_threads, ticks_during = set(), []
    importing_now = threading.Event()
    real_read = importing.read_report

    def read_and_note(path):
        import_threads.add(threading.get_ident())
        importing_now.set()
        return real_read(path)

    monkeypatch.setattr(importing, "read_report", read_and_note)
    window = MainWindow(tmp_path / "archive.sqlite3")  # the real database thread
    qtbot.addWidget(window)
    timer = QTimer()
    timer.timeout.connect(lambda: importing_now.is_set() and ticks_during.append(1))
    timer.start(1)
    with qtbot.waitSignal(window.imports.finished, timeout=60_000) as finished:
        window.imports.import_paths(files)
    timer.stop()
    assert len(finished.args[0].imported) == 12
    assert gui_thread not in import_threads and len(import_threads) == 1
    assert ticks_during, "the GUI thread did not run while the import was under way"
