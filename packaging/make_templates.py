"""Generate the packaged Word templates: resources/templates/{press_release,bulletin}.docx.

Run from the repository root: ``.venv/bin/python packaging/make_templates.py``. The output is
byte-for-byte reproducible (fixed dates in the properties and the zip), so the committed
binaries change only when this script or the style definitions change.

Each template holds every named style the exporters use (Times New Roman in all four font
slots, no theme fonts), an A4 page with Decree 30 margins, page numbers centred in the top
margin from page 2, and a sample document showing each style: a press office opens the
template in Word, restyles "WB Body" and friends, saves, and later exports follow. The
exporters clear the sample body before writing.
"""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbench.core.layout import ExportSettings, decree_date, document_number  # noqa: E402
from workbench.core.models import (  # noqa: E402
    Analysis,
    DocumentRef,
    Person,
    Report,
    place_blocks,
)
from workbench.formats import bulletin, export_docx  # noqa: E402
from workbench.formats import docx_styles as st  # noqa: E402
from workbench.formats.docx_document import Writer, set_properties  # noqa: E402
from workbench.formats.docx_layout import (  # noqa: E402
    add_page_numbers,
    enforce_fonts,
    set_page,
    set_update_fields,
    text_width,
)

OUT = ROOT / "resources" / "templates"
FIXED_TIME = (2024, 1, 1, 0, 0, 0)
DROPPED_RELS = ("/stylesWithEffects", "/customXml", "/thumbnail")

SAMPLE_SETTINGS = ExportSettings(
    parent_body="Cơ quan chủ quản",
    issuing_body="Tên cơ quan ban hành",
    abbreviation="CQ",
    contact_lines=["Người liên hệ: … (kiểu WB Contact)", "Điện thoại: …; thư điện tử: …"],
    bulletin_name="Tên bản tin (kiểu WB Cover Title)",
    licence_number="…",
    licence_issuer="…",
    frequency="… (kiểu WB Closing)",
)
SAMPLE_REPORT = Report(
    title="Trích yếu nội dung thông cáo (kiểu WB Headline)",
    blocks=place_blocks(
        [
            ("paragraph", "Đoạn mở đầu, in đậm (kiểu WB Lead)."),
            ("heading", "Tiêu đề mục (kiểu WB Heading)"),
            ("paragraph", "Nội dung thông cáo, căn đều hai bên, thụt đầu dòng (kiểu WB Body)."),
            ("caption", "Chú thích ảnh (kiểu WB Caption)"),
            ("list_item", "Một là, nhiệm vụ trọng tâm viết thành chữ (kiểu WB Task)."),
        ]
    ),
    event_date="2024-01-05",
    place="Hà Nội",
    source="… (kiểu WB Source)",
    analysis=Analysis(
        people=[Person("Nguyễn Văn A", ["chức vụ (kiểu WB List Item)"], "speaker")],
        documents=[DocumentRef("Nghị quyết", "01-NQ/TW", "2024-01-05", "cơ quan ban hành")],
    ),
)


def base_document() -> DocxDocument:
    """python-docx's blank document made Vietnamese-official: A4, margins, fonts, language."""
    doc = Document()
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith(DROPPED_RELS):
            del doc.part.rels[rid]
    package_rels = doc.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype.endswith(DROPPED_RELS):
            del package_rels[rid]
    set_page(doc.sections[0], "A4")
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    for tag, value in (("w:sz", "28"), ("w:szCs", "28")):
        rpr.find(qn(tag)).set(qn("w:val"), value)
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "vi-VN")
    spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    return doc


def _fixed_properties(doc: DocxDocument, title: str) -> None:
    set_properties(doc, title=title, author="Press Workbench", subject=title)
    doc.core_properties.created = doc.core_properties.modified = datetime(*FIXED_TIME)


def press_release_template() -> DocxDocument:
    """The press release template with a sample showing every style."""
    doc = base_document()
    for name in st.PRESS_RELEASE_STYLES:
        st.define_style(doc, name)
    add_page_numbers(doc.sections[0], st.PAGE_HEADER)
    writer = Writer(doc)
    number = document_number(None, SAMPLE_SETTINGS.abbreviation)
    day = date(*FIXED_TIME[:3])
    export_docx.write_header(writer, SAMPLE_SETTINGS, number, decree_date(day, "Hà Nội"))
    writer.para(export_docx.PRESS_RELEASE, st.DOC_TYPE)
    writer.para(SAMPLE_REPORT.title or "", st.HEADLINE)
    writer.paras(export_docx.release_items(SAMPLE_REPORT))
    export_docx.write_contact(writer, SAMPLE_SETTINGS)
    enforce_fonts(doc)
    _fixed_properties(doc, "Mẫu thông cáo báo chí")
    return doc


def bulletin_template() -> DocxDocument:
    """The bulletin template with a sample cover, contents, article and closing block."""
    doc = base_document()
    for name in st.BULLETIN_STYLES:
        st.define_style(doc, name)
    add_page_numbers(doc.sections[0], st.PAGE_HEADER)
    st.fit_toc_tab(doc, text_width(doc.sections[0]))
    writer = Writer(doc)
    day = date(*FIXED_TIME[:3])
    bulletin.write_cover(writer, SAMPLE_SETTINGS, SAMPLE_SETTINGS.bulletin_name, 1, day)
    title = "Tiêu đề bài (kiểu Heading 1, mục lục lấy từ kiểu này)"
    bulletin.write_contents(writer, [title])
    bulletin.write_report(writer, SAMPLE_REPORT, title)
    bulletin.write_closing(writer, SAMPLE_SETTINGS)
    set_update_fields(doc)
    enforce_fonts(doc)
    _fixed_properties(doc, "Mẫu bản tin")
    return doc


def reproducible_bytes(doc: DocxDocument) -> bytes:
    """The saved package with fixed member dates, so a rerun writes identical bytes."""
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info))
    return out.getvalue()


def main() -> None:
    """Write both templates and print their paths."""
    OUT.mkdir(parents=True, exist_ok=True)
    for name, build in (
        ("press_release.docx", press_release_template),
        ("bulletin.docx", bulletin_template),
    ):
        doc = build()
        target = OUT / name
        target.write_bytes(reproducible_bytes(doc))
        print(target.relative_to(ROOT))


if __name__ == "__main__":
    main()
