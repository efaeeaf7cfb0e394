"""Use cases for finding reports: full-text search with filters, and saved searches."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, fields

from sqlite_utils import Database

from workbench.core.errors import ArchiveError
from workbench.i18n import _
from workbench.services.changes import Changes
from workbench.services.clock import now
from workbench.services.guard import archive_errors
from workbench.storage import extras_repo
from workbench.storage.db import transaction
from workbench.storage.extras_repo import SavedSearch
from workbench.storage.search import SearchFilters, SearchResults, SearchTimeout, count, search

__all__ = [
    "SavedSearch",
    "SearchFilters",
    "SearchResults",
    "SearchTimeout",
    "count_reports",
    "delete_saved_search",
    "list_saved_searches",
    "run_saved_search",
    "save_search",
    "search_reports",
]


@archive_errors
def search_reports(
    db: Database,
    text: str,
    filters: SearchFilters | None = None,
    *,
    order: str = "relevance",
    limit: int = 20,
    offset: int = 0,
) -> SearchResults:
    """One page of the reports matching ``text`` (any string the editor typed) and ``filters``.

    Diacritics-insensitive (``đ`` = ``d``), words typed with marks rank exact matches first,
    the last word matches as a prefix. ``order``: ``"relevance"`` or ``"date"``. An empty
    query lists the reports passing the filters, newest first. The total is exact when
    ``counted``; otherwise it is a lower bound and ``count_reports`` gives it. Raises
    ``SearchTimeout`` (an ``ArchiveError``) for a search that runs too long, ``ValueError``
    for a bad order.
    """
    return search(db, text, filters, order=order, limit=limit, offset=offset)


@archive_errors
def count_reports(
    db: Database,
    text: str,
    filters: SearchFilters | None = None,
    *,
    stop: Callable[[], bool] | None = None,
) -> int:
    """How many reports ``search_reports`` finds for ``text`` and ``filters``.

    Raises ``SearchTimeout`` for a count that runs too long, ``Cancelled`` once ``stop()``
    is true.
    """
    return count(db, text, filters, stop=stop)


@archive_errors
def save_search(
    db: Database, name: str, text: str, filters: SearchFilters | None = None
) -> tuple[int, Changes]:
    """Save a search under ``name`` (replacing one of that name); its id and the changes.

    Raises ``ArchiveError`` for a blank name.
    """
    if not name.strip():
        raise ArchiveError(_("A saved search needs a name."))
    defaults = asdict(SearchFilters())
    chosen = asdict(filters or SearchFilters())
    values = {key: value for key, value in chosen.items() if value != defaults[key]}
    with transaction(db):
        search_id = extras_repo.save_search(db, name.strip(), text, values, now())
    return search_id, Changes(saved_searches=True)


@archive_errors
def list_saved_searches(db: Database) -> list[SavedSearch]:
    """Every saved search, by name."""
    return extras_repo.saved_searches(db)


@archive_errors
def run_saved_search(
    db: Database, search_id: int, *, limit: int = 20, offset: int = 0
) -> SearchResults:
    """Run a saved search. Raises ``ArchiveError`` if there is none with that id."""
    saved = next((s for s in extras_repo.saved_searches(db) if s.id == search_id), None)
    if saved is None:
        raise ArchiveError(_("There is no saved search #{id}.").format(id=search_id))
    known = {f.name for f in fields(SearchFilters)}
    filters = SearchFilters(**{k: v for k, v in saved.filters.items() if k in known})
    return search(db, saved.query, filters, limit=limit, offset=offset)


@archive_errors
def delete_saved_search(db: Database, search_id: int) -> Changes:
    """Delete a saved search. Raises ``ArchiveError`` if there is none with that id."""
    with transaction(db):
        if not extras_repo.delete_saved_search(db, search_id):
            raise ArchiveError(_("There is no saved search #{id}.").format(id=search_id))
    return Changes(saved_searches=True)
