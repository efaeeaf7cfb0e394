"""Line breaks inside a paragraph, shared by the .docx and HTML readers.

A single break (Word's Shift+Enter, HTML's ``<br>``) is usually a visual wrap inside one
paragraph, so it becomes a space; two or more in a row (blank space between allowed) are how
people fake paragraph spacing, so they split the paragraph.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Final


class _LineBreak:
    def __repr__(self) -> str:
        return "BR"


#: The marker a reader puts among its text pieces where the source has a line break.
BR: Final = _LineBreak()


def split_on_breaks(pieces: Iterable[str | _LineBreak]) -> list[str]:
    """Join text pieces into paragraphs: one ``BR`` is a space, two or more split.

    Each paragraph is normalised with :func:`normalise`; empty ones are left out.
    """
    paragraphs: list[list[str]] = [[]]
    breaks = 0
    for piece in pieces:
        if piece is BR:
            breaks += 1
            continue
        text = str(piece)
        if not text.strip():
            paragraphs[-1].append(text)
            continue
        if breaks >= 2:
            paragraphs.append([])
        elif breaks == 1:
            paragraphs[-1].append(" ")
        breaks = 0
        paragraphs[-1].append(text)
    texts = (normalise("".join(parts)) for parts in paragraphs)
    return [text for text in texts if text]


def normalise(text: str) -> str:
    """Whitespace runs (tabs, no-break spaces, newlines) collapsed to one space, the ends
    stripped, zero-width spaces and BOMs dropped, composed to NFC."""
    text = text.replace("\u200b", "").replace("\ufeff", "")
    return unicodedata.normalize("NFC", " ".join(text.split()))
