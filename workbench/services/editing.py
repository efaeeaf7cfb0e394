"""Editing a stored report: what the editor sees of it, and the edits that change it.

``load_report_view`` gives the report with the program's suggestions and the editor's
decisions side by side (``core.review``). Edits (``core.edits``) are applied and reverted
through ``apply_edit``/``revert_edit``, which the GUI's undo stack and the tests share.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from workbench.core.analysis import analyse
from workbench.core.edits import Edit
from workbench.core.errors import ArchiveError, WorkbenchError
from workbench.core.metadata import parse_published
from workbench.core.models import Block, Report, place_blocks
from workbench.core.review import Decision, Review, build_review
from workbench.core.text import nfc
from workbench.i18n import _
from workbench.services import people as people_service
from workbench.services.archive import get_report, similar_reports
from workbench.services.changes import REPORT_CONTENT, Changes
from workbench.services.clock import now
from workbench.services.curation import list_tags, tag_report, untag_report
from workbench.services.decisions import (
    decisions_of,
    move_decided_spans,
    refresh_accepted,
    set_decision,
)
from workbench.services.guard import archive_errors
from workbench.storage import repository
from workbench.storage.db import transaction

DATE_FIELDS = ("published_at", "event_date")


class DateRefused(WorkbenchError, ValueError):
    """A date field was given something that is not a date."""


KIND_CHANGES = {
    "report": REPORT_CONTENT | Changes(tags=True),
    "review": REPORT_CONTENT | Changes(decisions=True),
    "people": Changes(people=True, reports=True),
}


@dataclass
class ReportView:
    """One report as the editor works on it."""

    report_id: int
    report: Report  # with the accepted analysis
    review: Review  # suggestions and decisions, for the side panels
    decisions: dict[str, Decision] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    similar: list[tuple[int, str]] = field(default_factory=list)  # same event: (id, headline)


@archive_errors
def load_report_view(db: Database, report_id: int) -> ReportView:
    """The report ``report_id`` with its review. Raises ``ArchiveError`` if there is none."""
    stored = get_report(db, report_id)
    suggestions = repository.suggestions(db, report_id) or stored.report.analysis
    decisions = decisions_of(db, report_id)
    review = build_review(suggestions, list(decisions.values()))
    others = [other for other, _score in similar_reports(db, report_id)]
    titles = repository.summaries_by_id(db, others)
    similar = [(other, titles[other].title or "") for other in others if other in titles]
    return ReportView(
        report_id, stored.report, review, decisions, list_tags(db, report_id), similar
    )


@archive_errors
def update_report(db: Database, report_id: int, fields: dict[str, Any]) -> Changes:
    """Set metadata fields, tags (a comma-separated string) and/or blocks of a report.

    New blocks (a list of ``Block`` or of ``(kind, text)``) are analysed again; the editor's
    decisions stay. Dates may be typed the Vietnamese way ("6/9/2023", "05:59 07/09/2023") and
    are stored in ISO form. Raises ``ArchiveError`` when there is no such report or the new
    text is the same as another stored report's, ``DateRefused`` for a date it cannot read.
    Text is stored in NFC, as imported text is (an editor set to compose marks, or text pasted
    from macOS, types them apart).
    """
    before = get_report(db, report_id).report
    values = {
        name: nfc(value) if isinstance(value, str) else value for name, value in fields.items()
    }
    for name in DATE_FIELDS:
        if values.get(name):
            values[name] = typed_date(values[name], with_time=name == "published_at")
    if values.get("blocks") is not None:
        values["blocks"] = _blocks(values["blocks"])
    try:
        with transaction(db):
            repository.update_fields(db, report_id, values, now())
            if "tags" in values:
                _set_tags(db, report_id, values["tags"] or "")
            if "blocks" in values:
                report = get_report(db, report_id).report
                move_decided_spans(db, report_id, before.text, report.text)
                repository.set_suggestions(db, report_id, analyse(report))
                refresh_accepted(db, report_id)
    except sqlite3.IntegrityError as error:
        raise ArchiveError(_("Another report in the archive already has this text.")) from error
    return KIND_CHANGES["report"]


def typed_date(value: str, *, with_time: bool) -> str:
    """An ISO date (with its time if ``with_time`` and one was typed) from what an editor typed.

    Raises ``DateRefused`` naming the value for anything that is not a date.
    """
    parsed = parse_published(value)
    if parsed is None:
        raise DateRefused(
            _("“{value}” is not a date: write it as 6/9/2023 or 2023-09-06.").format(
                value=value.strip()[:40]
            )
        )
    return parsed if with_time else parsed[:10]


def _blocks(items: list) -> list[Block]:
    pairs = [(b.kind, b.text) if isinstance(b, Block) else (b[0], b[1]) for b in items]
    return place_blocks([(kind, nfc(text)) for kind, text in pairs])


def _set_tags(db: Database, report_id: int, value: str) -> None:
    wanted = [t.strip() for t in value.split(",") if t.strip()]
    current = list_tags(db, report_id)
    for tag in current:
        if tag not in wanted:
            untag_report(db, report_id, tag)
    for tag in wanted:
        if tag not in current:
            tag_report(db, report_id, tag)


class ArchiveTarget:
    """What edits change, over an open archive (``core.edits.EditTarget``)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def set_decision(self, report_id: int, key: str, decision: Decision | None) -> None:
        set_decision(self.db, report_id, key, decision)

    def update_report(self, report_id: int, fields: dict[str, Any]) -> None:
        update_report(self.db, report_id, fields)

    def merge_people(self, into_id: int, other_id: int) -> dict[str, Any]:
        return {"merge": people_service.merge_people(self.db, into_id, other_id)}

    def unmerge_people(self, undo_info: dict[str, Any]) -> None:
        people_service.unmerge(self.db, undo_info["merge"])

    def rename_person(self, person_id: int, name: str) -> None:
        people_service.rename_person(self.db, person_id, name)


@archive_errors
def apply_edit(db: Database, edit: Edit) -> Changes:
    """Apply ``edit`` to the archive; returns what changed."""
    edit.apply(ArchiveTarget(db))
    return _changes(edit)


@archive_errors
def revert_edit(db: Database, edit: Edit) -> Changes:
    """Undo ``edit`` on the archive; returns what changed."""
    edit.revert(ArchiveTarget(db))
    return _changes(edit)


def _changes(edit: Edit) -> Changes:
    result = Changes()
    for kind in edit.kinds:
        result = result | KIND_CHANGES.get(kind, Changes())
    return result
