"""Search over a synthetic archive: build time, file size, query latency (prints JSON).

Reports are made from the corpus (``../shared/corpus/raw``) by shuffling sentences: each takes
the sentences of one corpus report plus some of others, in random order, about 10 KB of text,
with the UTF-8 bytes as its original. Each report also gets a case-file code ``HS#####`` (a rare
word: ~5 reports each at 100,000), two or three people from the corpus annotations (so person
filters have work to do), one of 10 sources and an event date within ten years. Reports are
stored through ``services.archive.store_report``: the real import path, duplicate and
near-duplicate checks included.

    python benchmarks/search_bench.py                 # 100,000 reports: ~15 min, ~4.7 GB
    python benchmarks/search_bench.py --reports 10000 # a quick look
    python benchmarks/search_bench.py --reuse         # queries only, on the last archive

Measured here (2 shared cores, SQLite 3.40, 100,000 reports of ~9,000 characters): build 887 s
(8.9 ms a report through ``store_report``), 4.7 GB (text and original bytes 2.4 GB); p95 of a
20-hit page with snippets: rare word 2 ms, common word 23 ms, prefix "th" 22 ms, three words
41 ms, common word + one year 16 ms, common word + a person (5,000 reports) 52 ms, common word
by date 12 ms.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from workbench.core.models import Analysis, DocumentRef, Person, Report, place_blocks
from workbench.services.archive import store_report
from workbench.storage.db import open_archive
from workbench.storage.search import SearchFilters, search

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
SOURCES = [f"bao{i}.vn" for i in range(10)]
SENTENCE = re.compile(r"(?<=[.!?;])\s+")


def corpus() -> tuple[list[list[str]], list[Person]]:
    """Sentences of each corpus report (line breaks joined) and the annotated people."""
    texts = []
    for path in sorted((SHARED / "raw").glob("*.txt")):
        flat = " ".join(path.read_text(encoding="utf-8").split())
        texts.append([s for s in SENTENCE.split(flat) if len(s) > 20])
    people = []
    for path in sorted((SHARED / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for entry in gold["speakers"] + gold["attendees_only"]:
            people.append(Person(entry["name"], entry["titles"], "speaker"))
    return texts, people


def make_report(rng: random.Random, texts: list[list[str]], people: list[Person]) -> Report:
    base = list(rng.choice(texts))
    pool = [s for text in rng.sample(texts, 3) for s in text]
    sentences = base + rng.sample(pool, min(len(pool), 20))
    rng.shuffle(sentences)
    while sum(map(len, sentences)) > 11000:
        sentences.pop()
    code = f"HS{rng.randrange(20000):05d}"
    sentences.insert(rng.randrange(len(sentences)), f"Hồ sơ {code} được lưu.")
    paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
    day = date(2016, 1, 1) + timedelta(days=rng.randrange(3650))
    chosen = rng.sample(people, rng.choice((2, 3)))
    number = f"{rng.randrange(1, 60)}-NQ/TW"
    title = sentences[0][:120]
    text_blocks = place_blocks([("paragraph", p) for p in paragraphs])
    return Report(
        title=title,
        blocks=text_blocks,
        published_at=f"{(day + timedelta(days=1)).isoformat()}T08:00",
        event_date=day.isoformat(),
        source=rng.choice(SOURCES),
        original="\n\n".join(paragraphs).encode("utf-8"),
        analysis=Analysis(people=chosen, documents=[DocumentRef("Nghị quyết", number)]),
    )


def build(path: Path, count: int, seed: int) -> dict[str, object]:
    texts, people = corpus()
    rng = random.Random(seed)
    db = open_archive(path)
    started = time.perf_counter()
    duplicates = near = 0
    for i in range(count):
        result = store_report(db, make_report(rng, texts, people))
        duplicates += result.duplicate
        near += bool(result.near_duplicates)
        if i and i % 5000 == 0:
            rate = i / (time.perf_counter() - started)
            print(f"{i} reports, {rate:.0f}/s", file=sys.stderr, flush=True)
    seconds = time.perf_counter() - started
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return {
        "reports": count,
        "build_seconds": round(seconds, 1),
        "ms_per_report": round(1000 * seconds / count, 2),
        "duplicates_skipped": duplicates,
        "flagged_near_duplicates": near,
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(db: object, cases: list[tuple[str, SearchFilters | None, str]], repeat: int) -> dict:
    timings, totals = [], []
    for _ in range(repeat):
        for text, filters, order in cases:
            started = time.perf_counter()
            results = search(db, text, filters, order=order, limit=20)  # type: ignore[arg-type]
            timings.append(1000 * (time.perf_counter() - started))
            totals.append(results.total)
    return {
        "p50_ms": round(percentile(timings, 0.5), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "max_ms": round(max(timings), 1),
        "runs": len(timings),
        "median_total": int(statistics.median(totals)),
    }


def query_suite(rng: random.Random) -> dict[str, list[tuple[str, SearchFilters | None, str]]]:
    rare = [f"HS{rng.randrange(20000):05d}" for _ in range(10)]
    common = ["các", "và", "Đảng", "hội nghị", "công tác"]
    three = ["công tác dân vận", "nông thôn mới", "Ban Chấp hành Trung", "chuyển đổi số"]
    source = SearchFilters(source="bao3.vn")
    year = SearchFilters(date_from="2020-01-01", date_to="2020-12-31")
    who = SearchFilters(person="Nguyễn Văn Thể")
    rel, by_date = "relevance", "date"
    return {
        "rare_word": [(q, None, rel) for q in rare],
        "common_word": [(q, None, rel) for q in common],
        "prefix_th": [("th", None, rel)],
        "three_words": [(q, None, rel) for q in three],
        "rare_word+source": [(q, source, rel) for q in rare],
        "common_word+year": [(q, year, rel) for q in common],
        "common_word+person": [(q, who, rel) for q in common],
        "three_words+year": [(q, year, rel) for q in three],
        "prefix_th+source": [("th", source, rel)],
        "common_word_by_date": [(q, None, by_date) for q in common],
        "common_word_by_date+year": [(q, year, by_date) for q in common],
        "filters_only_person": [("", who, rel)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=100_000)
    default_db = Path(tempfile.gettempdir()) / "workbench-search-bench.sqlite"
    parser.add_argument("--db", type=Path, default=default_db)
    parser.add_argument("--reuse", action="store_true", help="query an existing archive")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2023)
    args = parser.parse_args()
    figures: dict[str, object] = {}
    if not args.reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(str(args.db) + suffix).unlink(missing_ok=True)
        figures["build"] = build(args.db, args.reports, args.seed)
    figures["file_mb"] = round(args.db.stat().st_size / 1e6, 1)
    db = open_archive(args.db)
    figures["reports_in_archive"] = db.execute("SELECT count(*) FROM reports").fetchone()[0]
    rng = random.Random(args.seed + 1)
    search(db, "khởi động", None)  # warm the page cache once
    figures["queries"] = {
        name: measure(db, cases, args.repeat) for name, cases in query_suite(rng).items()
    }
    db.close()
    print(json.dumps(figures, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
