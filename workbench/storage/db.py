"""Opening the archive: one SQLite file, WAL, foreign keys, a busy timeout, migrations.

``open_archive`` is the only way the program opens an archive. It refuses, with one-line
``ArchiveError`` messages, a file that is not SQLite, a SQLite file that is not an archive, an
archive made by a newer version of Press Workbench, and a folder it cannot write to. Every
multi-statement write goes through ``transaction(db)``, which starts with ``BEGIN IMMEDIATE``
so a second writer waits on the busy timeout instead of failing on lock upgrade.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from workbench.core.errors import ArchiveDamaged, ArchiveError, Cancelled, display_name
from workbench.i18n import _
from workbench.storage import migrations

BUSY_TIMEOUT_MS = 10_000
BACKUP_PAGES = 4096  # a step of the backup copy: 16 MB, ~60 ms; stopping waits for one
SQLITE_HEADER = b"SQLite format 3\x00"


def open_archive(
    path: str | os.PathLike[str],
    *,
    create: bool = True,
    before_upgrade: Callable[[Path], None] | None = None,
) -> Database:
    """Open (or create) the archive at ``path``, upgrading an older schema.

    The connection has WAL journaling, ``foreign_keys=ON``, a busy timeout of
    ``BUSY_TIMEOUT_MS`` and the schema of ``migrations.SCHEMA_VERSION``. ``":memory:"`` gives a
    migrated in-memory archive (for tests). ``before_upgrade(path)`` runs before migrations
    are applied to an archive that already holds data (to back it up).

    Raises ``ArchiveError`` when the file is missing and ``create`` is false, is not a SQLite
    file, is a SQLite file of another program, was made by a newer version of Press Workbench,
    or sits in a place the program cannot write to.
    """
    if str(path) == ":memory:":
        return _open_memory()
    target = Path(path)
    _check_location(target, create=create)
    try:
        conn = sqlite3.connect(str(target), timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as error:
        raise ArchiveError(
            _("Cannot open the archive {path}: {error}.").format(
                path=display_name(target), error=error
            )
        ) from error
    db = Database(conn)
    label = display_name(target.name)
    try:
        migrations.check_identity(db, label)  # before WAL changes a stranger's file
        configure(db)
        if before_upgrade is not None and migrations.pending(db) and db.table_names():
            migrations.check_identity(db, label)
            before_upgrade(target)
        upgrade(db, label)
    except sqlite3.DatabaseError as error:
        db.close()
        raise _archive_error(target, error) from error
    except ArchiveError:
        db.close()
        raise
    return db


def archive_file(db: Database) -> str | None:
    """The file of the archive open in ``db``, or None for one in memory."""
    for _seq, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return file or None
    return None


def _open_memory() -> Database:
    db = Database(memory=True)
    configure(db)
    upgrade(db)
    return db


def configure(db: Database) -> None:
    """Set the per-connection pragmas: busy timeout, foreign keys, WAL (files only).

    Switching a new file to WAL needs a lock that SQLite's busy handler does not wait for, so
    when several processes open a new archive at once the switch is retried for a while.
    """
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    if db.memory:
        return
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            db.enable_wal()
            break
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)
    db.execute("PRAGMA synchronous = NORMAL")


def upgrade(db: Database, label: str = "The archive") -> None:
    """Apply pending migrations in one ``BEGIN IMMEDIATE`` transaction.

    Raises ``ArchiveError`` (before writing anything) for another program's SQLite file or an
    archive made by a newer version of Press Workbench.
    """
    migrations.check_identity(db, label)
    if not migrations.pending(db):
        return
    with transaction(db):
        migrations.check_identity(db, label)  # another process may have upgraded meanwhile
        migrations.apply(db)


@contextmanager
def transaction(db: Database) -> Iterator[Database]:
    """Run the block as one transaction that takes the write lock first (``BEGIN IMMEDIATE``).

    Commits when the block ends, rolls back and re-raises when it raises. Inside an open
    transaction it becomes a savepoint (``db.atomic()``), so services can nest.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.rollback()
        raise
    try:
        db.conn.execute("COMMIT")
    except BaseException:
        db.rollback()
        raise


def _check_location(target: Path, *, create: bool) -> None:
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise ArchiveError(
            _("{path} is a folder, not an archive file.").format(path=display_name(target))
        )
    if not target.exists():
        if not create:
            raise ArchiveError(
                _("There is no archive at {path}.").format(path=display_name(target))
            )
        if not folder.is_dir():
            raise ArchiveError(
                _("The folder {path} does not exist.").format(path=display_name(folder))
            )
        try:
            target.touch(exist_ok=False)  # an empty file is a new archive to SQLite
        except FileExistsError:
            pass  # another process created it a moment ago: it is an archive now
        except OSError as error:
            raise ArchiveError(
                _("Cannot create an archive in {path}: the folder is read-only ({error}).").format(
                    path=display_name(folder), error=error.strerror
                )
            ) from error
        return
    _check_header(target)
    if not os.access(target, os.W_OK) or not os.access(folder, os.W_OK):
        raise ArchiveError(
            _("The archive {path} is in a read-only place; copy it somewhere writable.").format(
                path=display_name(target)
            )
        )


def _check_header(target: Path) -> None:
    try:
        with target.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        raise ArchiveError(
            _("Cannot read {path}: {error}.").format(
                path=display_name(target), error=error.strerror
            )
        ) from error
    if header and header != SQLITE_HEADER:
        raise ArchiveError(
            _("{name} is not a Press Workbench archive (not a SQLite file).").format(
                name=display_name(target.name)
            )
        )


def _archive_error(target: Path, error: sqlite3.DatabaseError) -> ArchiveError:
    message = str(error).lower()
    if "readonly" in message or "read-only" in message:
        return ArchiveError(
            _("The archive {path} is read-only; copy it somewhere writable.").format(
                path=display_name(target)
            )
        )
    if "not a database" in message or "malformed" in message:
        return ArchiveDamaged(
            _("{name} is damaged or not a Press Workbench archive.").format(
                name=display_name(target.name)
            )
        )
    return ArchiveError(
        _("Cannot open the archive {path}: {error}.").format(path=display_name(target), error=error)
    )


def backup(source: Path, dest: Path, stop: Callable[[], bool] | None = None) -> Path:
    """Copy the archive ``source`` to ``dest`` with SQLite's online backup API.

    The copy is written to ``dest`` + ".part", switched to a rollback journal (one file, no
    ``-wal``) and renamed over ``dest``. It is taken ``BACKUP_PAGES`` pages a step from one
    read snapshot, held for the whole copy: whatever other connections write meanwhile (the
    window's editor, its index tidier) is neither copied nor starts the copy again (without
    the snapshot, each write restarts it). Raises ``ArchiveError`` for a missing source or a
    ``dest`` that is the source; ``OSError``/``sqlite3.Error`` when writing fails;
    ``Cancelled`` between two steps once ``stop()`` is true. A copy that stops or fails is
    removed (a process killed meanwhile leaves it: ``backups.take_backup`` removes it later).
    """
    if not source.is_file():
        raise ArchiveError(_("There is no archive at {path}.").format(path=display_name(source)))
    if dest.exists() and dest.resolve() == source.resolve():
        raise ArchiveError(_("The backup must go to another file than the archive itself."))
    partial = dest.with_name(f"{dest.name}.{os.getpid()}.part")  # one per process
    partial.unlink(missing_ok=True)

    def step(_status: int, _remaining: int, _total: int) -> None:
        if stop is not None and stop():
            raise Cancelled("Cancelled.")

    reader = sqlite3.connect(source.resolve().as_uri() + "?mode=ro", uri=True)
    writer = sqlite3.connect(str(partial))
    try:
        try:
            reader.execute("BEGIN")
            reader.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot
            reader.backup(writer, pages=BACKUP_PAGES, progress=step)
            writer.execute("PRAGMA journal_mode = DELETE")
        finally:
            writer.close()
            reader.close()
    except BaseException:
        for suffix in ("", "-journal", "-wal", "-shm"):
            partial.with_name(partial.name + suffix).unlink(missing_ok=True)
        raise
    os.replace(partial, dest)
    return dest
