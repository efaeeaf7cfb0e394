"""Report parts to and from JSON-ready values, and the keys the archive compares them by."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from workbench.core.models import (
    BLOCK_SEPARATOR,
    Block,
    Span,
    place_blocks,
)
from workbench.core.text import fold_tone_style, nfc

_SPACES = re.compile(r"\s+")


def dumps(value: Any) -> str:
    """Compact JSON that keeps Vietnamese letters readable."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def blocks_to_json(blocks: list[Block]) -> str:
    """Blocks as ``[[kind, length], ...]``: their text is already in ``reports.text``."""
    return dumps([[block.kind, len(block.text)] for block in blocks])


def blocks_from_json(data: str, text: str) -> list[Block]:
    """The blocks of ``text`` (joined by ``BLOCK_SEPARATOR``) with their offsets.

    Raises ``ValueError`` if the lengths do not add up to the text.
    """
    parts, pos = [], 0
    for kind, length in json.loads(data):
        parts.append((kind, text[pos : pos + length]))
        pos += length + len(BLOCK_SEPARATOR)
    if parts and pos - len(BLOCK_SEPARATOR) != len(text):
        raise ValueError("the stored blocks do not match the stored text")
    return place_blocks(parts)


def spans_to_json(spans: list[Span]) -> str:
    return dumps([[span.start, span.end] for span in spans])


def spans_from_json(data: str) -> list[Span]:
    return [Span(start, end) for start, end in json.loads(data)]


def text_hash(text: str) -> str:
    """sha256 of the normalised text: NFC, old tone style, white space collapsed.

    The same report imported from .docx and from PDF (different line breaks) hashes the same.
    """
    normal = _SPACES.sub(" ", fold_tone_style(nfc(text))).strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def bytes_hash(data: bytes) -> str | None:
    """sha256 of the original bytes, ``None`` when there are none."""
    return hashlib.sha256(data).hexdigest() if data else None
