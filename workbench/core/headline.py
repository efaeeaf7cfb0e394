"""Finding a report's headline in its first lines, and recognising repeats of it.

The headline is the first line, joined with the lines that continue it when the source wrapped
it (a PDF copy breaks a headline over three lines and leaves a space at each break, corpus 000).
It is not a headline when it reads as body text: very long, several sentences, or opening with
a dateline or an "(Outlet) - " prefix.

An official document (Decree 30/2020/NĐ-CP layout, DOMAIN.md §2) opens with a header instead:
issuing body and national name in capitals, the motto, "Số: ...", the place-and-date line, and
the document type ("THÔNG CÁO BÁO CHÍ") over its summary line. ``document_header`` finds where
that header ends and the date it gives; the summary line is then the headline.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from workbench.core.junk import is_counter, is_image_marker, is_junk_line
from workbench.core.metadata import (
    find_dateline,
    find_document_date,
    parse_author_line,
    parse_place_date,
    parse_published,
    parse_source_line,
    split_source_prefix,
)
from workbench.core.text import normalize_whitespace

__all__ = [
    "DocumentHeader",
    "document_header",
    "find_headline",
    "looks_like_headline",
    "same_as_title",
]

HEADLINE_MAX_CHARS = 300
_MAX_HEADLINE_LINES = 4
_CONTINUATION_MAX_CHARS = 120
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’»)]*\s+[A-ZĐÀ-Ỹ\"“]")
_OPEN_END = re.compile(r"[,\-–]$")
_TITLE_KEY = re.compile(r"[\W_]+")
_HEADER_SPAN = 15  # lines an official header may take
_NATIONAL = re.compile(
    r"cộng h[òo]à xã hội chủ nghĩa việt nam|đảng cộng sản việt nam"
    r"|độc lập\s*[-–]\s*tự do\s*[-–]\s*hạnh phúc",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"^số\s*:", re.IGNORECASE)
_RULE = re.compile(r"^[-_*=~.\s]{3,}$")
_DOCUMENT_TYPE = re.compile(
    r"^(?:THÔNG CÁO BÁO CHÍ|THÔNG CÁO|THÔNG BÁO|BÁO CÁO|BẢN TIN|TIN BÀI|KẾT LUẬN|KẾ HOẠCH"
    r"|TỜ TRÌNH|GIẤY MỜI|CÔNG VĂN|NGHỊ QUYẾT|QUYẾT ĐỊNH|CHỈ THỊ|HƯỚNG DẪN)$"
)


@dataclass(frozen=True)
class DocumentHeader:
    """Where an official document's header ends (``end``, a line index) and its date."""

    end: int = 0
    published_at: str | None = None


def _header_line(text: str) -> bool:
    return bool(
        _NATIONAL.search(text)
        or _NUMBER.match(text)
        or _RULE.match(text)
        or parse_place_date(text)
        or (text.isupper() and not _DOCUMENT_TYPE.match(text) and len(text) <= 120)
    )


def document_header(lines: Sequence[str]) -> DocumentHeader:
    """The header block of an official document at the top of ``lines`` (see the module
    docstring), up to the document type line, which stays for ``find_headline``. Without a
    national name, motto, "Số:" line or place-and-date line in the first lines, there is no
    header: a title in capitals alone is a headline, not a header."""
    texts = [normalize_whitespace(line) for line in lines[:_HEADER_SPAN]]
    if not any(_NATIONAL.search(t) or _NUMBER.match(t) or parse_place_date(t) for t in texts if t):
        return DocumentHeader()
    end, published = 0, None
    for index, text in enumerate(texts):
        if not text:
            continue
        if not _header_line(text):
            break
        published = published or find_document_date(text)
        end = index + 1
    return DocumentHeader(end, published)


def _is_metadata(line: str) -> bool:
    return bool(
        parse_published(line)
        or parse_author_line(line)[0]
        or parse_source_line(line)
        or is_junk_line(line)
        or is_counter(line)
        or is_image_marker(line)
    )


def looks_like_headline(text: str) -> bool:
    """Whether ``text`` (one cleaned line or block) can be a headline: at most 300 characters,
    one sentence, not metadata, not a lead paragraph opening with a dateline or "(Outlet) -"."""
    if not text or len(text) > HEADLINE_MAX_CHARS or _SENTENCE_BREAK.search(text):
        return False
    if _is_metadata(text) or split_source_prefix(text)[0] is not None:
        return False
    return find_dateline(text[:40])[0] is None and not text.lower().startswith(
        ("ngày ", "sáng ", "chiều ", "tối ")
    )


def _continues(previous_raw: str, line_raw: str, joined: str) -> bool:
    line = normalize_whitespace(line_raw)
    if not line or _is_metadata(line) or len(joined) + len(line) > HEADLINE_MAX_CHARS:
        return False
    if line[:1].islower():
        return True
    wrapped = previous_raw != previous_raw.rstrip() or bool(
        _OPEN_END.search(normalize_whitespace(previous_raw))
    )
    return wrapped and len(line) <= _CONTINUATION_MAX_CHARS and not line.endswith((".", "!", "?"))


def find_headline(lines: Sequence[str], headings: Collection[int] = ()) -> tuple[str | None, int]:
    """The headline at the top of ``lines`` and the index of the first line after it.

    ``headings`` are indexes of lines the source marked as headings (Markdown); the first
    non-blank line is taken whole when it is one. Without a headline, returns ``(None, i)``
    where ``i`` is the first non-blank line.
    """
    start = next((i for i, line in enumerate(lines) if normalize_whitespace(line)), len(lines))
    if start == len(lines):
        return None, start
    if start in headings:
        return normalize_whitespace(lines[start]) or None, start + 1
    if _DOCUMENT_TYPE.match(normalize_whitespace(lines[start])):
        following = next((i for i in range(start + 1, len(lines)) if lines[i].strip()), None)
        if following is not None:
            summary, end = find_headline(lines[following:], ())
            if summary is not None:
                return summary, following + end
        return normalize_whitespace(lines[start]), start + 1
    parts = [lines[start]]
    end = start + 1
    joined = normalize_whitespace(lines[start])
    while end < len(lines) and len(parts) < _MAX_HEADLINE_LINES:
        if end in headings or not _continues(parts[-1], lines[end], joined):
            break
        parts.append(lines[end])
        joined = normalize_whitespace(" ".join(parts))
        end += 1
    if not looks_like_headline(joined):
        return None, start
    return joined, end


def _key(text: str) -> str:
    return _TITLE_KEY.sub(" ", text).strip().casefold()


def same_as_title(text: str, title: str | None) -> bool:
    """Whether a block only repeats the headline (a Markdown link to the article, corpus 111):
    equal letters and digits, case aside."""
    return bool(title) and _key(text) == _key(title or "")
