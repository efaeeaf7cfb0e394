"""Use cases around reports: tags, the export history, the archive's own settings."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from workbench.core.errors import ArchiveError
from workbench.i18n import _
from workbench.services.changes import NOTHING, Changes
from workbench.services.clock import now
from workbench.services.guard import archive_errors
from workbench.storage import extras_repo, repository
from workbench.storage.db import transaction
from workbench.storage.extras_repo import ExportRecord

LAYOUTS = ("government", "party")
DEFAULT_SETTINGS: dict[str, Any] = {"organisation": "", "layout": "government"}


@archive_errors
def tag_report(db: Database, report_id: int, tag: str) -> Changes:
    """Add a tag to a report. Raises ``ArchiveError`` for a blank tag or a missing report."""
    if not tag.strip():
        raise ArchiveError(_("A tag cannot be blank."))
    with transaction(db):
        _require_report(db, report_id)
        added = extras_repo.add_tag(db, report_id, tag)
    return Changes(tags=True) if added else NOTHING


@archive_errors
def untag_report(db: Database, report_id: int, tag: str) -> Changes:
    """Remove a tag from a report (nothing changes if it did not have it)."""
    with transaction(db):
        removed = extras_repo.remove_tag(db, report_id, tag)
    return Changes(tags=True) if removed else NOTHING


@archive_errors
def list_tags(db: Database, report_id: int | None = None) -> list[str]:
    """The tags of one report, or all tags of the archive."""
    return extras_repo.tags_of(db, report_id)


@archive_errors
def record_export(db: Database, kind: str, path: str, report_ids: list[int]) -> Changes:
    """Add an export (e.g. ``"docx"``, ``"bulletin"``) of these reports to the history."""
    with transaction(db):
        extras_repo.record_export(db, kind, path, list(report_ids), now())
    return Changes(exports=True)


@archive_errors
def list_exports(db: Database, limit: int = 100) -> list[ExportRecord]:
    """The export history, newest first."""
    return extras_repo.exports(db, limit)


@archive_errors
def get_settings(db: Database) -> dict[str, Any]:
    """The archive's settings: ``DEFAULT_SETTINGS`` overlaid with what is stored."""
    return {**DEFAULT_SETTINGS, **extras_repo.settings(db)}


@archive_errors
def set_setting(db: Database, key: str, value: Any) -> Changes:
    """Store one archive setting. Raises ``ValueError`` for an unknown key or layout."""
    if key not in DEFAULT_SETTINGS:
        raise ValueError(f"unknown archive setting {key!r}; expected {list(DEFAULT_SETTINGS)}")
    if key == "layout" and value not in LAYOUTS:
        raise ValueError(f"unknown layout {value!r}; expected one of {LAYOUTS}")
    with transaction(db):
        extras_repo.set_setting(db, key, value)
    return Changes(settings=True)


def _require_report(db: Database, report_id: int) -> None:
    if not repository.summaries_by_id(db, [report_id]):
        raise ArchiveError(_("There is no report #{id} in the archive.").format(id=report_id))
