"""Turning lines into paragraphs: undoing the hard line breaks of PDF copies and fixed-width text.

Three layouts are told apart from the lines themselves:

* **hard-wrapped** (corpus 000, 021): most lines fill a band just under one width, so a line
  that *could not* take the next line's first word ended because the width ran out, and a line
  that could have taken it ended a paragraph, a heading or a caption;
* **double-spaced** hard-wrapped (000, a PDF copy): a blank line after every line, page breaks
  as several blank lines, so blank lines say nothing and sentence ends decide;
* **one paragraph per line** (most web copies): every line is a paragraph.

In a hard-wrapped text whose paragraphs are separated by blank lines (021) the lines between
two blank lines are one paragraph; without such separation a full line that ends a sentence
before a capital ends the paragraph.

In every layout a line that stops mid-sentence (ends with a letter, digit, comma or hyphen)
followed by a line that starts with a lowercase letter is joined ("cho" / 3 blank lines /
"biết"), and so is a line that ends with a comma ("Đồng chí Nguyễn Văn A," / "Bí thư ...").
A dash or number at the start of a line opens a list item only when the line before ended a
clause or stopped short ("chính trị" / "- xã hội" is one sentence). Markdown follows its own
rule: adjacent lines are one paragraph, blank lines separate paragraphs.

``reflow`` never drops, adds or reorders a non-space character of the whitespace-normalised
lines; it only decides where the paragraph breaks go.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from workbench.core.listmarks import list_marker, strong_list_marker
from workbench.core.text import normalize_whitespace

__all__ = ["estimate_width", "is_double_spaced", "reflow", "reflow_indexed"]

FULL_SHARE = 0.85  # a line this close to the width (with the next word) counts as full
_BAND_SHARE = 0.75  # lines at least this share of the width form the wrapped band
_FULL_LINES_SHARE = 0.3  # share of the lines that must be full for a wrapped layout
_MIN_WIDTH, _MAX_WIDTH = 30, 180
_SENTENCE_END = re.compile(r"[.!?…](?:[\"'”’»)\]]*)$")
_CLAUSE_END = re.compile(r"[.!?…:;](?:[\"'”’»)\]]*)$")
_OPEN_END = re.compile(r"(?:[^\W_]|[,\-–\u00ad])$")
_FIRST_WORD = re.compile(r"\S+")


def estimate_width(lines: Sequence[str]) -> int | None:
    """The column width ``lines`` were wrapped at, or None when they are not hard-wrapped.

    The width is the 90th percentile of the line lengths (30 to 180 characters). The lines
    count as wrapped when at least three of them, and 30 % of all, reach 75 % of the width, and
    most of those "full" lines stop mid-sentence: a paragraph written on one line ends with
    punctuation, a wrapped line ends where the width ran out.
    """
    lengths = sorted(len(line) for line in lines)
    if len(lengths) < 4:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not _MIN_WIDTH <= width <= _MAX_WIDTH:
        return None
    full = [line for line in lines if len(line) >= _BAND_SHARE * width]
    if len(full) < 3 or len(full) < _FULL_LINES_SHARE * len(lines):
        return None
    open_lines = sum(1 for line in full[:-1] if not _CLAUSE_END.search(line))
    return width if open_lines >= 0.5 * (len(full) - 1) else None


def is_double_spaced(lines: Sequence[str]) -> bool:
    """Whether nearly every non-blank line is followed by a blank line (a PDF copy artefact)."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if len(filled) < 4:
        return False
    followed = sum(1 for i in filled[:-1] if i + 1 < len(lines) and not lines[i + 1].strip())
    return followed >= 0.8 * (len(filled) - 1)


_CUT_COMPOUND = re.compile(r"[^\W_][-–]$")


def _starts_lower(text: str) -> bool:
    return text[:1].islower()


def _continues(before: str, after: str) -> bool:
    """A break in the middle of a sentence: a comma at the end, or an open end and a lowercase
    start; never before a list marker."""
    if list_marker(after):
        return False
    if _CUT_COMPOUND.search(before) and after[:1].isalnum():
        return True  # "Nghị quyết số 25-" / "NQ/TW": a number or compound cut at its hyphen
    return before.endswith(",") or (bool(_OPEN_END.search(before)) and _starts_lower(after))


def _is_full(before: str, after: str, width: int) -> bool:
    first = _FIRST_WORD.match(after)
    return len(before) + 1 + (len(first.group(0)) if first else 0) > FULL_SHARE * width


def _joins_wrapped(before: str, after: str, width: int, sentence_breaks: bool) -> bool:
    full = _is_full(before, after, width)
    if list_marker(after):
        return full and not _CLAUSE_END.search(before)
    if _starts_lower(after):
        return True
    if not full:
        return False
    return not (sentence_breaks and _SENTENCE_END.search(before))


def _join(before: str, after: str) -> str:
    if before.endswith("\u00ad") or (
        before[-1:] in "-–" and len(before) > 1 and before[-2].isalnum()
    ):
        return before + after  # a hyphenation point or a compound cut at its hyphen
    return before + " " + after


def reflow(lines: Sequence[str], *, markdown: bool = False) -> list[str]:
    """The paragraphs that ``lines`` hold, each whitespace-normalised on one line.

    ``markdown=True`` applies Markdown's rule instead of the layout guess: adjacent lines are
    one paragraph unless a list item starts; blank lines separate paragraphs.
    """
    return [text for _index, text in reflow_indexed(lines, markdown=markdown)]


def reflow_indexed(
    lines: Sequence[str], *, markdown: bool = False, alone: Collection[int] = ()
) -> list[tuple[int, str]]:
    """Like ``reflow``, with the index of each paragraph's first line; the lines whose indexes
    are in ``alone`` (headings, image markers) are paragraphs of their own."""
    clean = [normalize_whitespace(line) for line in lines]
    filled = [line for index, line in enumerate(clean) if line and index not in alone]
    width = None if markdown else estimate_width(filled)
    double = width is not None and is_double_spaced(clean)
    # Without blank lines between paragraphs, a sentence end at a full line is the best sign
    # of a paragraph end too; with them, lines between two blank lines are one paragraph.
    sentence_breaks = double or not _blank_separated(clean)
    paragraphs: list[tuple[int, str]] = []
    current = previous = ""
    first = 0
    gap = 0
    for index, line in enumerate(clean):
        if not line:
            gap += 1
            continue
        if (
            current
            and index not in alone
            and first not in alone
            and _joins(previous, line, gap, width, (double, sentence_breaks), markdown)
        ):
            current = _join(current, line)
        else:
            if current:
                paragraphs.append((first, current))
            current, first = line, index
        previous, gap = line, 0
    if current:
        paragraphs.append((first, current))
    return paragraphs


def _joins(
    before: str,
    after: str,
    gap: int,
    width: int | None,
    layout: tuple[bool, bool],
    markdown: bool,
) -> bool:
    if strong_list_marker(after):
        return False
    if markdown and gap == 0:
        return list_marker(after) is None
    double, sentence_breaks = layout
    if width is None or (gap and not double):
        return _continues(before, after)
    return _joins_wrapped(before, after, width, sentence_breaks)


def _blank_separated(lines: Sequence[str]) -> bool:
    """Whether blank lines separate groups of lines at least twice."""
    runs = 0
    seen_text = blank = False
    for line in lines:
        if not line:
            blank = seen_text
        else:
            runs += blank
            seen_text, blank = True, False
    return runs >= 2
