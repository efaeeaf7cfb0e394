"""The plain-text reader: what people save as .txt becomes lines or blocks."""

from __future__ import annotations

from pathlib import Path

from workbench.core.structure import build_report
from workbench.formats.text import looks_like_html, read_text

RAW = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "raw"


def read(corpus_id: str):
    return read_text((RAW / f"{corpus_id}.txt").read_bytes(), f"{corpus_id}.txt")


def test_html_inside_a_txt_file_is_read_as_html_with_the_title_line_first():
    imported = read("028")
    assert imported.format == "html" and imported.lines is None
    report = build_report(imported)
    assert report.title.startswith("Ban tuyên giáo Huyên ủy tổ chức Hội nghị tổng kết")
    assert "&aacute;" not in report.text and "<p" not in report.text
    assert "công tác tuyên truyền" in report.text


def test_markdown_and_plain_text_are_told_apart():
    assert read("104").format == "markdown"
    assert read("111").format == "markdown"
    assert read("000").format == "text"
    assert read_text("# Tiêu đề\n\nĐoạn văn.".encode(), "ghi-chu.md").format == "markdown"


def test_the_original_bytes_are_kept():
    data = (RAW / "000.txt").read_bytes()
    assert read_text(data, "000.txt").original == data


def test_html_detection_needs_real_markup():
    assert looks_like_html("<!DOCTYPE html><html><body>x</body></html>")
    assert looks_like_html("<p>a</p><p>b</p><div>c</div>")
    assert not looks_like_html("Giá tăng <5% so với năm trước; chỉ tiêu > 3 lần")
