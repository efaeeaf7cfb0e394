"""What a write changed, so each view can decide whether to refresh (Anki's ``OpChanges``)."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    """Which kinds of entity a service call changed. ``a | b`` combines two."""

    reports: bool = False
    people: bool = False
    tasks: bool = False
    documents: bool = False
    tags: bool = False
    decisions: bool = False
    saved_searches: bool = False
    exports: bool = False
    settings: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            **{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)}
        )

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def kinds(self) -> list[str]:
        """The names of the changed kinds, e.g. ``["reports", "people"]``."""
        return [f.name for f in fields(self) if getattr(self, f.name)]


NOTHING = Changes()
REPORT_CONTENT = Changes(reports=True, people=True, tasks=True, documents=True)
