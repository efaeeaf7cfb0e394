"""Reading the people directory: lists, one person's titles and reports."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from workbench.core.fold import fold_name


@dataclass(frozen=True)
class TitleSeen:
    """A title a person was given, and when (first and last report date with it)."""

    title: str
    first_seen: str | None
    last_seen: str | None
    report_count: int


@dataclass(frozen=True)
class PersonSummary:
    """A directory entry as a list shows it."""

    id: int
    name: str
    report_count: int
    last_seen: str | None
    titles: list[TitleSeen]


@dataclass(frozen=True)
class Appearance:
    """One report a person appears in, with the name, role and titles written there."""

    report_id: int
    mention_id: int
    report_title: str | None
    date: str | None
    name: str
    role: str
    titles: list[str]


def name_of(db: Database, person_id: int) -> str | None:
    """The canonical name of a person, ``None`` if there is no such entry."""
    row = db.execute("SELECT name FROM people WHERE id = ?", [person_id]).fetchone()
    return row[0] if row else None


def report_count(db: Database, person_id: int) -> int:
    """In how many reports the person appears."""
    sql = "SELECT count(DISTINCT report_id) FROM mentions WHERE person_id = ?"
    return db.execute(sql, [person_id]).fetchone()[0]


def mention_ids(db: Database, person_id: int) -> set[int]:
    """The ids of the person's mentions."""
    rows = db.execute("SELECT id FROM mentions WHERE person_id = ?", [person_id]).fetchall()
    return {row[0] for row in rows}


def titles_of(db: Database, person_id: int) -> list[TitleSeen]:
    """A person's titles, most recently seen first."""
    rows = db.execute(
        "SELECT title, first_seen, last_seen, report_count FROM person_titles "
        "WHERE person_id = ? ORDER BY last_seen DESC, report_count DESC, title",
        [person_id],
    ).fetchall()
    return [TitleSeen(*row) for row in rows]


def names_of(db: Database, person_id: int) -> list[str]:
    """Every name the person was written with (and the canonical name)."""
    rows = db.execute(
        "SELECT name FROM person_names WHERE person_id = ? ORDER BY name", [person_id]
    ).fetchall()
    return [row[0] for row in rows]


def summaries(
    db: Database, *, query: str | None = None, limit: int = 100, offset: int = 0
) -> tuple[list[PersonSummary], int]:
    """A page of the directory (by name), filtered by a part of the name; and the total.

    The query matches with or without marks ("nguyen van" finds "Nguyễn Văn Thể").
    """
    where, params = "", []
    if query and query.strip():
        where = "WHERE p.bare_key LIKE ? ESCAPE '\\'"
        params.append("%" + _escape_like(fold_name(query, keep_marks=False)) + "%")
    total = db.execute(f"SELECT count(*) FROM people p {where}", params).fetchone()[0]
    rows = db.execute(
        "SELECT p.id, p.name, (SELECT count(DISTINCT report_id) FROM mentions "
        "WHERE person_id = p.id), (SELECT max(r.sort_date) FROM mentions m JOIN reports r "
        f"ON r.id = m.report_id WHERE m.person_id = p.id) FROM people p {where} "
        "ORDER BY p.bare_key, p.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    people = [PersonSummary(pid, name, n, last, titles_of(db, pid)) for pid, name, n, last in rows]
    return people, total


def appearances(db: Database, person_id: int) -> list[Appearance]:
    """Every report the person appears in, newest first, with the titles used there."""
    rows = db.execute(
        "SELECT m.report_id, m.id, r.title, r.sort_date, m.name, m.role, m.titles "
        "FROM mentions m JOIN reports r ON r.id = m.report_id WHERE m.person_id = ? "
        "ORDER BY r.sort_date DESC, r.id DESC, m.position",
        [person_id],
    ).fetchall()
    return [Appearance(*row[:6], json.loads(row[6])) for row in rows]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
