"""Small tables: tags, saved searches, export history, the archive's own settings.

Writing functions run inside the caller's transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from workbench.core.fold import fold_key
from workbench.storage.codec import dumps


@dataclass(frozen=True)
class SavedSearch:
    """A named query with its filters (a dict of ``SearchFilters`` fields)."""

    id: int
    name: str
    query: str
    filters: dict[str, Any]
    created_at: str


@dataclass(frozen=True)
class ExportRecord:
    """One export: what kind, where, which reports, when."""

    id: int
    kind: str
    path: str
    report_ids: list[int]
    created_at: str


def add_tag(db: Database, report_id: int, name: str) -> bool:
    """Tag a report (tags compare case- and tone-style-insensitively); whether it was new."""
    key = fold_key(name)
    db.execute(
        "INSERT INTO tags (name, name_key) VALUES (?, ?) ON CONFLICT (name_key) DO NOTHING",
        [" ".join(name.split()), key],
    )
    tag_id = db.execute("SELECT id FROM tags WHERE name_key = ?", [key]).fetchone()[0]
    cursor = db.execute(
        "INSERT OR IGNORE INTO report_tags (report_id, tag_id) VALUES (?, ?)", [report_id, tag_id]
    )
    return cursor.rowcount > 0


def remove_tag(db: Database, report_id: int, name: str) -> bool:
    """Untag a report; a tag left on no report is deleted. Whether the report had the tag."""
    cursor = db.execute(
        "DELETE FROM report_tags WHERE report_id = ? AND tag_id = "
        "(SELECT id FROM tags WHERE name_key = ?)",
        [report_id, fold_key(name)],
    )
    db.execute("DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM report_tags)")
    return cursor.rowcount > 0


def tags_of(db: Database, report_id: int | None = None) -> list[str]:
    """The tags of a report, or every tag of the archive, by name."""
    if report_id is None:
        rows = db.execute("SELECT name FROM tags ORDER BY name_key")
    else:
        rows = db.execute(
            "SELECT t.name FROM tags t JOIN report_tags rt ON rt.tag_id = t.id "
            "WHERE rt.report_id = ? ORDER BY t.name_key",
            [report_id],
        )
    return [row[0] for row in rows.fetchall()]


def save_search(db: Database, name: str, query: str, filters: dict[str, Any], at: str) -> int:
    """Save (or overwrite by name) a search; its id."""
    db.execute(
        "INSERT INTO saved_searches (name, query, filters, created_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (name) DO UPDATE SET query = excluded.query, filters = excluded.filters",
        [name, query, dumps(filters), at],
    )
    return db.execute("SELECT id FROM saved_searches WHERE name = ?", [name]).fetchone()[0]


def saved_searches(db: Database) -> list[SavedSearch]:
    """Every saved search, by name."""
    rows = db.execute(
        "SELECT id, name, query, filters, created_at FROM saved_searches ORDER BY name"
    ).fetchall()
    return [SavedSearch(i, n, q, json.loads(f), at) for i, n, q, f, at in rows]


def delete_saved_search(db: Database, search_id: int) -> bool:
    """Delete a saved search; whether there was one."""
    return db.execute("DELETE FROM saved_searches WHERE id = ?", [search_id]).rowcount > 0


def record_export(db: Database, kind: str, path: str, report_ids: list[int], at: str) -> int:
    """Add an export to the history; its id."""
    cursor = db.execute(
        "INSERT INTO exports (kind, path, report_ids, created_at) VALUES (?, ?, ?, ?)",
        [kind, path, dumps(report_ids), at],
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def exports(db: Database, limit: int = 100) -> list[ExportRecord]:
    """The export history, newest first."""
    rows = db.execute(
        "SELECT id, kind, path, report_ids, created_at FROM exports ORDER BY id DESC LIMIT ?",
        [limit],
    ).fetchall()
    return [ExportRecord(i, k, p, json.loads(ids), at) for i, k, p, ids, at in rows]


def settings(db: Database) -> dict[str, Any]:
    """The archive's stored settings."""
    rows = db.execute("SELECT key, value FROM settings").fetchall()
    return {key: json.loads(value) for key, value in rows}


def set_setting(db: Database, key: str, value: Any) -> None:
    """Store one setting (any JSON value)."""
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, dumps(value)],
    )
