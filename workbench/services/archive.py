"""Use cases on the archive: store, read, list, delete and re-analyse reports; back up.

Writes return ``Changes``; each runs in one ``BEGIN IMMEDIATE`` transaction.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from workbench.core.errors import ArchiveError, display_name
from workbench.core.models import Analysis, Report
from workbench.i18n import _
from workbench.services.changes import NOTHING, REPORT_CONTENT, Changes
from workbench.services.clock import now
from workbench.services.decisions import refresh_accepted
from workbench.services.guard import archive_errors, damaged, with_backup_hint
from workbench.storage import backups, index, repository
from workbench.storage import db as storage_db
from workbench.storage.db import transaction
from workbench.storage.repository import ReportSummary, StoredReport

QUICK_CHECK_MAX_BYTES = 1_000_000_000


@dataclass(frozen=True)
class StoreResult:
    """The outcome of storing a report.

    ``duplicate`` means the same content was already stored: nothing was written and
    ``report_id`` is the stored report's id. ``near_duplicates`` lists ``(id, similarity)`` of
    stored reports of the same event with similar text (another outlet's account).
    """

    report_id: int
    duplicate: bool = False
    near_duplicates: list[tuple[int, float]] = field(default_factory=list)
    changes: Changes = NOTHING


@dataclass(frozen=True)
class ReportPage:
    """One page of the report list and the number of reports in the archive."""

    items: list[ReportSummary]
    total: int


def open_archive(
    path: str | Path, *, create: bool = True, maintain: bool = True, daily: bool = True
) -> Database:
    """Open (or create) the archive file at ``path``, upgrading an older schema.

    With ``maintain`` (the window and the CLI), the archive is checked each time it is opened
    and backed up before an upgrade (see :func:`_check_on_open`); with ``daily`` too, the first
    open of a day checks the whole file and backs it up before returning (the CLI). The window
    opens with ``daily=False`` and runs a :class:`DailyCheck` beside the editor's work. A
    damaged archive is refused with a message naming its newest backup. Raises
    ``ArchiveError`` with a one-line message for a file that is not an archive, an archive
    made by a newer version, a damaged archive, or a place the program cannot write to.
    """
    if not maintain or str(path) == ":memory:":
        return storage_db.open_archive(path, create=create)
    target = Path(path)
    try:
        db = storage_db.open_archive(
            target, create=create, before_upgrade=lambda p: backups.take_backup(p, "upgrade")
        )
    except ArchiveError as error:
        raise with_backup_hint(error, target) from error
    try:
        _check_on_open(db, target, daily=daily)
    except ArchiveError:
        db.close()
        raise
    return db


class BackupNotWritten(ArchiveError):
    """The day's backup could not be written (a full disk, a folder that refuses it)."""


class DailyCheck:
    """The day's check of the whole archive and its backup, on connections of its own: what
    the first open of a day does, for the window to run beside the editor's work (WAL: the
    check and the copy read a snapshot while the editor writes). ``run`` on a worker thread;
    ``stop`` from any other."""

    def __init__(self, path: str | Path) -> None:
        self._target = Path(path)
        self._stopped = threading.Event()
        self._lock = threading.Lock()  # ``stop`` never interrupts a connection being closed
        self._db: Database | None = None

    def due(self) -> bool:
        """Whether today's backup is still to be taken (a look at the backups folder)."""
        return not backups.backed_up_on(self._target, datetime.now())

    def run(self) -> bool:
        """Check and back up; False when today's backup exists already (nothing to do).

        Raises ``ArchiveDamaged`` naming the newest backup, ``BackupNotWritten`` when the copy
        cannot be written (a full disk), and ``Cancelled`` once stopped (no backup is left
        then). The next open tries again.
        """
        today = datetime.now()
        if backups.backed_up_on(self._target, today):
            return False
        try:
            db = storage_db.open_archive(self._target, create=False)
        except ArchiveError as error:
            raise with_backup_hint(error, self._target) from error
        with self._lock:
            self._db = db
        try:
            problem = backups.integrity_problem(db, stop=self._stopped.is_set)
        finally:
            with self._lock:
                self._db = None
                db.close()
        if problem is not None:
            raise damaged(self._target, problem)
        try:
            backups.take_backup(self._target, "daily", today, self._stopped.is_set)
        except (OSError, sqlite3.Error) as error:
            raise BackupNotWritten(
                _("Today's backup of the archive could not be written ({error}).").format(
                    error=" ".join(str(error).split())
                )
            ) from error
        return True

    def stop(self) -> None:
        """Stop checking (at once) or copying (after the copy's current step)."""
        self._stopped.set()
        with self._lock:
            if self._db is not None:
                self._db.conn.interrupt()


def _check_on_open(db: Database, target: Path, *, daily: bool) -> None:
    """Refuse a damaged archive; with ``daily``, check the whole file and back it up once a
    day (:class:`DailyCheck`).

    The first open of a day runs the full integrity check (indexes against their tables too)
    before the daily backup, so a damaged archive is never backed up: 0.3 s at 500 MB, 18 s at
    4.9 GB (100,000 reports), plus the copy. Other opens run SQLite's quick check (each page
    readable, each b-tree well formed) while the file is under ``QUICK_CHECK_MAX_BYTES``:
    0.2-0.3 s at 500 MB (1-1.3 s from a cold disk cache), but 3-9 s at 4.9 GB, too long for
    every ``workbench search``. Past that, damage met later is still refused in one line
    naming the newest backup (``services.guard``).
    """
    if not db.table_names():
        return
    if daily:
        try:
            if DailyCheck(target).run():
                return
        except BackupNotWritten:
            return  # checked whole; a full disk must not stop the work, the next open tries again
    if target.stat().st_size <= QUICK_CHECK_MAX_BYTES:
        problem = backups.integrity_problem(db, quick=True)
        if problem is not None:
            raise damaged(target, problem)


@archive_errors
def store_report(db: Database, report: Report) -> StoreResult:
    """Store a cleaned, analysed report unless the archive already holds it.

    A report with the same normalised text, or made from the same original bytes, is a
    duplicate and is not stored again. Near-duplicates are stored, flagged in the result and
    linked for good (``similar_reports``). Raises
    ``ArchiveError`` when the archive cannot be written (nothing is half-stored).
    """
    prints = repository.fingerprint(report)  # outside the transaction: no lock held meanwhile
    with transaction(db):
        existing = repository.find_duplicate(db, prints)
        if existing is not None:
            return StoreResult(existing, duplicate=True)
        near = repository.near_duplicates(db, report, prints)
        report_id = repository.insert(db, report, now(), prints)
        repository.link_near_duplicates(db, report_id, near)
    return StoreResult(report_id, near_duplicates=near, changes=REPORT_CONTENT)


@archive_errors
def get_report(db: Database, report_id: int) -> StoredReport:
    """The stored report ``report_id``. Raises ``ArchiveError`` if there is none."""
    stored = repository.load(db, report_id)
    if stored is None:
        raise ArchiveError(_("There is no report #{id} in the archive.").format(id=report_id))
    return stored


@archive_errors
def similar_reports(db: Database, report_id: int) -> list[tuple[int, float]]:
    """Stored reports of the same event as ``report_id`` (near-duplicates found when either
    was imported): ``(id, similarity)``, most similar first."""
    return repository.linked_near_duplicates(db, report_id)


@archive_errors
def list_reports(
    db: Database, *, order: str = "date", limit: int = 100, offset: int = 0
) -> ReportPage:
    """A page of reports in ``order`` (``date``, ``date_asc``, ``added``, ``title``).

    Raises ``ValueError`` for an unknown order.
    """
    items = repository.summaries(db, order=order, limit=limit, offset=offset)
    return ReportPage(items, repository.count(db))


@archive_errors
def delete_report(db: Database, report_id: int) -> Changes:
    """Delete a report with its analysis, tags and decisions; people left with no report go.

    Raises ``ArchiveError`` if there is no such report.
    """
    with transaction(db):
        if not repository.delete(db, report_id):
            raise ArchiveError(_("There is no report #{id} in the archive.").format(id=report_id))
    return REPORT_CONTENT | Changes(tags=True, decisions=True)


@archive_errors
def reanalyse_report(db: Database, report_id: int, analysis: Analysis) -> Changes:
    """Replace a report's analysis with ``analysis``, keeping every decision of the editor.

    Raises ``ArchiveError`` if there is no such report.
    """
    with transaction(db):
        get_report(db, report_id)
        repository.set_suggestions(db, report_id, analysis)
        refresh_accepted(db, report_id)
    return REPORT_CONTENT


@archive_errors
def rebuild_search_index(db: Database) -> int:
    """Rebuild both full-text indexes from the stored reports; returns how many were indexed.

    For maintenance (an index damaged by an outside tool, a changed folding rule).
    """
    with transaction(db):
        return index.rebuild(db)


def backup_archive(db_path: str | Path, dest: str | Path) -> Path:
    """Copy the archive at ``db_path`` to ``dest`` with SQLite's online backup; returns ``dest``.

    Safe while the archive is open and being written. The copy is a single self-contained
    file (rollback journal, no WAL), written beside ``dest`` first and renamed into place.
    Raises ``ArchiveError`` when the source is missing or the copy cannot be written.
    """
    try:
        return storage_db.backup(Path(db_path), Path(dest))
    except (OSError, sqlite3.Error) as error:
        raise ArchiveError(
            _("The backup to {path} failed: {error}.").format(path=display_name(dest), error=error)
        ) from error
