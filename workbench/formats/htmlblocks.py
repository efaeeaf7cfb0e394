"""Cut HTML into raw blocks: from an lxml tree, or flat from a token stream.

Both walks are iterative. Every block-level element starts a block; a block's kind comes from
its nearest kind-giving ancestor (``<h1>``–``<h6>`` "heading", ``<figcaption>``, ``<caption>``
and caption-classed elements "caption", ``<li>`` "list_item"). One ``<br>`` is a space, two
split the paragraph; ``<pre>`` keeps its line breaks the same way.

Text set in a legacy Vietnamese font (``style="font-family: .VnTime"``, ``<font
face="VNI-Times">``, as Word writes when it saves or copies a TCVN3/VNI document as HTML) is
converted with :func:`workbench.formats.legacy.convert_by_font`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser as TokenParser

from lxml import etree

from workbench.core.models import RawBlock
from workbench.formats import legacy
from workbench.formats.breaks import BR, normalise, split_on_breaks

BLOCK_TAGS = frozenset(
    (
        *("p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "figure"),
        *("figcaption", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"),
        *("section", "article", "main", "header", "footer", "pre", "address", "center", "hr"),
        *("h1", "h2", "h3", "h4", "h5", "h6", "body", "html", "form", "fieldset", "details"),
        *("summary",),
    )
)
HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_KINDS = {
    **dict.fromkeys(HEADINGS, "heading"),
    "figcaption": "caption",
    "caption": "caption",
    "li": "list_item",
}
_SKIP_CONTENT = frozenset(("script", "style", "noscript", "template", "head", "title", "svg"))
_FONT_FAMILY = re.compile(r"font-family\s*:\s*([^;]+)", re.IGNORECASE)


@dataclass
class Walk:
    """What a walk found: the blocks, the legacy encodings converted, the ``<title>`` text
    (flat walks only; the tree reader reads it from the tree)."""

    blocks: list[RawBlock] = field(default_factory=list)
    encodings: set[str] = field(default_factory=set)
    title: str = ""


def tree_blocks(container: etree._Element) -> Walk:
    """The blocks under ``container``, in document order (start/end events, no recursion)."""
    walk = Walk()
    pieces: list[object] = []
    kinds: list[str | None] = [None]
    fonts: list[str | None] = [None]
    in_pre = 0

    def flush() -> None:
        walk.blocks.extend(RawBlock(text, kinds[-1]) for text in split_on_breaks(pieces))
        pieces.clear()

    def add(text: str | None) -> None:
        if not text:
            return
        text = _convert(text, fonts[-1], walk)
        for number, line in enumerate(text.split("\n") if in_pre else [text]):
            if number:
                pieces.append(BR)
            pieces.append(line)

    for event, element in etree.iterwalk(container, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        block = tag in BLOCK_TAGS
        if event == "start":
            if block:
                flush()
                kinds.append(_kind(element, tag) or kinds[-1])
            fonts.append(declared_font(element.get("style"), element.get("face")) or fonts[-1])
            in_pre += tag == "pre"
            if tag == "br":
                pieces.append(BR)
            add(element.text)
            continue
        in_pre -= tag == "pre"
        fonts.pop()
        if block:
            flush()
            kinds.pop()
        if element is not container:
            add(element.tail)
    flush()
    return walk


def flat_blocks(markup: str) -> Walk:
    """The blocks of markup read as a token stream, for pages too deep for a tree."""
    reader = _FlatReader()
    reader.feed(markup)
    reader.close()
    reader.flush()
    reader.walk.title = normalise("".join(reader.title))
    return reader.walk


def declared_font(style: str | None, face: str | None) -> str | None:
    """The first family of a ``font-family`` style, else a ``<font face>``, unquoted."""
    match = _FONT_FAMILY.search(style or "")
    families = match.group(1) if match else face
    if not families:
        return None
    first = families.split(",")[0].strip().strip("'\"").strip()
    return first or None


def _convert(text: str, font: str | None, walk: Walk) -> str:
    return legacy.convert_run(text, font, walk.encodings)


def _kind(element: etree._Element, tag: str) -> str | None:
    if tag in _KINDS:
        return _KINDS[tag]
    if "caption" in (element.get("class") or "").lower():
        return "caption"
    return None


class _FlatReader(TokenParser):
    """Block tags cut paragraphs, headings are kept, the ``<title>`` is kept aside."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.walk = Walk()
        self.pieces: list[object] = []
        self.title: list[str] = []
        self._skip = self._heading = self._in_title = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_title += tag == "title"
        if tag in _SKIP_CONTENT:
            self._skip += 1
        elif tag == "br":
            self.pieces.append(BR)
        elif tag in BLOCK_TAGS:
            self.flush()
            self._heading += tag in HEADINGS

    def handle_endtag(self, tag: str) -> None:
        self._in_title = max(0, self._in_title - (tag == "title"))
        if tag in _SKIP_CONTENT:
            self._skip = max(0, self._skip - 1)
        elif tag in BLOCK_TAGS:
            self.flush()
            self._heading = max(0, self._heading - (tag in HEADINGS))

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.pieces.append(data)

    def flush(self) -> None:
        kind = "heading" if self._heading else None
        self.walk.blocks.extend(RawBlock(t, kind) for t in split_on_breaks(self.pieces))
        self.pieces.clear()
