"""Rotating backups of an archive, kept beside it: before every upgrade and once a day.

Backups live in ``<archive>.backups/`` next to the archive, named by time and reason
(``archive.sqlite3-20231107-093000-daily.sqlite3``); the newest ``KEEP`` are kept. Each is a
complete SQLite file made with the online backup API, so it opens as an archive of its own.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from workbench.core.errors import Cancelled
from workbench.storage.db import backup

KEEP = 7
SUFFIX = ".sqlite3"
_PARTIAL = re.compile(r"\.\d+\.part(-journal|-wal|-shm)?$")  # storage.db.backup's copy under way
_CHECK_EVERY = 1000  # SQLite VM steps between looks at whether to stop checking


def folder_of(archive: Path) -> Path:
    """Where the backups of ``archive`` are kept."""
    return archive.with_name(archive.name + ".backups")


def list_backups(archive: Path) -> list[Path]:
    """The backups of ``archive``, newest first."""
    folder = folder_of(archive)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{archive.name}-*{SUFFIX}"), reverse=True)


def newest_backup(archive: Path) -> Path | None:
    found = list_backups(archive)
    return found[0] if found else None


def take_backup(
    archive: Path,
    reason: str,
    now: datetime | None = None,
    stop: Callable[[], bool] | None = None,
) -> Path:
    """Back ``archive`` up now, then keep only the newest ``KEEP`` backups.

    Raises ``OSError``/``sqlite3.Error`` when the copy cannot be written, ``Cancelled`` once
    ``stop()`` is true (nothing is left of the copy).
    """
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    folder = folder_of(archive)
    folder.mkdir(exist_ok=True)
    for stale in folder.iterdir():  # left by a process killed while copying
        if _PARTIAL.search(stale.name):
            with contextlib.suppress(FileNotFoundError):  # another process finished with it
                if stale.stat().st_mtime < datetime.now().timestamp() - 3600:
                    stale.unlink(missing_ok=True)
    dest = backup(archive, folder / f"{archive.name}-{stamp}-{reason}{SUFFIX}", stop)
    for old in list_backups(archive)[KEEP:]:
        old.unlink(missing_ok=True)
    return dest


def backed_up_on(archive: Path, day: datetime) -> bool:
    """Whether a backup of ``archive`` was taken on ``day``."""
    prefix = f"{archive.name}-{day:%Y%m%d}-"
    return any(path.name.startswith(prefix) for path in list_backups(archive))


def integrity_problem(
    db: Database, *, quick: bool = False, stop: Callable[[], bool] | None = None
) -> str | None:
    """None when SQLite's integrity check passes, else its first complaint.

    ``quick`` runs ``quick_check``: pages and b-trees, not indexes against their tables.
    Raises ``Cancelled`` once ``stop()`` is true: SQLite asks only now and then during an
    integrity check (2.7 s apart at 4.9 GB), so whoever sets it should also interrupt the
    connection (``Connection.interrupt``, from another thread).
    """
    pragma = "quick_check" if quick else "integrity_check"
    if stop is not None:
        if stop():
            raise Cancelled("Cancelled.")
        db.conn.set_progress_handler(stop, _CHECK_EVERY)
    try:
        row = db.execute(f"PRAGMA {pragma}(1)").fetchone()
    except sqlite3.DatabaseError as error:
        if stop is not None and stop():
            raise Cancelled("Cancelled.") from error
        return str(error)
    finally:
        db.conn.set_progress_handler(None, 0)
    if row and row[0] == "ok":
        return None
    return " ".join(str(row[0]).split()) if row else "no answer"  # one line
