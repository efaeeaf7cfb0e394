"""Search over synthetic archives: import rate, file size, query latency against bare FTS5.

    python benchmarks/search.py --sizes 10000,100000 --json

For each size, an archive of that many reports is built once and cached under
``~/.cache/press-workbench/bench/`` (keyed by size, seed, generator version and the archive's
schema version: a schema change rebuilds it; ``--rebuild`` forces it). Reports are varied
from the corpus (``../shared/corpus/raw``): the sentences of one corpus report plus some of
others, shuffled into paragraphs of ~10 KB; the annotated people's names replaced by names
drawn from ~6,000 synthetic ones; every number replaced by a random one of the same length;
a case-file code ``HS#####`` (a rare word: ~5 reports each at 100,000); two or three people
in the analysis, one of them "Nguyễn Văn Thể" in 5% of reports (the person filter; the
"few_person" filter is a name in at most 60 reports); one of 10 sources; an event date
within ten years. They are stored through ``services.archive.store_report``, the real import
path (duplicate and near-duplicate checks included); ``import_per_s`` is that rate, measured
when the archive was built.

Every query kind is timed through ``services.searching.search_reports`` (a 20-hit page with
snippets: ``p50_ms``, ``p95_ms``); when the page left its total uncounted, the
``count_reports`` the window asks for next is timed apart (``count_p95_ms``, ``counted_after``
runs); and, in the same loop, the bare FTS5 query for the same
words, ``SELECT rowid FROM reports_fts WHERE reports_fts MATCH ? ORDER BY rank LIMIT 50``
(``bare_p50_ms``, ``bare_p95_ms``; no filters: it is the cost of the words alone).
``size`` says what the file holds (``dbstat``; the prefix indexes' share is measured by
indexing a sample of reports with and without them). Each size is measured twice: as
imported, and on a cached copy whose indexes ``index.optimize`` merged (``merged``;
``--as-imported-only`` skips it). ``--only KIND,...`` and ``--profile KIND`` help digging.

Measured (2 cores shared with other work, SQLite 3.40.1, Python 3.11; 100,000 reports of
~12,000 characters, as imported; p95 of ``search_reports`` before → after the changes to
storage/search.py and snippets.py, same archive and suite): rare word 1.7 → 1.3 ms, one
common word 18.7 → 12.0, phrase 24.5 → 15.2, three words 40.0 → 31.2 (29.0–31.2 over three
runs; p50 23), no diacritics 37.4 → 23.3, prefix "th" 24.4 → 15.1, typing 37.5 → 19.5,
common word + year 19.0 → 11.7, common word + person 57.9 → 27.5, three words + year 34.1 →
30.6, three words + person 71.0 → 39.5, "th" + source 46.3 → 30.2, by date 10.3 → 7.9. The
bare FTS5 query takes 130–250 ms for a common word, 0.1 ms for a rare one (whose page, 5
snippets and, then, a second connection opened for the count, took ~1 ms). After
``index.optimize`` (24 s): common word 9.9, three words 26.7, three words + person 33.3.
Later (docs/performance.md): the page no longer waits for the count, a filtered query ranks
250 candidates, snippets stop reading where the words first stand together; three words +
person 41.4 → 28.7 ms, "th" + source 38.3 → 14.9, three words 26.5 → 22.1 (as imported).
Import 80 reports/s; 4.9 GB, 49 KB a report: text 12 KB, the original bytes 12 KB (here the
text's own UTF-8), folded index 15 KB (its prefix indexes ~9.6 KB), exact index 6.7 KB.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import random
import re
import shutil
import sqlite3
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from sqlite_utils import Database

from workbench.core.fold import fold_search
from workbench.core.models import Analysis, DocumentRef, Person, Report, place_blocks
from workbench.services.archive import store_report
from workbench.services.searching import SearchFilters, count_reports, search_reports
from workbench.storage import index
from workbench.storage.db import open_archive, transaction
from workbench.storage.index import FOLDED
from workbench.storage.migrations import SCHEMA_VERSION
from workbench.storage.query import parse_query

GENERATOR = 1  # bump when the synthetic reports change
SIZE_METHOD = 2  # bump when measure_size changes (figures recomputed on the cached archive)
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "press-workbench/bench"
SOURCES = [f"bao{i}.vn" for i in range(10)]
SENTENCE = re.compile(r"(?<=[.!?;])\s+")
NUMBER = re.compile(r"\d+")
PERSON = "Nguyễn Văn Thể"
PERSON_SHARE = 0.05
SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý"
MIDDLE = "Văn Thị Hữu Đức Minh Quang Thanh Ngọc Xuân Hồng"
GIVEN = (
    "An Bình Cường Dũng Đạt Giang Hà Hải Hạnh Hiếu Hòa Hùng Hương Khánh Lan Linh Long Mai "
    "Nam Nga Nghĩa Phong Phúc Phương Quân Sơn Tâm Thắng Thảo Thành Thủy Tiến Toàn Trang "
    "Trung Tuấn Tùng Vân Việt Yến"
)
BARE_SQL = f"SELECT rowid FROM {FOLDED} WHERE {FOLDED} MATCH ? ORDER BY rank LIMIT 50"
Case = tuple[str, SearchFilters | None, str]


class Corpus:
    """The corpus' sentences (per report), its people's names and titles, a pool of names."""

    def __init__(self) -> None:
        self.texts: list[list[str]] = []
        for path in sorted((SHARED / "raw").glob("*.txt")):
            flat = " ".join(path.read_text(encoding="utf-8").split())
            self.texts.append([s for s in SENTENCE.split(flat) if len(s) > 20])
        names, self.titles = set(), []
        for path in sorted((SHARED / "gold").glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            for entry in gold["speakers"] + gold["attendees_only"]:
                names.add(entry["name"])
                self.titles += entry["titles"]
        ordered = sorted(names, key=len, reverse=True)
        self.gold_names = re.compile("|".join(re.escape(name) for name in ordered))
        parts = SURNAMES.split(), MIDDLE.split(), GIVEN.split()
        pool = [f"{s} {m} {g}" for s in parts[0] for m in parts[1] for g in parts[2]]
        self.pool = [name for name in pool if name != PERSON]


def make_report(rng: random.Random, corpus: Corpus) -> Report:
    """One synthetic report (see the module docstring)."""
    base = list(rng.choice(corpus.texts))
    pool = [s for text in rng.sample(corpus.texts, 3) for s in text]
    sentences = base + rng.sample(pool, min(len(pool), 20))
    rng.shuffle(sentences)
    while sum(map(len, sentences)) > 11000:
        sentences.pop()
    names: dict[str, str] = {}

    def rename(match: re.Match[str]) -> str:
        return names.setdefault(match[0], rng.choice(corpus.pool))

    def renumber(match: re.Match[str]) -> str:
        digits = match[0]
        return "".join(str(rng.randrange(10)) for _ in digits) if len(digits) < 9 else digits

    sentences = [NUMBER.sub(renumber, corpus.gold_names.sub(rename, s)) for s in sentences]
    chosen = rng.sample(corpus.pool, rng.choice((2, 3)))
    if rng.random() < PERSON_SHARE:
        chosen[0] = PERSON
    people = [Person(name, [rng.choice(corpus.titles)], "speaker") for name in chosen]
    for person in people:
        line = f"Đồng chí {person.name}, {person.titles[0]}, dự và phát biểu."
        sentences.insert(rng.randrange(len(sentences) + 1), line)
    code = f"HS{rng.randrange(20000):05d}"
    sentences.insert(rng.randrange(len(sentences)), f"Hồ sơ {code} được lưu.")
    paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
    day = date(2016, 1, 1) + timedelta(days=rng.randrange(3650))
    number = f"{rng.randrange(1, 60)}-NQ/TW"
    return Report(
        title=sentences[0][:120],
        blocks=place_blocks([("paragraph", p) for p in paragraphs]),
        published_at=f"{(day + timedelta(days=1)).isoformat()}T08:00",
        event_date=day.isoformat(),
        source=rng.choice(SOURCES),
        original="\n\n".join(paragraphs).encode("utf-8"),
        analysis=Analysis(people=people, documents=[DocumentRef("Nghị quyết", number)]),
    )


def archive_path(size: int, seed: int) -> Path:
    return CACHE / f"search-{size}-seed{seed}-gen{GENERATOR}-schema{SCHEMA_VERSION}.sqlite"


def _schema_version(path: Path) -> int | None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def cached_archive(size: int, seed: int, corpus: Corpus, rebuild: bool) -> tuple[Path, dict]:
    """The archive of ``size`` reports (built now unless cached) and what its build measured."""
    path = archive_path(size, seed)
    meta_path = path.with_suffix(".json")
    if (
        not rebuild
        and path.exists()
        and meta_path.exists()
        and _schema_version(path) == SCHEMA_VERSION
    ):
        meta = json.loads(meta_path.read_text())
        if meta.get("size_method") != SIZE_METHOD:
            meta |= {"size": measure_size(path, corpus, seed), "size_method": SIZE_METHOD}
            meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2))
        return path, {**meta, "cached": True}
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for suffix in ("", "-wal", "-shm"):
        Path(str(partial) + suffix).unlink(missing_ok=True)
    meta = build(partial, size, seed, corpus)
    meta |= {"size": measure_size(partial, corpus, seed), "size_method": SIZE_METHOD}
    partial.replace(path)
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2))
    return path, {**meta, "cached": False}


def build(path: Path, count: int, seed: int, corpus: Corpus) -> dict:
    rng = random.Random(seed)
    db = open_archive(path)
    started = time.perf_counter()
    duplicates = near = 0
    for i in range(count):
        result = store_report(db, make_report(rng, corpus))
        duplicates += result.duplicate
        near += bool(result.near_duplicates)
        if i and i % 5000 == 0:
            rate = i / (time.perf_counter() - started)
            print(f"  {i} reports, {rate:.0f}/s", file=sys.stderr, flush=True)
    seconds = time.perf_counter() - started
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return {
        "built": time.strftime("%Y-%m-%d %H:%M"),
        "build_seconds": round(seconds, 1),
        "import_per_s": round(count / seconds, 1),
        "duplicates_skipped": duplicates,
        "flagged_near_duplicates": near,
    }


def measure_size(path: Path, corpus: Corpus, seed: int) -> dict:
    """What the file holds: bytes per report of each part."""
    conn = sqlite3.connect(path)
    reports = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
    # not ``aggregate = 1``: its sizes are 32-bit and wrap past 2 GB (SQLite 3.40)
    pages = dict(conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall())
    columns = conn.execute(
        "SELECT sum(length(CAST(text AS BLOB))), sum(length(original)), "
        "sum(length(CAST(blocks AS BLOB))), sum(length(sketch)), "
        "sum(length(CAST(suggestions AS BLOB))) FROM reports"
    ).fetchone()
    conn.close()
    total = sum(pages.values())

    def share(*names: str) -> int:
        return sum(size for name, size in pages.items() if name.startswith(names))

    folded = share(f"{FOLDED}_")
    parts = {
        "reports table (all columns)": share("reports") - share("reports_"),
        "  of which text": columns[0] or 0,
        "  of which original bytes": columns[1] or 0,
        "  of which blocks (JSON)": columns[2] or 0,
        "  of which sketch": columns[3] or 0,
        "  of which suggestions (JSON)": columns[4] or 0,
        "reports_fts (folded index, prefix indexes included)": folded,
        "  of which prefix indexes (2, 3, 4 letters; estimated)": round(
            folded * prefix_share(corpus, seed)
        ),
        "reports_exact (exact-diacritic index)": share("reports_exact_"),
        "SQL indexes on reports": share("reports_") - folded - share("reports_exact_"),
        "everything else (people, mentions, documents, ...)": total - share("reports"),
    }
    return {
        "bytes_per_report": round(total / max(1, reports)),
        "parts_bytes_per_report": {key: round(v / max(1, reports)) for key, v in parts.items()},
        "parts_share_of_file": {key: round(v / max(1, total), 3) for key, v in parts.items()},
    }


def prefix_share(corpus: Corpus, seed: int, sample: int = 1000) -> float:
    """The share of the folded index taken by its prefix indexes, on ``sample`` reports."""
    rng = random.Random(seed + 7)
    texts = [make_report(rng, corpus).text for _ in range(sample)]
    sizes = []
    for prefix in (", prefix='2 3 4'", ""):
        conn = sqlite3.connect(":memory:")
        conn.execute(
            f"CREATE VIRTUAL TABLE f USING fts5(text, content='', columnsize=1, "
            f"tokenize='unicode61 remove_diacritics 2'{prefix})"
        )
        conn.executemany("INSERT INTO f (text) VALUES (?)", [(fold_search(t),) for t in texts])
        conn.execute("INSERT INTO f (f) VALUES ('optimize')")
        sql = "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'f_%'"
        sizes.append(conn.execute(sql).fetchone()[0])
        conn.close()
    return 1 - sizes[1] / sizes[0]


def query_suite(rng: random.Random, db: Database) -> dict[str, list[Case]]:
    """The query kinds: each a list of (text, filters, order). Rare words are case-file codes
    of reports in the archive (~5 reports each at 100,000, 1 at 10,000)."""
    count = db.execute("SELECT max(id) FROM reports").fetchone()[0]
    texts = [db.execute("SELECT text FROM reports WHERE id = ?", [rng.randint(1, count)])
             .fetchone()[0] for _ in range(10)]  # fmt: skip
    rare = [re.search(r"HS\d{5}", text)[0] for text in texts]  # type: ignore[index]
    common = ["các", "và", "Đảng", "công", "hội"]
    phrase = ["25-NQ/TW", "Ban Chấp hành", "hội nghị", "công tác", "nông thôn"]
    three = ["công tác dân vận", "nông thôn mới", "Ban Chấp hành Trung", "chuyển đổi số"]
    bare = ["dang uy", "nong thon moi", "cong tac dan van", "hoi nghi", "chinh phu"]
    prefix = ["th", "ng", "chuy", "hội ng", "công tác dân v"]
    source = SearchFilters(source="bao3.vn")
    year = SearchFilters(date_from="2020-01-01", date_to="2020-12-31")
    who = SearchFilters(person=PERSON)
    few = SearchFilters(person=few_reports_person(db))
    rel, by_date = "relevance", "date"
    return {
        "rare_word": [(q, None, rel) for q in rare],
        "one_word": [(q, None, rel) for q in common],
        "phrase": [(q, None, rel) for q in phrase],
        "three_words": [(q, None, rel) for q in three],
        "no_diacritics": [(q, None, rel) for q in bare],
        "prefix_th": [("th", None, rel)],
        "prefix_typing": [(q, None, rel) for q in prefix],
        "rare_word+source": [(q, source, rel) for q in rare],
        "one_word+year": [(q, year, rel) for q in common],
        "one_word+person": [(q, who, rel) for q in common],
        "three_words+year": [(q, year, rel) for q in three],
        "three_words+person": [(q, who, rel) for q in three],
        "one_word+few_person": [(q, few, rel) for q in common],
        "three_words+few_person": [(q, few, rel) for q in three],
        "prefix_th+source": [("th", source, rel)],
        "one_word_by_date": [(q, None, by_date) for q in common],
        "one_word_by_date+year": [(q, year, by_date) for q in common],
        "filters_only_person": [("", who, rel)],
    }


def few_reports_person(db: Database) -> str:
    """The name found in the most reports, up to 60 (~40 at 100,000): a filter that passes
    few reports, read from their own columns (``storage.search.FEW``)."""
    return db.execute(
        "SELECT p.name FROM mentions m JOIN people p ON p.id = m.person_id GROUP BY p.name "
        "HAVING count(DISTINCT m.report_id) <= 60 "
        "ORDER BY count(DISTINCT m.report_id) DESC, p.name LIMIT 1"
    ).fetchone()[0]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(db: object, cases: list[Case], repeat: int) -> dict:
    """Each case ``repeat`` times through the service, each time followed by the count the
    window asks for when the page left it (``count_reports``) and by the bare query."""
    timings, counts, bare, totals = [], [], [], []
    conn = db.conn  # type: ignore[attr-defined]
    for text, filters, order in cases:  # warm: the first run reads the pages from disk
        search_reports(db, text, filters, order=order)  # type: ignore[arg-type]
    for _ in range(repeat):
        for text, filters, order in cases:
            started = time.perf_counter()
            results = search_reports(db, text, filters, order=order, limit=20)  # type: ignore[arg-type]
            timings.append(1000 * (time.perf_counter() - started))
            total = results.total
            if not results.counted:
                started = time.perf_counter()
                total = count_reports(db, text, filters)  # type: ignore[arg-type]
                counts.append(1000 * (time.perf_counter() - started))
            totals.append(total)
            query = parse_query(text)
            if query.empty:
                continue
            started = time.perf_counter()
            conn.execute(BARE_SQL, [query.folded_match()]).fetchall()
            bare.append(1000 * (time.perf_counter() - started))
    figures: dict[str, object] = {
        "p50_ms": round(percentile(timings, 0.5), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "max_ms": round(max(timings), 1),
    }
    if counts:
        figures |= {
            "count_p50_ms": round(percentile(counts, 0.5), 1),
            "count_p95_ms": round(percentile(counts, 0.95), 1),
            "counted_after": len(counts),
        }
    if bare:
        figures |= {
            "bare_p50_ms": round(percentile(bare, 0.5), 1),
            "bare_p95_ms": round(percentile(bare, 0.95), 1),
            "p95_over_bare": round(percentile(timings, 0.95) / percentile(bare, 0.95), 2),
        }
    return figures | {"runs": len(timings), "median_total": int(statistics.median(totals))}


def merged_archive(path: Path) -> tuple[Path, dict]:
    """A copy of the archive at ``path`` with each index merged into one segment
    (``index.optimize``), cached beside it; and how long the merge took."""
    merged = path.with_name(path.stem + "-merged.sqlite")
    meta_path = merged.with_suffix(".json")
    if merged.exists() and meta_path.exists() and _schema_version(merged) == SCHEMA_VERSION:
        return merged, json.loads(meta_path.read_text())
    partial = merged.with_suffix(".partial")
    shutil.copyfile(path, partial)  # the cached archive is checkpointed: no -wal to copy
    db = open_archive(partial)
    started = time.perf_counter()
    with transaction(db):
        index.optimize(db)
    seconds = time.perf_counter() - started
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    partial.replace(merged)
    meta = {"merge_seconds": round(seconds, 1)}
    meta_path.write_text(json.dumps(meta))
    return merged, meta


def run_queries(path: Path, args: argparse.Namespace) -> dict:
    """Every query kind on the archive at ``path``."""
    db = open_archive(path)
    suite = query_suite(random.Random(args.seed + 1), db)
    if args.only:
        suite = {name: cases for name, cases in suite.items() if name in args.only.split(",")}
    if args.profile:
        profile(db, suite[args.profile], args.repeat)
    figures = {
        "file_mb": round(path.stat().st_size / 1e6, 1),
        "segments": index.segments(db),
        "queries": {name: measure(db, cases, args.repeat) for name, cases in suite.items()},
    }
    db.close()
    return figures


def run_size(size: int, args: argparse.Namespace, corpus: Corpus) -> dict:
    print(f"{size} reports: archive", file=sys.stderr, flush=True)
    path, meta = cached_archive(size, args.seed, corpus, args.rebuild)
    conn = sqlite3.connect(path)
    reports = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
    conn.close()
    print(f"{size} reports: queries", file=sys.stderr, flush=True)
    as_imported = run_queries(path, args)
    figures: dict[str, object] = {
        "archive": str(path),
        "reports": reports,
        "file_mb": as_imported.pop("file_mb"),
        "import_per_s": meta["import_per_s"],
        "build": {key: meta[key] for key in meta if key not in ("size", "size_method")},
        "size": meta["size"],
        **as_imported,
    }
    if not args.as_imported_only:
        print(f"{size} reports: merged index, queries", file=sys.stderr, flush=True)
        merged_path, merged_meta = merged_archive(path)
        figures["merged"] = merged_meta | run_queries(merged_path, args)
    return figures


def profile(db: object, cases: list[Case], repeat: int) -> None:
    """Print where the time of one query kind goes (to stderr)."""
    for text, filters, order in cases:
        search_reports(db, text, filters, order=order)  # type: ignore[arg-type]
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeat):
        for text, filters, order in cases:
            search_reports(db, text, filters, order=order)  # type: ignore[arg-type]
    profiler.disable()
    pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated report counts")
    parser.add_argument("--repeat", type=int, default=7, help="runs of each query")
    parser.add_argument("--seed", type=int, default=2023)
    parser.add_argument("--rebuild", action="store_true", help="rebuild cached archives")
    parser.add_argument("--only", help="comma-separated query kinds to run")
    parser.add_argument("--profile", help="cProfile one query kind first (to stderr)")
    parser.add_argument(
        "--as-imported-only",
        action="store_true",
        help="skip the second run on a copy whose indexes are merged (index.optimize)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON (the only output)")
    args = parser.parse_args()
    corpus = Corpus()
    sizes = [int(size) for size in args.sizes.split(",")]
    result = {
        "legend": {
            "queries": "the archive as imported, one report per transaction (~17 FTS segments)",
            "merged": "a copy after index.optimize (one segment per index)",
            "p50_ms/p95_ms": "services.searching.search_reports: a 20-hit page with snippets",
            "count_p95_ms": "services.searching.count_reports, for the runs (counted_after) "
            "whose page left the total uncounted: the window shows it after the page",
            "bare_p95_ms": f"{BARE_SQL} for the same words, no filters, same loop",
            "median_total": "reports matching, median over the kind's queries",
        },
        "sqlite": sqlite3.sqlite_version,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "targets": {"p95_ms_at_100000": 30, "p95_over_bare": 1.5},
        "sizes": {str(size): run_size(size, args, corpus) for size in sizes},
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
