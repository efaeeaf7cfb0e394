"""Starting the window: time to a usable window and its memory, against a bare QMainWindow.

Each start is a fresh Python process (the files it reads are in the OS cache: a "cold" start of
the program, not of the machine). The child reports when the window is usable: shown, its
archive open on the database thread and the archive browser's first list of reports shown.
The baseline child imports PySide6 and shows an empty ``QMainWindow``, timed the same way,
in the same run. Memory is the child's resident set (VmRSS) at that moment. Prints JSON.

    .venv/bin/python benchmarks/gui_start_bench.py [--archive FILE] [--rounds N]

Without ``--archive``, each start gets a new empty archive (the first-run path). A given
archive is only read: the child opens it without the daily backup and integrity check, whose
cost grows with the file and is not the window's (the benchmark archives are 0.5-5 GB).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The child: ``argv[1]`` is "bare" or an archive path. It prints one JSON line.
CHILD = r"""
import json, os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"

def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0

def report(app):
    print(json.dumps({"ready": time.time(), "rss_mb": rss_mb()}), flush=True)
    app.quit()

if sys.argv[1] == "bare":
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication([])
    window = QMainWindow()
    window.resize(1280, 820)
    window.show()
    QTimer.singleShot(0, lambda: report(app))
    app.exec()
else:
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from workbench.gui.app import create_application
    from workbench.gui.mainwindow import MainWindow
    from workbench.gui.ops import DbRunner
    from workbench.services.archive import open_archive
    app = create_application([])
    archive = Path(sys.argv[1])
    def unmaintained(_open):
        return DbRunner(lambda: open_archive(archive, maintain=False))

    window = MainWindow(archive, runner_factory=unmaintained, daily_check=False)
    window.show()
    model = window.browser.model

    def poll():
        if model.query is not None and not model.busy:
            report(app)
        else:
            QTimer.singleShot(5, poll)

    poll()
    app.exec()
    window.close()
"""


def start_once(target: str) -> dict[str, float]:
    """Start one child on ``target``; milliseconds to usable and its resident memory."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WORKBENCH_LANG="vi")
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, target], capture_output=True, text=True, env=env, check=True
    ).stdout
    figures = json.loads(out.strip().splitlines()[-1])
    return {"ms": 1000 * (figures["ready"] - started), "rss_mb": figures["rss_mb"]}


def measure(archive: Path | None, rounds: int) -> dict[str, object]:
    """Median of ``rounds`` starts of each kind, alternated so both see the same machine."""
    ours, bare = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(rounds):
            target = archive or Path(tmp) / f"new-{n}.sqlite3"
            ours.append(start_once(str(target)))
            bare.append(start_once("bare"))

    def median(runs: list[dict[str, float]], key: str) -> float:
        return round(statistics.median(run[key] for run in runs), 1)

    return {
        "archive": str(archive) if archive else "(new, empty)",
        "rounds": rounds,
        "start_ms": median(ours, "ms"),
        "bare_start_ms": median(bare, "ms"),
        "rss_mb": median(ours, "rss_mb"),
        "bare_rss_mb": median(bare, "rss_mb"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--archive", type=Path, help="an archive to open (only read)")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    print(json.dumps(measure(args.archive, args.rounds), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
