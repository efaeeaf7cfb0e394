"""The people directory: one row per person, matched across reports, and the editor's changes.

Matching rule (conservative: a wrong merge hides a person, a wrong split only shows one twice):

* the key is the full name folded with its marks kept (``fold_name``: "Thể" ≠ "Thế"), looked
  up among every name the person was written with;
* a one-word name ("Dũng", from "Bộ trưởng Dũng") never matches anyone;
* with titles on both sides, the title sets must be compatible (``titles.titles_compatible``):
  a shared title, or one organisation within the other;
* a mention without titles joins a person only if exactly one person has that name and the
  name has at least three words; otherwise it starts a new entry.

``person_names`` and ``person_titles`` are derived from the mentions: a new mention updates them
in place (``add_mention``), merges, splits and deletions recompute them (``refresh``). Every
function here runs inside the caller's transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from workbench.core.fold import fold_name
from workbench.storage.titles import TitleTally, overlap, tally, title_key, titles_compatible

MIN_WORDS_UNTITLED = 3


def find_match(db: Database, name: str, titles: list[str]) -> int | None:
    """The id of the person a mention of ``name`` with ``titles`` belongs to, if any."""
    key = fold_name(name)
    if len(key.split()) < 2:
        return None
    candidates = [
        row[0]
        for row in db.execute(
            "SELECT id FROM people WHERE name_key = ? "
            "UNION SELECT person_id FROM person_names WHERE name_key = ? ORDER BY 1",
            [key, key],
        ).fetchall()
    ]
    if not candidates:
        return None
    if not titles:
        unique = len(candidates) == 1 and len(key.split()) >= MIN_WORDS_UNTITLED
        return candidates[0] if unique else None
    scored = []
    for person_id in candidates:
        known = [entry.title for entry in tallies(db, person_id)]
        if known and titles_compatible(titles, known):
            scored.append((overlap(titles, known), -person_id))
    return -max(scored)[1] if scored else None


def tallies(db: Database, person_id: int) -> list[TitleTally]:
    """The person's titles with when they were seen."""
    rows = db.execute(
        "SELECT title, first_seen, last_seen, report_count FROM person_titles "
        "WHERE person_id = ? ORDER BY rowid",
        [person_id],
    ).fetchall()
    return [TitleTally(*row) for row in rows]


def _store_tallies(db: Database, person_id: int, entries: list[TitleTally]) -> None:
    db.execute("DELETE FROM person_titles WHERE person_id = ?", [person_id])
    for entry in entries:
        db.execute(
            "INSERT OR IGNORE INTO person_titles (person_id, title_key, title, first_seen, "
            "last_seen, report_count) VALUES (?, ?, ?, ?, ?, ?)",
            [
                person_id,
                title_key(entry.title),
                entry.title,
                entry.first_seen,
                entry.last_seen,
                entry.count,
            ],
        )


def create(db: Database, name: str, now: str, person_id: int | None = None) -> int:
    """A new directory entry named ``name`` (with ``person_id`` if given and free)."""
    cursor = db.execute(
        "INSERT INTO people (id, name, name_key, bare_key, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [person_id, name, fold_name(name), fold_name(name, keep_marks=False), now, now],
    )
    assert cursor.lastrowid is not None
    _add_name(db, cursor.lastrowid, name)
    return cursor.lastrowid


def _add_name(db: Database, person_id: int, name: str) -> None:
    db.execute(
        "INSERT OR IGNORE INTO person_names (person_id, name, name_key) VALUES (?, ?, ?)",
        [person_id, name, fold_name(name)],
    )


def add_mention(
    db: Database, person_id: int, name: str, titles: list[str], day: str | None
) -> None:
    """Count a new mention in the person's names and titles (what ``refresh`` would compute)."""
    _add_name(db, person_id, name)
    if titles:
        entries = tallies(db, person_id)
        tally(entries, titles, day)
        _store_tallies(db, person_id, entries)


def refresh(db: Database, person_ids: Iterable[int]) -> None:
    """Recompute names and titles of the people; delete those left without mentions."""
    for person_id in set(person_ids):
        rows = db.execute(
            "SELECT m.name, m.titles, r.sort_date FROM mentions m "
            "JOIN reports r ON r.id = m.report_id WHERE m.person_id = ? ORDER BY r.sort_date, m.id",
            [person_id],
        ).fetchall()
        if not rows:
            db.execute("DELETE FROM people WHERE id = ?", [person_id])
            continue
        _refresh_names(db, person_id, {row[0] for row in rows})
        _refresh_titles(db, person_id, rows)


def _refresh_names(db: Database, person_id: int, written: set[str]) -> None:
    canonical = db.execute("SELECT name FROM people WHERE id = ?", [person_id]).fetchone()[0]
    db.execute("DELETE FROM person_names WHERE person_id = ?", [person_id])
    for name in sorted(written | {canonical}):
        db.execute(
            "INSERT INTO person_names (person_id, name, name_key) VALUES (?, ?, ?)",
            [person_id, name, fold_name(name)],
        )


def _refresh_titles(db: Database, person_id: int, rows: list[Any]) -> None:
    entries: list[TitleTally] = []
    for _name, titles_json, day in rows:
        tally(entries, json.loads(titles_json), day)
    _store_tallies(db, person_id, entries)


def reports_of(db: Database, person_ids: Iterable[int]) -> set[int]:
    """The ids of the reports that mention any of the people."""
    ids = list(set(person_ids))
    if not ids:
        return set()
    marks = ", ".join("?" * len(ids))
    rows = db.execute(f"SELECT DISTINCT report_id FROM mentions WHERE person_id IN ({marks})", ids)
    return {row[0] for row in rows.fetchall()}


def merge(db: Database, keep_id: int, other_id: int) -> list[int]:
    """Move every mention of ``other_id`` to ``keep_id`` and delete ``other_id``.

    Returns the ids of the moved mentions (what ``split`` needs to undo the merge).
    """
    moved = [
        row[0]
        for row in db.execute(
            "SELECT id FROM mentions WHERE person_id = ? ORDER BY id", [other_id]
        ).fetchall()
    ]
    db.execute("UPDATE mentions SET person_id = ? WHERE person_id = ?", [keep_id, other_id])
    db.execute("DELETE FROM people WHERE id = ?", [other_id])
    refresh(db, [keep_id])
    return moved


def split(
    db: Database,
    person_id: int,
    mention_ids: list[int],
    name: str,
    now: str,
    new_id: int | None = None,
) -> int:
    """Move the given mentions of ``person_id`` to a new person named ``name``; its id.

    Mentions that belong to someone else are ignored.
    """
    new_person = create(db, name, now, new_id)
    for mention_id in mention_ids:
        db.execute(
            "UPDATE mentions SET person_id = ? WHERE id = ? AND person_id = ?",
            [new_person, mention_id, person_id],
        )
    refresh(db, [person_id, new_person])
    return new_person


def rename(db: Database, person_id: int, name: str, now: str) -> None:
    """Give the person a new canonical name; the old one stays a variant if it was written."""
    db.execute(
        "UPDATE people SET name = ?, name_key = ?, bare_key = ?, updated_at = ? WHERE id = ?",
        [name, fold_name(name), fold_name(name, keep_marks=False), now, person_id],
    )
    refresh(db, [person_id])
