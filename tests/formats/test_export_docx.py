"""Press releases written as real .docx files, re-opened with python-docx and checked."""

from __future__ import annotations

import errno
import os
import shutil
import time
import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest

from tests.formats.docxcheck import (
    P_PR_ORDER,
    TBL_PR_ORDER,
    W,
    ancestors,
    assert_decree_page,
    assert_fonts,
    assert_schema_order,
    check_golden,
    dump,
    effective,
    paragraph_text,
    paragraphs_with_style,
    part_xml,
    pdf_pages,
    pdf_text,
    rels_parts,
    render_pdf,
    used_style_ids,
)
from tests.formats.sample_reports import office, report_000, small_report
from workbench.core.errors import ExportFailed
from workbench.core.layout import ExportSettings, safe_filename
from workbench.formats import docx_styles as st
from workbench.formats.export_docx import write_press_release

FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")


@pytest.fixture
def release(tmp_path: Path) -> Path:
    return write_press_release(
        report_000(), office(), tmp_path / "release.docx", number="12", issued=date(2023, 9, 8)
    )


@pytest.fixture
def party_release(tmp_path: Path) -> Path:
    return write_press_release(report_000(), office("party"), tmp_path / "party.docx", number="12")


def header_cells(path: Path) -> list[list[str]]:
    """The header table's cells, each as its list of paragraph texts."""
    table = docx.Document(str(path)).tables[0]
    return [
        [paragraph_text(p._p) for p in cell.paragraphs] for row in table.rows for cell in row.cells
    ]


# --- page and fonts -----------------------------------------------------------------------


def test_page_is_a4_with_decree_margins(release: Path):
    assert_decree_page(release)


def test_every_style_in_use_is_times_new_roman_without_theme_fonts(release: Path, party_release):
    assert_fonts(release)
    assert_fonts(party_release)


def test_body_text_is_13_to_14_pt_justified_indented_and_spaced(release: Path):
    doc = docx.Document(str(release))
    for name in (st.BODY, st.LEAD, st.TASK, st.HEADLINE, st.DOC_TYPE, st.DATELINE, st.MOTTO):
        assert 13 <= int(effective(doc, name, "sz")) / 2 <= 14, name
    assert effective(doc, st.BODY, "jc") == "both"
    assert 567 <= int(effective(doc, st.BODY, "ind", "firstLine")) <= 720  # 1-1.27 cm
    assert int(effective(doc, st.BODY, "spacing", "after")) >= 120  # >= 6 pt
    assert 240 <= int(effective(doc, st.BODY, "spacing", "line")) <= 360  # single to 1.5


# --- header -------------------------------------------------------------------------------


def test_header_table_government_layout(release: Path):
    bodies, national, number, dateline = header_cells(release)
    assert bodies[:2] == [
        "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG",
        "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TRUNG ƯƠNG",
    ]
    assert national[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert number == ["Số: 12/TC-ĐUK"]
    assert dateline == ["Hà Nội, ngày 06 tháng 9 năm 2023"]
    doc = docx.Document(str(release))
    assert effective(doc, st.HEADER_BODY, "b") in (None, "0", "false")
    assert effective(doc, st.HEADER_ISSUER, "b") == "true"
    assert 12 <= int(effective(doc, st.NATIONAL, "sz")) / 2 <= 13
    assert effective(doc, st.NATIONAL, "b") == effective(doc, st.MOTTO, "b") == "true"
    assert effective(doc, st.DATELINE, "i") == "true"
    table = doc.tables[0]._tbl
    borders = table.find(f"{W}tblPr/{W}tblBorders")
    assert {el.get(f"{W}val") for el in borders} == {"nil"}


def test_table_and_paragraph_properties_in_schema_order(release: Path):
    """Word refuses a file whose property elements are out of order or repeated."""
    document = part_xml(release, "word/document.xml")
    for tbl_pr in document.iter(f"{W}tblPr"):
        assert_schema_order(tbl_pr, TBL_PR_ORDER)
    for p_pr in document.iter(f"{W}pPr"):
        assert_schema_order(p_pr, P_PR_ORDER)
    for p_pr in part_xml(release, "word/styles.xml").iter(f"{W}pPr"):
        assert_schema_order(p_pr, P_PR_ORDER)


def test_rules_under_the_issuing_body_and_the_motto(release: Path):
    doc = docx.Document(str(release))
    left, right = doc.tables[0].rows[0].cells
    rules = []
    for cell in (left, right):
        last = cell.paragraphs[-1]._p
        assert last.find(f"{W}pPr/{W}pBdr/{W}top") is not None
        indent = int(last.find(f"{W}pPr/{W}ind").get(f"{W}left"))
        rules.append(cell.width.twips - 2 * indent)
    issuer_rule, motto_rule = rules
    # The motto's rule is as long as the motto (~5.6 cm at 13 pt bold); the issuing body's is
    # a short one, 1/3 to 1/2 of its line.
    assert 5.0 <= motto_rule / 567 <= 6.3
    assert issuer_rule < left.width.twips / 2


def test_unset_office_shows_visible_gaps(tmp_path: Path):
    path = write_press_release(report_000(), ExportSettings(), tmp_path / "r.docx")
    bodies, _national, number, _date = header_cells(path)
    assert bodies[0] == "TÊN CƠ QUAN, TỔ CHỨC"
    assert number[0].startswith("Số: ") and number[0].endswith("/TC")
    assert not paragraphs_with_style(docx.Document(str(path)), st.CONTACT_HEADING)


def test_issuing_body_on_two_lines_as_typed(tmp_path: Path):
    settings = office(issuing_body="Ban Tuyên giáo\nTỉnh ủy")
    path = write_press_release(report_000(), settings, tmp_path / "r.docx")
    assert header_cells(path)[0][1] == "BAN TUYÊN GIÁO↵TỈNH ỦY"


@pytest.mark.parametrize(
    ("event", "published", "expected"),
    [
        ("2023-09-06", None, "Hà Nội, ngày 06 tháng 9 năm 2023"),
        ("2020-01-05", None, "Hà Nội, ngày 05 tháng 01 năm 2020"),
        (None, "2021-02-03T10:00", "Hà Nội, ngày 03 tháng 02 năm 2021"),
        (None, None, "Hà Nội, ngày 08 tháng 9 năm 2023"),
    ],
)
def test_date_line_with_leading_zeros(tmp_path: Path, event, published, expected):
    report = report_000()
    report.event_date, report.published_at = event, published
    path = write_press_release(report, office(), tmp_path / "r.docx", issued=date(2023, 9, 8))
    assert header_cells(path)[3] == [expected]


def test_party_variant(party_release: Path):
    bodies, party, number, dateline = header_cells(party_release)
    assert bodies[-1] == "*"
    assert party[0] == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert number == ["Số 12-TC/ĐUK"]
    assert dateline == ["Hà Nội, ngày 06 tháng 9 năm 2023"]
    xml = "".join(part_xml(party_release, "word/document.xml").itertext())
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in xml
    assert "Độc lập - Tự do - Hạnh phúc" not in xml
    doc = docx.Document(str(party_release))
    assert int(effective(doc, st.PARTY, "sz")) == 30 and effective(doc, st.PARTY, "b") == "true"
    left, right = doc.tables[0].rows[0].cells
    assert left.paragraphs[-1]._p.find(f"{W}pPr/{W}pBdr") is None  # an asterisk, not a rule
    assert right.paragraphs[-1]._p.find(f"{W}pPr/{W}pBdr/{W}top") is not None  # HD 36 §1.1.2


# --- body ---------------------------------------------------------------------------------


def test_document_type_headline_and_lead(release: Path):
    doc = docx.Document(str(release))
    report = report_000()
    assert paragraphs_with_style(doc, st.DOC_TYPE) == ["THÔNG CÁO BÁO CHÍ"]
    assert paragraphs_with_style(doc, st.HEADLINE) == [report.title]
    for name in (st.DOC_TYPE, st.HEADLINE):
        assert effective(doc, name, "jc") == "center" and effective(doc, name, "b") == "true"
    assert paragraphs_with_style(doc, st.LEAD) == [report.blocks[0].text]
    assert effective(doc, st.LEAD, "b") == "true"


def test_headings_captions_and_paragraphs_keep_their_order(release: Path):
    doc = docx.Document(str(release))
    report = report_000()
    kinds = {"heading": st.HEADING, "caption": st.CAPTION}
    for kind, name in kinds.items():
        assert paragraphs_with_style(doc, name) == [b.text for b in report.blocks if b.kind == kind]
    assert (
        effective(doc, st.CAPTION, "i") == "true" and effective(doc, st.CAPTION, "jc") == "center"
    )
    assert effective(doc, st.HEADING, "b") == "true"


def test_key_tasks_are_literal_text_never_word_numbering(release: Path):
    doc = docx.Document(str(release))
    tasks = paragraphs_with_style(doc, st.TASK)
    assert [t.split(",")[0] for t in tasks] == ["Một là", "Hai là", "Ba là", "Bốn là", "Năm là"]
    # The five key tasks of report 000, each in full as the text of its own paragraph, in order
    # and one after the other in the body.
    expected = [b.text for b in report_000().blocks if b.kind == "list_item"]
    assert tasks == expected
    texts = [paragraph_text(p) for p in doc.element.body.iter(f"{W}p")]
    first = texts.index(expected[0])
    assert texts[first : first + 5] == expected
    assert not list(doc.element.body.iter(f"{W}numPr"))
    for style_id in used_style_ids(doc):
        for style in ancestors(doc, style_id):
            assert style.find(f"{W}pPr/{W}numPr") is None


def test_speakers_block(release: Path):
    doc = docx.Document(str(release))
    labels = paragraphs_with_style(doc, st.BLOCK_LABEL)
    assert labels == ["Phát biểu tại hội nghị:", "Văn bản được nhắc đến:"]
    items = paragraphs_with_style(doc, st.LIST_ITEM)
    assert items[:3] == [
        "– đồng chí Nguyễn Văn Thể, Ủy viên Ban Chấp hành Trung ương Đảng, "
        "Bí thư Đảng ủy Khối các cơ quan Trung ương;",
        "– đồng chí Nguyễn Quang Trường, Phó Bí thư Đảng ủy Khối;",
        "– đồng chí Phạm Tất Thắng, Ủy viên Ban Chấp hành Trung ương Đảng, "
        "Phó Trưởng Ban Thường trực Ban Dân vận Trung ương.",
    ]
    assert not any("Lê Quốc Minh" in item for item in items)  # an attendee, not a speaker


def test_documents_cited_in_full_once_and_the_end_mark(release: Path):
    items = paragraphs_with_style(docx.Document(str(release)), st.LIST_ITEM)
    assert items[3:] == [
        "– Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng khóa XI;",
        "– Kết luận số 43-KL/TW, ngày 07/01/2019 của Ban Bí thư./.",
    ]


def test_source_line_and_contact_details(release: Path):
    doc = docx.Document(str(release))
    assert paragraphs_with_style(doc, st.SOURCE) == ["Nguồn: dukcqtw.dcs.vn"]
    assert paragraphs_with_style(doc, st.CONTACT_HEADING) == ["Thông tin liên hệ:"]
    assert paragraphs_with_style(doc, st.CONTACT) == office().contact_lines


def test_page_numbers_in_the_header_from_page_2(release: Path):
    doc = docx.Document(str(release))
    section = doc.sections[-1]
    sect_pr = doc.element.body.find(f"{W}sectPr")
    assert sect_pr.find(f"{W}titlePg") is not None
    assert section.different_first_page_header_footer
    header = section.header._element
    instructions = [(el.text or "").strip() for el in header.iter(f"{W}instrText")]
    assert "PAGE" in instructions
    assert [p.alignment for p in section.header.paragraphs if "PAGE" in paragraph_text(p._p)] == [1]
    assert not list(section.first_page_header._element.iter(f"{W}instrText"))


def test_tone_mark_house_style(tmp_path: Path):
    new = write_press_release(report_000(), office(tone_style="new"), tmp_path / "n.docx")
    old = write_press_release(report_000(), office(tone_style="old"), tmp_path / "o.docx")
    new_text = "".join(part_xml(new, "word/document.xml").itertext())
    old_text = "".join(part_xml(old, "word/document.xml").itertext())
    assert "Uỷ viên" in new_text and "Ủy viên" not in new_text
    assert "Ủy viên" in old_text and "Uỷ viên" not in old_text


def test_no_external_references_and_urls_stay_text(tmp_path: Path):
    path = write_press_release(small_report(), office(), tmp_path / "s.docx")
    assert not any(b"External" in r or b"hyperlink" in r for r in rels_parts(path))
    assert not list(part_xml(path, "word/document.xml").iter(f"{W}hyperlink"))
    text = "".join(part_xml(path, "word/document.xml").itertext())
    assert "https://example.vn/bai-viet" in text


def test_characters_xml_cannot_hold_are_dropped(tmp_path: Path):
    report = small_report()
    report.title = "Tiêu đề\x00 có\x0b ký tự lạ\ufffe"
    path = write_press_release(report, office(), tmp_path / "x.docx")
    assert paragraphs_with_style(docx.Document(str(path)), st.HEADLINE) == ["Tiêu đề có ký tự lạ"]


def test_hostile_headline_gives_a_file_inside_the_folder(tmp_path: Path):
    report = small_report()
    report.title = "../../Thông cáo: CON/..\x00"
    target = tmp_path / f"{safe_filename(report.title)}.docx"
    path = write_press_release(report, office(), target)
    assert path.parent == tmp_path and path.exists()


# --- atomic write -------------------------------------------------------------------------


def test_failed_replace_leaves_the_previous_export_untouched(tmp_path: Path, monkeypatch):
    target = tmp_path / "release.docx"
    target.write_bytes(b"previous export")

    def disk_full(src, dst):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(ExportFailed, match=r"Could not write .*release\.docx: No space left"):
        write_press_release(report_000(), office(), target)
    assert target.read_bytes() == b"previous export"
    assert os.listdir(tmp_path) == ["release.docx"]


def test_an_export_removes_temporaries_a_killed_export_left_an_hour_ago(tmp_path: Path):
    stale, young = tmp_path / ".wb-00112233aabb.tmp", tmp_path / ".wb-0123456789ab.tmp"
    mine = tmp_path / ".wb-notours.tmp"  # not a name this program makes
    for path in (stale, young, mine):
        path.write_bytes(b"half an export")
    two_hours_ago = time.time() - 7200
    for path in (stale, mine):
        os.utime(path, (two_hours_ago, two_hours_ago))
    write_press_release(report_000(), office(), tmp_path / "release.docx")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [young.name, mine.name, "release.docx"]
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder_is_an_export_failure(tmp_path: Path):
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "release.docx").write_bytes(b"previous export")
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportFailed, match="Could not write"):
            write_press_release(report_000(), office(), folder / "release.docx")
        assert (folder / "release.docx").read_bytes() == b"previous export"
    finally:
        folder.chmod(0o755)


def test_missing_folder_is_an_export_failure(tmp_path: Path):
    with pytest.raises(ExportFailed, match="Could not write"):
        write_press_release(report_000(), office(), tmp_path / "gone" / "r.docx")


def test_rewriting_replaces_the_old_file(tmp_path: Path):
    target = tmp_path / "release.docx"
    target.write_bytes(b"previous export")
    write_press_release(report_000(), office(), target)
    assert zipfile.is_zipfile(target)
    assert os.listdir(tmp_path) == ["release.docx"]


# --- golden and rendering -----------------------------------------------------------------


def test_golden_dump(release: Path, update_golden: bool):
    check_golden(dump(release), "press_release_000.txt", update_golden)


def test_golden_dump_party(party_release: Path, update_golden: bool):
    check_golden(dump(party_release), "press_release_000_party.txt", update_golden)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_renders_the_release(release: Path, tmp_path: Path):
    pdf = render_pdf(release, tmp_path)
    assert pdf is not None and pdf_pages(pdf) > 0
    text = pdf_text(pdf)
    if text is None:
        pytest.skip("pdftotext is not installed")
    assert "THÔNG CÁO BÁO CHÍ" in text
    assert " ".join(report_000().title.split()[:6]) in text
    assert "Hà Nội, ngày 06 tháng 9 năm 2023" in text
    assert "đồng chí Nguyễn Văn Thể, Ủy viên Ban Chấp hành Trung ương Đảng" in text
    markers = ["Một là,", "Hai là,", "Ba là,", "Bốn là,", "Năm là,"]
    positions = [text.find(marker) for marker in markers]
    assert -1 not in positions and positions == sorted(positions)
