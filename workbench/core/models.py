"""The report and what the analysis finds in it, as plain dataclasses.

Offsets (``start``/``end``) are character positions in ``Report.text``, the blocks joined by
blank lines, so every later layer (highlights, search snippets, exports) points into one string.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "caption", "list_item"]
BLOCK_KINDS: tuple[str, ...] = ("heading", "paragraph", "caption", "list_item")
BLOCK_SEPARATOR = "\n\n"

Role = Literal["speaker", "attendee", "mentioned"]
ROLES: tuple[str, ...] = ("speaker", "attendee", "mentioned")


@dataclass(frozen=True)
class RawBlock:
    """A paragraph as an importer found it, before cleaning.

    ``kind`` is a hint from the source's own structure (a Word heading style, an HTML
    ``<figcaption>``); ``None`` lets the cleaner decide.
    """

    text: str
    kind: str | None = None


@dataclass
class Imported:
    """What an importer hands to the cleaner: decoded content plus the untouched original.

    Flowing sources (plain text, PDF, Markdown) fill ``lines`` and get reflowed; structured
    sources (.docx, HTML) fill ``blocks``, one per paragraph of the source.
    """

    format: str  # "text" | "docx" | "html" | "pdf" | "markdown"
    original: bytes
    encoding: str | None = None
    lines: list[str] | None = None
    blocks: list[RawBlock] | None = None
    warnings: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)  # front matter of a structured source


@dataclass(frozen=True)
class Block:
    """One block of a cleaned report, with its place in ``Report.text``."""

    kind: str
    text: str
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Span:
    """A stretch of ``Report.text``: ``text[start:end]``."""

    start: int
    end: int


@dataclass
class Person:
    """A person named in one report."""

    name: str
    titles: list[str] = field(default_factory=list)
    role: str = "mentioned"
    mentions: list[Span] = field(default_factory=list)


@dataclass
class KeyTask:
    """One enumerated directive ("Một là, ...")."""

    ordinal: int
    marker: str
    text: str
    start: int
    end: int
    speaker: str | None = None


@dataclass
class DocumentRef:
    """An official document the report cites ("Nghị quyết số 25-NQ/TW")."""

    kind: str
    number: str
    date: str | None = None  # ISO date
    issuer: str | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Analysis:
    """What the program understood in a report: suggestions for the editor."""

    people: list[Person] = field(default_factory=list)
    key_tasks: list[KeyTask] = field(default_factory=list)
    documents: list[DocumentRef] = field(default_factory=list)


@dataclass
class Report:
    """A cleaned, structured report. ``text`` is derived from ``blocks`` and never edited alone."""

    title: str | None
    blocks: list[Block]
    published_at: str | None = None  # "2023-09-07T05:59"
    event_date: str | None = None  # "2023-09-06"
    place: str | None = None
    author: str | None = None
    source: str | None = None
    format: str = "text"
    encoding: str | None = None
    original: bytes = b""
    warnings: list[str] = field(default_factory=list)
    analysis: Analysis = field(default_factory=Analysis)

    @property
    def text(self) -> str:
        return BLOCK_SEPARATOR.join(block.text for block in self.blocks)


def place_blocks(kinds_and_texts: list[tuple[str, str]]) -> list[Block]:
    """Blocks with their offsets in the text that joins them with ``BLOCK_SEPARATOR``."""
    blocks, pos = [], 0
    for kind, text in kinds_and_texts:
        blocks.append(Block(kind, text, pos, pos + len(text)))
        pos += len(text) + len(BLOCK_SEPARATOR)
    return blocks


def item_to_dict(item: Person | KeyTask | DocumentRef) -> dict:
    """The JSON form of an analysed item (the shape ``workbench extract --json`` prints)."""
    return asdict(item)


def person_from_dict(data: dict) -> Person:
    return Person(
        name=data["name"],
        titles=list(data.get("titles", [])),
        role=data.get("role", "mentioned"),
        mentions=[Span(m["start"], m["end"]) for m in data.get("mentions", [])],
    )


def task_from_dict(data: dict) -> KeyTask:
    return KeyTask(
        ordinal=int(data["ordinal"]),
        marker=data.get("marker", ""),
        text=data["text"],
        start=int(data.get("start", 0)),
        end=int(data.get("end", 0)),
        speaker=data.get("speaker"),
    )


def document_from_dict(data: dict) -> DocumentRef:
    return DocumentRef(
        kind=data.get("kind", ""),
        number=data["number"],
        date=data.get("date"),
        issuer=data.get("issuer"),
        mentions=[Span(m["start"], m["end"]) for m in data.get("mentions", [])],
    )


def analysis_from_dict(data: dict) -> Analysis:
    """The inverse of ``item_to_dict`` over a whole analysis (as stored or printed)."""
    return Analysis(
        people=[person_from_dict(p) for p in data.get("people", [])],
        key_tasks=[task_from_dict(t) for t in data.get("key_tasks", [])],
        documents=[document_from_dict(d) for d in data.get("documents", [])],
    )


def analysis_to_dict(analysis: Analysis) -> dict:
    return {
        "people": [item_to_dict(p) for p in analysis.people],
        "key_tasks": [item_to_dict(t) for t in analysis.key_tasks],
        "documents": [item_to_dict(d) for d in analysis.documents],
    }
