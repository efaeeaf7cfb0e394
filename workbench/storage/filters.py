"""Search filters and the SQL they become: a date range and sets of report ids."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from workbench.core.fold import fold_key, fold_name, has_marks, number_key
from workbench.core.models import ROLES

DATE_FIELDS = ("event", "published")


@dataclass(frozen=True)
class SearchFilters:
    """What a search is narrowed to; ``None`` leaves a filter off. Dates are ISO days.

    ``person`` is a name looked up in the directory (typed with or without marks; every
    person of that name counts); ``person_id`` names one entry. ``role`` alone keeps reports
    with anyone in that role; with a person, that person in that role. ``date_field``
    ``"event"`` filters on the report's date (its event date, else its publication day: the
    date reports are sorted by); ``"published"`` on the publication date.
    """

    person_id: int | None = None
    person: str | None = None
    role: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    date_field: str = "event"
    document: str | None = None
    tag: str | None = None
    source: str | None = None

    def __post_init__(self) -> None:
        if self.role is not None and self.role not in ROLES:
            raise ValueError(f"unknown role {self.role!r}; expected one of {ROLES}")
        if self.date_field not in DATE_FIELDS:
            raise ValueError(f"unknown date field {self.date_field!r}")


def person_ids_named(db: Database, name: str) -> list[int]:
    """Directory entries whose name (or a variant) is ``name``; marks optional when typed bare."""
    if has_marks(name):
        key = fold_name(name)
        sql = (
            "SELECT id FROM people WHERE name_key = ? "
            "UNION SELECT person_id FROM person_names WHERE name_key = ?"
        )
        rows = db.execute(sql, [key, key])
    else:
        bare = fold_name(name, keep_marks=False)
        rows = db.execute("SELECT id FROM people WHERE bare_key = ?", [bare])
    return sorted(row[0] for row in rows.fetchall())


@dataclass(frozen=True)
class FilterPlan:
    """Filters as SQL: a range of sort dates, and subqueries that each select report ids.

    ``id_sets`` are ``SELECT``s of report ids (their ``?`` filled from ``params`` in order);
    a report passes when its id is in every one of them.
    """

    day_from: str | None = None
    day_to: str | None = None
    id_sets: tuple[str, ...] = ()
    params: tuple[object, ...] = ()

    def report_conditions(self, alias: str = "r") -> tuple[list[str], list[object]]:
        """Conditions on the table ``reports`` (as ``alias``) and their parameters."""
        where, params = [], []
        if self.day_from:
            where.append(f"{alias}.sort_date >= ?")
            params.append(self.day_from)
        if self.day_to:
            where.append(f"{alias}.sort_date <= ?")
            params.append(self.day_to)
        where += [f"{alias}.id IN ({subquery})" for subquery in self.id_sets]
        return where, [*params, *self.params]


def plan(db: Database, filters: SearchFilters) -> FilterPlan:
    """The ``FilterPlan`` of ``filters`` (looks up the person's name in the directory)."""
    id_sets: list[str] = []
    params: list[object] = []
    _people(db, filters, id_sets, params)
    if filters.date_field == "published" and (filters.date_from or filters.date_to):
        # published_at carries a time ("2023-09-07T05:59"): the whole last day counts
        id_sets.append("SELECT id FROM reports WHERE published_at >= ? AND published_at <= ?")
        params += [filters.date_from or "", (filters.date_to or "9999") + "T99"]
    if filters.document:
        id_sets.append(
            "SELECT dm.report_id FROM document_mentions dm JOIN documents d "
            "ON d.id = dm.document_id WHERE d.number_key = ?"
        )
        params.append(number_key(filters.document))
    if filters.tag:
        id_sets.append(
            "SELECT rt.report_id FROM report_tags rt JOIN tags t ON t.id = rt.tag_id "
            "WHERE t.name_key = ?"
        )
        params.append(fold_key(filters.tag))
    if filters.source:
        id_sets.append("SELECT id FROM reports WHERE source = ? COLLATE NOCASE")
        params.append(filters.source.strip())
    if filters.date_field == "event":
        return FilterPlan(filters.date_from, filters.date_to, tuple(id_sets), tuple(params))
    return FilterPlan(None, None, tuple(id_sets), tuple(params))


def _people(db: Database, filters: SearchFilters, id_sets: list[str], params: list[object]) -> None:
    ids: list[int] | None = None
    if filters.person_id is not None:
        ids = [filters.person_id]
    if filters.person:
        named = person_ids_named(db, filters.person)
        ids = named if ids is None else [i for i in ids if i in named]
    conditions, values = [], []
    if ids is not None:
        conditions.append(f"person_id IN ({', '.join('?' * len(ids)) or 'NULL'})")
        values += ids
    if filters.role:
        conditions.append("role = ?")
        values.append(filters.role)
    if conditions:
        id_sets.append(f"SELECT report_id FROM mentions WHERE {' AND '.join(conditions)}")
        params += values
