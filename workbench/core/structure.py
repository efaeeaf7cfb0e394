"""From an importer's raw content to a structured ``Report``: the Qt-free heart of importing.

``build_report`` runs, in order:

1. front matter (YAML/JSON) and Markdown cleanup for flowing sources, or block cleanup for
   structured ones (.docx, HTML);
2. the headline (a line before front matter, the front matter's title, a Markdown heading, or
   the first lines, joined when a PDF copy wrapped them);
3. reflow of the remaining lines into paragraphs (``reflow``);
4. the header (timestamp, author, navigation, counters) and the footer (source line, byline,
   tag list) read as metadata and taken out of the body;
5. web debris dropped: interface words, related-news boxes, teaser repeats, duplicates;
6. inline enumerations split into items, then every block classified;
7. the dateline of the lead: event date (year from the published date when missing) and place.

``Report.text`` is the blocks joined by blank lines; offsets come from ``place_blocks``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.core import junk
from workbench.core.headline import (
    document_header,
    find_headline,
    looks_like_headline,
    same_as_title,
)
from workbench.core.kinds import classify, split_inline_list
from workbench.core.markup import (
    IMAGE_MARKER,
    clean_markdown,
    front_matter_title,
    split_front_matter,
)
from workbench.core.metadata import (
    find_dateline,
    parse_author_line,
    parse_author_time,
    parse_byline,
    parse_date_value,
    parse_published,
    parse_source_line,
    split_source_prefix,
)
from workbench.core.models import Imported, Report, place_blocks
from workbench.core.reflow import reflow_indexed
from workbench.core.text import nfc, normalize_quotes, normalize_whitespace

__all__ = ["build_report"]

HEADER_SPAN = 12  # paragraphs after the headline that may still be page header
FOOTER_SPAN = 5  # paragraphs from the end that may be footer
DATELINE_SPAN = 3  # lead paragraphs searched for the dateline
_MIN_FOOTER_SKIP = 60  # a last paragraph this long may be a summary printed after the byline


@dataclass
class _Draft:
    """A report being built: metadata found so far and the body as parallel lists."""

    title: str | None = None
    published_at: str | None = None
    author: str | None = None
    source: str | None = None
    header_source: str | None = None
    meta_published: str | None = None  # front matter's date: the page's, used when no other
    texts: list[str] = field(default_factory=list)
    hints: list[str | None] = field(default_factory=list)

    def keep(self, indexes: set[int] | list[int]) -> None:
        """Keep only the body blocks at ``indexes``."""
        wanted = set(indexes)
        self.texts = [t for i, t in enumerate(self.texts) if i in wanted]
        self.hints = [h for i, h in enumerate(self.hints) if i in wanted]

    def drop(self, indexes: set[int]) -> None:
        """Remove the body blocks at ``indexes``."""
        self.keep([i for i in range(len(self.texts)) if i not in indexes])


def build_report(imported: Imported) -> Report:
    """The cleaned, structured report for what an importer read.

    Uses ``imported.blocks`` when given (structured sources), else ``imported.lines``. Block
    hints: a first block marked "heading" or "title" is the headline; "heading", "caption",
    "list_item" and "paragraph" are kept as the block's kind; "image" marks where a photo stood
    (its text is ignored; the next short block may be its caption). Never raises on odd
    content: an empty input gives a report with no title and no blocks.
    """
    draft = _from_blocks(imported) if imported.blocks is not None else _from_lines(imported)
    _read_header(draft)
    _read_footer(draft)
    _clean_body(draft)
    kinds_and_texts = _classify(draft)
    draft.published_at = draft.published_at or draft.meta_published
    event_date, place = _dateline(kinds_and_texts, draft.published_at)
    return Report(
        title=draft.title,
        blocks=place_blocks(kinds_and_texts),
        published_at=draft.published_at,
        event_date=event_date,
        place=place,
        author=draft.author,
        source=draft.source or draft.header_source,
        format=imported.format,
        encoding=imported.encoding,
        original=imported.original,
        warnings=list(imported.warnings),
    )


def _from_lines(imported: Imported) -> _Draft:
    draft = _Draft()
    lines = [normalize_quotes(line) for line in imported.lines or []]
    if imported.format in ("text", "markdown"):
        front = split_front_matter(lines)
        lines = front.body
        if any(line.strip() for line in front.before):
            draft.title = normalize_whitespace(" ".join(front.before))
        draft.title = draft.title or front_matter_title(front.meta)
        draft.meta_published = parse_date_value(front.meta.get("date", ""))
    headings: frozenset[int] = frozenset()
    markdown = imported.format == "markdown"
    if markdown:
        cleaned = clean_markdown(lines)
        lines, headings = cleaned.lines, cleaned.headings
    if imported.format == "pdf":
        lines = ["" if junk.is_page_number(line) else line for line in lines]
    lines = _blank_standalone_junk(lines)
    header = document_header(lines)
    draft.published_at = header.published_at
    start = header.end
    if draft.title is None:
        draft.title, end = find_headline(lines[start:], _shift(set(headings), start))
        start += end
    alone = set(headings) | {i for i, line in enumerate(lines) if junk.is_image_marker(line)}
    for index, text in reflow_indexed(lines[start:], markdown=markdown, alone=_shift(alone, start)):
        draft.texts.append(text)
        draft.hints.append("heading" if index + start in headings else None)
    return draft


def _shift(indexes: set[int], start: int) -> set[int]:
    """Line indexes shifted to a slice that begins at ``start``."""
    return {i - start for i in indexes if i >= start}


def _blank_standalone_junk(lines: list[str]) -> list[str]:
    """Interface words on a line of their own between blank lines become blank lines, so they
    cannot glue two paragraphs together ("Rate this post" in corpus 104)."""
    out = list(lines)
    for index, line in enumerate(lines):
        before = lines[index - 1] if index > 0 else ""
        after = lines[index + 1] if index + 1 < len(lines) else ""
        if len(line) <= 40 and not before.strip() and not after.strip() and junk.is_junk_line(line):
            out[index] = ""
    return out


def _from_blocks(imported: Imported) -> _Draft:
    draft = _Draft()
    draft.meta_published = parse_date_value(imported.meta.get("date", ""))
    for block in imported.blocks or []:
        if block.kind == "image":
            draft.texts.append(IMAGE_MARKER)
            draft.hints.append(None)
            continue
        text = normalize_whitespace(normalize_quotes(block.text))
        if text:
            draft.texts.append(text)
            draft.hints.append(block.kind)
    header = document_header(draft.texts)
    draft.published_at = header.published_at
    draft.drop(set(range(header.end)))
    marked = bool(draft.texts) and draft.hints[0] in ("title", "heading")
    if marked or (len(draft.texts) > 1 and looks_like_headline(draft.texts[0])):
        draft.title = draft.texts[0]
        draft.drop({0})
    return draft


def _header_metadata(draft: _Draft, text: str) -> bool:
    """Record ``text`` if it is a header metadata line; whether it was one."""
    published = parse_published(text)
    if published:
        draft.published_at = draft.published_at or published
        return True
    author_time = parse_author_time(text)
    if author_time:
        draft.author = draft.author or author_time[0]
        draft.published_at = draft.published_at or author_time[1]
        return True
    is_author, author = parse_author_line(text)
    if is_author:
        draft.author = draft.author or author
        return True
    source = parse_source_line(text)
    if source:
        draft.source = draft.source or source
        return True
    return junk.is_junk_line(text)


def _read_header(draft: _Draft) -> None:
    """Metadata and navigation between the headline and the first paragraph of text."""
    span = min(HEADER_SPAN, len(draft.texts))
    metadata = [i for i in range(span) if _header_metadata(draft, draft.texts[i])]
    last = max(metadata, default=-1)
    dropped = set(metadata)
    for index in range(last):
        text = draft.texts[index]
        if index not in dropped and junk.is_nav_line(text):
            dropped.add(index)
            if text.isupper() and len(text) <= 12:
                draft.header_source = draft.header_source or text
    draft.drop(dropped)


def _drop_tail_debris(draft: _Draft) -> None:
    texts = draft.texts
    end = len(texts)
    while end and (junk.is_junk_line(texts[end - 1]) or junk.is_image_marker(texts[end - 1])):
        end -= 1
    start = end
    while start and junk.is_tag_like(texts[start - 1]):
        start -= 1
    if end - start >= 3:
        end = start
    tag_header = next(
        (i for i in range(max(0, end - FOOTER_SPAN), end) if junk.is_tag_header(texts[i])), None
    )
    if tag_header is not None and all(
        junk.is_tag_like(t) or len(t) <= 60 for t in texts[tag_header + 1 : end]
    ):
        end = tag_header
    recipients = next(
        (i for i in range(max(0, end - 3 * FOOTER_SPAN), end) if junk.is_recipients(texts[i])),
        None,
    )
    if recipients is not None and all(len(t) <= 120 for t in texts[recipients + 1 : end]):
        end = recipients  # "Nơi nhận:" and the signature block of an official document
    draft.keep(list(range(end)))


def _footer_metadata(draft: _Draft, text: str) -> bool:
    source = parse_source_line(text, at_end=True)
    if source:
        draft.source = draft.source or source
        return True
    is_author, author = parse_author_line(text)
    if is_author:
        draft.author = draft.author or author
        return True
    byline = parse_byline(text)
    if byline:
        draft.author = draft.author or byline.author
        draft.source = draft.source or byline.source
        return True
    return False


def _read_footer(draft: _Draft) -> None:
    """Source line, byline and tag list at the end. The very last paragraph may be skipped
    when it is long: copies of news sites print the summary after the byline (corpus 001)."""
    _drop_tail_debris(draft)
    count = len(draft.texts)
    dropped: set[int] = set()
    for index in range(count - 1, max(-1, count - 1 - FOOTER_SPAN), -1):
        text = draft.texts[index]
        if draft.hints[index] is None and _footer_metadata(draft, text):
            dropped.add(index)
        elif index == count - 1 and len(text) >= _MIN_FOOTER_SKIP and count > 2:
            continue
        else:
            break
    draft.drop(dropped)


def _clean_body(draft: _Draft) -> None:
    """Debris anywhere in the body, the "(Outlet) - " prefix of the lead, repeats."""
    dropped: set[int] = set()
    texts = draft.texts
    index = 0
    while index < len(texts):
        text = texts[index]
        if junk.is_junk_line(text) or junk.is_tag_header(text):
            dropped.add(index)
        elif junk.is_related_header(text):
            dropped.add(index)
            while index + 1 < len(texts) and _link_like(texts[index + 1]):
                index += 1
                dropped.add(index)
        index += 1
    for index in range(min(3, len(texts))):
        source, rest = split_source_prefix(texts[index])
        if source:
            draft.source = draft.source or source
            texts[index] = rest
            break
    if texts and same_as_title(texts[0], draft.title):
        dropped.add(0)
    dropped |= junk.teasers(texts) | junk.duplicate_of_earlier(texts)
    draft.drop(dropped)


def _link_like(text: str) -> bool:
    return len(text) <= 200 and not text.rstrip().endswith((".", "!", "?", ":", ";"))


def _classify(draft: _Draft) -> list[tuple[str, str]]:
    texts: list[str] = []
    hints: list[str | None] = []
    after_image: list[bool] = []
    image_before = False
    for text, hint in zip(draft.texts, draft.hints, strict=True):
        if junk.is_image_marker(text):
            image_before = True
            continue
        pieces = split_inline_list(text) if hint is None else [text]
        for number, piece in enumerate(pieces):
            texts.append(nfc(piece))
            hints.append("list_item" if number else hint)
            after_image.append(image_before and number == 0)
        image_before = False
    kinds = classify(texts, after_image, hints)
    return list(zip(kinds, texts, strict=True))


def _dateline(
    kinds_and_texts: list[tuple[str, str]], published_at: str | None
) -> tuple[str | None, str | None]:
    leads = [text for kind, text in kinds_and_texts if kind in ("paragraph", "list_item")]
    for text in leads[:DATELINE_SPAN]:
        event_date, place = find_dateline(text, published_at)
        if event_date or place:
            return event_date, place
    return None, None
