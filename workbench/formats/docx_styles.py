"""The named Word styles the exporters write with, and their packaged look.

The templates (``packaging/make_templates.py``) define these styles; the exporters only name
them, so a press office restyles "WB Body" in Word and every later export follows. A template
that lacks one of the "WB" styles (an office deleted it) is refused with a message naming it;
only Word's built-in styles are defined with the packaged look when a template lacks them.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor, Twips
from docx.styles.style import ParagraphStyle
from lxml import etree

from workbench.formats.docx_layout import FONT, set_rfonts

HEADER_BODY = "WB Header Body"
HEADER_ISSUER = "WB Header Issuer"
NATIONAL = "WB National"
MOTTO = "WB Motto"
PARTY = "WB Party"
RULE = "WB Rule"
NUMBER = "WB Number"
DATELINE = "WB Dateline"
DOC_TYPE = "WB Doc Type"
HEADLINE = "WB Headline"
BODY = "WB Body"
LEAD = "WB Lead"
HEADING = "WB Heading"
CAPTION = "WB Caption"
TASK = "WB Task"
BLOCK_LABEL = "WB Block Label"
LIST_ITEM = "WB List Item"
SOURCE = "WB Source"
CONTACT_HEADING = "WB Contact Heading"
CONTACT = "WB Contact"
COVER_KIND = "WB Cover Kind"
COVER_TITLE = "WB Cover Title"
COVER_LINE = "WB Cover Line"
CONTENTS_HEADING = "WB Contents Heading"
REPORT_DATE = "WB Report Date"
CLOSING = "WB Closing"
#: Built-in styles, used where Word gives them a meaning: the TOC finds "Heading 1"
#: and formats its entries with "toc 1"; page numbers sit in "Header".
REPORT_TITLE = "Heading 1"
TOC_ENTRY = "toc 1"
TOC_ENTRY_ID = "TOC1"
PAGE_HEADER = "Header"
#: The style ids Word gives its built-in styles (python-docx would derive "header", "toc1"...);
#: parts a template already has, such as a header, refer to them by these ids.
BUILT_IN_IDS = {
    "Normal": "Normal",
    PAGE_HEADER: "Header",
    REPORT_TITLE: "Heading1",
    TOC_ENTRY: TOC_ENTRY_ID,
}

CENTER, JUSTIFY, LEFT, RIGHT = (
    WD_ALIGN_PARAGRAPH.CENTER,
    WD_ALIGN_PARAGRAPH.JUSTIFY,
    WD_ALIGN_PARAGRAPH.LEFT,
    WD_ALIGN_PARAGRAPH.RIGHT,
)


@dataclass(frozen=True)
class StyleSpec:
    """The packaged look of one paragraph style (sizes in points, indent in cm)."""

    name: str
    size: float = 14
    bold: bool = False
    italic: bool = False
    align: WD_ALIGN_PARAGRAPH = LEFT
    first_indent_cm: float = 0
    before: float = 0
    after: float = 0
    line: float = 1.0
    keep_next: bool = False
    based_on: str = "Normal"
    outline_level: int | None = None


_BODY = {"align": JUSTIFY, "first_indent_cm": 1.27, "after": 6, "line": 1.15}

SPECS: dict[str, StyleSpec] = {
    spec.name: spec
    for spec in (
        StyleSpec("Normal", 14),
        StyleSpec(PAGE_HEADER, 14, align=CENTER),
        StyleSpec(HEADER_BODY, 13, align=CENTER),
        StyleSpec(HEADER_ISSUER, 13, bold=True, align=CENTER),
        StyleSpec(NATIONAL, 12, bold=True, align=CENTER),
        StyleSpec(MOTTO, 13, bold=True, align=CENTER),
        StyleSpec(PARTY, 15, bold=True, align=CENTER),
        StyleSpec(RULE, 2, align=CENTER, before=3),
        StyleSpec(NUMBER, 13, align=CENTER, before=6),
        StyleSpec(DATELINE, 14, italic=True, align=CENTER, before=6),
        StyleSpec(DOC_TYPE, 14, bold=True, align=CENTER, before=24, keep_next=True),
        StyleSpec(HEADLINE, 14, bold=True, align=CENTER, after=18, keep_next=True),
        StyleSpec(BODY, 14, **_BODY),
        StyleSpec(LEAD, 14, bold=True, **_BODY, based_on=BODY),
        StyleSpec(HEADING, 14, bold=True, **{**_BODY, "before": 6}, keep_next=True),
        StyleSpec(CAPTION, 13, italic=True, align=CENTER, after=6, line=1.15),
        StyleSpec(TASK, 14, **_BODY, based_on=BODY),
        StyleSpec(BLOCK_LABEL, 14, bold=True, **_BODY, keep_next=True, based_on=BODY),
        StyleSpec(LIST_ITEM, 14, **_BODY, based_on=BODY),
        StyleSpec(SOURCE, 14, italic=True, align=RIGHT, before=6, after=6),
        StyleSpec(CONTACT_HEADING, 12, bold=True, italic=True, before=12, keep_next=True),
        StyleSpec(CONTACT, 11),
        StyleSpec(COVER_KIND, 28, bold=True, align=CENTER, before=72, after=12),
        StyleSpec(COVER_TITLE, 20, bold=True, align=CENTER, after=24),
        StyleSpec(COVER_LINE, 14, align=CENTER, after=6),
        StyleSpec(CONTENTS_HEADING, 14, bold=True, align=CENTER, before=36, after=12),
        StyleSpec(
            REPORT_TITLE, 16, bold=True, align=CENTER, after=12, keep_next=True, outline_level=0
        ),
        StyleSpec(REPORT_DATE, 14, italic=True, align=CENTER, after=12),
        StyleSpec(TOC_ENTRY, 14, after=6),
        StyleSpec(CLOSING, 12, line=1.0),
    )
}

PRESS_RELEASE_STYLES = (
    "Normal",
    PAGE_HEADER,
    *(HEADER_BODY, HEADER_ISSUER, NATIONAL, MOTTO, PARTY, RULE, NUMBER, DATELINE),
    *(DOC_TYPE, HEADLINE, BODY, LEAD, HEADING, CAPTION, TASK, BLOCK_LABEL, LIST_ITEM),
    *(SOURCE, CONTACT_HEADING, CONTACT),
)
BULLETIN_STYLES = (
    "Normal",
    PAGE_HEADER,
    *(HEADER_BODY, HEADER_ISSUER, COVER_KIND, COVER_TITLE, COVER_LINE, DATELINE, RULE),
    *(CONTENTS_HEADING, TOC_ENTRY, REPORT_TITLE, REPORT_DATE, BODY, LEAD, HEADING, CAPTION),
    *(TASK, LIST_ITEM, SOURCE, CLOSING),
)


def find_style(doc: DocxDocument, name: str) -> ParagraphStyle | None:
    """The paragraph style called ``name`` (as Word shows it, or as styles.xml stores it)."""
    for style in doc.styles:
        if style.type == WD_STYLE_TYPE.PARAGRAPH and name.casefold() in (
            (style.name or "").casefold(),
            style.element.get(qn("w:styleId"), "").casefold(),
        ):
            return style
    return None


def apply_spec(doc: DocxDocument, style: ParagraphStyle, spec: StyleSpec) -> None:
    """Give ``style`` the packaged look of ``spec``: Times New Roman, black, sizes, spacing."""
    if spec.name != "Normal":
        style.base_style = find_style(doc, spec.based_on)
    font = style.font
    font.name, font.size = FONT, Pt(spec.size)
    font.bold, font.italic = spec.bold, spec.italic
    font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    set_rfonts(rpr)
    _set_complex_size(rpr, spec.size)
    fmt = style.paragraph_format
    fmt.alignment = spec.align
    fmt.first_line_indent = Cm(spec.first_indent_cm) if spec.first_indent_cm else Cm(0)
    fmt.left_indent = fmt.right_indent = Cm(0)
    fmt.space_before, fmt.space_after = Pt(spec.before), Pt(spec.after)
    fmt.line_spacing = spec.line
    fmt.keep_with_next = spec.keep_next or None
    fmt.widow_control = True
    _set_outline_level(style, spec.outline_level)
    style.hidden = False
    style.quick_style = True
    style.unhide_when_used = False


def _set_complex_size(rpr: etree._Element, size: float) -> None:
    """The complex-script size (``w:szCs``) equal to the main one, after ``w:sz``."""
    szcs = rpr.find(qn("w:szCs"))
    if szcs is None:
        szcs = OxmlElement("w:szCs")
        rpr.find(qn("w:sz")).addnext(szcs)
    szcs.set(qn("w:val"), str(round(size * 2)))


def _set_outline_level(style: ParagraphStyle, level: int | None) -> None:
    ppr = style.element.get_or_add_pPr()
    existing = ppr.find(qn("w:outlineLvl"))
    if existing is not None:
        ppr.remove(existing)
    if level is not None:
        el = OxmlElement("w:outlineLvl")
        el.set(qn("w:val"), str(level))
        later = {qn(f"w:{tag}") for tag in ("divId", "cnfStyle", "rPr", "sectPr", "pPrChange")}
        successor = next((child for child in ppr if child.tag in later), None)
        if successor is None:
            ppr.append(el)
        else:
            successor.addprevious(el)


def define_style(doc: DocxDocument, name: str) -> ParagraphStyle:
    """Create (or reset) the paragraph style ``name`` with its packaged look."""
    spec = SPECS[name]
    style = find_style(doc, name)
    if style is None:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        if name in BUILT_IN_IDS:
            style.element.set(qn("w:styleId"), BUILT_IN_IDS[name])
    apply_spec(doc, style, spec)
    return style


def ensure_styles(doc: DocxDocument, names: tuple[str, ...]) -> list[str]:
    """Define, with the packaged look, each style of ``names`` the document lacks.

    Styles the document already has are left exactly as the office made them. Returns the
    names that had to be added.
    """
    missing = [name for name in names if find_style(doc, name) is None]
    for name in missing:
        define_style(doc, name)
    return missing


def fit_toc_tab(doc: DocxDocument, width_twips: int) -> None:
    """Give the TOC entry style a right tab with dot leader at ``width_twips`` (where Word puts
    page numbers) unless it has tabs that already fit the text width."""
    style = find_style(doc, TOC_ENTRY)
    if style is None:
        return
    tabs = style.paragraph_format.tab_stops
    if len(tabs) and all(tab.position.twips <= width_twips for tab in tabs):
        return
    tabs.clear_all()
    tabs.add_tab_stop(Twips(width_twips), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
