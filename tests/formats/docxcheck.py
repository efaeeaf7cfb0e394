"""Read back an exported .docx for the export tests: a normalised dump and XML look-ups.

The dump (for golden files, STYLE.md §5) has one line per paragraph: style, alignment and
layout flags, then the text with fields as ``⟦instruction|result⟧``; tables cell by cell;
the section's page, margins and headers first. It never holds zipped bytes or timestamps.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.shared import Length
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
GOLDEN = Path(__file__).resolve().parents[1] / "golden"
FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
THEME_SLOTS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def part_xml(path: Path, member: str) -> etree._Element:
    """The parsed XML of one part of the package (``word/settings.xml``)."""
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(member))


def rels_parts(path: Path) -> list[bytes]:
    """Every relationships part of the package."""
    with zipfile.ZipFile(path) as package:
        return [package.read(n) for n in package.namelist() if n.endswith(".rels")]


def paragraph_text(p: etree._Element) -> str:
    """A paragraph's text with tabs, breaks and fields made visible."""
    out = []
    for el in p.iter():
        tag = el.tag
        if tag == f"{W}t":
            out.append(el.text or "")
        elif tag == f"{W}instrText":
            out.append((el.text or "").strip())
        elif tag == f"{W}tab" and el.getparent().tag == f"{W}r":
            out.append("\\t")
        elif tag == f"{W}br":
            out.append("⤓" if el.get(f"{W}type") == "page" else "↵")
        elif tag == f"{W}fldChar":
            out.append({"begin": "⟦", "separate": "|", "end": "⟧"}[el.get(f"{W}fldCharType")])
        elif tag == f"{W}fldSimple":
            out.append(f"⟦{el.get(f'{W}instr', '').strip()}|")
    return "".join(out)


def style_names(doc: DocxDocument) -> dict[str, str]:
    """styleId → name."""
    return {
        s.get(f"{W}styleId"): s.find(f"{W}name").get(f"{W}val")
        for s in doc.styles.element.findall(f"{W}style")
    }


def paragraph_line(p: etree._Element, names: dict[str, str]) -> str:
    """``P[style|align|flags] text`` for one paragraph."""
    ppr = p.find(f"{W}pPr")
    style, flags = "Normal", []
    if ppr is not None:
        ps = ppr.find(f"{W}pStyle")
        style = names.get(ps.get(f"{W}val"), ps.get(f"{W}val")) if ps is not None else style
        jc = ppr.find(f"{W}jc")
        if jc is not None:
            flags.append(jc.get(f"{W}val"))
        if ppr.find(f"{W}pageBreakBefore") is not None:
            flags.append("page-break-before")
        if ppr.find(f"{W}pBdr") is not None:
            ind = ppr.find(f"{W}ind")
            left = ind.get(f"{W}left") if ind is not None else "0"
            flags.append(f"rule indent={left}")
        if ppr.find(f"{W}numPr") is not None:
            flags.append("NUMBERED")
    return f"P[{'|'.join([style, *flags])}] {paragraph_text(p)}".rstrip()


def dump_story(root: etree._Element, names: dict[str, str], indent: str = "") -> list[str]:
    """Lines for the paragraphs and tables directly under ``root``."""
    lines = []
    for child in root:
        if child.tag == f"{W}p":
            lines.append(indent + paragraph_line(child, names))
        elif child.tag == f"{W}tbl":
            for r, row in enumerate(child.findall(f"{W}tr"), 1):
                for c, cell in enumerate(row.findall(f"{W}tc"), 1):
                    lines.append(f"{indent}TABLE R{r}C{c}:")
                    lines += dump_story(cell, names, indent + "  ")
    return lines


def _mm(value: Length | None) -> str:
    return f"{value.mm:.0f}" if value is not None else "?"


def dump(path: Path) -> str:
    """The normalised dump of the .docx at ``path``."""
    doc = docx.Document(str(path))
    names = style_names(doc)
    section = doc.sections[-1]
    lines = [
        f"SECTION page={_mm(section.page_width)}x{_mm(section.page_height)}mm "
        f"margins top={_mm(section.top_margin)} bottom={_mm(section.bottom_margin)} "
        f"left={_mm(section.left_margin)} right={_mm(section.right_margin)} "
        f"first-page-header={int(section.different_first_page_header_footer)}"
    ]
    for label, header in (("HEADER", section.header), ("FIRST HEADER", section.first_page_header)):
        lines.append(f"{label}:")
        lines += dump_story(header._element, names, "  ")
    lines.append("BODY:")
    lines += dump_story(doc.element.body, names, "  ")
    lines.append("STYLES IN USE:")
    lines += [f"  {style_line(doc, names[i])}" for i in sorted(used_style_ids(doc), key=names.get)]
    return "\n".join(lines) + "\n"


def style_line(doc: DocxDocument, name: str) -> str:
    """A style's effective look: font, size, weight, alignment, indent, spacing."""
    size = effective(doc, name, "sz")
    parts = [
        f"{name}:",
        effective(doc, name, "rFonts", "ascii") or "?",
        f"{int(size) / 2:g}pt" if size else "?pt",
        effective(doc, name, "jc") or "left",
    ]
    for tag, label in (("b", "bold"), ("i", "italic"), ("keepNext", "keep-next")):
        if effective(doc, name, tag) in ("true", "1", "on"):
            parts.append(label)
    for tag, attr in (("ind", "firstLine"), ("spacing", "before"), ("spacing", "after")):
        value = effective(doc, name, tag, attr)
        if value and value != "0":
            parts.append(f"{attr}={value}")
    line = effective(doc, name, "spacing", "line")
    if line:
        parts.append(f"line={line}")
    return " ".join(parts)


def check_golden(actual: str, name: str, update: bool) -> None:
    """Compare ``actual`` with ``tests/golden/<name>``; rewrite the file when ``update``."""
    target = GOLDEN / name
    if update:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(actual, encoding="utf-8")
    assert target.exists(), f"{name} is missing; create it with --update-golden and review it"
    expected = target.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs; review and rerun with --update-golden"


def style_element(doc: DocxDocument, name: str) -> etree._Element:
    """The ``w:style`` element named ``name`` (Word's display or stored name)."""
    for style in doc.styles.element.findall(f"{W}style"):
        stored = style.find(f"{W}name").get(f"{W}val")
        if stored.casefold() == name.casefold() or style.get(f"{W}styleId") == name:
            return style
    raise KeyError(name)


def used_style_ids(doc: DocxDocument) -> set[str]:
    """Style ids used in the body and the section headers (without basedOn ancestors)."""
    roots = [doc.element.body]
    for section in doc.sections:
        roots += [section.header._element, section.first_page_header._element]
    used = set()
    for root in roots:
        for tag in ("pStyle", "rStyle", "tblStyle"):
            used.update(el.get(f"{W}val") for el in root.iter(f"{W}{tag}"))
    return used


def ancestors(doc: DocxDocument, style_id: str) -> list[etree._Element]:
    """The style and its basedOn chain."""
    by_id = {s.get(f"{W}styleId"): s for s in doc.styles.element.findall(f"{W}style")}
    chain, current = [], by_id.get(style_id)
    while current is not None and current not in chain:
        chain.append(current)
        based = current.find(f"{W}basedOn")
        current = by_id.get(based.get(f"{W}val")) if based is not None else None
    return chain


def effective(doc: DocxDocument, name: str, tag: str, attr: str = "val") -> str | None:
    """The first value of ``rPr/tag`` or ``pPr/tag`` found up a style's basedOn chain."""
    for style in ancestors(doc, style_element(doc, name).get(f"{W}styleId")):
        for props in ("rPr", "pPr"):
            el = style.find(f"{W}{props}/{W}{tag}")
            if el is not None:
                return el.get(f"{W}{attr}", "true")
    return None


def paragraphs_with_style(doc: DocxDocument, name: str) -> list[str]:
    """Texts of the body paragraphs (tables included) whose style is ``name``."""
    style_id = style_element(doc, name).get(f"{W}styleId")
    return [
        paragraph_text(p)
        for p in doc.element.body.iter(f"{W}p")
        if (ps := p.find(f"{W}pPr/{W}pStyle")) is not None and ps.get(f"{W}val") == style_id
    ]


def assert_decree_page(path: Path) -> None:
    section = docx.Document(str(path)).sections[-1]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert 20 <= round(section.top_margin.mm) <= 25
    assert 20 <= round(section.bottom_margin.mm) <= 25
    assert 30 <= round(section.left_margin.mm) <= 35
    assert 15 <= round(section.right_margin.mm) <= 20


def assert_fonts(path: Path) -> None:
    """Every style in use (and its basedOn chain, and the defaults): Times New Roman in all
    four slots where fonts are set, no theme font anywhere."""
    doc = docx.Document(str(path))
    defaults = doc.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert all(defaults.get(f"{W}{slot}") == "Times New Roman" for slot in FONT_SLOTS)
    assert not any(defaults.get(f"{W}{slot}") for slot in THEME_SLOTS)
    used = used_style_ids(doc)
    assert len(used) > 5
    for style_id in used:
        chain = ancestors(doc, style_id)
        assert chain, f"style {style_id} is used but not defined"
        own = chain[0].find(f"{W}rPr/{W}rFonts")
        assert own is not None, style_id
        assert [own.get(f"{W}{slot}") for slot in FONT_SLOTS] == ["Times New Roman"] * 4, style_id
        for style in chain:
            fonts = style.find(f"{W}rPr/{W}rFonts")
            if fonts is not None:
                assert not any(fonts.get(f"{W}{slot}") for slot in THEME_SLOTS), style_id


def _names(text: str) -> list[str]:
    return text.split()


TBL_PR_ORDER = _names(
    "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
    "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription"
)
P_PR_ORDER = _names(
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers "
    "pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
    "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
    "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle "
    "rPr sectPr pPrChange"
)


def assert_schema_order(parent: etree._Element, order: list[str]) -> None:
    """The children of ``parent`` appear once each, in the schema's ``order``."""
    names = [child.tag.split("}")[1] for child in parent]
    assert len(names) == len(set(names)), names
    assert names == sorted(names, key=order.index), names


def render_pdf(path: Path, out_dir: Path) -> Path | None:
    """Convert ``path`` to PDF with LibreOffice; None when ``soffice`` is not installed."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{out_dir}/lo-profile",
         "--convert-to", "pdf", "--outdir", str(out_dir), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = out_dir / (path.stem + ".pdf")
    return pdf if pdf.exists() else None


def pdf_pages(pdf: Path) -> int:
    """The page count of a PDF (pdfinfo when present, else the page objects)."""
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
        for line in info.stdout.splitlines():
            if line.startswith("Pages:"):
                return int(line.split()[1])
    return pdf.read_bytes().count(b"/Type /Page") - pdf.read_bytes().count(b"/Type /Pages")


def pdf_text(pdf: Path) -> str | None:
    """The PDF's text with whitespace collapsed, or None without pdftotext."""
    if shutil.which("pdftotext") is None:
        return None
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout
    return " ".join(out.decode("utf-8", "replace").split())
