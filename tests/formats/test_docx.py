"""Reading .docx files: real documents written with python-docx, hostile ones by hand."""

from __future__ import annotations

import io
import os
import resource
import tracemalloc
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn

from tests.hostile.makers import rezip
from workbench.core.errors import ImportRefused
from workbench.core.models import RawBlock
from workbench.formats import docx as docx_reader
from workbench.formats.docx import read_docx

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'mc:Ignorable="wps"'
)


def save(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def with_body(inner: str, prolog: str = "") -> bytes:
    """A real python-docx package whose document.xml body is ``inner``."""
    xml = f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<w:document {NAMESPACES}>'
    xml += f"<w:body>{inner}</w:body></w:document>"
    return rezip(save(docx.Document()), {"word/document.xml": xml.encode()})


def blocks(data: bytes) -> list[RawBlock]:
    imported = read_docx(data, "report.docx")
    assert imported.format == "docx"
    assert imported.original == data
    assert imported.blocks is not None
    return imported.blocks


def refusal(data: bytes, name: str = "report.docx") -> str:
    with pytest.raises(ImportRefused) as caught:
        read_docx(data, name)
    message = str(caught.value)
    assert name in message and "\n" not in message
    return message


def corpus_paragraphs() -> list[str]:
    """Report 000's body paragraphs, the PDF line breaks joined back."""
    raw = (SHARED / "corpus" / "raw" / "000.txt").read_text(encoding="utf-8")
    body = raw.split("Tác giả: Đang cập nhật", 1)[1]
    paragraphs, current = [], []
    for line in body.splitlines():
        if line.strip():
            current.append(line.strip())
        elif current and current[-1].endswith((".", ":", ";", "”")):
            paragraphs.append(" ".join(current))
            current = []
    return [p for p in paragraphs if len(p) > 40]


# --- structure ---------------------------------------------------------------------------------


def test_paragraphs_tables_and_styles_come_in_body_order():
    document = docx.Document()
    document.add_heading("Tạo chuyển biến trong nhận thức", level=1)
    document.add_paragraph("Ngày 06/9/2023, tại Hà Nội, Đảng ủy Khối tổ chức hội nghị.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Một là, nâng cao nhận thức."
    table.cell(0, 1).text = "Hai là, đổi mới phương thức."
    document.add_paragraph("Đồng chí Nguyễn Văn Thể phát biểu kết luận", style="Caption")
    document.add_paragraph("tiếp tục quán triệt Nghị quyết", style="List Number")
    document.add_paragraph("đẩy mạnh tuyên truyền", style="List Paragraph")
    document.add_paragraph("Theo: dukcqtw.dcs.vn")
    assert blocks(save(document)) == [
        RawBlock("Tạo chuyển biến trong nhận thức", "heading"),
        RawBlock("Ngày 06/9/2023, tại Hà Nội, Đảng ủy Khối tổ chức hội nghị.", None),
        RawBlock("Một là, nâng cao nhận thức.", None),
        RawBlock("Hai là, đổi mới phương thức.", None),
        RawBlock("Đồng chí Nguyễn Văn Thể phát biểu kết luận", "caption"),
        RawBlock("tiếp tục quán triệt Nghị quyết", "list_item"),
        RawBlock("đẩy mạnh tuyên truyền", "list_item"),
        RawBlock("Theo: dukcqtw.dcs.vn", None),
    ]


def test_the_title_becomes_the_first_block_even_after_an_agency_header():
    document = docx.Document()
    header = document.add_table(rows=1, cols=2)
    header.cell(0, 0).text = "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TRUNG ƯƠNG"
    header.cell(0, 1).text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    document.add_paragraph("Công tác dân vận đã góp phần quan trọng", style="Title")
    document.add_paragraph("vào thực hiện thắng lợi nhiệm vụ chính trị", style="Title")
    document.add_paragraph("Ngày 06/9/2023, tại Hà Nội, ...")
    result = blocks(save(document))
    assert result[0] == RawBlock(
        "Công tác dân vận đã góp phần quan trọng vào thực hiện thắng lợi nhiệm vụ chính trị",
        "heading",
    )
    assert [b.text for b in result[1:]] == [
        "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TRUNG ƯƠNG",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Ngày 06/9/2023, tại Hà Nội, ...",
    ]


def test_custom_styles_inherit_the_kind_of_their_base_and_numbering_makes_list_items():
    document = docx.Document()
    section = document.styles.add_style("Mục lớn", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    section.base_style = document.styles["Heading 2"]
    document.add_paragraph("Kết quả nổi bật", style="Mục lớn")
    numbered = document.add_paragraph("Thứ nhất, tăng cường lãnh đạo")
    numbering = numbered._p.get_or_add_pPr().get_or_add_numPr()
    numbering.get_or_add_ilvl().val = 0
    numbering.get_or_add_numId().val = 1
    assert blocks(save(document)) == [
        RawBlock("Kết quả nổi bật", "heading"),
        RawBlock("Thứ nhất, tăng cường lãnh đạo", "list_item"),
    ]


def test_line_breaks_join_with_a_space_and_double_breaks_split_paragraphs():
    document = docx.Document()
    caption = document.add_paragraph("Đồng chí Nguyễn Văn Thể phát biểu")
    caption.add_run().add_break()
    caption.add_run("(Ảnh: Đảng ủy Khối)")
    split = document.add_paragraph("Đoạn một kết thúc.")
    run = split.add_run()
    run.add_break()
    run.add_break()
    split.add_run("Đoạn hai bắt đầu.")
    paged = document.add_paragraph("trước trang")
    paged.add_run().add_break(WD_BREAK.PAGE)
    paged.add_run("sau trang")
    assert [b.text for b in blocks(save(document))] == [
        "Đồng chí Nguyễn Văn Thể phát biểu (Ảnh: Đảng ủy Khối)",
        "Đoạn một kết thúc.",
        "Đoạn hai bắt đầu.",
        "trước trang sau trang",
    ]


def test_text_is_nfc_and_whitespace_is_collapsed():
    document = docx.Document()
    document.add_paragraph(unicodedata.normalize("NFD", "Thể  \t Nguyễn\u00a0Văn   "))
    document.add_paragraph("   ")
    (block,) = blocks(save(document))
    assert block.text == "Thể Nguyễn Văn"
    assert unicodedata.is_normalized("NFC", block.text)


def test_a_realistic_report_keeps_every_paragraph():
    paragraphs = corpus_paragraphs()
    assert len(paragraphs) >= 8
    document = docx.Document()
    document.add_paragraph(
        "Công tác dân vận đã góp phần quan trọng vào thực hiện thắng lợi nhiệm vụ chính trị "
        "trong các cơ quan Trung ương",
        style="Title",
    )
    for text in paragraphs:
        document.add_paragraph(text)
    result = blocks(save(document))
    assert result[0].kind == "heading"
    assert [b.text for b in result[1:]] == [" ".join(p.split()) for p in paragraphs]


def test_revisions_fields_links_and_text_boxes_are_read_once():
    body = (
        "<w:p><w:r><w:t xml:space='preserve'>Dự hội nghị có </w:t></w:r>"
        "<w:del w:id='1' w:author='a'><w:r><w:delText>đã xóa </w:delText></w:r></w:del>"
        "<w:ins w:id='2' w:author='a'><w:r><w:t xml:space='preserve'>các đồng chí </w:t></w:r>"
        "</w:ins><w:hyperlink r:id='rId99'><w:r><w:t>Phạm Tất Thắng</w:t></w:r></w:hyperlink>"
        "<w:r><w:fldChar w:fldCharType='begin'/></w:r>"
        "<w:r><w:instrText> PAGE </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType='separate'/></w:r><w:r><w:t>.</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='end'/></w:r>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r></w:p>"
        "<w:p><w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wps:txbx>"
        "<w:txbxContent><w:p><w:r><w:t>Chú thích trong hộp</w:t></w:r></w:p></w:txbxContent>"
        "</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>"
        "<w:p><w:r><w:t>Chú thích trong hộp</w:t></w:r></w:p></w:txbxContent></v:textbox>"
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        "<w:r><w:t>Đoạn chứa hộp văn bản.</w:t></w:r></w:p>"
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>Trong điều khiển nội dung</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
    )
    assert [b.text for b in blocks(with_body(body))] == [
        "Dự hội nghị có các đồng chí Phạm Tất Thắng.",
        "Chú thích trong hộp",
        "Đoạn chứa hộp văn bản.",
        "Trong điều khiển nội dung",
    ]


def test_the_main_part_is_found_through_the_package_relationships():
    data = save(docx.Document())
    original = zipfile.ZipFile(io.BytesIO(data))
    xml = (
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>Ở nơi khác</w:t></w:r></w:p>'
        "</w:body></w:document>"
    ).encode()
    rels = original.read("_rels/.rels").replace(b"word/document.xml", b"word/main.xml")
    moved = rezip(
        data,
        {
            "word/document.xml": None,
            "word/main.xml": xml,
            "_rels/.rels": rels,
            "word/_rels/main.xml.rels": original.read("word/_rels/document.xml.rels"),
        },
    )
    assert blocks(moved) == [RawBlock("Ở nơi khác", None)]


# --- legacy fonts ------------------------------------------------------------------------------


def test_runs_in_a_tcvn3_font_are_converted_and_others_kept():
    document = docx.Document()
    paragraph = document.add_paragraph()
    legacy = paragraph.add_run("TiÕng ViÖt ")
    legacy.font.name = ".VnTime"
    paragraph.add_run("Õ stays")  # a real Unicode Õ in a Unicode font
    imported = read_docx(save(document), "old.docx")
    assert imported.blocks == [RawBlock("Tiếng Việt Õ stays", None)]
    assert imported.encoding == "tcvn3"


def test_a_vni_letter_split_across_runs_is_joined_before_converting():
    document = docx.Document()
    paragraph = document.add_paragraph()
    for text in ("Tie", "áng Vie", "ät"):  # Word splits runs anywhere (spell check, edits)
        paragraph.add_run(text).font.name = "VNI-Times"
    assert blocks(save(document)) == [RawBlock("Tiếng Việt", None)]


def test_the_tcvn3_capitals_font_gives_capitals():
    document = docx.Document()
    run = document.add_paragraph().add_run("céng hoµ x· héi chñ nghÜa viÖt nam")
    run.font.name = ".VnTimeH"
    assert blocks(save(document)) == [RawBlock("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", None)]


def test_a_vni_font_set_on_the_paragraph_style_is_honoured():
    document = docx.Document()
    style = document.styles.add_style("VNI body", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    style.font.name = "VNI-Times"
    document.add_paragraph("Tieáng Vieät", style="VNI body")
    imported = read_docx(save(document), "vni.docx")
    assert imported.blocks == [RawBlock("Tiếng Việt", None)]
    assert imported.encoding == "vni"


def test_the_document_default_font_applies_when_nothing_else_sets_one():
    document = docx.Document()
    fonts = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}")
    fonts = fonts.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    for slot in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{slot}"), None)
    fonts.set(qn("w:ascii"), ".VnTime")
    fonts.set(qn("w:hAnsi"), ".VnTime")
    document.add_paragraph("Uû ban nh©n d©n")
    unicode_run = document.add_paragraph().add_run("Ủy ban nhân dân")
    unicode_run.font.name = "Times New Roman"
    imported = read_docx(save(document), "defaults.docx")
    assert [b.text for b in imported.blocks] == ["Uỷ ban nhân dân", "Ủy ban nhân dân"]
    assert imported.encoding == "tcvn3"


def test_a_theme_font_overrides_a_legacy_name_and_plain_documents_have_no_encoding():
    document = docx.Document()
    run = document.add_paragraph().add_run("TiÕng")
    run.font.name = ".VnTime"
    run._r.rPr.rFonts.set(qn("w:asciiTheme"), "minorHAnsi")
    run._r.rPr.rFonts.set(qn("w:hAnsiTheme"), "minorHAnsi")
    imported = read_docx(save(document), "theme.docx")
    assert imported.blocks == [RawBlock("TiÕng", None)]
    assert imported.encoding is None


# --- hostile and broken files ------------------------------------------------------------------


def test_not_a_zip_an_empty_file_and_an_old_doc_are_refused():
    assert "not a Word document (.docx)" in refusal(b"Hoi nghi tong ket\r\n" * 20)
    assert "empty" in refusal(b"")
    ole2 = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504) + "WordDocument".encode("utf-16-le")
    assert ".doc" in refusal(ole2, "cu.docx")


def test_a_missing_document_part_is_refused():
    data = rezip(save(docx.Document()), {"word/document.xml": None})
    assert "word/document.xml is missing" in refusal(data)


def test_a_workbook_renamed_docx_is_refused():
    xml = b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'
    data = rezip(save(docx.Document()), {"word/document.xml": xml})
    assert "not a Word document" in refusal(data)


def test_malformed_xml_is_refused_as_damaged():
    data = rezip(save(docx.Document()), {"word/document.xml": b"<w:document><w:body><w:p>"})
    assert "damaged" in refusal(data)


def test_an_external_entity_is_never_resolved():
    prolog = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    data = with_body("<w:p><w:r><w:t>a&xxe;b</w:t></w:r></w:p>", prolog)
    message = refusal(data)
    assert "DOCTYPE" in message
    assert "root:" not in message


def test_billion_laughs_is_refused_with_bounded_memory():
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    data = with_body(
        "<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>", f"<!DOCTYPE w:document [{entities}]>"
    )
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert "DOCTYPE" in refusal(data)
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 100_000


def test_an_entity_in_the_styles_part_is_refused_too():
    data = save(docx.Document())
    styles = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml")
    head, _sep, rest = styles.partition(b"?>")
    hostile = head + b'?><!DOCTYPE w:styles [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + rest
    assert "DOCTYPE" in refusal(rezip(data, {"word/styles.xml": hostile}))


def test_a_zip_bomb_docx_is_refused_with_little_memory():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(f'<w:document xmlns:w="{W_NS}"><w:body>'.encode())
            for _ in range(256):
                member.write(b"<w:p/>" * 174_763)  # ~1 MB each, 256 MB in all
    tracemalloc.start()
    try:
        message = refusal(buffer.getvalue())
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "zip bomb" in message or "too large" in message
    assert peak < 20_000_000


def test_too_many_paragraphs_are_refused_while_streaming():
    count = docx_reader.MAX_PARAGRAPHS + 1
    data = with_body("<w:p/>" * count)
    assert len(data) < 200_000  # small enough to pass the ratio check
    assert "paragraphs" in refusal(data)


def test_nesting_deeper_than_the_parser_limit_is_refused():
    depth = 5_000
    data = with_body("<w:p>" + "<w:sdt>" * depth + "</w:sdt>" * depth + "</w:p>")
    assert "damaged" in refusal(data)


def test_a_document_with_only_pictures_has_no_text():
    assert "no text" in refusal(with_body("<w:p/><w:p><w:r><w:t>   </w:t></w:r></w:p>"))


def test_random_bytes_inside_a_zip_are_refused():
    data = rezip(save(docx.Document()), {"word/document.xml": os.urandom(4096)})
    assert "damaged" in refusal(data)
