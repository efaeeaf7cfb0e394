"""A report as a Word press release (THÔNG CÁO BÁO CHÍ) laid out as an official document.

Decree 30/2020/NĐ-CP annex I for government bodies; Hướng dẫn 36-HD/VPTW for Party bodies
(``settings.layout == "party"``). The template gives the styles, the page and the page-number
header; this module decides what goes where.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.table import _Cell

from workbench.core.layout import (
    MOTTO,
    NATIONAL_NAME,
    PARTY_NAME,
    ExportSettings,
    decree_date,
    document_lines,
    document_number,
    end_mark,
    report_day,
    speaker_lines,
    upper_vi,
)
from workbench.core.models import Report
from workbench.formats import docx_styles as st
from workbench.formats.docx_document import Writer, finish, open_template, prepare, save_atomic
from workbench.formats.docx_layout import add_rule, bold_text_width, layout_table, text_width

PRESS_RELEASE = "THÔNG CÁO BÁO CHÍ"
SPEAKERS_LABEL = "Phát biểu tại hội nghị:"
DOCUMENTS_LABEL = "Văn bản được nhắc đến:"
CONTACT_LABEL = "Thông tin liên hệ:"
SOURCE_LABEL = "Nguồn:"
#: Shown when the settings name no issuing body, so the gap is seen before the release goes out.
ISSUER_PLACEHOLDER = "TÊN CƠ QUAN, TỔ CHỨC"
#: Share of the text width given to the right column (national name, motto, date).
RIGHT_COLUMN_SHARE = 0.62
#: The rule under the issuing body: Decree 30 asks for 1/3 to 1/2 of the line above it.
ISSUER_RULE_SHARE = 0.4

BLOCK_STYLES = {"heading": st.HEADING, "caption": st.CAPTION, "list_item": st.TASK}


def write_press_release(
    report: Report,
    settings: ExportSettings,
    path: Path,
    *,
    template: Path | None = None,
    number: str | None = None,
    issued: date | None = None,
) -> Path:
    """Write ``report`` as a press release .docx at ``path`` and return ``path``.

    The place-and-date line shows the report's event date, else its published date, else
    ``issued`` (default today). ``number`` fills the number line (blank for the clerk when
    None). ``template`` replaces the packaged template. The file is replaced atomically.
    Raises :class:`~workbench.core.errors.ExportFailed` for an unusable template (one that
    lacks a style of :func:`release_styles` included) or a file that cannot be written.
    """
    styles = release_styles(settings)
    doc = open_template(template, "press_release.docx", styles)
    prepare(doc, styles)
    writer = Writer(doc, settings.tone_style)
    day = report_day(report, issued or date.today())
    number_line = document_number(number, settings.abbreviation, settings.layout)
    write_header(writer, settings, number_line, decree_date(day, settings.place))
    writer.para(PRESS_RELEASE, st.DOC_TYPE)
    if report.title and report.title.strip():
        writer.para(report.title.strip(), st.HEADLINE)
    writer.paras(release_items(report))
    write_contact(writer, settings)
    finish(
        doc,
        title=writer.text(report.title or PRESS_RELEASE),
        author=writer.text(settings.issuing_body),
        subject=PRESS_RELEASE,
    )
    return save_atomic(doc, path)


def release_styles(settings: ExportSettings) -> tuple[str, ...]:
    """The styles a press release in ``settings.layout`` writes with, so its template must have.

    A government body's template need not keep "WB Party", nor a Party body's the national
    name and motto styles.
    """
    unused = {st.NATIONAL, st.MOTTO} if settings.is_party else {st.PARTY}
    return tuple(name for name in st.PRESS_RELEASE_STYLES if name not in unused)


def body_items(report: Report) -> list[tuple[str, str]]:
    """``(style, text)`` for the report's blocks; the first paragraph is the lead (bold).

    Key tasks ("Một là, ...") stay literal text in their own style: Word's auto-numbering
    cannot be restarted from python-docx and would renumber them.
    """
    items: list[tuple[str, str]] = []
    lead_done = False
    for block in report.blocks:
        if not block.text.strip():
            continue
        style = BLOCK_STYLES.get(block.kind, st.BODY)
        if style == st.BODY and not lead_done:
            style, lead_done = st.LEAD, True
        items.append((style, block.text.strip()))
    return items


def release_items(report: Report) -> list[tuple[str, str]]:
    """``(style, text)`` for the body: lead, blocks, speakers, documents, end mark, source."""
    items = body_items(report)
    for label, lines in (
        (SPEAKERS_LABEL, speaker_lines(report)),
        (DOCUMENTS_LABEL, document_lines(report)),
    ):
        if lines:
            items += [(st.BLOCK_LABEL, label), *((st.LIST_ITEM, line) for line in lines)]
    if items:
        items[-1] = (items[-1][0], end_mark(items[-1][1]))
    if report.source and report.source.strip():
        items.append((st.SOURCE, f"{SOURCE_LABEL} {report.source.strip()}"))
    return items


def write_header(
    writer: Writer, settings: ExportSettings, number_line: str, date_line: str
) -> None:
    """The borderless two-column header: issuing body and number left; national name (or the
    Party's), motto and place-and-date right."""
    doc = writer.doc
    room = text_width(doc.sections[-1])
    right = round(room * RIGHT_COLUMN_SHARE)
    table = layout_table(doc, [room - right, right])
    table.add_row()
    bodies, national = table.rows[0].cells
    number_cell, date_cell = table.rows[1].cells
    _issuing_body(writer, settings, bodies, room - right)
    if settings.is_party:
        writer.para(PARTY_NAME, st.PARTY, national)
        add_rule(national, _width(doc, PARTY_NAME, st.PARTY, 15), right, st.RULE)
    else:
        writer.para(NATIONAL_NAME, st.NATIONAL, national)
        writer.para(MOTTO, st.MOTTO, national)
        add_rule(national, _width(doc, MOTTO, st.MOTTO, 13), right, st.RULE)
    writer.para(number_line, st.NUMBER, number_cell)
    writer.para(date_line, st.DATELINE, date_cell)


def _issuing_body(writer: Writer, settings: ExportSettings, cell: _Cell, room: int) -> None:
    """Parent body (capitals), issuing body (capitals, bold), then a short rule or ``*``."""
    if settings.parent_body.strip():
        writer.para(upper_vi(settings.parent_body.strip()), st.HEADER_BODY, cell)
    issuer = upper_vi(settings.issuing_body.strip() or ISSUER_PLACEHOLDER)
    writer.para(issuer, st.HEADER_ISSUER, cell)
    if settings.is_party:
        writer.para("*", st.HEADER_BODY, cell)
        return
    longest = max(
        min(_width(writer.doc, line, st.HEADER_ISSUER, 13), room) for line in issuer.splitlines()
    )
    add_rule(cell, round(longest * ISSUER_RULE_SHARE), room, st.RULE)


def _width(doc: DocxDocument, text: str, style: str, default_pt: float) -> int:
    """Width of ``text`` in the bold face at the size ``style`` sets (twips)."""
    size = doc.styles[style].font.size
    return bold_text_width(text, size.pt if size is not None else default_pt)


def write_contact(writer: Writer, settings: ExportSettings) -> None:
    """The office's contact lines, set like Decree 30's "Nơi nhận" block."""
    lines = [line for line in settings.contact_lines if line.strip()]
    if not lines:
        return
    writer.para(CONTACT_LABEL, st.CONTACT_HEADING)
    for line in lines:
        writer.para(line.strip(), st.CONTACT)
