"""The archive's schema, one migration per version, applied with ``sqlite_utils.Migrations``.

An archive records the migrations applied to it (table ``_sqlite_migrations``) and mirrors
their count in ``PRAGMA user_version``; ``PRAGMA application_id`` marks the file as ours.
``check_identity`` refuses an archive that holds a migration this program does not know (made
by a newer version); ``db.open_archive`` then applies what is pending in one transaction.
Migrations never change once released: a schema change is a new function at the end.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from workbench.core.errors import ArchiveError
from workbench.i18n import _
from workbench.storage import index

APPLICATION_ID = 0x50574221  # "PWB!"
MIGRATIONS = Migrations("workbench")


def _run(db: Database, script: str) -> None:
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


@MIGRATIONS(name="0001_reports_people")
def _reports_people(db: Database) -> None:
    _run(
        db,
        """
        CREATE TABLE reports (
            id INTEGER PRIMARY KEY,
            title TEXT,
            published_at TEXT,
            event_date TEXT,
            sort_date TEXT,
            place TEXT,
            author TEXT,
            source TEXT,
            format TEXT NOT NULL DEFAULT 'text',
            encoding TEXT,
            content_hash TEXT NOT NULL,
            original_hash TEXT,
            warnings TEXT NOT NULL DEFAULT '[]',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            text TEXT NOT NULL,
            blocks TEXT NOT NULL,
            original BLOB,
            suggestions TEXT
        );
        CREATE UNIQUE INDEX reports_content_hash ON reports(content_hash);
        CREATE INDEX reports_original_hash ON reports(original_hash);
        CREATE INDEX reports_sort_date ON reports(sort_date, id);
        CREATE INDEX reports_event_date ON reports(event_date);
        CREATE INDEX reports_published_at ON reports(published_at);
        CREATE INDEX reports_source ON reports(source COLLATE NOCASE);
        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            bare_key TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX people_name_key ON people(name_key);
        CREATE INDEX people_bare_key ON people(bare_key);
        CREATE TABLE person_names (
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            PRIMARY KEY (person_id, name)
        );
        CREATE INDEX person_names_key ON person_names(name_key);
        CREATE TABLE person_titles (
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            title_key TEXT NOT NULL,
            title TEXT NOT NULL,
            first_seen TEXT,
            last_seen TEXT,
            report_count INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (person_id, title_key)
        );
        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            person_id INTEGER NOT NULL REFERENCES people(id),
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('speaker', 'attendee', 'mentioned')),
            titles TEXT NOT NULL DEFAULT '[]',
            spans TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX mentions_report ON mentions(report_id);
        CREATE INDEX mentions_person ON mentions(person_id, role, report_id);
        CREATE TABLE key_tasks (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            marker TEXT NOT NULL,
            text TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            speaker TEXT
        );
        CREATE INDEX key_tasks_report ON key_tasks(report_id);
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            number TEXT NOT NULL,
            number_key TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL
        );
        CREATE TABLE document_mentions (
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL,
            date TEXT,
            issuer TEXT,
            spans TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (report_id, document_id)
        );
        CREATE INDEX document_mentions_document ON document_mentions(document_id);
        CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE
        );
        CREATE TABLE report_tags (
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (report_id, tag_id)
        );
        CREATE INDEX report_tags_tag ON report_tags(tag_id)
        """,
    )


@MIGRATIONS(name="0002_search")
def _search(db: Database) -> None:
    """Full-text indexes (folded and exact-diacritic) and near-duplicate sketches."""
    _run(
        db,
        """
        ALTER TABLE reports ADD COLUMN index_people TEXT;
        ALTER TABLE reports ADD COLUMN index_documents TEXT;
        ALTER TABLE reports ADD COLUMN search_rowid INTEGER;
        ALTER TABLE reports ADD COLUMN sketch BLOB
        """,
    )
    index.create_tables(db)
    index.rebuild(db)


@MIGRATIONS(name="0003_editorial")
def _editorial(db: Database) -> None:
    _run(
        db,
        """
        CREATE TABLE decisions (
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            item_key TEXT NOT NULL,
            decision TEXT NOT NULL
                CHECK (decision IN ('accepted', 'rejected', 'edited', 'added', 'merged')),
            value TEXT,
            decided_at TEXT NOT NULL,
            PRIMARY KEY (report_id, item_key)
        );
        CREATE TABLE saved_searches (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            query TEXT NOT NULL,
            filters TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL
        );
        CREATE TABLE exports (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            path TEXT NOT NULL,
            report_ids TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )
        """,
    )


@MIGRATIONS(name="0004_report_links")
def _report_links(db: Database) -> None:
    """Near-duplicates found at import, kept: "the same event as report N" outlives the import.

    Archives made before keep no links for the reports they already hold (finding them again
    would compare every stored report; re-importing is not needed for new ones).
    """
    _run(
        db,
        """
        CREATE TABLE report_links (
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            other_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            similarity REAL NOT NULL,
            PRIMARY KEY (report_id, other_id)
        );
        CREATE INDEX report_links_other ON report_links(other_id)
        """,
    )


SCHEMA_VERSION = len(MIGRATIONS._migrations)


def known_names() -> list[str]:
    """The names of this program's migrations, oldest first."""
    return [migration.name for migration in MIGRATIONS._migrations]


def applied_names(db: Database) -> list[str]:
    """The names of the migrations applied to ``db``, oldest first."""
    return [migration.name for migration in MIGRATIONS.applied(db)]


def pending(db: Database) -> list[str]:
    """The names of this program's migrations not yet applied to ``db``."""
    return [migration.name for migration in MIGRATIONS.pending(db)]


def apply(db: Database, *, stop_before: str | None = None) -> None:
    """Apply the pending migrations (up to ``stop_before``) and stamp the file as ours.

    Run it inside ``db.transaction(db)``; ``db.open_archive`` does.
    """
    MIGRATIONS.apply(db, stop_before=stop_before)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {len(applied_names(db))}")


def check_identity(db: Database, label: str) -> None:
    """Raise ``ArchiveError`` unless ``db`` is empty or an archive this program can open.

    Refused: a SQLite file of another program, an archive made by a newer version.
    """
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    user_version = db.execute("PRAGMA user_version").fetchone()[0]
    tables = set(db.table_names())
    ours = app_id == APPLICATION_ID or (app_id == 0 and MIGRATIONS.migrations_table in tables)
    if tables and not ours:
        raise ArchiveError(
            _("{name} is a SQLite file of another program, not an archive.").format(name=label)
        )
    unknown = set(applied_names(db)) - set(known_names())
    if unknown or user_version > SCHEMA_VERSION:
        raise ArchiveError(
            _(
                "{name} was made by a newer version of Press Workbench; "
                "update the program to open it."
            ).format(name=label)
        )
