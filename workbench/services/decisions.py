"""The editor's choices on a report's analysis, and how a new analysis is merged with them.

Each item of an analysis has a key (``codec.person_key``/``task_key``/``document_key``). A
decision on a key is ``accepted``, ``edited`` or ``added`` (with the item as the editor wants
it) or ``rejected``. Re-analysis never overwrites a decision: decided items come from the
decision, undecided ones from the new analysis.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from workbench.core.models import (
    Analysis,
    document_from_dict,
    item_to_dict,
    person_from_dict,
    task_from_dict,
)
from workbench.services.changes import Changes
from workbench.services.clock import now
from workbench.storage import codec
from workbench.storage.db import transaction

DECISIONS = ("accepted", "rejected", "edited", "added")
_KINDS: dict[str, tuple[Callable[[Any], str], Callable[[dict[str, Any]], Any]]] = {
    "person": (codec.person_key, person_from_dict),
    "task": (codec.task_key, task_from_dict),
    "document": (codec.document_key, document_from_dict),
}


@dataclass(frozen=True)
class Decision:
    """An editor's choice on one item of one report."""

    item_key: str
    decision: str
    value: dict[str, Any] | None
    decided_at: str


def decisions_of(db: Database, report_id: int) -> dict[str, Decision]:
    """The decisions recorded on a report, by item key."""
    rows = db.execute(
        "SELECT item_key, decision, value, decided_at FROM decisions WHERE report_id = ?",
        [report_id],
    ).fetchall()
    return {
        key: Decision(key, decision, json.loads(value) if value else None, at)
        for key, decision, value, at in rows
    }


def record_decision(
    db: Database, report_id: int, item_key: str, decision: str, value: object = None
) -> Changes:
    """Record (or replace) the editor's decision on an item.

    ``value`` is the item as the editor wants it: a ``Person``, ``KeyTask`` or ``DocumentRef``
    (or its dict); required unless the decision is ``rejected``. Raises ``ValueError`` for an
    unknown decision, a missing value, or a key of an unknown kind.
    """
    if decision not in DECISIONS:
        raise ValueError(f"unknown decision {decision!r}; expected one of {DECISIONS}")
    kind = item_key.split(":", 1)[0]
    if kind not in _KINDS:
        raise ValueError(f"unknown item kind in key {item_key!r}")
    if value is None and decision != "rejected":
        raise ValueError(f"a decision {decision!r} needs the item's value")
    data = value if isinstance(value, dict) or value is None else item_to_dict(value)
    with transaction(db):
        db.execute(
            "INSERT OR REPLACE INTO decisions (report_id, item_key, decision, value, decided_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [report_id, item_key, decision, codec.dumps(data) if data else None, now()],
        )
    return Changes(decisions=True)


def clear_decision(db: Database, report_id: int, item_key: str) -> tuple[Decision | None, Changes]:
    """Forget the decision on an item; returns it (to undo: ``None`` if there was none)."""
    with transaction(db):
        old = decisions_of(db, report_id).get(item_key)
        db.execute(
            "DELETE FROM decisions WHERE report_id = ? AND item_key = ?", [report_id, item_key]
        )
    return old, Changes(decisions=old is not None)


def apply_decisions(analysis: Analysis, decisions: dict[str, Decision]) -> Analysis:
    """``analysis`` with every decided item replaced, removed or added as decided."""
    merged = {}
    for kind, attribute in (("person", "people"), ("task", "key_tasks"), ("document", "documents")):
        key_of, from_dict = _KINDS[kind]
        items, seen = [], set()
        for item in getattr(analysis, attribute):
            key = key_of(item)
            seen.add(key)
            decision = decisions.get(key)
            if decision is None:
                items.append(item)
            elif decision.decision != "rejected" and decision.value is not None:
                items.append(from_dict(decision.value))
        for key, decision in decisions.items():
            wanted = decision.decision != "rejected" and decision.value is not None
            if wanted and key.startswith(kind + ":") and key not in seen:
                items.append(from_dict(decision.value))
        merged[attribute] = items
    return Analysis(**merged)
