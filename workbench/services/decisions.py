"""The editor's choices on a report's analysis, kept apart from the program's suggestions.

The archive keeps, per report, the program's own analysis (its *suggestions*) and the editor's
decisions, one per item key (``core.review.item_key``). What the rest of the archive sees (the
people directory, search by person or document) is the *accepted* analysis: the suggestions
with every decision applied (``core.review``). Re-analysis replaces only the suggestions, so it
never overwrites a human choice.
"""

from __future__ import annotations

import json
from dataclasses import replace

from sqlite_utils import Database

from workbench.core.errors import ArchiveError
from workbench.core.models import Analysis, item_to_dict
from workbench.core.offsets import move_item, span_mover
from workbench.core.review import ACTIONS, Decision, build_review
from workbench.core.text import nfc_strings
from workbench.i18n import _
from workbench.services.changes import REPORT_CONTENT, Changes
from workbench.services.clock import now
from workbench.services.guard import archive_errors
from workbench.storage import codec, repository
from workbench.storage.db import transaction

KINDS = ("person", "task", "document")
DECIDED = REPORT_CONTENT | Changes(decisions=True)


@archive_errors
def decisions_of(db: Database, report_id: int) -> dict[str, Decision]:
    """The decisions recorded on a report, by item key, oldest first."""
    rows = db.execute(
        "SELECT item_key, decision, value FROM decisions WHERE report_id = ? "
        "ORDER BY decided_at, rowid",
        [report_id],
    ).fetchall()
    return {
        key: Decision(key, action, json.loads(value) if value else None)
        for key, action, value in rows
    }


def accepted_analysis(suggestions: Analysis, decisions: dict[str, Decision]) -> Analysis:
    """What the editor stands behind: the suggestions with every decision applied."""
    return build_review(suggestions, list(decisions.values())).accepted_analysis()


@archive_errors
def record_decision(
    db: Database, report_id: int, item_key: str, decision: str, value: object = None
) -> Changes:
    """Record (or replace) the editor's decision on an item and update the accepted analysis.

    ``value`` is the item as the editor wants it (a ``Person``, ``KeyTask`` or ``DocumentRef``,
    or its dict) for ``edited``/``added``, ``{"into": key}`` for ``merged``. Raises
    ``ValueError`` for an unknown decision, a missing value or a key of an unknown kind, and
    ``ArchiveError`` when there is no such report.
    """
    _check(item_key, decision, value)
    data = value if isinstance(value, dict) or value is None else item_to_dict(value)
    if decision in ("edited", "added"):
        data = nfc_strings(data)  # as the editor typed it: names, titles, text
    with transaction(db):
        db.execute(
            "INSERT OR REPLACE INTO decisions (report_id, item_key, decision, value, decided_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [report_id, item_key, decision, codec.dumps(data) if data else None, now()],
        )
        refresh_accepted(db, report_id)
    return DECIDED


@archive_errors
def clear_decision(db: Database, report_id: int, item_key: str) -> tuple[Decision | None, Changes]:
    """Forget the decision on an item; returns it (``None`` if there was none) and the changes."""
    with transaction(db):
        old = decisions_of(db, report_id).get(item_key)
        db.execute(
            "DELETE FROM decisions WHERE report_id = ? AND item_key = ?", [report_id, item_key]
        )
        if old is not None:
            refresh_accepted(db, report_id)
    return old, DECIDED if old is not None else Changes()


@archive_errors
def set_decision(db: Database, report_id: int, key: str, decision: Decision | None) -> Changes:
    """Make ``decision`` the one standing for ``key`` (``None``: no decision)."""
    if decision is None:
        return clear_decision(db, report_id, key)[1]
    return record_decision(db, report_id, key, decision.action, decision.value)


def move_decided_spans(db: Database, report_id: int, old_text: str, new_text: str) -> None:
    """After the report's text was edited from ``old_text`` to ``new_text``, point the editor's
    own items (edited or added) at the same words in the new text (``core.offsets``; the
    texts are compared only when there is such an item). Runs inside the caller's transaction.
    """
    own = {
        key: decision.value
        for key, decision in decisions_of(db, report_id).items()
        if decision.action in ("edited", "added") and isinstance(decision.value, dict)
    }
    if not own:
        return
    move = span_mover(old_text, new_text)
    for key, value in own.items():
        moved = move_item(value, move)
        if moved != value:
            db.execute(
                "UPDATE decisions SET value = ? WHERE report_id = ? AND item_key = ?",
                [codec.dumps(moved), report_id, key],
            )


@archive_errors
def refresh_accepted(db: Database, report_id: int) -> None:
    """Store the accepted analysis of a report again from its suggestions and decisions.

    Runs inside the caller's transaction. Raises ``ArchiveError`` if there is no such report.
    """
    stored = repository.load(db, report_id)
    if stored is None:
        raise ArchiveError(_("There is no report #{id} in the archive.").format(id=report_id))
    suggestions = repository.suggestions(db, report_id) or stored.report.analysis
    accepted = accepted_analysis(suggestions, decisions_of(db, report_id))
    repository.replace_analysis(db, report_id, replace(stored.report, analysis=accepted), now())


def _check(item_key: str, decision: str, value: object) -> None:
    if decision not in ACTIONS:
        raise ValueError(f"unknown decision {decision!r}; expected one of {ACTIONS}")
    if item_key.split(":", 1)[0] not in KINDS:
        raise ValueError(f"unknown item kind in key {item_key!r}")
    if value is None and decision in ("edited", "added", "merged"):
        raise ValueError(f"a decision {decision!r} needs a value")
