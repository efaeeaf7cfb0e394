"""Reports in the archive: rows, duplicates, near-duplicates, listing, deletion.

Every writing function runs inside the caller's transaction (``db.transaction``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

from sqlite_utils import Database

from workbench.core.models import Analysis, Report, analysis_from_dict, analysis_to_dict
from workbench.storage import analysis_repo, index, people_repo, similarity
from workbench.storage.codec import blocks_from_json, blocks_to_json, bytes_hash, dumps, text_hash

NEAR_DUPLICATE = 0.5  # Jaccard of 5-word shingles
_SKETCH_MARGIN = 0.15  # candidates whose estimate is this close are compared exactly
MAX_CANDIDATES = 500
SUMMARY_COLUMNS = (
    "id, title, published_at, event_date, place, source, format, created_at, updated_at"
)
ORDERS = {
    "date": "sort_date DESC, id DESC",
    "date_asc": "sort_date ASC, id ASC",
    "added": "id DESC",
    "title": "title COLLATE NOCASE ASC, id ASC",
}


@dataclass(frozen=True)
class ReportSummary:
    """A report as a list shows it."""

    id: int
    title: str | None
    published_at: str | None
    event_date: str | None
    place: str | None
    source: str | None
    format: str
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class StoredReport:
    """A report read back from the archive, with its id and bookkeeping."""

    id: int
    report: Report
    content_hash: str
    original_hash: str | None
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class Fingerprint:
    """What duplicate checks compare, computed once per report and outside any transaction."""

    content_hash: str
    original_hash: str | None
    shingles: set[int]
    sketch: bytes


def fingerprint(report: Report) -> Fingerprint:
    """Hashes of the normalised text and the original bytes; shingles and their sketch."""
    text = report.text
    shingles = similarity.shingles(text)
    sketch = similarity.sketch(shingles)
    return Fingerprint(text_hash(text), bytes_hash(report.original), shingles, sketch)


def sort_date(report: Report) -> str | None:
    """The date a report is sorted and filtered by: the event date, else the publication day."""
    return report.event_date or (report.published_at or "")[:10] or None


def find_duplicate(db: Database, prints: Fingerprint) -> int | None:
    """The id of a stored report with the same normalised text or the same original bytes."""
    row = db.execute(
        "SELECT id FROM reports WHERE content_hash = ? OR original_hash = ? ORDER BY id LIMIT 1",
        [prints.content_hash, prints.original_hash],
    ).fetchone()
    return row[0] if row else None


def near_duplicates(db: Database, report: Report, prints: Fingerprint) -> list[tuple[int, float]]:
    """Stored reports of the same event with similar text: ``(id, similarity)``, best first.

    Candidates share the event date (or, without one, lie within a day of the publication
    day). Their sketches are compared first; only an estimate within ``_SKETCH_MARGIN`` of
    ``NEAR_DUPLICATE`` is checked on the texts, so the similarity given is exact near the
    threshold and estimated above it. Reports with neither date are not compared.
    """
    found = []
    for report_id, other_sketch in _candidates(db, report):
        score = similarity.estimate(prints.sketch, other_sketch)
        if score < NEAR_DUPLICATE - _SKETCH_MARGIN:
            continue
        if score < NEAR_DUPLICATE + _SKETCH_MARGIN:
            text = db.execute("SELECT text FROM reports WHERE id = ?", [report_id]).fetchone()[0]
            score = similarity.jaccard(prints.shingles, text)
        if score >= NEAR_DUPLICATE:
            found.append((report_id, round(score, 3)))
    return sorted(found, key=lambda pair: (-pair[1], pair[0]))


def link_near_duplicates(db: Database, report_id: int, near: list[tuple[int, float]]) -> None:
    """Record that ``report_id`` is a near-duplicate of each ``(id, similarity)`` in ``near``."""
    db.conn.executemany(
        "INSERT OR REPLACE INTO report_links (report_id, other_id, similarity) VALUES (?, ?, ?)",
        [(report_id, other, score) for other, score in near],
    )


def linked_near_duplicates(db: Database, report_id: int) -> list[tuple[int, float]]:
    """The reports recorded as near-duplicates of ``report_id`` (either way): ``(id, similarity)``,
    most similar first."""
    rows = db.execute(
        "SELECT other_id, similarity FROM report_links WHERE report_id = ? "
        "UNION SELECT report_id, similarity FROM report_links WHERE other_id = ? "
        "ORDER BY 2 DESC, 1",
        [report_id, report_id],
    ).fetchall()
    return [(other, score) for other, score in rows]


def _candidates(db: Database, report: Report) -> list[tuple[int, bytes]]:
    if report.event_date:
        where, params = "event_date = ?", [report.event_date]
    elif report.published_at:
        day = date.fromisoformat(report.published_at[:10])
        low, high = (day - timedelta(days=1)).isoformat(), (day + timedelta(days=1)).isoformat()
        where, params = "sort_date BETWEEN ? AND ?", [low, high]
    else:
        return []
    rows = db.execute(
        f"SELECT id, sketch FROM reports WHERE {where} AND sketch IS NOT NULL "
        f"ORDER BY id DESC LIMIT {MAX_CANDIDATES}",
        params,
    )
    return rows.fetchall()


def insert(db: Database, report: Report, now: str, prints: Fingerprint | None = None) -> int:
    """Store a report with its analysis and index it; returns its id.

    Raises ``sqlite3.IntegrityError`` if a report with the same normalised text is stored.
    """
    text = report.text
    prints = prints or fingerprint(report)
    cursor = db.execute(
        "INSERT INTO reports (title, published_at, event_date, sort_date, place, author, "
        "source, format, encoding, content_hash, original_hash, warnings, created_at, "
        "updated_at, text, blocks, original, sketch, suggestions) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            report.title,
            report.published_at,
            report.event_date,
            sort_date(report),
            report.place,
            report.author,
            report.source,
            report.format,
            report.encoding,
            prints.content_hash,
            prints.original_hash,
            dumps(report.warnings),
            now,
            now,
            text,
            blocks_to_json(report.blocks),
            report.original or None,
            prints.sketch,
            dumps(analysis_to_dict(report.analysis)),
        ],
    )
    report_id = cursor.lastrowid
    assert report_id is not None
    analysis_repo.write(db, report_id, report.analysis, now)
    return report_id


def load(db: Database, report_id: int) -> StoredReport | None:
    """The stored report, or ``None`` if there is no report with that id."""
    row = db.execute(
        "SELECT title, published_at, event_date, place, author, source, format, encoding, "
        "original, warnings, blocks, content_hash, original_hash, created_at, updated_at, "
        "text FROM reports WHERE id = ?",
        [report_id],
    ).fetchone()
    if row is None:
        return None
    report = Report(
        title=row[0],
        blocks=blocks_from_json(row[10], row[15]),
        published_at=row[1],
        event_date=row[2],
        place=row[3],
        author=row[4],
        source=row[5],
        format=row[6],
        encoding=row[7],
        original=row[8] or b"",
        warnings=json.loads(row[9]),
        analysis=analysis_repo.load(db, report_id),
    )
    return StoredReport(report_id, report, row[11], row[12], row[13], row[14])


def suggestions(db: Database, report_id: int) -> Analysis | None:
    """The program's own analysis of a report (before the editor's decisions), if stored."""
    row = db.execute("SELECT suggestions FROM reports WHERE id = ?", [report_id]).fetchone()
    return analysis_from_dict(json.loads(row[0])) if row and row[0] else None


def set_suggestions(db: Database, report_id: int, analysis: Analysis) -> None:
    """Keep a new analysis by the program as the report's suggestions."""
    db.execute(
        "UPDATE reports SET suggestions = ? WHERE id = ?",
        [dumps(analysis_to_dict(analysis)), report_id],
    )


def replace_analysis(db: Database, report_id: int, report: Report, now: str) -> None:
    """Replace the stored analysis of a report with ``report.analysis``.

    People already named in the report stay with the directory entry they had.
    """
    pinned = analysis_repo.assignments(db, report_id)
    touched = analysis_repo.clear(db, report_id)
    touched |= analysis_repo.write(db, report_id, report.analysis, now, pinned)
    people_repo.refresh(db, touched)
    db.execute("UPDATE reports SET updated_at = ? WHERE id = ?", [now, report_id])


def delete(db: Database, report_id: int) -> bool:
    """Delete a report, its analysis and index entry; people left without reports go too.

    Returns whether there was such a report.
    """
    index.drop(db, report_id)
    touched = analysis_repo.clear(db, report_id)
    deleted = db.execute("DELETE FROM reports WHERE id = ?", [report_id]).rowcount > 0
    people_repo.refresh(db, touched)
    return deleted


def summaries(
    db: Database, *, order: str = "date", limit: int = 100, offset: int = 0
) -> list[ReportSummary]:
    """Reports for a list, in ``order`` (a key of ``ORDERS``).

    Raises ``ValueError`` for an unknown order.
    """
    if order not in ORDERS:
        raise ValueError(f"unknown order {order!r}; expected one of {sorted(ORDERS)}")
    rows = db.execute(
        f"SELECT {SUMMARY_COLUMNS} FROM reports ORDER BY {ORDERS[order]} LIMIT ? OFFSET ?",
        [limit, offset],
    )
    return [ReportSummary(*row) for row in rows.fetchall()]


def summaries_by_id(db: Database, ids: list[int]) -> dict[int, ReportSummary]:
    """Summaries of the given reports, by id (missing ids are left out)."""
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    rows = db.execute(f"SELECT {SUMMARY_COLUMNS} FROM reports WHERE id IN ({marks})", ids)
    return {row[0]: ReportSummary(*row) for row in rows.fetchall()}


def count(db: Database) -> int:
    """How many reports the archive holds."""
    return db.execute("SELECT count(*) FROM reports").fetchone()[0]


EDITABLE_FIELDS = ("title", "published_at", "event_date", "place", "author", "source")


def update_fields(db: Database, report_id: int, values: dict, now: str) -> None:
    """Change a report's metadata fields and/or its blocks (``values["blocks"]``), re-indexed.

    The analysis is not touched: the caller re-analyses when the text changed. Raises
    ``sqlite3.IntegrityError`` when the new text equals another stored report's.
    """
    assignments = {k: v for k, v in values.items() if k in EDITABLE_FIELDS}
    if "blocks" in values:
        blocks = values["blocks"]
        text = "\n\n".join(block.text for block in blocks)
        assignments |= {
            "text": text,
            "blocks": blocks_to_json(blocks),
            "content_hash": text_hash(text),
        }
    if not assignments:
        return
    index.drop(db, report_id)
    columns = ", ".join(f"{name} = ?" for name in assignments)
    db.execute(
        f"UPDATE reports SET {columns}, updated_at = ? WHERE id = ?",
        [*assignments.values(), now, report_id],
    )
    db.execute(
        "UPDATE reports SET sort_date = COALESCE(event_date, substr(published_at, 1, 10)) "
        "WHERE id = ?",
        [report_id],
    )
    analysis_repo.index_report_parts(db, report_id)
