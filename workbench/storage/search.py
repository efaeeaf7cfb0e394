"""Searching the archive: full text (folded, exact-first), filters, order, pages, snippets.

Ranking choice (DOMAIN.md §5: bm25 costs 3–5 µs per matching report, ~300 ms for a word in
every one of 100,000 reports): relevance is computed over a capped candidate set, the newest
``RANK_CAP`` matching reports. The index's rowids sort by date (``index.search_rowid``), so
FTS5 hands those out first at no ranking cost. When a query matches more than that, results
past the cap follow newest first and ``SearchResults.ranked`` says how many were ranked;
``order="date"`` is plain rowid order. A query typed with marks ranks reports whose words
carry the same marks first ("Đảng" before "đang"), looked up in the exact index over the
candidates' rowid range only; then those holding the words as one phrase; then, among the
best ``HEADLINE_HEAD``, those whose headline holds more of the words (bm25 gives the headline
column nothing for words found in most reports: "dân vận" in a headline counted for naught
against one "khéo" in a short text); then bm25. A progress-handler deadline stops any query
that runs away.

Where the time goes at 100,000 reports (``benchmarks/search.py``, a word found in every
report): before its first score, bm25 counts every report holding each word of the query
(FTS5 ``xQueryPhrase``: ~2.5 ms a common word, more for a prefix longer than the prefix
indexes, which FTS5 expands by merging the doclists of every word it covers). That grows with
the archive, not with the cap; the ranking of the capped candidates (~1 µs a candidate and
word) and the page (2-3 ms: 20 snippets) do not.

**The total is counted apart.** Counting every match costs as much again (10-22 ms for three
common words, more with a filter: each match is tested against the filter's reports), and
nothing on the page needs it. So a page says how many reports match only when it can tell
without counting (fewer matches than the cap, or the last page): ``SearchResults.counted``.
Otherwise ``total`` is a lower bound, and :func:`count` gives the number: the window shows the
page first and the number when it comes, the command line waits for both.

A filter other than dates narrows the matches to a set of report ids, so the newest
candidates lie among more of the index: for one person in 5% of the reports, twenty times as
many rows for bm25 and for the exact and phrase tiers to read. A filtered query ranks
``FILTERED_RANK_CAP`` candidates (three words + that person at 100,000 reports, p95 as
imported / merged: 38.3 / 32.3 ms with 500, 30.4 / 26.0 ms with 250; two connections side by
side, the tiers beside bm25, gained nothing on 2 cores). A filter passing at most ``FEW``
reports (a person named in 40 of them) would leave too few candidates to fill the cap: every
match would be read and tested, and the tiers would read the whole index between the first
and the last (130 ms for "công tác dân vận"). Those reports (also at most one in
``FEW_SHARE``: a small index is read faster) are read from their own columns instead
(``text_match``), and ranked by the tiers alone, newest first within each: bm25 cannot score
them without its counts over the whole index (383 ms for 33 reports looked up). Looking them
up in the index one by one cost 9.7 ms merged but 48 ms on 17 index segments (a lookup seeks
each word in each segment); read, 15 ms p95 either way. Newest first, they are read too,
and the page knows its total: 7 ms (the lookups: 6.7 merged, 28 on 17 segments).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from workbench.core.errors import ArchiveError, Cancelled
from workbench.core.models import Span
from workbench.i18n import _
from workbench.storage import snippets
from workbench.storage.filters import FilterPlan, SearchFilters, plan
from workbench.storage.index import (
    EXACT,
    FOLDED,
    ID_BITS,
    ID_MASK,
    WEIGHTS,
    day_iso,
    row_values,
    rowid_range,
)
from workbench.storage.query import ParsedQuery, parse_query
from workbench.storage.repository import ORDERS, ReportSummary, summaries_by_id
from workbench.storage.text_match import TextQuery, Verdict, readable

RANK_CAP = 1000
FILTERED_RANK_CAP = 250  # when a filter other than dates narrows the matches
HEADLINE_HEAD = 200  # the best candidates, ranked again by the query words in their headline
FEW = 100  # filters passing at most this many reports, and at most one in FEW_SHARE,
FEW_SHARE = 250  # are read from their own columns, not from the index
LOOKUP_ROWS = 100  # reports a candidate in the candidates' days past which each is looked up
MAX_PAGE = 500
DEADLINE_SECONDS = 3.0
READ_SECONDS = 0.25  # reading few reports' texts past this, the index answers for the rest
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
    """A page of hits, how many reports match, and how they were ordered.

    ``total`` is the number of matching reports when ``counted``; otherwise at least that
    many match (more than the page shows) and :func:`count` tells how many.
    """

    hits: list[Hit]
    total: int
    order: str
    ranked: int = 0  # how many of the best matches were ranked by relevance
    query: ParsedQuery = field(default_factory=ParsedQuery)
    counted: bool = True


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
    report that passes the filters, newest first. ``limit`` is capped at ``MAX_PAGE``. The
    total is exact when ``counted``, else a lower bound (see :func:`count`).
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
            page = [(i, None, False) for i in ids]
            return _results(db, query, page, total, True, "date", 0)
        matches = _Matches.of(query, filter_plan)
        if order == "date":
            few = matches.few(db, tiers=False)
            newest = [(rowid, None, False) for rowid, _verdict in few or ()]
            page, total = _page(db, matches, newest, few is not None, limit, offset)
            return _results(db, query, page, *total, "date", 0)
        ranked, every = _by_relevance(db, query, matches)
        page, total = _page(db, matches, ranked, every, limit, offset)
        return _results(db, query, page, *total, "relevance", len(ranked))


def count(
    db: Database,
    text: str,
    filters: SearchFilters | None = None,
    *,
    deadline: float = DEADLINE_SECONDS,
    stop: Callable[[], bool] | None = None,
) -> int:
    """How many reports match ``text`` and ``filters`` (what ``search`` may leave uncounted).

    Raises ``SearchTimeout`` when counting takes longer than ``deadline`` seconds, and
    ``Cancelled`` as soon as ``stop()`` is true (the count is no longer wanted).
    """
    query = parse_query(text)
    filter_plan = plan(db, filters or SearchFilters())
    with _deadline(db, deadline, stop):
        if query.empty:
            return _browse_count(db, filter_plan)
        return _Matches.of(query, filter_plan).count(db)


@contextmanager
def _deadline(
    db: Database, seconds: float, stop: Callable[[], bool] | None = None
) -> Iterator[None]:
    late = time.monotonic() + seconds
    wanted = stop or (lambda: False)
    db.conn.set_progress_handler(lambda: time.monotonic() > late or wanted(), _CHECK_EVERY)
    try:
        yield
    except sqlite3.OperationalError as error:
        if "interrupted" not in str(error):
            raise
        if wanted():
            raise Cancelled("Cancelled.") from error
        raise SearchTimeout(
            _("The search took too long; add words or filters to narrow it.")
        ) from error
    finally:
        db.conn.set_progress_handler(None, 0)


def _browse(
    db: Database, filter_plan: FilterPlan, limit: int, offset: int
) -> tuple[list[int], int]:
    clause, params = _passing(filter_plan)
    ids = db.execute(
        f"SELECT r.id FROM reports r {clause} ORDER BY r.{ORDERS['date']} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return [row[0] for row in ids], _browse_count(db, filter_plan)


def _browse_count(db: Database, filter_plan: FilterPlan) -> int:
    clause, params = _passing(filter_plan)
    return db.execute(f"SELECT count(*) FROM reports r {clause}", params).fetchone()[0]


def _passing(filter_plan: FilterPlan) -> tuple[str, list[object]]:
    """The WHERE clause (or none) of the reports ``r`` passing the filters, and its values."""
    where, params = filter_plan.report_conditions()
    return (f"WHERE {' AND '.join(where)}" if where else ""), params


@dataclass(frozen=True)
class _Matches:
    """The FTS rows matching a query and passing the filters.

    Dates become a rowid range (rowids sort by date) that FTS5 seeks to. Every other filter
    is a set of report ids, tested against the report id of each FTS row (``rowid &
    ID_MASK``); written as an expression, that test is not offered to FTS5 as a rowid lookup
    per value (one new FTS5 query per value: ~1 ms each, measured). Fetching the newest rows
    tests each against ``IN (set)``; counting every match joins the rows to the sets'
    intersection instead, a quarter cheaper per row (measured: 16 ms against 20 ms to count a
    word found in all of 100,000 reports, filtered to one person's 5,000).
    """

    query: ParsedQuery
    where: str
    params: tuple[object, ...]
    dates: tuple[int, int] | None = None  # the rowid range of a date filter
    id_sets: tuple[str, ...] = ()
    set_params: tuple[object, ...] = ()

    @classmethod
    def of(cls, query: ParsedQuery, filter_plan: FilterPlan) -> _Matches:
        where, params = [f"{FOLDED} MATCH ?"], [query.folded_match()]
        dates = None
        if filter_plan.day_from or filter_plan.day_to:
            dates = rowid_range(filter_plan.day_from, filter_plan.day_to)
            where.append(f"{FOLDED}.rowid BETWEEN ? AND ?")
            params += dates
        return cls(
            query,
            " AND ".join(where),
            tuple(params),
            dates,
            filter_plan.id_sets,
            filter_plan.params,
        )

    @property
    def filtered(self) -> bool:
        """Whether a filter other than dates narrows the matches."""
        return bool(self.id_sets)

    def rows(
        self, db: Database, columns: str, *, below: int | None = None, limit: int, offset: int = 0
    ) -> list[tuple[Any, ...]]:
        """``columns`` of the matches, newest first (rowid order), optionally below a rowid."""
        where, params = [self.where], [*self.params]
        where += [f"({FOLDED}.rowid & {ID_MASK}) IN ({sub})" for sub in self.id_sets]
        params += self.set_params
        if below is not None:
            where.append(f"{FOLDED}.rowid < ?")
            params.append(below)
        return db.execute(
            f"SELECT {columns} FROM {FOLDED} WHERE {' AND '.join(where)} "
            f"ORDER BY {FOLDED}.rowid DESC LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()

    def few(self, db: Database, *, tiers: bool = True) -> list[tuple[int, Verdict]] | None:
        """Every match, newest first, with how it matched, when the filters pass at most
        ``FEW`` reports and one in ``FEW_SHARE`` of the archive: their own columns are read
        (``text_match``) instead of the index newest first (None: more reports pass, or only
        dates filter).

        Reading the index costs with every match in it; reading the few reports, with their
        length. Measured with three words and one person, the whole search (p50): 60 of
        100,000 reports, 14 ms read against 78 ms from the index; 14 of 10,000, 4.3 against
        8.0; 45 of 1,000, 8.5 against 4.3 (the small index wins).
        """
        if not self.id_sets:
            return None
        largest = db.execute("SELECT max(id) FROM reports").fetchone()[0] or 0
        most = min(FEW, largest // FEW_SHARE)
        first, *others = self.id_sets  # read the first set; test each id against the others
        also = "".join(f" AND id IN ({other})" for other in others)
        passing = db.execute(
            f"WITH ids(id) AS ({first}) SELECT DISTINCT id FROM ids WHERE 1{also} LIMIT ?",
            [*self.set_params, most + 1],
        ).fetchall()
        if len(passing) > most:
            return None
        ids = [row[0] for row in passing]
        reading = TextQuery.of(self.query, tiers=tiers)
        texts = ", title, text, index_people, index_documents" if reading else ""
        dated = " AND search_rowid BETWEEN ? AND ?" if self.dates else ""
        rows = db.execute(
            f"SELECT search_rowid{texts} FROM reports "
            f"WHERE id IN ({_marks(ids)}) AND search_rowid IS NOT NULL{dated}",
            [*ids, *(self.dates or ())],
        )
        late = time.monotonic() + READ_SECONDS
        found, asked = [], []
        for rowid, *columns in rows:
            values = readable(row_values(*columns)) if reading else None
            if values is None or time.monotonic() > late:
                asked.append(rowid)  # the index answers for these
            elif (verdict := reading.judge(values)) is not None:
                found.append((rowid, verdict))
        found += _looked_up(db, self.query, asked, tiers=tiers)
        return sorted(found, key=lambda row: -row[0])

    def count(self, db: Database | sqlite3.Connection) -> int:
        """How many reports match."""
        if not self.id_sets:
            sql = f"SELECT count(*) FROM {FOLDED} WHERE {self.where}"
            return db.execute(sql, self.params).fetchone()[0]
        sql = (
            f"WITH ids(id) AS ({' INTERSECT '.join(self.id_sets)}) "
            f"SELECT count(*) FROM {FOLDED} CROSS JOIN (SELECT DISTINCT id FROM ids) AS passing "
            f"ON passing.id = ({FOLDED}.rowid & {ID_MASK}) WHERE {self.where}"
        )
        return db.execute(sql, [*self.set_params, *self.params]).fetchone()[0]


Row = tuple[int, float | None, bool]  # FTS rowid, bm25 score (None: not ranked), exact


def _by_relevance(db: Database, query: ParsedQuery, matches: _Matches) -> tuple[list[Row], bool]:
    """The newest matches up to the cap, best first; and whether they are every match.

    When the filters pass only a few reports, every match is found and ranked by the tiers
    alone, newest first within each (bm25 needs its counts over the whole index, 10-30 ms;
    the few reports are read from their own columns, which bm25 cannot score).
    """
    few = matches.few(db)
    if few is not None:
        candidates: list[tuple[int, float | None]] = [(rowid, None) for rowid, _verdict in few]
        exact = {rowid for rowid, verdict in few if verdict.exact}
        phrase = {rowid for rowid, verdict in few if verdict.phrase}
        every = True
    else:
        cap = FILTERED_RANK_CAP if matches.filtered else RANK_CAP
        candidates = matches.rows(db, f"rowid, {_BM25}", limit=cap)
        every = len(candidates) < cap
        rowids = [row[0] for row in candidates]
        lookup = _spread_out(db, rowids)
        exact = _exact_rowids(db, query, rowids, lookup=lookup)
        phrase = _phrase_rowids(db, query, rowids, lookup=lookup)
    ranked = sorted(
        ((rowid, score, rowid in exact) for rowid, score in candidates),
        key=lambda hit: (not hit[2], hit[0] not in phrase, hit[1] or 0.0, -hit[0]),
    )
    in_title = _headline_words(db, query, [hit[0] for hit in ranked[:HEADLINE_HEAD]])
    ranked[:HEADLINE_HEAD] = sorted(
        ranked[:HEADLINE_HEAD],
        key=lambda hit: (
            (not hit[2], hit[0] not in phrase, -in_title[hit[0]], hit[1] or 0.0, -hit[0])
        ),
    )
    return ranked, every


def _page(
    db: Database, matches: _Matches, head: list[Row], every: bool, limit: int, offset: int
) -> tuple[list[Row], tuple[int, bool]]:
    """Rows ``offset`` to ``offset + limit`` of ``head`` followed by the matches older than
    its rows, newest first (``every``: ``head`` holds every match), with report ids for FTS
    rowids; and the total with whether it is exact (else a lower bound), told by asking for
    one row more than the page.
    """
    window = head[offset : offset + limit + 1]
    total = (len(head), True) if every else (max(len(head), offset + limit + 1), False)
    if not every and len(window) <= limit:
        below = min(row[0] for row in head) if head else None
        skip = max(0, offset - len(head))
        tail = matches.rows(db, "rowid", below=below, limit=limit + 1 - len(window), offset=skip)
        window += [(row[0], None, False) for row in tail]
        if len(window) <= limit:  # the last page, or past it
            known = tail or skip == 0
            total = (len(head) + skip + len(tail) if known else matches.count(db), True)
    return [(rowid & ID_MASK, score, exact) for rowid, score, exact in window[:limit]], total


def _looked_up(
    db: Database, query: ParsedQuery, rowids: list[int], *, tiers: bool
) -> list[tuple[int, Verdict]]:
    """The ``rowids`` the query matches, with their tiers, each looked up in the index (those
    ``text_match`` cannot read)."""
    if not rowids:
        return []
    matched = list(_among(db, FOLDED, query.folded_match(), rowids, lookup=True))
    exact = _exact_rowids(db, query, matched, lookup=True) if tiers else set()
    phrase = _phrase_rowids(db, query, matched, lookup=True) if tiers else set()
    return [(rowid, Verdict(rowid in exact, rowid in phrase)) for rowid in matched]


def _exact_rowids(db: Database, query: ParsedQuery, rowids: list[int], *, lookup: bool) -> set[int]:
    """The candidates whose words typed with marks carry the same marks."""
    if not rowids or not query.has_marks:
        return set()
    return _among(db, EXACT, query.exact_match(), rowids, lookup)


def _spread_out(db: Database, rowids: list[int]) -> bool:
    """Whether the days of the candidates hold more than ``LOOKUP_ROWS`` reports for each
    candidate: then looking each up (a seek of each word in each index segment, 20-200 µs)
    costs less than reading the index over their range (~1 µs a report). The newest matches
    of common words lie close together; 21 matches of "Đảng 181ha" lie over the whole
    archive (27-33 ms read at 100,000 reports, 5 ms looked up)."""
    if not rowids:
        return False
    most = LOOKUP_ROWS * len(rowids)
    first, last = min(rowids) >> ID_BITS, max(rowids) >> ID_BITS
    held = db.execute(
        "SELECT count(*) FROM (SELECT 1 FROM reports WHERE sort_date >= ? AND sort_date < ? "
        "LIMIT ?)",
        [day_iso(first), day_iso(last + 1), most + 1],
    ).fetchone()[0]
    return held > most


def _among(db: Database, table: str, match: str, rowids: list[int], lookup: bool) -> set[int]:
    """The ``rowids`` that ``match`` finds in ``table``: looked up one by one (candidates
    spread out, see ``_spread_out``), else by reading the index over their range."""
    if lookup:
        where, params = f"rowid IN ({_marks(rowids)})", rowids
    else:
        where, params = "rowid BETWEEN ? AND ?", [min(rowids), max(rowids)]
    sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ? AND {where}"
    return {row[0] for row in db.execute(sql, [match, *params])}


def _marks(values: list[Any]) -> str:
    return ", ".join("?" * len(values))


def _headline_words(db: Database, query: ParsedQuery, rowids: list[int]) -> dict[int, int]:
    """How many different query words each candidate's headline holds."""
    if not rowids:
        return {}
    pattern = snippets.matcher(*query.highlight_words())
    ids = [rowid & ID_MASK for rowid in rowids]
    titles = dict(db.execute(f"SELECT id, title FROM reports WHERE id IN ({_marks(ids)})", ids))
    return {
        rowid: snippets.different_words(titles.get(rowid & ID_MASK) or "", pattern)
        for rowid in rowids
    }


def _phrase_rowids(
    db: Database, query: ParsedQuery, rowids: list[int], *, lookup: bool
) -> set[int]:
    """The candidates holding the words typed as one phrase, in order ("dân vận khéo")."""
    phrase = query.phrase_match()
    if not rowids or phrase is None:
        return set()
    return _among(db, FOLDED, phrase, rowids, lookup)


def _results(
    db: Database,
    query: ParsedQuery,
    page: list[Row],
    total: int,
    counted: bool,
    order: str,
    ranked: int,
) -> SearchResults:
    """The page's hits (report id, score, exact) with their snippets."""
    ids = [report_id for report_id, _score, _exact in page]
    found = summaries_by_id(db, ids)
    texts = _texts(db, ids)
    pattern = snippets.matcher(*query.highlight_words())
    hits = []
    for report_id, score, exact in page:
        if report_id not in found:
            continue
        snippet = snippets.snippet(texts[report_id], pattern)
        title_marks = tuple(snippets.find_marks(found[report_id].title or "", pattern))
        hits.append(Hit(found[report_id], score, exact, snippet, title_marks))
    return SearchResults(hits, total, order, ranked, query, counted)


def _texts(db: Database, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(db.execute(f"SELECT id, text FROM reports WHERE id IN ({_marks(ids)})", ids))


__all__ = ["Hit", "SearchFilters", "SearchResults", "SearchTimeout", "count", "search"]
