"""A report as a web article: the parts the Markdown and HTML exporters set, in order.

The same content as the press release body (headline, place and date, lead, blocks, speakers,
cited documents, source) without the official-document frame (issuing body, national name,
number, end mark ``./.``): a website shows those differently or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from workbench.core.layout import (
    ExportSettings,
    decree_date,
    document_lines,
    house_text,
    report_day,
    speaker_lines,
)
from workbench.core.models import Report
from workbench.formats.bulletin import headline
from workbench.formats.docx_document import xml_safe
from workbench.formats.export_docx import DOCUMENTS_LABEL, SOURCE_LABEL, SPEAKERS_LABEL

#: Kinds of :attr:`Article.blocks`: the report's own kinds, the first paragraph as "lead".
BLOCK_KINDS = ("lead", "paragraph", "heading", "caption", "list_item")


@dataclass(frozen=True)
class Article:
    """Plain text of every part, already in the house tone-mark style, one line each.

    ``day`` is the date the dateline shows. ``speakers`` and ``documents`` are the lines of
    the press release's blocks without their leading dash (``đồng chí X, title;``).
    """

    headline: str
    dateline: str
    day: date
    blocks: list[tuple[str, str]] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    source: str = ""
    author: str = ""

    def lists(self) -> list[tuple[str, list[str]]]:
        """``(heading, lines)`` for the speakers and the documents, those that have lines; the
        heading is the press release's label without its colon."""
        pairs = ((SPEAKERS_LABEL, self.speakers), (DOCUMENTS_LABEL, self.documents))
        return [(label.rstrip(":"), lines) for label, lines in pairs if lines]

    @property
    def source_line(self) -> str:
        """``Nguồn: …``, or "" without a source."""
        return f"{SOURCE_LABEL} {self.source}" if self.source else ""


def article(report: Report, settings: ExportSettings, issued: date | None = None) -> Article:
    """The web article of ``report``.

    The dateline is the report's place (else the office's seat, ``settings.place``) and its
    event date, else its published date, else ``issued`` (default today), written as Decree 30
    writes dates. Every text is NFC, in ``settings.tone_style``, without the control
    characters no web page or XML holds, its runs of white space (line breaks included) made
    one space. A report without a title is headed by the start of its text.
    """

    def clean(text: str) -> str:
        return " ".join(xml_safe(house_text(text, settings.tone_style)).split())

    day = report_day(report, issued)
    place = (report.place or "").strip() or settings.place
    blocks: list[tuple[str, str]] = []
    lead_done = False
    for block in report.blocks:
        text = clean(block.text)
        if not text:
            continue
        kind = block.kind if block.kind in BLOCK_KINDS else "paragraph"
        if kind == "paragraph" and not lead_done:
            kind, lead_done = "lead", True
        blocks.append((kind, text))
    return Article(
        headline=clean(headline(report)),
        dateline=clean(decree_date(day, place)),
        day=day,
        blocks=blocks,
        speakers=[clean(_undashed(line)) for line in speaker_lines(report)],
        documents=[clean(_undashed(line)) for line in document_lines(report)],
        source=clean(report.source or ""),
        author=clean(settings.issuing_body),
    )


def _undashed(line: str) -> str:
    """A list line without the press release's leading dash."""
    return line.removeprefix("–").strip()
