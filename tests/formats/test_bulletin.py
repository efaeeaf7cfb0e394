"""Bulletins written as real .docx files, re-opened with python-docx and checked."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import docx
import pytest

from tests.formats.docxcheck import (
    P_PR_ORDER,
    W,
    assert_decree_page,
    assert_fonts,
    assert_schema_order,
    check_golden,
    dump,
    paragraph_text,
    paragraphs_with_style,
    part_xml,
    pdf_pages,
    pdf_text,
    render_pdf,
)
from tests.formats.sample_reports import five_reports, office, report_000, small_report
from workbench.core.errors import ExportFailed
from workbench.formats import docx_styles as st
from workbench.formats.bulletin import headline, write_bulletin
from workbench.formats.docx_layout import field_instructions

ISSUED = date(2023, 9, 8)


@pytest.fixture
def bulletin(tmp_path: Path) -> Path:
    return write_bulletin(
        [report_000(), small_report()],
        office(),
        tmp_path / "bulletin.docx",
        number=12,
        issued=ISSUED,
    )


def body_paragraphs(path: Path) -> list:
    return list(docx.Document(str(path)).element.body.iter(f"{W}p"))


def test_page_and_fonts(bulletin: Path):
    assert_decree_page(bulletin)
    assert_fonts(bulletin)


def test_page_size_19x27_when_asked(tmp_path: Path):
    path = write_bulletin(
        [small_report()], office(bulletin_page_size="19x27"), tmp_path / "b.docx", number=1
    )
    section = docx.Document(str(path)).sections[-1]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (190, 270)
    toc = docx.Document(str(path)).styles[st.TOC_ENTRY].paragraph_format.tab_stops
    text_width = section.page_width - section.left_margin - section.right_margin
    assert all(tab.position <= text_width for tab in toc)


def test_cover_block(bulletin: Path):
    texts = [paragraph_text(p) for p in body_paragraphs(bulletin)]
    cover = texts[: texts.index("MỤC LỤC")]
    assert cover == [
        "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TRUNG ƯƠNG",
        "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TRUNG ƯƠNG",
        "",  # the short rule under the publisher
        "BẢN TIN",
        "Thông tin Dân vận",
        "Số 12",
        "Hà Nội, ngày 08 tháng 9 năm 2023",
    ]


def test_table_of_contents_field_and_update_on_open(bulletin: Path):
    document = part_xml(bulletin, "word/document.xml")
    instructions = field_instructions(document)
    assert any(i.startswith("TOC") and '\\o "1-1"' in i for i in instructions)
    begin = next(document.iter(f"{W}fldChar"))
    assert begin.get(f"{W}fldCharType") == "begin" and begin.get(f"{W}dirty") == "true"
    settings = part_xml(bulletin, "word/settings.xml")
    update = settings.find(f"{W}updateFields")
    assert update is not None and update.get(f"{W}val") == "true"
    children = [el.tag for el in settings]
    assert children.index(f"{W}updateFields") < children.index(f"{W}compat")  # schema order


def test_contents_list_the_titles_as_plain_text(bulletin: Path):
    """The field's cached result: what a viewer that never updates fields shows."""
    doc = docx.Document(str(bulletin))
    entries = [
        text.replace('⟦TOC \\o "1-1" \\h \\z \\u|', "").rstrip("⟧")
        for text in paragraphs_with_style(doc, st.TOC_ENTRY)
    ]
    assert entries == [report_000().title, small_report().title]


def test_each_report_starts_on_a_new_page_under_a_heading(bulletin: Path):
    doc = docx.Document(str(bulletin))
    headings = [
        p
        for p in doc.element.body.iter(f"{W}p")
        if (s := p.find(f"{W}pPr/{W}pStyle")) is not None and s.get(f"{W}val") == "Heading1"
    ]
    assert [paragraph_text(p) for p in headings] == [report_000().title, small_report().title]
    assert all(p.find(f"{W}pPr/{W}pageBreakBefore") is not None for p in headings)
    assert doc.styles[st.REPORT_TITLE].element.find(f"{W}pPr/{W}outlineLvl").get(f"{W}val") == "0"


def test_datelines_bodies_and_sources(bulletin: Path):
    doc = docx.Document(str(bulletin))
    assert paragraphs_with_style(doc, st.REPORT_DATE) == [
        "Hà Nội, ngày 06 tháng 9 năm 2023",
        "Đà Nẵng, ngày 05 tháng 01 năm 2020",
    ]
    assert paragraphs_with_style(doc, st.SOURCE) == [
        "Nguồn: dukcqtw.dcs.vn",
        "Nguồn: tuyengiao.example.vn",
    ]
    tasks = paragraphs_with_style(doc, st.TASK)
    assert tasks[0].startswith("Một là,") and tasks[-1].startswith("Thứ nhất,")
    assert not list(doc.element.body.iter(f"{W}numPr"))


def test_closing_block_ends_the_last_page(bulletin: Path):
    texts = [paragraph_text(p) for p in body_paragraphs(bulletin)]
    assert texts[-5:] == [
        "Giấy phép xuất bản số 12/GP-XBBT, ngày 05/01/2023 của Cục Báo chí",
        "Định kỳ xuất bản: hằng tháng",
        "Chịu trách nhiệm xuất bản: Nguyễn Văn C",
        "In tại: Công ty In Ví Dụ",
        "Số lượng in: 500 bản",
    ]
    assert texts.index("Nguồn: tuyengiao.example.vn") < len(texts) - 5


def test_page_numbers(bulletin: Path):
    section = docx.Document(str(bulletin)).sections[-1]
    assert section.different_first_page_header_footer
    assert "PAGE" in field_instructions(section.header._element)


def test_five_reports_contents_headings_and_page_breaks(tmp_path: Path):
    """Five real reports (000 and four imported from the corpus): one TOC field listing the five
    headlines, then each report under its own "Heading 1" from a new page, in the order given."""
    reports = five_reports()
    path = write_bulletin(reports, office(), tmp_path / "b.docx", number=5, issued=ISSUED)
    headlines = [headline(r) for r in reports]
    assert len(set(headlines)) == 5
    document = part_xml(path, "word/document.xml")
    assert [i for i in field_instructions(document) if i.startswith("TOC")] == [
        'TOC \\o "1-1" \\h \\z \\u'
    ]
    doc = docx.Document(str(path))
    toc = paragraphs_with_style(doc, st.TOC_ENTRY)
    assert [t.split("|")[-1].rstrip("⟧") for t in toc] == headlines
    assert paragraphs_with_style(doc, st.REPORT_TITLE) == headlines
    breaks = [p for p in body_paragraphs(path) if p.find(f"{W}pPr/{W}pageBreakBefore") is not None]
    assert [paragraph_text(p) for p in breaks] == headlines  # a new page before each, only
    texts = [paragraph_text(p) for p in body_paragraphs(path)]
    starts = [texts.index(h, texts.index(toc[-1]) + 1) for h in headlines]
    assert starts == sorted(starts)
    for report, start, end in zip(reports, starts, [*starts[1:], len(texts)], strict=True):
        section = texts[start:end]
        first_block = next(b.text for b in report.blocks if b.text.strip())
        assert first_block.strip() in section, report.title


def test_untitled_report_gets_a_heading_from_its_text():
    report = small_report()
    report.title = None
    assert headline(report).startswith("Sáng 05/01, Ban Tuyên giáo")
    assert len(headline(report)) <= 102


def test_no_reports_is_an_error(tmp_path: Path):
    with pytest.raises(ExportFailed, match="at least one report"):
        write_bulletin([], office(), tmp_path / "b.docx", number=1)
    assert os.listdir(tmp_path) == []


def test_property_elements_in_schema_order(bulletin: Path):
    document = part_xml(bulletin, "word/document.xml")
    for p_pr in document.iter(f"{W}pPr"):
        assert_schema_order(p_pr, P_PR_ORDER)


def test_golden_dump(bulletin: Path, update_golden: bool):
    check_golden(dump(bulletin), "bulletin_000_small.txt", update_golden)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_renders_the_bulletin(bulletin: Path, tmp_path: Path):
    pdf = render_pdf(bulletin, tmp_path)
    assert pdf is not None and pdf_pages(pdf) >= 3  # cover, then each report on its own page
    text = pdf_text(pdf)
    if text is None:
        pytest.skip("pdftotext is not installed")
    assert "BẢN TIN" in text and "Số lượng in: 500 bản" in text
    assert text.count(small_report().title) == 2  # the contents, then the heading
