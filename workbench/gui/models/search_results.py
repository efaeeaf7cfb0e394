"""The archive browser's results: one row per report found, a page at a time.

Each row carries what the list shows, its HTML (headline and snippet with the matched words
marked) made on the database thread with the page, so the GUI thread only paints.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt

from workbench.gui.models.paged import Page, PagedModel
from workbench.gui.ops import Runner
from workbench.gui.rich_text import hit_html, plain_tooltip
from workbench.i18n import N_, _
from workbench.services.searching import SearchFilters, count_reports, search_reports

HtmlRole = Qt.ItemDataRole.UserRole + 10  # the row as rich text
PAGE_SIZE = 60


@dataclass(frozen=True)
class BrowseQuery:
    """What the browser asks for: the words typed, the filters and the order."""

    text: str = ""
    filters: SearchFilters = field(default_factory=SearchFilters)
    order: str = "relevance"


@dataclass(frozen=True)
class ResultRow:
    """One report found, as the list shows it."""

    id: int
    title: str
    date: str
    source: str
    snippet: str
    html: str
    exact: bool


def report_date(published_at: str | None, event_date: str | None) -> str:
    """The date a list shows for a report: its event, else the day it was published."""
    return event_date or (published_at or "")[:10]


def fetch_results(db, query: BrowseQuery, offset: int, limit: int) -> Page:
    """One page of results of ``query`` (runs on the database thread)."""
    results = search_reports(
        db, query.text, query.filters, order=query.order, limit=limit, offset=offset
    )
    rows = []
    for hit in results.hits:
        report = hit.report
        title = report.title or _("(no headline)")
        date = report_date(report.published_at, report.event_date)
        meta = " · ".join(part for part in (date, report.source or "") if part)
        snippet = hit.snippet
        html = hit_html(title, hit.title_marks, meta, snippet.text, snippet.start, snippet.marks)
        rows.append(
            ResultRow(report.id, title, date, report.source or "", snippet.text, html, hit.exact)
        )
    return Page(rows, results.total, results.counted)


def count_results(db, query: BrowseQuery, stop) -> int:
    """How many reports ``query`` finds, when its first page did not say (database thread);
    stops once ``stop()`` is true."""
    return count_reports(db, query.text, query.filters, stop=stop)


class SearchResultsModel(PagedModel):
    """Reports matching the browser's query; ``HtmlRole`` gives a row as rich text."""

    columns = (N_("Report"),)

    def __init__(self, runner: Runner, parent=None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(
            runner, fetch_results, count=count_results, page_size=page_size, parent=parent
        )

    def cell(self, row: ResultRow, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role == HtmlRole:
            return row.html
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(row.title, " · ".join(p for p in (row.date, row.source) if p))
        return None

    def report_ids(self, rows: list[int]) -> list[int]:
        """The report ids of these rows, in the order given."""
        return [self.row(r).id for r in rows if 0 <= r < self.rowCount()]
