"""What the analysis found in a report, stored: mentions of people, key tasks, documents.

Every function runs inside the caller's transaction and keeps the people and documents
columns of the search index in step (``index_report_parts``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from workbench.core.fold import fold_name, number_key
from workbench.core.models import Analysis, DocumentRef, KeyTask, Person
from workbench.storage import index, people_repo
from workbench.storage.codec import (
    dumps,
    spans_from_json,
    spans_to_json,
)


@dataclass(frozen=True)
class StoredMention:
    """A person as named in one report, with the directory entry it belongs to."""

    mention_id: int
    person_id: int
    canonical_name: str
    person: Person


def write(
    db: Database,
    report_id: int,
    analysis: Analysis,
    now: str,
    pinned: dict[str, int] | None = None,
) -> set[int]:
    """Store ``analysis`` for a report that has none; returns the ids of the people touched.

    ``pinned`` maps folded names to directory entries: a person of that name goes to that
    entry without matching (a re-analysis keeps the editor's merges and splits).
    """
    touched: set[int] = set()
    row = db.execute("SELECT sort_date FROM reports WHERE id = ?", [report_id]).fetchone()
    for position, person in enumerate(analysis.people):
        person_id = (pinned or {}).get(fold_name(person.name))
        person_id = _write_mention(db, report_id, position, person, row[0], now, person_id)
        touched.add(person_id)
    for task in analysis.key_tasks:
        db.execute(
            'INSERT INTO key_tasks (report_id, ordinal, marker, text, start, "end", speaker) '
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [report_id, task.ordinal, task.marker, task.text, task.start, task.end, task.speaker],
        )
    for position, document in enumerate(analysis.documents):
        _write_document(db, report_id, position, document)
    index_report_parts(db, report_id)
    return touched


def _write_mention(
    db: Database,
    report_id: int,
    position: int,
    person: Person,
    day: str | None,
    now: str,
    person_id: int | None = None,
) -> int:
    if person_id is None:
        person_id = people_repo.find_match(db, person.name, person.titles)
    if person_id is None:
        person_id = people_repo.create(db, person.name, now)
    db.execute(
        "INSERT INTO mentions (report_id, person_id, position, name, name_key, role, titles, "
        "spans) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            report_id,
            person_id,
            position,
            person.name,
            fold_name(person.name),
            person.role,
            dumps(person.titles),
            spans_to_json(person.mentions),
        ],
    )
    people_repo.add_mention(db, person_id, person.name, person.titles, day)
    return person_id


def _write_document(db: Database, report_id: int, position: int, document: DocumentRef) -> None:
    key = number_key(document.number)
    db.execute(
        "INSERT INTO documents (number, number_key, kind) VALUES (?, ?, ?) "
        "ON CONFLICT (number_key) DO NOTHING",
        [document.number, key, document.kind],
    )
    document_id = db.execute("SELECT id FROM documents WHERE number_key = ?", [key]).fetchone()[0]
    db.execute(
        "INSERT OR IGNORE INTO document_mentions (report_id, document_id, position, kind, date, "
        "issuer, spans) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            report_id,
            document_id,
            position,
            document.kind,
            document.date,
            document.issuer,
            spans_to_json(document.mentions),
        ],
    )


def assignments(db: Database, report_id: int) -> dict[str, int]:
    """The directory entry of each folded name mentioned in the report."""
    rows = db.execute("SELECT name_key, person_id FROM mentions WHERE report_id = ?", [report_id])
    return dict(rows.fetchall())


def clear(db: Database, report_id: int) -> set[int]:
    """Delete the report's mentions, tasks and document links; the people who lost mentions."""
    rows = db.execute("SELECT DISTINCT person_id FROM mentions WHERE report_id = ?", [report_id])
    touched = {row[0] for row in rows.fetchall()}
    for table in ("mentions", "key_tasks", "document_mentions"):
        db.execute(f"DELETE FROM {table} WHERE report_id = ?", [report_id])
    db.execute("DELETE FROM documents WHERE id NOT IN (SELECT document_id FROM document_mentions)")
    return touched


def mentions(db: Database, report_id: int) -> list[StoredMention]:
    """The report's people in the order the analysis gave them."""
    rows = db.execute(
        "SELECT m.id, m.person_id, p.name, m.name, m.titles, m.role, m.spans FROM mentions m "
        "JOIN people p ON p.id = m.person_id WHERE m.report_id = ? ORDER BY m.position",
        [report_id],
    ).fetchall()
    return [
        StoredMention(
            mid, pid, canonical, Person(name, json.loads(titles), role, spans_from_json(spans))
        )
        for mid, pid, canonical, name, titles, role, spans in rows
    ]


def load(db: Database, report_id: int) -> Analysis:
    """The stored analysis of a report."""
    people = [mention.person for mention in mentions(db, report_id)]
    tasks = [
        KeyTask(*row)
        for row in db.execute(
            'SELECT ordinal, marker, text, start, "end", speaker FROM key_tasks '
            "WHERE report_id = ? ORDER BY id",
            [report_id],
        ).fetchall()
    ]
    documents = [
        DocumentRef(kind, number, date, issuer, spans_from_json(spans))
        for kind, number, date, issuer, spans in db.execute(
            "SELECT dm.kind, d.number, dm.date, dm.issuer, dm.spans FROM document_mentions dm "
            "JOIN documents d ON d.id = dm.document_id WHERE dm.report_id = ? "
            "ORDER BY dm.position",
            [report_id],
        ).fetchall()
    ]
    return Analysis(people, tasks, documents)


def index_report_parts(db: Database, report_id: int) -> None:
    """Re-index the people column (names as written, canonical names, titles as written) and
    the documents column (numbers as written)."""
    rows = db.execute(
        "SELECT m.name, p.name, m.titles FROM mentions m JOIN people p ON p.id = m.person_id "
        "WHERE m.report_id = ? ORDER BY m.position",
        [report_id],
    ).fetchall()
    parts = [
        part
        for written, canonical, titles in rows
        for part in (written, canonical, *json.loads(titles))
    ]
    people = " ; ".join(dict.fromkeys(parts))
    numbers = db.execute(
        "SELECT d.number FROM document_mentions dm JOIN documents d ON d.id = dm.document_id "
        "WHERE dm.report_id = ? ORDER BY dm.position",
        [report_id],
    ).fetchall()
    documents = " ; ".join(row[0] for row in numbers)
    index.sync(db, report_id, people, documents)
