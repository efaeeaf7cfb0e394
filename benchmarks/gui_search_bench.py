"""Search as you type in the real window on a big archive: the longest stall of the GUI thread.

Opens the real main window (offscreen) with the real database thread on an archive, types a
three-word query into the archive browser the way an editor does (a key every 120 ms, a
pause after each word, so the debounced search runs while typing), waits for the results,
then scrolls the list to the end three times (each fetches the next page on the database
thread). A 10 ms timer on the GUI thread records the gaps between its ticks all along: the
longest gap is the longest time the window could not repaint or take a key. Prints JSON.

    .venv/bin/python benchmarks/gui_search_bench.py                 # builds 2,000 reports
    .venv/bin/python benchmarks/gui_search_bench.py /tmp/bench100k.sqlite

Without a path, an archive of ``--reports`` reports is built first in a temporary folder
from the corpus texts (``../shared/corpus/raw``: the sentences of one report plus some of
others, shuffled; event dates spread over ten years; ten sources; two or three people of the
corpus annotations each) through ``services.archive.store_report``. A given archive is only
read (search, listing, the people directory).

Measured here (2 shared cores, offscreen, another engineer's 100,000-report build running on
the same machine): see the figures the lead records with the commit.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("WORKBENCH_LANG", "en")

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from workbench.core.models import Analysis, Person, Report, place_blocks
from workbench.gui.app import create_application
from workbench.gui.mainwindow import MainWindow
from workbench.gui.ops import DbRunner
from workbench.services.archive import open_archive, store_report

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
SENTENCE = re.compile(r"(?<=[.!?;])\s+")
KEY_MS = 120  # between two keys
WORD_PAUSE_MS = 400  # after a word: longer than the debounce, so the search runs
TICK_MS = 10


# -- the archive ----------------------------------------------------------------------------------
def corpus() -> tuple[list[list[str]], list[Person]]:
    texts = []
    for path in sorted((CORPUS / "raw").glob("*.txt")):
        flat = " ".join(path.read_text(encoding="utf-8").split())
        texts.append([s for s in SENTENCE.split(flat) if len(s) > 20])
    people = []
    for path in sorted((CORPUS / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for entry in gold["speakers"] + gold["attendees_only"]:
            people.append(Person(entry["name"], entry["titles"], "speaker"))
    return texts, people


def make_report(rng: random.Random, texts: list[list[str]], people: list[Person]) -> Report:
    sentences = list(rng.choice(texts))
    sentences += rng.sample([s for text in rng.sample(texts, 3) for s in text], 15)
    rng.shuffle(sentences)
    sentences.insert(0, f"Hồ sơ HS{rng.randrange(100000):05d}.")
    paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
    day = date(2016, 1, 1) + timedelta(days=rng.randrange(3650))
    return Report(
        title=sentences[1][:120],
        blocks=place_blocks([("paragraph", p) for p in paragraphs]),
        published_at=f"{day.isoformat()}T08:00",
        event_date=day.isoformat(),
        source=f"bao{rng.randrange(10)}.vn",
        original="\n\n".join(paragraphs).encode("utf-8"),
        analysis=Analysis(people=rng.sample(people, rng.choice((2, 3)))),
    )


def build(path: Path, count: int, seed: int) -> float:
    """Store ``count`` reports at ``path``; the seconds it took."""
    texts, people = corpus()
    rng = random.Random(seed)
    db = open_archive(path)
    started = time.perf_counter()
    for _ in range(count):
        store_report(db, make_report(rng, texts, people))
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return time.perf_counter() - started


# -- the measurement ------------------------------------------------------------------------------
class Ticks:
    """Gaps between the ticks of a 10 ms timer on the GUI thread."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(1000 * (now - self._last))
        self._last = now


def wait_until(condition, timeout_s: float = 120.0) -> bool:
    """Run the event loop until ``condition()`` holds (or the timeout)."""
    loop = QEventLoop()
    check = QTimer()
    check.setInterval(5)
    check.timeout.connect(lambda: condition() and loop.quit())
    check.start()
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    if not condition():
        loop.exec()
    check.stop()
    return condition()


def type_slowly(widget, text: str) -> list[float]:
    """Type ``text`` key by key, each key on a precise timer started after the one before
    (the event loop runs between keys; a space comes after a word's pause); the key times."""
    times: list[float] = []
    timer = QTimer()
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)

    def press() -> None:
        index = len(times)
        QTest.keyClicks(widget, text[index])
        times.append(time.perf_counter())
        if index + 1 < len(text):
            timer.start(WORD_PAUSE_MS if text[index + 1] == " " else KEY_MS)

    timer.timeout.connect(press)
    timer.start(KEY_MS)
    wait_until(lambda: len(times) == len(text))
    return times


def measure(archive: Path, query: str, pages: int) -> dict[str, object]:
    # The archive is only read: opened without the daily backup and integrity check, whose cost
    # grows with the file (a 4.9 GB copy at 100,000 reports) and is not the search's.
    def unmaintained(_open):
        return DbRunner(lambda: open_archive(archive, maintain=False))

    window = MainWindow(archive, runner_factory=unmaintained, daily_check=False)
    window.show()
    browser = window.browser
    model = browser.model
    opened = time.perf_counter()
    wait_until(lambda: model.query is not None and not model.busy)
    ready_s = time.perf_counter() - opened
    arrivals: list[tuple[str, float]] = []
    model.loaded.connect(lambda: arrivals.append((model.query.text, time.perf_counter())))
    ticks = Ticks()
    ticks.start()
    keys = type_slowly(browser.search_box, query)
    wait_until(lambda: any(text == query for text, _t in arrivals))
    final = next(t for text, t in arrivals if text == query)
    fetched = []
    for _ in range(pages):
        rows = model.rowCount()
        if not model.canFetchMore():
            break
        started = time.perf_counter()
        browser.view.scrollToBottom()
        wait_until(lambda r=rows: model.rowCount() > r)
        fetched.append(1000 * (time.perf_counter() - started))
    ticks.stop()
    gaps = sorted(ticks.gaps)
    figures = {
        "query": query,
        "first_list_s": round(ready_s, 2),
        "queries_run_while_typing": [text for text, _t in arrivals],
        "results": model.total,
        "rows_loaded": model.rowCount(),
        "last_key_to_results_ms": round(1000 * (final - keys[-1]), 1),
        "page_fetch_ms": [round(ms, 1) for ms in fetched],
        "ticks": len(gaps),
        "longest_stall_ms": round(gaps[-1], 1),
        "p99_gap_ms": round(gaps[int(0.99 * (len(gaps) - 1))], 1),
        "median_gap_ms": round(statistics.median(gaps), 1),
        "gaps_over_50_ms": sum(1 for gap in gaps if gap > 50),
    }
    window.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("archive", nargs="?", type=Path, help="an archive to search (read only)")
    parser.add_argument("--reports", type=int, default=2000, help="reports to build without one")
    parser.add_argument("--query", default="cong tac dan", help="three words, typed (ASCII)")
    parser.add_argument("--pages", type=int, default=3, help="pages to scroll through")
    parser.add_argument("--seed", type=int, default=2023)
    args = parser.parse_args()
    create_application([])
    QMessageBox.information = lambda *a, **k: None  # type: ignore[method-assign]
    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        archive = args.archive
        if archive is None:
            archive = Path(tmp) / "archive.sqlite3"
            figures["built_reports"] = args.reports
            figures["build_s"] = round(build(archive, args.reports, args.seed), 1)
        db = open_archive(archive, create=False, maintain=False)
        figures["reports_in_archive"] = db.execute("SELECT count(*) FROM reports").fetchone()[0]
        db.close()
        figures["archive"] = str(archive) if args.archive else "(built)"
        figures |= measure(archive, args.query, args.pages)
    print(json.dumps(figures, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
