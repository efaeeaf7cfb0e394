"""The longest stall of the GUI's event loop while the window imports a batch of files.

Opens the real main window (offscreen) on a fresh archive with the real database thread,
imports N report files (corpus texts, each made unique), and records the gaps between the
ticks of a 10 ms timer on the GUI thread until the import's summary arrives. Prints JSON.
Run: ``.venv/bin/python benchmarks/gui_import_bench.py [--files 300]``.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from corpus_files import make_files
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from workbench.gui.app import create_application
from workbench.gui.mainwindow import MainWindow


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=300)
    args = parser.parse_args()
    app = create_application([])
    QMessageBox.information = lambda *a, **k: None  # the summary box would wait for a click
    with tempfile.TemporaryDirectory() as tmp:
        files = make_files(Path(tmp), args.files)
        window = MainWindow(Path(tmp) / "archive.sqlite3")
        window.show()
        gaps: list[float] = []
        last = [time.perf_counter()]
        done: list[object] = []

        def tick() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.timeout.connect(tick)
        timer.start(10)
        window.imports.finished.connect(done.append)
        started = time.perf_counter()
        window.imports.import_paths(files)
        while not done:
            app.processEvents()
            time.sleep(0.001)
        elapsed = time.perf_counter() - started
        timer.stop()
        summary = done[0]
        window.close()
    print(
        json.dumps(
            {
                "benchmark": "gui_import",
                "files": args.files,
                "imported": len(summary.imported),
                "seconds": round(elapsed, 2),
                "files_per_second": round(args.files / elapsed, 1),
                "ticks": len(gaps),
                "longest_stall_ms": round(max(gaps) * 1000, 1),
                "p99_gap_ms": round(sorted(gaps)[int(len(gaps) * 0.99)] * 1000, 1),
            },
            indent=1,
        )
    )
    QApplication.quit()


if __name__ == "__main__":
    main()
