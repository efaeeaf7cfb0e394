"""SQLite's errors at the service boundary: ``ArchiveError`` for the file's or the disk's state,
bugs unchanged."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from workbench.core.errors import ArchiveError
from workbench.services.guard import archive_errors


def _error(kind: type[sqlite3.Error], message: str, code: int) -> sqlite3.Error:
    error = kind(message)
    error.sqlite_errorcode = code
    return error


def _raising(error: sqlite3.Error):
    @archive_errors
    def service(db: Database) -> None:
        raise error

    return service


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (_error(sqlite3.OperationalError, "database or disk is full", 13), "disk is full"),
        (_error(sqlite3.OperationalError, "disk I/O error", 10 | (3 << 8)), "failing"),
        (_error(sqlite3.OperationalError, "attempt to write a readonly database", 8), "read-only"),
        (_error(sqlite3.OperationalError, "database is locked", 5), "locked"),
        (_error(sqlite3.DatabaseError, "database disk image is malformed", 11), "damaged"),
        (_error(sqlite3.DatabaseError, "file is not a database", 26), "damaged"),
        # Python's own, no SQLite code: a damaged page read back as a text cell
        (sqlite3.OperationalError("Could not decode to UTF-8 column 'blocks'"), "damaged"),
    ],
)
def test_the_state_of_the_file_or_the_disk_is_an_archive_error(
    error: sqlite3.Error, words: str
) -> None:
    with pytest.raises(ArchiveError) as caught:
        _raising(error)(Database(memory=True))
    assert words in str(caught.value) and "\n" not in str(caught.value)
    assert caught.value.__cause__ is error


@pytest.mark.parametrize(
    "error",
    [
        _error(sqlite3.IntegrityError, "UNIQUE constraint failed: reports.text_hash", 2067),
        _error(sqlite3.OperationalError, "no such table: reprots", 1),
    ],
)
def test_a_bug_goes_through_unchanged(error: sqlite3.Error) -> None:
    with pytest.raises(type(error)) as caught:
        _raising(error)(Database(memory=True))
    assert caught.value is error
