"""Searching the archive: full text (folded, exact-first), filters, order, pages, snippets.

Ranking choice (DOMAIN.md §5: bm25 costs 3–5 µs per matching report, ~300 ms for a word in
every one of 100,000 reports): relevance is computed over a capped candidate set, the newest
``RANK_CAP`` matching reports. The index's rowids sort by date (``index.search_rowid``), so
FTS5 hands those out first at no ranking cost. When a query matches more than that, results
past the cap follow newest first and ``SearchResults.ranked`` says how many were ranked;
``order="date"`` is plain rowid order. A query typed with marks ranks reports whose words
carry the same marks first ("Đảng" before "đang"), looked up in the exact index over the
candidates' rowid range only; likewise reports holding the words as one phrase ("dân vận
khéo") rank before those that have them apart. A progress-handler deadline stops any query
that runs away.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from workbench.core.errors import ArchiveError
from workbench.core.models import Span
from workbench.i18n import _
from workbench.storage import snippets
from workbench.storage.filters import FilterPlan, SearchFilters, plan
from workbench.storage.index import EXACT, FOLDED, ID_MASK, WEIGHTS, rowid_range
from workbench.storage.query import ParsedQuery, parse_query
from workbench.storage.repository import ORDERS, ReportSummary, summaries_by_id

RANK_CAP = 1000
MAX_PAGE = 500
DEADLINE_SECONDS = 3.0
_CHECK_EVERY = 200  # SQLite VM steps between deadline checks (FTS5 work within one step is C)
_BM25 = f"bm25({FOLDED}, {', '.join(str(weight) for weight in WEIGHTS)})"


class SearchTimeout(ArchiveError):
    """A search ran past its deadline."""


@dataclass(frozen=True)
class Hit:
    """One report found, with where the query matched it."""

    report: ReportSummary
    score: float | None  # bm25 (lower is better); None when not ranked by relevance
    exact: bool  # every word typed with marks is there with the same marks
    snippet: snippets.Snippet
    title_marks: tuple[Span, ...] = ()


@dataclass(frozen=True)
class SearchResults:
    """A page of hits, the number of matching reports, and how they were ordered."""

    hits: list[Hit]
    total: int
    order: str
    ranked: int = 0  # how many of the best matches were ranked by relevance
    query: ParsedQuery = field(default_factory=ParsedQuery)


def search(
    db: Database,
    text: str,
    filters: SearchFilters | None = None,
    *,
    order: str = "relevance",
    limit: int = 20,
    offset: int = 0,
    deadline: float = DEADLINE_SECONDS,
) -> SearchResults:
    """Reports matching ``text`` (any string) and ``filters``, one page of them.

    ``order`` is ``"relevance"`` or ``"date"`` (newest first). An empty query lists every
    report that passes the filters, newest first. ``limit`` is capped at ``MAX_PAGE``.
    Raises ``SearchTimeout`` when the search takes longer than ``deadline`` seconds,
    ``ValueError`` for an unknown order.
    """
    if order not in ("relevance", "date"):
        raise ValueError(f"unknown order {order!r}")
    limit, offset = min(max(0, limit), MAX_PAGE), max(0, offset)  # LIMIT -1 means "all"
    query = parse_query(text)
    filter_plan = plan(db, filters or SearchFilters())
    with _deadline(db, deadline):
        if query.empty:
            ids, total = _browse(db, filter_plan, limit, offset)
            return _results(db, query, [(i, None, False) for i in ids], total, "date", 0)
        matches = _Matches.of(query, filter_plan)
        if order == "date":
            rows = matches.rows(db, "rowid", limit=limit, offset=offset)
            page = [(row[0] & ID_MASK, None, False) for row in rows]
            return _results(db, query, page, matches.count(db), "date", 0)
        return _by_relevance(db, query, matches, limit, offset)


@contextmanager
def _deadline(db: Database, seconds: float) -> Iterator[None]:
    stop = time.monotonic() + seconds
    db.conn.set_progress_handler(lambda: time.monotonic() > stop, _CHECK_EVERY)
    try:
        yield
    except sqlite3.OperationalError as error:
        if "interrupted" not in str(error):
            raise
        raise SearchTimeout(
            _("The search took too long; add words or filters to narrow it.")
        ) from error
    finally:
        db.conn.set_progress_handler(None, 0)


def _browse(
    db: Database, filter_plan: FilterPlan, limit: int, offset: int
) -> tuple[list[int], int]:
    where, params = filter_plan.report_conditions()
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    ids = db.execute(
        f"SELECT r.id FROM reports r {clause} ORDER BY r.{ORDERS['date']} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    total = db.execute(f"SELECT count(*) FROM reports r {clause}", params).fetchone()[0]
    return [row[0] for row in ids], total


@dataclass(frozen=True)
class _Matches:
    """The FTS rows matching a query and passing the filters, as one WHERE clause.

    Dates become a rowid range (rowids sort by date); every other filter a test of the report
    id (``rowid & ID_MASK``) against a set SQLite builds once per statement. Written as an
    expression, that test is not offered to FTS5 as a rowid lookup per value.
    """

    where: str
    params: tuple[object, ...]

    @classmethod
    def of(cls, query: ParsedQuery, filter_plan: FilterPlan) -> _Matches:
        where, params = [f"{FOLDED} MATCH ?"], [query.folded_match()]
        if filter_plan.day_from or filter_plan.day_to:
            where.append(f"{FOLDED}.rowid BETWEEN ? AND ?")
            params += rowid_range(filter_plan.day_from, filter_plan.day_to)
        where += [f"({FOLDED}.rowid & {ID_MASK}) IN ({sub})" for sub in filter_plan.id_sets]
        return cls(" AND ".join(where), (*params, *filter_plan.params))

    def rows(
        self, db: Database, columns: str, *, below: int | None = None, limit: int, offset: int = 0
    ) -> list[tuple[Any, ...]]:
        """``columns`` of the matches, newest first (rowid order), optionally below a rowid."""
        extra, params = "", [*self.params]
        if below is not None:
            extra, params = f" AND {FOLDED}.rowid < ?", [*params, below]
        return db.execute(
            f"SELECT {columns} FROM {FOLDED} WHERE {self.where}{extra} "
            f"ORDER BY {FOLDED}.rowid DESC LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()

    def count(self, db: Database) -> int:
        """How many reports match."""
        sql = f"SELECT count(*) FROM {FOLDED} WHERE {self.where}"
        return db.execute(sql, self.params).fetchone()[0]


def _by_relevance(
    db: Database, query: ParsedQuery, matches: _Matches, limit: int, offset: int
) -> SearchResults:
    candidates = matches.rows(db, f"rowid, {_BM25}", limit=RANK_CAP)
    rowids = [row[0] for row in candidates]
    exact = _exact_rowids(db, query, rowids)
    phrase = _phrase_rowids(db, query, rowids)
    ranked = sorted(
        ((rowid, score, rowid in exact) for rowid, score in candidates),
        key=lambda hit: (not hit[2], hit[0] not in phrase, hit[1], -hit[0]),
    )
    total = len(ranked) if len(ranked) < RANK_CAP else matches.count(db)
    page: list[tuple[int, float | None, bool]] = list(ranked[offset : offset + limit])
    if len(page) < limit and total > len(ranked):
        lowest = min(hit[0] for hit in ranked)
        rest = matches.rows(
            db, "rowid", below=lowest, limit=limit - len(page), offset=max(0, offset - len(ranked))
        )
        page += [(row[0], None, False) for row in rest]
    hits = [(rowid & ID_MASK, score, exact) for rowid, score, exact in page]
    return _results(db, query, hits, total, "relevance", len(ranked))


def _exact_rowids(db: Database, query: ParsedQuery, rowids: list[int]) -> set[int]:
    if not rowids or not query.has_marks:
        return set()
    rows = db.execute(
        f"SELECT rowid FROM {EXACT} WHERE {EXACT} MATCH ? AND rowid BETWEEN ? AND ?",
        [query.exact_match(), min(rowids), max(rowids)],
    ).fetchall()
    return {row[0] for row in rows}


def _phrase_rowids(db: Database, query: ParsedQuery, rowids: list[int]) -> set[int]:
    """The candidates holding the words typed as one phrase, in order ("dân vận khéo")."""
    phrase = query.phrase_match()
    if not rowids or phrase is None:
        return set()
    rows = db.execute(
        f"SELECT rowid FROM {FOLDED} WHERE {FOLDED} MATCH ? AND rowid BETWEEN ? AND ?",
        [phrase, min(rowids), max(rowids)],
    ).fetchall()
    return {row[0] for row in rows}


def _results(
    db: Database,
    query: ParsedQuery,
    page: list[tuple[int, float | None, bool]],
    total: int,
    order: str,
    ranked: int,
) -> SearchResults:
    ids = [hit[0] for hit in page]
    found = summaries_by_id(db, ids)
    texts = _texts(db, ids)
    pattern = snippets.matcher(*query.highlight_words())
    hits = []
    for report_id, score, exact in page:
        if report_id not in found:
            continue
        text = texts[report_id]
        snippet = snippets.make_snippet(text, snippets.find_marks(text, pattern))
        title_marks = tuple(snippets.find_marks(found[report_id].title or "", pattern))
        hits.append(Hit(found[report_id], score, exact, snippet, title_marks))
    return SearchResults(hits, total, order, ranked, query)


def _texts(db: Database, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    rows = db.execute(f"SELECT id, text FROM reports WHERE id IN ({marks})", ids).fetchall()
    return dict(rows)


__all__ = ["Hit", "SearchFilters", "SearchResults", "SearchTimeout", "search"]
