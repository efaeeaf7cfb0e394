"""SQLite's failures as the editor reads them: one ``ArchiveError`` line, never a raw error.

Every service function that takes the archive is wrapped in :func:`archive_errors`, so what
the GUI and the CLI get from a damaged file, a full or failing disk, a read-only file or a
lock held past the busy timeout is an ``ArchiveError`` (``ArchiveDamaged`` for damage, naming
the newest backup), which they show as one line. Other SQLite errors (a constraint, bad SQL)
are bugs and go through unchanged, to be logged with their traceback.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from sqlite_utils import Database

from workbench.core.errors import ArchiveDamaged, ArchiveError, display_name
from workbench.i18n import _
from workbench.storage import backups
from workbench.storage.db import archive_file

P = ParamSpec("P")
R = TypeVar("R")

_DAMAGED = frozenset((sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB))
_DISK = frozenset((sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR))
_READ_ONLY = frozenset((sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM))
_BUSY = frozenset((sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED))
# Python's own error (no SQLite code) for a text cell of bytes that are not UTF-8: only
# damage puts those there, as every text the workbench writes is str.
_UNDECODABLE = "Could not decode to UTF-8"


def archive_errors(
    function: Callable[Concatenate[Database, P], R],
) -> Callable[Concatenate[Database, P], R]:
    """Decorate a service function ``function(db, ...)``: a ``sqlite3.DatabaseError`` it
    raises becomes the ``ArchiveError`` of :func:`archive_error`, when it has one."""

    @functools.wraps(function)
    def guarded(db: Database, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return function(db, *args, **kwargs)
        except sqlite3.DatabaseError as error:
            translated = archive_error(error, db)
            if translated is None:
                raise
            raise translated from error

    return guarded


def archive_error(error: sqlite3.DatabaseError, db: Database) -> ArchiveError | None:
    """The one-line ``ArchiveError`` for ``error`` raised while using ``db``, or None for an
    error that is a bug, not a state of the file or the disk."""
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF  # the primary result code
    if code in _DAMAGED or _UNDECODABLE in str(error):
        path = archive_file(db)
        return damaged(Path(path) if path else None, str(error))
    if code in _DISK:
        return ArchiveError(
            _(
                "The archive could not be written: the disk is full or failing ({error}). "
                "Nothing was half-stored; free some space and try again."
            ).format(error=error)
        )
    if code in _READ_ONLY:
        return ArchiveError(_("The archive is read-only; nothing was stored."))
    if code in _BUSY:
        return ArchiveError(_("The archive could not be written: {error}.").format(error=error))
    return None


def damaged(target: Path | None, problem: str) -> ArchiveDamaged:
    """The refusal of the damaged archive ``target``, naming its newest backup if any."""
    name = display_name(target.name) if target else _("The archive")
    problem = " ".join(problem.split())  # one line
    error = ArchiveDamaged(_("{name} is damaged ({problem}).").format(name=name, problem=problem))
    return with_backup_hint(error, target) if target else error


def with_backup_hint(error: ArchiveError, target: Path) -> ArchiveError:
    """``error`` naming the newest backup of ``target`` when the archive is damaged."""
    newest = backups.newest_backup(target)
    if newest is None or not isinstance(error, ArchiveDamaged):
        return error
    return ArchiveDamaged(
        _(
            "{error} The newest backup is {backup}: open it with --archive, or copy it over the "
            "damaged file."
        ).format(error=str(error).rstrip(), backup=display_name(newest))
    )
