"""The editor's changes as objects that can be applied and reverted: the basis of undo.

An ``Edit`` knows what it changes before and after; it never touches SQLite itself but asks an
``EditTarget`` (the services layer provides one over the archive). The GUI wraps each edit in
a QUndoCommand; the CLI and the tests apply the same edits without Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from workbench.core.review import Decision
from workbench.i18n import N_, _


class EditTarget(Protocol):
    """What edits need from the archive."""

    def set_decision(self, report_id: int, key: str, decision: Decision | None) -> None:
        """Record ``decision`` for the item ``key`` of a report (None removes it)."""

    def update_report(self, report_id: int, fields: dict[str, Any]) -> None:
        """Set some fields of a report (title, place, blocks, ...)."""

    def merge_people(self, into_id: int, other_id: int) -> dict[str, Any]:
        """Merge a person of the directory into another; returns what ``unmerge`` needs."""

    def unmerge_people(self, undo_info: dict[str, Any]) -> None:
        """Undo ``merge_people`` with what it returned."""

    def rename_person(self, person_id: int, name: str) -> None:
        """Give a person of the directory another canonical name."""


class Edit(Protocol):
    label: str
    kinds: frozenset[str]  # what entity kinds it changes: "report", "review", "people"

    def apply(self, target: EditTarget) -> None: ...

    def revert(self, target: EditTarget) -> None: ...


ACTION_LABELS = {
    "accepted": N_("Accept {item}"),
    "rejected": N_("Reject {item}"),
    "edited": N_("Edit {item}"),
    "added": N_("Add {item}"),
    "merged": N_("Merge {item}"),
}


def decision_label(action: str, item_name: str) -> str:
    """The undo-menu text of a decision, e.g. "Reject Nguyễn Thị Hồng"."""
    return _(ACTION_LABELS.get(action, "{item}")).format(item=item_name)


@dataclass(frozen=True)
class SetDecision:
    """The editor decides about one item of a report (accept, reject, edit, add, merge)."""

    report_id: int
    key: str
    before: Decision | None
    after: Decision | None
    label: str = ""
    kinds: frozenset[str] = frozenset({"review"})

    def apply(self, target: EditTarget) -> None:
        target.set_decision(self.report_id, self.key, self.after)

    def revert(self, target: EditTarget) -> None:
        target.set_decision(self.report_id, self.key, self.before)


@dataclass(frozen=True)
class UpdateReport:
    """The editor changes fields of a report: metadata or the body's blocks."""

    report_id: int
    before: dict[str, Any]
    after: dict[str, Any]
    label: str = ""
    kinds: frozenset[str] = frozenset({"report"})

    def apply(self, target: EditTarget) -> None:
        target.update_report(self.report_id, self.after)

    def revert(self, target: EditTarget) -> None:
        target.update_report(self.report_id, self.before)


@dataclass
class MergePeople:
    """Two entries of the people directory are one person."""

    into_id: int
    other_id: int
    label: str = ""
    kinds: frozenset[str] = frozenset({"people", "review"})
    _undo: dict[str, Any] | None = None

    def apply(self, target: EditTarget) -> None:
        self._undo = target.merge_people(self.into_id, self.other_id)

    def revert(self, target: EditTarget) -> None:
        if self._undo is not None:
            target.unmerge_people(self._undo)
            self._undo = None


@dataclass(frozen=True)
class RenamePerson:
    person_id: int
    before: str
    after: str
    label: str = ""
    kinds: frozenset[str] = frozenset({"people"})

    def apply(self, target: EditTarget) -> None:
        target.rename_person(self.person_id, self.after)

    def revert(self, target: EditTarget) -> None:
        target.rename_person(self.person_id, self.before)
