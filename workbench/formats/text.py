"""Read a plain-text file: any Vietnamese encoding, and what people save as ".txt".

A .txt file may hold plain text (often hard-wrapped by a PDF copy), Markdown with front matter,
or HTML copied from a web page's source. The bytes are decoded (legacy encodings detected), then
the content decides: HTML goes to the HTML reader's block extraction, Markdown is marked as such
for the cleaner, anything else stays lines to reflow. The original bytes are kept as they came.
"""

from __future__ import annotations

import re

from workbench.core.errors import ImportRefused
from workbench.core.markup import (
    FrontMatter,
    front_matter_title,
    looks_like_markdown,
    split_front_matter,
)
from workbench.core.models import Imported, RawBlock
from workbench.formats.encoding import decode
from workbench.i18n import _

_HTML_TAG = re.compile(r"<(?:p|div|br|table|li|h[1-6]|figure|article|span)\b[^>]*>", re.I)
_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html\b)", re.I)
MIN_HTML_TAGS = 3
#: Most characters a text or web page may hold: a long report has 50,000.
MAX_TEXT_CHARS = 5_000_000


def refuse_long_text(text: str, name: str) -> None:
    """Refuse a text longer than any report: raises :func:`too_long` past the cap."""
    if len(text) > MAX_TEXT_CHARS:
        raise too_long(name)


def too_long(name: str) -> ImportRefused:
    """The refusal of a file holding more than :data:`MAX_TEXT_CHARS` characters of text
    (every reader counts against the same cap; .docx and .pdf count while they read)."""
    return ImportRefused(
        _("{name} was refused: its text is longer than the limit of {limit} characters.").format(
            name=name, limit=f"{MAX_TEXT_CHARS:,}"
        )
    )


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is markup rather than prose: a document start or several block tags."""
    head = text[:20000]
    return bool(_HTML_START.match(head)) or len(_HTML_TAG.findall(head)) >= MIN_HTML_TAGS


def read_text(data: bytes, name: str) -> Imported:
    """Decode ``data`` and hand it on as lines (text, Markdown) or blocks (HTML inside).

    Raises ImportRefused (from the decoder) for empty, binary or undecodable files.
    """
    decoded = decode(data, name)
    refuse_long_text(decoded.text, name)
    lines = decoded.text.splitlines()
    warnings = list(decoded.warnings)
    front = split_front_matter(lines)
    body = "\n".join(front.body)
    if looks_like_html(body):
        blocks = _html_blocks(front, body)
        return Imported(
            "html", data, decoded.encoding, blocks=blocks, warnings=warnings, meta=front.meta
        )
    kind = (
        "markdown"
        if name.lower().endswith((".md", ".markdown")) or looks_like_markdown(decoded.text)
        else "text"
    )
    return Imported(kind, data, decoded.encoding, lines=lines, warnings=warnings)


def _html_blocks(front: FrontMatter, body: str) -> list[RawBlock]:
    from workbench.formats.html import html_to_blocks  # lxml only when a file needs it

    title_lines = [line.strip() for line in front.before if line.strip()]
    title = " ".join(title_lines) or front_matter_title(front.meta)
    blocks = html_to_blocks(body)
    return ([RawBlock(title)] if title else []) + blocks
