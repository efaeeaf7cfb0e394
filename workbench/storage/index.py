"""The full-text indexes and how rows enter and leave them.

Two contentless FTS5 tables hold one row per report, columns title, text, people, documents:

* ``reports_fts``: ``fold_search`` of each column (``đ→d``), tokenizer ``unicode61
  remove_diacritics 2``, prefix indexes of 2, 3 and 4 characters: what every query matches.
* ``reports_exact``: ``fold_tone_style`` of each column, ``remove_diacritics 0``: used only to
  rank matches typed with their marks first ("Đảng" before "đang").

**Row ids sort by date.** A report is indexed under ``search_rowid(id, sort_date)``: the day
in the high bits, the report id in the low 32. FTS5 walks its doclists in rowid order, so the
newest matches come first at no cost (date order, and the capped candidate set of relevance
order), a date range is a rowid range FTS5 seeks to, and the report id is ``rowid & ID_MASK``
without a lookup. ``reports.search_rowid`` records the rowid in use.

Contentless tables keep the archive small (the text is stored once, in ``reports``), but a
row can only be deleted by giving the values it was indexed with. They are derived from
``reports.title``, ``text``, ``index_people`` and ``index_documents`` (NULL: not indexed), so
every change to those goes through ``sync``/``drop``.

**Segments.** FTS5 writes each indexed report as a new segment and merges them in levels as
they pile up; an archive filled one report at a time keeps ~17 of them (measured at 10,000
and at 100,000 reports), and every query reads each term from every segment. ``optimize``
merges each index into one: a common word counted 20% faster at 100,000 reports, 35% at
10,000, for 21–24 s of work at 100,000 (benchmarks/search.py). ``rebuild`` ends with it.
``merge_step`` does the same work in slices, for the window to run while it is idle once
``untidy`` says the segments have piled up.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from sqlite_utils import Database

from workbench.core.fold import fold_search
from workbench.core.text import fold_tone_style
from workbench.storage import similarity

FOLDED = "reports_fts"
EXACT = "reports_exact"
COLUMNS = ("title", "text", "people", "documents")
WEIGHTS = (8.0, 1.0, 4.0, 4.0)
ID_BITS = 32
ID_MASK = (1 << ID_BITS) - 1
_EPOCH = date(1800, 1, 1)
_TABLES: dict[str, tuple[Callable[[str], str], str]] = {
    FOLDED: (fold_search, "tokenize='unicode61 remove_diacritics 2', prefix='2 3 4'"),
    EXACT: (fold_tone_style, "tokenize='unicode61 remove_diacritics 0'"),
}
IndexedRow = tuple[str, str, str, str]
TIDY_AT_SEGMENTS = 8  # the ~17 of an archive filled one report at a time cost 15-20% per query
MERGE_PAGES = 100


def create_tables(db: Database) -> None:
    """Create both FTS5 tables (empty)."""
    for table, (_, options) in _TABLES.items():
        db.execute(
            f"CREATE VIRTUAL TABLE {table} USING fts5("
            f"{', '.join(COLUMNS)}, content='', columnsize=1, {options})"
        )


def day_number(day: str | None) -> int:
    """Days from 1800-01-01 to an ISO day (``"2023-09-06"``); 0 for none or nonsense."""
    try:
        return max(0, (date.fromisoformat((day or "")[:10]) - _EPOCH).days + 1)
    except ValueError:
        return 0


def day_iso(number: int) -> str:
    """The ISO day of a ``day_number`` ("" for 0: no date, before every day)."""
    return (_EPOCH + timedelta(days=number - 1)).isoformat() if number > 0 else ""


def search_rowid(report_id: int, sort_date: str | None) -> int:
    """The FTS rowid of a report: its day in the high bits, its id in the low ``ID_BITS``."""
    return (day_number(sort_date) << ID_BITS) | report_id


def rowid_range(day_from: str | None, day_to: str | None) -> tuple[int, int]:
    """The FTS rowids of the reports whose sort date lies in ``[day_from, day_to]``."""
    low = day_number(day_from) << ID_BITS if day_from else 0
    high = (day_number(day_to) << ID_BITS) | ID_MASK if day_to else (1 << 62)
    return low, high


def row_values(title: str | None, text: str, people: str, documents: str) -> IndexedRow:
    """The four column values of a report, before folding."""
    return (title or "", text, people, documents)


def _write(db: Database, rowid: int, values: IndexedRow, command: str | None) -> None:
    for table, (fold, _) in _TABLES.items():
        head = f"{table}, " if command else ""
        marks = "?, " if command else ""
        db.execute(
            f"INSERT INTO {table} ({head}rowid, {', '.join(COLUMNS)}) "
            f"VALUES ({marks}?, ?, ?, ?, ?)",
            [*([command] if command else []), rowid, *(fold(value) for value in values)],
        )


def _indexed(db: Database, report_id: int) -> tuple[int, IndexedRow] | None:
    row = db.execute(
        "SELECT search_rowid, title, text, index_people, index_documents FROM reports "
        "WHERE id = ? AND index_people IS NOT NULL",
        [report_id],
    ).fetchone()
    return (row[0], row_values(*row[1:])) if row else None


def sync(db: Database, report_id: int, people: str, documents: str) -> None:
    """Index the report with these people and documents columns, re-indexing what changed.

    Also re-indexes a report whose title, text or sort date changed since it was indexed,
    provided the caller updated ``reports`` after ``drop`` (see ``drop``).
    """
    old = _indexed(db, report_id)
    title, text, sort_date = db.execute(
        "SELECT title, text, sort_date FROM reports WHERE id = ?", [report_id]
    ).fetchone()
    rowid = search_rowid(report_id, sort_date)
    new = row_values(title, text, people, documents)
    if old is not None:
        if old == (rowid, new):
            return
        _write(db, old[0], old[1], "delete")
    db.execute(
        "UPDATE reports SET index_people = ?, index_documents = ?, search_rowid = ? WHERE id = ?",
        [people, documents, rowid, report_id],
    )
    _write(db, rowid, new, None)


def drop(db: Database, report_id: int) -> None:
    """Take the report out of the index (if it is there): before deleting it or changing its
    title, text or dates."""
    old = _indexed(db, report_id)
    if old is not None:
        _write(db, old[0], old[1], "delete")
        db.execute(
            "UPDATE reports SET index_people = NULL, index_documents = NULL, search_rowid = NULL "
            "WHERE id = ?",
            [report_id],
        )


def segments(db: Database) -> int:
    """How many segments the folded index is made of (see ``optimize``)."""
    return db.execute(f"SELECT count(DISTINCT segid) FROM {FOLDED}_idx").fetchone()[0]


def untidy(db: Database) -> bool:
    """Whether the folded index has piled up enough segments to be worth merging into one."""
    return segments(db) >= TIDY_AT_SEGMENTS


def merge_step(db: Database, pages: int = MERGE_PAGES) -> bool:
    """Merge about ``pages`` leaf pages of each index toward one segment (FTS5 ``merge`` with a
    negative budget: segments of every level). Returns whether there was anything to merge.

    Steps add up to the cost of ``optimize`` (10,000 reports: 307 steps, 2.0 s, the mean
    6.5 ms, the longest 173 ms; 100,000: 1,169 steps, 23.7 s, the mean 20 ms, 99% under 69 ms,
    the longest 0.8 s), short enough to run between an editor's searches. Run it inside a
    transaction.
    """
    merged = False
    for table in _TABLES:
        before = db.conn.total_changes
        db.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('merge', ?)", [-pages])
        merged |= db.conn.total_changes - before >= 2  # FTS5: fewer changes, no work done
    return merged


def optimize(db: Database) -> None:
    """Merge each index into one segment (FTS5 ``optimize``): same matches, faster queries.

    Rewrites both indexes (2.2 GB at 100,000 reports: 21–24 s); run it inside a transaction,
    when nobody waits (after a large import, or with the daily maintenance).
    """
    for table in _TABLES:
        db.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")


def rebuild(db: Database) -> int:
    """Empty both indexes and index every report again, merged into one segment each; fill
    missing sketches.

    Returns the number of reports indexed. Run it inside a transaction.
    """
    for table in _TABLES:
        db.execute(f"INSERT INTO {table} ({table}) VALUES ('delete-all')")
    db.execute("UPDATE reports SET search_rowid = NULL")
    ids = [row[0] for row in db.execute("SELECT id FROM reports ORDER BY id").fetchall()]
    for report_id in ids:  # one row at a time: the texts may not fit in memory together
        sort_date, title, text, people, documents, sketch = db.execute(
            "SELECT sort_date, title, text, coalesce(index_people, ''), "
            "coalesce(index_documents, ''), sketch FROM reports WHERE id = ?",
            [report_id],
        ).fetchone()
        rowid = search_rowid(report_id, sort_date)
        _write(db, rowid, row_values(title, text, people, documents), None)
        db.execute(
            "UPDATE reports SET index_people = ?, index_documents = ?, search_rowid = ?, "
            "sketch = ? WHERE id = ?",
            [people, documents, rowid, sketch or similarity.sketch(text), report_id],
        )
    optimize(db)
    return len(ids)
