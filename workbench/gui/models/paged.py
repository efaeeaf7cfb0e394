"""A table whose rows come from the archive a page at a time, as the view scrolls.

The model keeps the rows loaded so far and the number of rows the query has; the view asks for
more with ``canFetchMore``/``fetchMore`` when it scrolls near the end (as ``QSqlQueryModel``
does), and each page is fetched by an ``Op`` on the database thread. A page may leave its
total uncounted (a lower bound: counting every match of a search can take longer than the
page); then a ``count`` job follows the first page and ``counted`` says when the number is
in (or the count failed: the lower bound stays). A new query bumps a generation counter
shared with the jobs: a queued job of an older query does no work, a running count of one
stops, and a page of an older query that arrives late is dropped. Anki's
browser table keeps ids and a row cache the same way (``qt/aqt/browser/table/model.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)

from workbench.gui.models.table import Index, KeyRole, RowRole, header
from workbench.gui.ops import Op, Runner

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Page:
    """Rows of a query from an offset, and how many rows the query has: exactly when
    ``counted``, else at least ``total``."""

    rows: list[Any]
    total: int
    counted: bool = True


#: ``fetch(db, query, offset, limit) -> Page``; runs on the database thread.
Fetch = Callable[[Any, Any, int, int], Page]
#: ``count(db, query, stop) -> int``: the rows of a query, for a page that left them
#: uncounted; it gives up (raises) once ``stop()`` is true: a newer query was asked for.
Count = Callable[[Any, Any, Callable[[], bool]], int]


class _Generation:
    """The number of the current query; read by jobs on the database thread."""

    def __init__(self) -> None:
        self.value = 0


class PagedModel(QAbstractTableModel):
    """Rows of a query, fetched a page at a time; subclasses say how rows show (``cell``)."""

    loaded = Signal()  # a query's first page (or a refresh) arrived: the rows are new
    counted = Signal()  # the count that followed the current query's first page came (or failed)
    failed = Signal(object)  # BaseException of the current query

    columns: Sequence[str] = ()  # N_-marked titles

    def __init__(
        self,
        runner: Runner,
        fetch: Fetch,
        *,
        count: Count | None = None,
        page_size: int = 100,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._fetch = fetch
        self._count = count
        self._page_size = page_size
        self._generation = _Generation()
        self._query: Any = None
        self._rows: list[Any] = []
        self._total = 0
        self._exact = True
        self._counting = False
        self._pending = False

    # -- what subclasses provide --------------------------------------------------------------
    def key(self, row: Any) -> Hashable:
        """What identifies a row across reloads (an id)."""
        return getattr(row, "id", id(row))

    def cell(self, row: Any, column: int, role: int) -> Any:
        """The data of ``row`` in ``column`` for ``role`` (None for nothing)."""
        return None

    # -- queries --------------------------------------------------------------------------------
    @property
    def query(self) -> Any:
        return self._query

    @property
    def total(self) -> int:
        """How many rows the query has (loaded or not); at least that many until ``exact``."""
        return self._total

    @property
    def exact(self) -> bool:
        """Whether ``total`` is counted (else ``counting``, or the count failed)."""
        return self._exact

    @property
    def counting(self) -> bool:
        """A count of the current query's rows is on its way."""
        return self._counting

    @property
    def busy(self) -> bool:
        """A page is on its way."""
        return self._pending

    def set_query(self, query: Any) -> None:
        """Show the rows of ``query`` (a value ``fetch`` understands) from its first page.

        The current rows stay until the new ones arrive; any page still coming for an older
        query is dropped.
        """
        self._query = query
        self._generation.value += 1
        self._request(0, self._page_size, "reset")

    def refresh(self) -> None:
        """Fetch the rows shown again (the archive changed); rows still there keep selection."""
        if self._query is not None:
            self._generation.value += 1
            self._request(0, max(len(self._rows), self._page_size), "refresh")

    def row(self, row: int) -> Any:
        return self._rows[row]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_of(self, key: Hashable) -> int:
        """The row whose key is ``key``, or -1."""
        return next((r for r, item in enumerate(self._rows) if self.key(item) == key), -1)

    # -- fetching -------------------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt signature
        return not parent.isValid() and not self._pending and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        """Ask for the next page; it is requested when control returns to the event loop, so
        rows never arrive inside the signal of another change (a view may ask mid-reset)."""
        if not self.canFetchMore(parent):
            return
        self._pending = True
        generation = self._generation.value
        QTimer.singleShot(0, self, lambda: self._fetch_next(generation))

    def _fetch_next(self, generation: int) -> None:
        if generation == self._generation.value:
            self._request(len(self._rows), self._page_size, "append")

    def _request(self, offset: int, limit: int, mode: str) -> None:
        shared, generation = self._generation, self._generation.value
        fetch, query = self._fetch, self._query

        def job(db):
            if shared.value != generation:  # a newer query was asked for: skip this one
                return None
            return fetch(db, query, offset, limit)

        self._pending = True
        Op(self._runner, job).success(
            lambda page: self._on_page(generation, offset, mode, page)
        ).failure(lambda error: self._on_failure(generation, mode, error)).run()

    def _on_page(self, generation: int, offset: int, mode: str, page: Page | None) -> None:
        if page is None or generation != self._generation.value:
            return  # a stale page: a newer query owns the model
        self._pending = False
        rows = page.rows
        if mode == "append":
            if offset != len(self._rows):
                return
            if rows:
                self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
                self._rows.extend(rows)
                self.endInsertRows()
            if not rows:
                self._total, self._exact = len(self._rows), True
            elif page.counted or not self._exact:
                self._total, self._exact = page.total, page.counted
            return
        if mode == "refresh" and [self.key(r) for r in rows] == [self.key(r) for r in self._rows]:
            self._rows, self._total, self._exact = list(rows), page.total, page.counted
            if rows:
                last = self.index(len(rows) - 1, self.columnCount() - 1)
                self.dataChanged.emit(self.index(0, 0), last)
        else:
            self.beginResetModel()
            self._rows, self._total, self._exact = list(rows), page.total, page.counted
            self.endResetModel()
        self._counting = not page.counted and self._count is not None
        self.loaded.emit()
        if self._counting:
            self._request_count(generation)

    def _request_count(self, generation: int) -> None:
        shared, count, query = self._generation, self._count, self._query

        def stale() -> bool:  # a newer query was asked for
            return shared.value != generation

        def job(db):
            return None if stale() else count(db, query, stale)  # type: ignore[misc]

        Op(self._runner, job).success(lambda total: self._on_count(generation, total)).failure(
            lambda error: self._on_count_failed(generation, error)
        ).run()

    def _on_count(self, generation: int, total: int | None) -> None:
        if total is None or generation != self._generation.value:
            return
        self._total, self._exact, self._counting = total, True, False
        self.counted.emit()

    def _on_count_failed(self, generation: int, error: BaseException) -> None:
        """The rows stay, with their lower bound (a count past its deadline, or stopped)."""
        if generation == self._generation.value:
            log.warning("counting the rows of %r failed: %s", self._query, error)
            self._counting = False
            self.counted.emit()

    def _on_failure(self, generation: int, mode: str, error: BaseException) -> None:
        if generation == self._generation.value:
            self._pending = self._counting = False
            if mode != "append":  # the rows shown are an older query's: fetch no more of them
                self._total, self._exact = len(self._rows), True
            self.failed.emit(error)

    # -- Qt model -------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        return header(self.columns, section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == RowRole:
            return row
        if role == KeyRole:
            return self.key(row)
        return self.cell(row, index.column(), role)
