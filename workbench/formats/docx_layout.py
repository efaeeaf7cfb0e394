"""Low-level python-docx helpers for official-document layout (raw WordprocessingML).

python-docx has no API for fields, theme fonts, paragraph borders or settings such as
``w:updateFields`` (DOMAIN.md §2), so these helpers write the XML themselves. They know
nothing about reports: the exporters decide what to write, these decide how.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Length, Mm, Twips
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

FONT = "Times New Roman"
FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
THEME_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
#: Decree 30 margins (mm): top 20-25, bottom 20-25, left 30-35, right 15-20.
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
PAGE_SIZES_MM = {"A4": (210, 297), "19x27": (190, 270)}
TWIPS_PER_PT = 20

# Advance widths of Times New Roman Bold in 1/1000 em (read from Liberation Serif Bold, which is
# metric-compatible). Enough to size a rule under a bold header line; Vietnamese letters take
# their base letter's width (horned ơ/ư a little more).
_BOLD_CHARS = " -,./:0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz()&'"
_BOLD_ADVANCES = (
    "250 333 250 250 278 333 500 500 500 500 500 500 500 500 500 500 "
    "722 667 722 722 667 611 778 778 389 500 778 667 944 722 778 611 778 722 556 667 722 722 "
    "1000 722 722 667 500 556 444 556 444 333 500 556 278 333 556 278 833 556 500 556 556 444 "
    "389 333 556 500 722 500 500 444 333 333 833 278"
)


def _w_tags(*names: str) -> tuple[str, ...]:
    return tuple(qn(f"w:{name}") for name in names)


def _width_table(chars: str, advances: str) -> dict[str, int]:
    return dict(zip(chars, map(int, advances.split()), strict=True))


_BOLD_WIDTHS = _width_table(_BOLD_CHARS, _BOLD_ADVANCES)


# --- page ---------------------------------------------------------------------------------


def set_page(
    section: Section, size: str = "A4", margins_mm: dict[str, float] | None = None
) -> None:
    """Portrait page of ``size`` ("A4" or "19x27") with Decree 30 margins; header 10 mm."""
    width, height = PAGE_SIZES_MM[size]
    margins = {**MARGINS_MM, **(margins_mm or {})}
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin, section.bottom_margin = Mm(margins["top"]), Mm(margins["bottom"])
    section.left_margin, section.right_margin = Mm(margins["left"]), Mm(margins["right"])
    section.header_distance = section.footer_distance = Mm(10)
    section.gutter = Mm(0)


def set_page_size(section: Section, size: str) -> None:
    """Change only the paper size (margins stay as the template has them)."""
    width, height = PAGE_SIZES_MM[size]
    section.page_width, section.page_height = Mm(width), Mm(height)


def text_width(section: Section) -> int:
    """The width between the margins, in twips."""
    width = section.page_width - section.left_margin - section.right_margin
    return int(Length(width).twips)


# --- fonts --------------------------------------------------------------------------------


def set_rfonts(rpr: etree._Element, font: str = FONT) -> None:
    """Put ``font`` in all four ``w:rFonts`` slots of ``rpr`` and drop the theme attributes."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for slot in THEME_SLOTS:
        rfonts.attrib.pop(qn(slot), None)
    for slot in FONT_SLOTS:
        rfonts.set(qn(slot), font)


def _rpr_of(element: etree._Element) -> etree._Element:
    """The ``w:rPr`` child of a style or ``w:rPrDefault``, created where missing."""
    rpr = element.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        element.append(rpr)
    return rpr


def explicit_font(style_el: etree._Element) -> str | None:
    """The non-theme font a style sets itself, if any."""
    rfonts = style_el.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    if rfonts is None or rfonts.get(qn("w:asciiTheme")):
        return None
    return rfonts.get(qn("w:ascii"))


def enforce_fonts(doc: DocxDocument, style_ids: Iterable[str] | None = None) -> None:
    """Times New Roman on the document defaults and on ``style_ids`` (default: every style).

    A style that names a font of its own (restyled by the office) keeps it, spread to all four
    slots; theme fonts, which LibreOffice replaces with DejaVu Sans, are dropped everywhere.
    """
    styles_el = doc.styles.element
    defaults = styles_el.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles_el.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    set_rfonts(_rpr_of(rpr_default))
    wanted = None if style_ids is None else set(style_ids)
    for style_el in styles_el.findall(qn("w:style")):
        if wanted is not None and style_el.get(qn("w:styleId")) not in wanted:
            continue
        if style_el.get(qn("w:type")) in ("paragraph", "character", "table"):
            set_rfonts(_rpr_of(style_el), explicit_font(style_el) or FONT)


def _story_elements(doc: DocxDocument) -> Iterator[etree._Element]:
    """The body and every header and footer part's root element."""
    yield doc.element.body
    for rel in doc.part.rels.values():
        if rel.is_external:
            continue
        if rel.reltype.endswith(("/header", "/footer")):
            yield rel.target_part.element


def styles_in_use(doc: DocxDocument) -> set[str]:
    """Style ids referenced by the body, headers and footers, with their ``basedOn`` chains."""
    used: set[str] = set()
    for root in _story_elements(doc):
        for tag in ("w:pStyle", "w:rStyle", "w:tblStyle"):
            used.update(el.get(qn("w:val")) for el in root.iter(qn(tag)))
    by_id = {s.get(qn("w:styleId")): s for s in doc.styles.element.findall(qn("w:style"))}
    for default in doc.styles.element.findall(qn("w:style")):
        if default.get(qn("w:default")) in ("1", "true"):
            used.add(default.get(qn("w:styleId")))
    pending = list(used)
    while pending:
        style = by_id.get(pending.pop())
        based = style.find(qn("w:basedOn")) if style is not None else None
        if based is not None and based.get(qn("w:val")) not in used:
            used.add(based.get(qn("w:val")))
            pending.append(based.get(qn("w:val")))
    return {s for s in used if s}


def bold_text_width(text: str, size_pt: float) -> int:
    """Estimated width of ``text`` set in Times New Roman Bold at ``size_pt``, in twips."""
    total = 0.0
    for ch in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", ch)
        base = {"Đ": "D", "đ": "d"}.get(ch, decomposed[0])
        width = _BOLD_WIDTHS.get(base, 556)
        total += width * (1.1 if "\u031b" in decomposed else 1.0)
    return round(total * size_pt * TWIPS_PER_PT / 1000)


# --- fields -------------------------------------------------------------------------------


def _run(child: etree._Element | None = None) -> etree._Element:
    run = OxmlElement("w:r")
    if child is not None:
        run.append(child)
    return run


def _fld_char(kind: str, dirty: bool = False) -> etree._Element:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    if dirty:
        char.set(qn("w:dirty"), "true")
    return char


def _text(value: str, tag: str = "w:t") -> etree._Element:
    el = OxmlElement(tag)
    el.set(qn("xml:space"), "preserve")
    el.text = value
    return el


def field_begin(paragraph: Paragraph, instruction: str, dirty: bool = False) -> None:
    """Open a complex field (``begin``, instruction, ``separate``) at the end of ``paragraph``.

    What follows up to :func:`field_end` is the field's cached result, shown by readers that
    do not compute fields.
    """
    p = paragraph._p
    p.append(_run(_fld_char("begin", dirty)))
    p.append(_run(_text(f" {instruction.strip()} ", "w:instrText")))
    p.append(_run(_fld_char("separate")))


def field_end(paragraph: Paragraph) -> None:
    """Close the complex field opened by :func:`field_begin`."""
    paragraph._p.append(_run(_fld_char("end")))


def add_field(paragraph: Paragraph, instruction: str, result: str, dirty: bool = False) -> None:
    """A whole field (e.g. ``PAGE``) with ``result`` as its cached value."""
    field_begin(paragraph, instruction, dirty)
    paragraph._p.append(_run(_text(result)))
    field_end(paragraph)


def field_instructions(root: etree._Element) -> list[str]:
    """The instructions of every field under ``root`` (complex and simple)."""
    found = ["".join(el.itertext()).strip() for el in root.iter(qn("w:instrText"))]
    found += [el.get(qn("w:instr"), "").strip() for el in root.iter(qn("w:fldSimple"))]
    return found


def has_page_field(section: Section) -> bool:
    """Whether the section's primary header or footer shows a PAGE field."""
    for part in (section.header, section.footer):
        if part.is_linked_to_previous:
            continue
        if any(i.split()[:1] == ["PAGE"] for i in field_instructions(part._element)):
            return True
    return False


def add_page_numbers(section: Section, style: str = "Header") -> None:
    """Page numbers centred in the top margin from page 2 (Decree 30).

    The first page gets its own, empty header (``w:titlePg``); the primary header gets a
    centred paragraph holding a PAGE field.
    """
    section.different_first_page_header_footer = True
    first = section.first_page_header
    first.is_linked_to_previous = False
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
    for child in list(paragraph._p):
        if child.tag != qn("w:pPr"):
            paragraph._p.remove(child)
    paragraph.style = style
    paragraph.alignment = 1  # centre
    add_field(paragraph, "PAGE", "2")


def set_update_fields(doc: DocxDocument) -> None:
    """Ask Word to refresh every field (the table of contents) when it opens the file."""
    settings = doc.settings.element
    existing = settings.find(qn("w:updateFields"))
    if existing is None:
        existing = OxmlElement("w:updateFields")
        _insert_in_order(settings, existing, _AFTER_UPDATE_FIELDS)
    existing.set(qn("w:val"), "true")


# Children of w:settings that the schema puts after w:updateFields.
_AFTER_UPDATE_FIELDS = (
    *_w_tags("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids"),
    *_w_tags("attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats"),
    *_w_tags("doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown"),
    *_w_tags("smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags"),
    *_w_tags("decimalSymbol", "listSeparator"),
    "{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr",
)


def _insert_in_order(parent: etree._Element, child: etree._Element, before: tuple) -> None:
    for i, existing in enumerate(parent):
        if existing.tag in before:
            parent.insert(i, child)
            return
    parent.append(child)


# --- paragraphs, rules, tables ------------------------------------------------------------


def border(paragraph: Paragraph, side: str = "top", size_eighths: int = 6) -> None:
    """A single black line on one ``side`` of ``paragraph`` (size in eighths of a point)."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        _insert_in_order(ppr, borders, _AFTER_PBDR)
    line = OxmlElement(f"w:{side}")
    for key, value in (("val", "single"), ("sz", str(size_eighths)), ("space", "1")):
        line.set(qn(f"w:{key}"), value)
    line.set(qn("w:color"), "000000")
    borders.append(line)


_AFTER_PBDR = (
    *_w_tags("shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct"),
    *_w_tags("topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd"),
    *_w_tags("snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents"),
    *_w_tags("suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap"),
    *_w_tags("outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"),
)


def add_rule(container: _Cell | DocxDocument, rule_width: int, room: int, style: str) -> Paragraph:
    """A centred horizontal rule ``rule_width`` twips long in a space ``room`` twips wide.

    Drawn as the top border of an empty paragraph whose indents shorten it, which Word and
    LibreOffice both render the same (a drawing shape would need anchoring).
    """
    paragraph = container.add_paragraph(style=style)
    indent = max(0, (room - min(rule_width, room)) // 2)
    paragraph.paragraph_format.left_indent = Twips(indent)
    paragraph.paragraph_format.right_indent = Twips(indent)
    border(paragraph, "top")
    return paragraph


def page_break_before(paragraph: Paragraph) -> None:
    """Start ``paragraph`` on a new page."""
    paragraph.paragraph_format.page_break_before = True


def layout_table(doc: DocxDocument, widths: list[int]) -> Table:
    """A borderless fixed-layout table with columns ``widths`` (twips) and no cell padding."""
    table = doc.add_table(rows=1, cols=len(widths))
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblW")):
        tbl_pr.remove(old)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(sum(widths)))
    width.set(qn("w:type"), "dxa")
    fixed = OxmlElement("w:tblLayout")
    fixed.set(qn("w:type"), "fixed")
    for child in (width, _no_borders(), fixed, _zero_cell_margins()):
        _insert_in_order(tbl_pr, child, _AFTER[child.tag])
    for grid_col, col_width in zip(
        table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True
    ):
        grid_col.set(qn("w:w"), str(col_width))
    for cell, col_width in zip(table.rows[0].cells, widths, strict=True):
        cell.width = Twips(col_width)
    return table


# CT_TblPr's sequence, after each child this module writes.
_TBL_PR_ORDER = (
    "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
    "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription"
)
_AFTER = {
    qn(f"w:{name}"): _w_tags(*_TBL_PR_ORDER.split()[i + 1 :])
    for i, name in enumerate(_TBL_PR_ORDER.split())
    if name in ("tblW", "tblBorders", "tblLayout", "tblCellMar")
}


def _no_borders() -> etree._Element:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{side}")
        line.set(qn("w:val"), "nil")
        borders.append(line)
    return borders


def _zero_cell_margins() -> etree._Element:
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), "0")
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    return margins
