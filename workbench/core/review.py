"""What the editor sees in the side panels: the program's suggestions with the editor's decisions.

The analysis suggests people, key tasks and documents; the editor accepts, rejects, edits, adds
and merges. Decisions are kept apart from the suggestions, keyed by a stable ``item_key``, and
applied on top of every (re-)analysis, so re-analysing a report never overwrites a human choice.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from workbench.core.fold import fold_key, fold_name, number_key
from workbench.core.models import (
    Analysis,
    DocumentRef,
    KeyTask,
    Person,
    document_from_dict,
    item_to_dict,
    person_from_dict,
    task_from_dict,
)

ItemKind = Literal["person", "task", "document"]
Action = Literal["accepted", "rejected", "edited", "added", "merged"]
ACTIONS: tuple[str, ...] = ("accepted", "rejected", "edited", "added", "merged")
ROLE_RANK = {"speaker": 3, "attendee": 2, "mentioned": 1}
Item = Person | KeyTask | DocumentRef


@dataclass(frozen=True)
class Decision:
    """One choice of the editor about one item of a report.

    One decision stands per item (the latest). ``edited`` and ``added`` carry the item as it
    should be (``value``, the item's JSON form); ``merged`` carries ``{"into": key}``, the person
    this one was merged into.
    """

    key: str
    action: str
    value: dict | None = None

    @property
    def kind(self) -> str:
        """``person``, ``task`` or ``document``: the first part of the key."""
        return self.key.split(":", 1)[0]


@dataclass
class ReviewItem:
    """An item as the panels show it."""

    kind: str
    key: str
    item: Item
    status: str = "suggested"  # "suggested" | "accepted" | "rejected"
    origin: str = "program"  # "program" | "editor"


@dataclass
class Review:
    """Every item of one report, in panel order, with the decisions applied."""

    people: list[ReviewItem] = field(default_factory=list)
    key_tasks: list[ReviewItem] = field(default_factory=list)
    documents: list[ReviewItem] = field(default_factory=list)

    def items(self, kind: str) -> list[ReviewItem]:
        return {"person": self.people, "task": self.key_tasks, "document": self.documents}[kind]

    def accepted_analysis(self) -> Analysis:
        """What the editor stands behind: accepted items and suggestions not rejected."""

        def keep(items: list[ReviewItem]) -> list:
            return [i.item for i in items if i.status != "rejected"]

        return Analysis(keep(self.people), keep(self.key_tasks), keep(self.documents))


def item_key(kind: str, item: Item) -> str:
    """A key that stays the same when the same item is found again by a later analysis."""
    if isinstance(item, Person):
        return f"person:{fold_name(item.name)}"
    if isinstance(item, KeyTask):
        opening = " ".join(fold_key(item.text).split()[:8])
        return f"task:{item.ordinal}:{opening}"
    if isinstance(item, DocumentRef):
        return f"document:{number_key(item.number)}"
    raise TypeError(f"not an analysis item: {kind} {item!r}")


def item_from_value(kind: str, value: dict) -> Item:
    """An item from its JSON form, by kind."""
    readers = {"person": person_from_dict, "task": task_from_dict, "document": document_from_dict}
    return readers[kind](value)


def build_review(analysis: Analysis, decisions: list[Decision]) -> Review:
    """The panels' items: ``analysis`` as suggestions, then each decision applied in order."""
    review = Review(
        people=[ReviewItem("person", item_key("person", p), p) for p in analysis.people],
        key_tasks=[ReviewItem("task", item_key("task", t), t) for t in analysis.key_tasks],
        documents=[ReviewItem("document", item_key("document", d), d) for d in analysis.documents],
    )
    for decision in decisions:
        apply_decision(review, decision)
    review.key_tasks.sort(key=lambda i: (i.item.start, i.item.ordinal))
    return review


def apply_decision(review: Review, decision: Decision) -> None:
    """Apply one decision in place.

    An edit or an addition replaces (or adds) the item with the one it carries; an acceptance
    keeps a suggestion, or brings back the accepted item if the program no longer finds it;
    a rejection or a merge of an item no longer found is skipped.
    """
    items = review.items(decision.kind)
    found = next((i for i in items if i.key == decision.key), None)
    carried = decision.action in ("edited", "added") or (
        decision.action == "accepted" and found is None
    )
    if carried and decision.value is not None:
        item = item_from_value(decision.kind, decision.value)
        if found is None:
            items.append(ReviewItem(decision.kind, decision.key, item, "accepted", "editor"))
        else:
            found.item, found.status = item, "accepted"
    elif found is None:
        return
    elif decision.action == "accepted":
        found.status = "accepted"
    elif decision.action == "rejected":
        found.status = "rejected"
    elif decision.action == "merged" and decision.value:
        target = next((i for i in items if i.key == decision.value.get("into")), None)
        if target is not None and target is not found:
            target.item = merge_people(target.item, found.item)
            items.remove(found)


def merge_people(into: Person, other: Person) -> Person:
    """One person from two: ``into``'s name, every title once, every mention, the stronger role."""
    titles = list(into.titles)
    seen = {fold_key(t) for t in titles}
    titles += [t for t in other.titles if fold_key(t) not in seen]
    mentions = sorted({*into.mentions, *other.mentions}, key=lambda s: (s.start, s.end))
    role = max(into.role, other.role, key=lambda r: ROLE_RANK.get(r, 0))
    return replace(into, titles=titles, mentions=mentions, role=role)


def edit_decision(key: str, item: Item) -> Decision:
    """The decision that records ``item`` as the editor's version of the item ``key``."""
    return Decision(key, "edited", item_to_dict(item))
