"""Several reports as a Word bulletin (BẢN TIN, Press Law 2016 art. 3 and 34).

Page 1 carries "BẢN TIN", the bulletin's name, its number, the date and the publisher, then the
contents: a TOC field that Word fills on opening (``w:updateFields``), whose cached result is a
plain list of the titles, so a viewer that never computes fields still shows the contents.
Each report starts on a new page under a "Heading 1" headline (what the TOC collects); the
last page ends with the Press Law's closing block (licence, frequency, printer, print run,
person responsible). The Press Law caps a bulletin at 19×27 cm and 64 pages; the default is A4
(``settings.bulletin_page_size``), and the page count is not checked.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from docx.shared import Pt

from workbench.core.errors import ExportFailed
from workbench.core.layout import (
    ExportSettings,
    closing_lines,
    decree_date,
    parse_day,
    upper_vi,
)
from workbench.core.models import Report
from workbench.formats import docx_styles as st
from workbench.formats.docx_document import Writer, finish, open_template, prepare, save_atomic
from workbench.formats.docx_layout import (
    add_rule,
    field_begin,
    field_end,
    page_break_before,
    set_page_size,
    set_update_fields,
    text_width,
)
from workbench.formats.export_docx import SOURCE_LABEL, body_items
from workbench.i18n import _

BULLETIN = "BẢN TIN"
CONTENTS = "MỤC LỤC"
#: Word's TOC over "Heading 1" paragraphs, with hyperlinked entries (internal bookmarks).
TOC_INSTRUCTION = 'TOC \\o "1-1" \\h \\z \\u'
UNTITLED_CHARS = 100


def write_bulletin(
    reports: list[Report],
    settings: ExportSettings,
    path: Path,
    *,
    name: str | None = None,
    number: str | int | None = None,
    issued: date | None = None,
    template: Path | None = None,
) -> Path:
    """Write ``reports``, in this order, as one bulletin .docx at ``path``; return ``path``.

    ``name`` defaults to ``settings.bulletin_name``, ``issued`` to today. The file is
    replaced atomically. Raises :class:`~workbench.core.errors.ExportFailed` when there is no
    report, the template is unusable (lacks a style of ``BULLETIN_STYLES`` included) or the
    file cannot be written.
    """
    if not reports:
        raise ExportFailed(_("A bulletin needs at least one report."))
    issued = issued or date.today()
    doc = open_template(template, "bulletin.docx", st.BULLETIN_STYLES)
    prepare(doc, st.BULLETIN_STYLES)
    section = doc.sections[-1]
    set_page_size(section, settings.bulletin_page_size)
    st.fit_toc_tab(doc, text_width(section))
    writer = Writer(doc, settings.tone_style)
    title = (name or settings.bulletin_name or "").strip()
    write_cover(writer, settings, title, number, issued)
    headlines = [headline(report) for report in reports]
    write_contents(writer, headlines)
    for report, text in zip(reports, headlines, strict=True):
        write_report(writer, report, text)
    write_closing(writer, settings)
    set_update_fields(doc)
    finish(
        doc,
        title=writer.text(" ".join(p for p in (BULLETIN, title) if p)),
        author=writer.text(settings.publisher or settings.issuing_body),
        subject=BULLETIN,
    )
    return save_atomic(doc, path)


def headline(report: Report) -> str:
    """The report's title, else the start of its text (a bulletin entry needs a heading)."""
    if report.title and report.title.strip():
        return " ".join(report.title.split())
    text = " ".join(report.text.split())
    if len(text) <= UNTITLED_CHARS:
        return text or "…"
    return text[:UNTITLED_CHARS].rsplit(" ", 1)[0] + " …"


def write_cover(
    writer: Writer, settings: ExportSettings, title: str, number: str | int | None, issued: date
) -> None:
    """Page 1: publisher, BẢN TIN, the bulletin's name, its number and date."""
    if settings.parent_body.strip():
        writer.para(upper_vi(settings.parent_body.strip()), st.HEADER_BODY)
    publisher = (settings.publisher or settings.issuing_body).strip()
    if publisher:
        writer.para(upper_vi(publisher), st.HEADER_ISSUER)
        room = text_width(writer.doc.sections[-1])
        add_rule(writer.doc, room // 6, room, st.RULE)
    writer.para(BULLETIN, st.COVER_KIND)
    if title:
        writer.para(title, st.COVER_TITLE)
    if number is not None and str(number).strip():
        writer.para(f"Số {str(number).strip()}", st.COVER_LINE)
    writer.para(decree_date(issued, settings.place), st.DATELINE)


def write_contents(writer: Writer, headlines: list[str]) -> None:
    """MỤC LỤC, then a TOC field whose cached result is the plain list of ``headlines``."""
    writer.para(CONTENTS, st.CONTENTS_HEADING)
    paragraphs = [writer.para("", st.TOC_ENTRY) for _ in headlines]
    field_begin(paragraphs[0], TOC_INSTRUCTION, dirty=True)
    for paragraph, text in zip(paragraphs, headlines, strict=True):
        paragraph.add_run(writer.text(text))
    field_end(paragraphs[-1])


def write_report(writer: Writer, report: Report, text: str) -> None:
    """One report from a new page: headline, dateline, body, source line."""
    heading = writer.para(text, st.REPORT_TITLE)
    page_break_before(heading)
    day = parse_day(report.event_date) or parse_day(report.published_at)
    if day is not None:
        writer.para(decree_date(day, report.place or ""), st.REPORT_DATE)
    writer.paras(body_items(report))
    if report.source and report.source.strip():
        writer.para(f"{SOURCE_LABEL} {report.source.strip()}", st.SOURCE)


def write_closing(writer: Writer, settings: ExportSettings) -> None:
    """The Press Law's closing block, kept together at the end of the last page."""
    room = text_width(writer.doc.sections[-1])
    rule = add_rule(writer.doc, room, room, st.RULE)
    rule.paragraph_format.space_before = Pt(24)
    rule.paragraph_format.keep_with_next = True
    lines = closing_lines(settings)
    for i, line in enumerate(lines):
        paragraph = writer.para(line, st.CLOSING)
        paragraph.paragraph_format.keep_with_next = i < len(lines) - 1
