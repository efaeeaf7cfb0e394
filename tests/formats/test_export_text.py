"""Markdown and HTML of a report for the office's website, written as real files and read back:
by a CommonMark renderer, by lxml's HTML parser, and by the program's own importers."""

from __future__ import annotations

import errno
import os
from datetime import date
from pathlib import Path

import lxml.html
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as hs

from tests.formats.sample_reports import office, report_000, small_report
from workbench.core.errors import ExportFailed
from workbench.core.layout import decree_date
from workbench.core.models import Report, place_blocks
from workbench.core.structure import build_report
from workbench.formats.export_html import write_html
from workbench.formats.export_markdown import escape, write_markdown
from workbench.formats.html import read_html
from workbench.formats.text import read_text

markdown_it = pytest.importorskip("markdown_it")

TASK_MARKERS = ["Một là", "Hai là", "Ba là", "Bốn là", "Năm là"]
SPEAKER_000 = (
    "đồng chí Nguyễn Văn Thể, Ủy viên Ban Chấp hành Trung ương Đảng, "
    "Bí thư Đảng ủy Khối các cơ quan Trung ương;"
)
HOSTILE = [
    "<script>alert(1)</script> & &amp; &#169; \\ back\\slash",
    '<img src="x" onerror="alert(1)"> "quoted" \'single\'',
    "[a link](javascript:alert(1)) ![image](http://example.vn/x.png) <http://example.vn>",
    "1. not a list; 2) nor this",
    "- not a list item",
    "+ nor this",
    "> not a quote",
    "# not a heading #",
    "`code` **strong** *em* _em_ __strong__ ~~struck~~ ~50% | a | b |",
    "---",
]


def hostile_report() -> Report:
    report = small_report()
    report.title = "</title><script>alert('x')</script> Tiêu đề *đậm* & [liên kết](http://x.vn)"
    report.blocks = place_blocks([("paragraph", text) for text in HOSTILE])
    report.source = "<b>nguồn</b>"
    return report


def render(markdown: str) -> lxml.html.HtmlElement:
    """The file rendered by a CommonMark renderer with GFM tables and strikethrough, raw HTML
    allowed (as many site generators allow it), parsed."""
    md = markdown_it.MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    return lxml.html.fragment_fromstring(md.render(markdown), create_parent="div")


def texts(root: lxml.html.HtmlElement, xpath: str) -> list[str]:
    return [" ".join(el.text_content().split()) for el in root.xpath(xpath)]


@pytest.fixture
def markdown_file(tmp_path: Path) -> Path:
    return write_markdown(report_000(), office(), tmp_path / "r.md")


@pytest.fixture
def html_file(tmp_path: Path) -> Path:
    return write_html(report_000(), office(), tmp_path / "r.html")


# --- Markdown -----------------------------------------------------------------------------


def test_markdown_parts_in_order(markdown_file: Path):
    report = report_000()
    text = markdown_file.read_bytes().decode("utf-8")
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == f"# {report.title}"
    assert paragraphs[1] == "*Hà Nội, ngày 06 tháng 9 năm 2023*"
    assert paragraphs[2] == f"**{report.blocks[0].text}**"
    assert [p for p in paragraphs if p.startswith("## ")] == [
        *(f"## {b.text}" for b in report.blocks if b.kind == "heading"),
        "## Phát biểu tại hội nghị",
        "## Văn bản được nhắc đến",
    ]
    tasks = [p for p in paragraphs if p.split(",")[0] in TASK_MARKERS]
    assert tasks == [b.text for b in report.blocks if b.kind == "list_item"]
    assert f"- {SPEAKER_000}" in text
    assert "- Kết luận số 43-KL/TW, ngày 07/01/2019 của Ban Bí thư." in text
    assert paragraphs[-1] == "*Nguồn: dukcqtw.dcs.vn*\n"
    assert "./." not in text  # the official end mark belongs to the paper document


def test_markdown_renders_as_the_report(markdown_file: Path):
    report = report_000()
    html = render(markdown_file.read_text(encoding="utf-8"))
    assert texts(html, "//h1") == [report.title]
    assert texts(html, "/div/p/em")[0] == "Hà Nội, ngày 06 tháng 9 năm 2023"
    assert texts(html, "//strong") == [report.blocks[0].text]
    captions = [b.text for b in report.blocks if b.kind == "caption"]
    assert texts(html, "/div/p/em")[1:] == [*captions, "Nguồn: dukcqtw.dcs.vn"]
    assert texts(html, "//li")[0] == SPEAKER_000
    assert len(texts(html, "//li")) == 5  # three speakers, two documents (25-NQ/TW once)
    assert not html.xpath("//ol|//a|//code|//blockquote")


def test_markdown_of_hostile_text_renders_as_that_text(tmp_path: Path):
    report = hostile_report()
    path = write_markdown(report, office(), tmp_path / "h.md")
    html = render(path.read_text(encoding="utf-8"))
    assert texts(html, "//h1") == [" ".join(report.title.split())]
    body = texts(html, "/div/p")
    assert body[1:-1] == [" ".join(t.split()) for t in HOSTILE]
    assert body[-1] == "Nguồn: <b>nguồn</b>"
    tags = {el.tag for el in html.iter()}
    assert tags <= {"div", "h1", "h2", "p", "em", "strong", "ul", "li"}, tags


#: Characters with a meaning in Markdown, and a few letters.
MARKDOWN_CHARS = "\\`*_[]()<>|~#&;:!+-=.0123456789 aZđ\"'/"


@settings(max_examples=500, deadline=None)
@given(
    hs.text(hs.sampled_from(MARKDOWN_CHARS), max_size=30)
    | hs.text(hs.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")))
)
@example("&amp; &#169; &#x41; AT&T; R&D")
@example("1) một; 2. hai")
@example("~~a~~ ~b~")
@example("<b>x</b> <http://a.vn> a<b")
@example("[a](b) ![c](d) [e]")
@example("=== a")
def test_escaped_text_renders_as_itself(text: str):
    """Any one line of text, escaped, renders in CommonMark as exactly that text."""
    line = " ".join(text.split())
    if not line:
        return
    html = render(escape(line))
    assert [el.tag for el in html] == ["p"]
    assert " ".join(html.text_content().split()) == line


def test_markdown_read_back_by_the_importer(markdown_file: Path):
    """The program's own Markdown import gives back the headline, date, place, source, and
    every block with its kind."""
    original = report_000()
    back = build_report(read_text(markdown_file.read_bytes(), markdown_file.name))
    assert back.title == original.title
    assert (back.event_date, back.place, back.source) == ("2023-09-06", "Hà Nội", "dukcqtw.dcs.vn")
    pairs = [(b.kind, b.text) for b in back.blocks]
    expected = [(b.kind, b.text) for b in original.blocks]
    assert pairs[1 : 1 + len(expected)] == expected


# --- HTML ---------------------------------------------------------------------------------


def test_html_is_a_standalone_utf8_page(html_file: Path):
    data = html_file.read_bytes()
    assert data.startswith(b"<!DOCTYPE html>\n") and not data.startswith(b"\xef\xbb\xbf")
    page = lxml.html.document_fromstring(data)
    assert page.get("lang") == "vi"
    assert page.xpath("//meta/@charset") == ["utf-8"]
    policy = page.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in policy
    assert not page.xpath("//script|//link|//img|//iframe|//object|//embed|//base|//form")
    assert not page.xpath("//@src|//@href|//@*[starts-with(name(), 'on')]")
    style = " ".join(page.xpath("//style/text()"))
    assert "url(" not in style and "@import" not in style
    assert page.findtext(".//title") == report_000().title


def test_html_parts_in_order(html_file: Path):
    report = report_000()
    page = lxml.html.document_fromstring(html_file.read_bytes())
    article = page.find(".//article")
    assert texts(article, "h1") == [report.title]
    (dateline,) = article.xpath("p[@class='dateline']/time")
    assert (dateline.get("datetime"), dateline.text) == (
        "2023-09-06",
        "Hà Nội, ngày 06 tháng 9 năm 2023",
    )
    assert texts(article, "p[@class='lead']") == [report.blocks[0].text]
    assert texts(article, "h2") == [
        *(b.text for b in report.blocks if b.kind == "heading"),
        "Phát biểu tại hội nghị",
        "Văn bản được nhắc đến",
    ]
    assert texts(article, "p[@class='caption']") == [
        b.text for b in report.blocks if b.kind == "caption"
    ]
    tasks = texts(article, "p[@class='list-item']")
    assert tasks == [b.text for b in report.blocks if b.kind == "list_item"]
    assert [t.split(",")[0] for t in tasks] == TASK_MARKERS
    assert texts(article, "ul/li")[0] == SPEAKER_000
    assert texts(article, "p[@class='source']") == ["Nguồn: dukcqtw.dcs.vn"]
    assert author(page) == "Đảng ủy Khối các cơ quan Trung ương"


def author(page: lxml.html.HtmlElement) -> str:
    return page.xpath("//meta[@name='author']/@content")[0]


def test_html_of_hostile_text_is_text(tmp_path: Path):
    report = hostile_report()
    path = write_html(report, office(issuing_body='Ban "A" <b>'), tmp_path / "h.html")
    page = lxml.html.document_fromstring(path.read_bytes())
    assert page.findtext(".//title") == " ".join(report.title.split())
    assert texts(page, "//article/h1") == [" ".join(report.title.split())]
    assert texts(page, "//article/p")[1:-1] == [" ".join(t.split()) for t in HOSTILE]
    assert texts(page, "//p[@class='source']") == ["Nguồn: <b>nguồn</b>"]
    assert author(page) == 'Ban "A" <b>'
    assert not page.xpath("//script|//img|//a|//b|//@onerror|//@src|//@href")


def test_html_read_back_by_the_importer(html_file: Path):
    original = report_000()
    back = build_report(read_html(html_file.read_bytes(), html_file.name))
    assert back.title == original.title
    assert (back.event_date, back.place, back.source) == ("2023-09-06", "Hà Nội", "dukcqtw.dcs.vn")
    pairs = [(b.kind, b.text) for b in back.blocks]
    expected = [(b.kind, b.text) for b in original.blocks]
    assert pairs[1 : 1 + len(expected)] == expected


# --- both ---------------------------------------------------------------------------------

WRITERS = pytest.mark.parametrize(
    ("write", "suffix"), [(write_markdown, ".md"), (write_html, ".html")], ids=["md", "html"]
)


@WRITERS
def test_tone_mark_house_style(tmp_path: Path, write, suffix):
    new = write(report_000(), office(tone_style="new"), tmp_path / f"n{suffix}")
    old = write(report_000(), office(tone_style="old"), tmp_path / f"o{suffix}")
    new_text, old_text = new.read_text(encoding="utf-8"), old.read_text(encoding="utf-8")
    assert "Uỷ viên" in new_text and "Ủy viên" not in new_text
    assert "Ủy viên" in old_text and "Uỷ viên" not in old_text


@WRITERS
def test_untitled_report_without_place_or_date(tmp_path: Path, write, suffix):
    report = small_report()
    report.title, report.place, report.published_at = None, None, None
    text = write(report, office(), tmp_path / f"u{suffix}").read_text(encoding="utf-8")
    heading = "# " if suffix == ".md" else "<h1>"
    assert f"{heading}Sáng 05/01, Ban Tuyên giáo tổ chức" in text  # headed by its text
    assert decree_date(date.today(), "Hà Nội") in text  # the office's seat, today


@WRITERS
def test_characters_no_page_can_hold_are_dropped(tmp_path: Path, write, suffix):
    report = small_report()
    report.title = "Tiêu đề\x00 có\x0b ký tự lạ\ufffe \ud800"
    data = write(report, office(), tmp_path / f"x{suffix}").read_bytes()
    assert "Tiêu đề có ký tự lạ" in data.decode("utf-8")
    assert not any(b in data for b in (b"\x00", b"\x0b"))


@WRITERS
def test_failed_replace_leaves_the_previous_file(tmp_path: Path, monkeypatch, write, suffix):
    target = tmp_path / f"r{suffix}"
    target.write_bytes(b"previous export")

    def disk_full(src, dst):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(ExportFailed, match=r"Could not write .*: No space left"):
        write(report_000(), office(), target)
    assert target.read_bytes() == b"previous export"
    assert os.listdir(tmp_path) == [target.name]


@WRITERS
def test_missing_folder_and_rewrite(tmp_path: Path, write, suffix):
    with pytest.raises(ExportFailed, match="Could not write"):
        write(report_000(), office(), tmp_path / "gone" / f"r{suffix}")
    target = tmp_path / f"r{suffix}"
    target.write_bytes(b"previous export")
    write(report_000(), office(), target)
    assert report_000().title in target.read_text(encoding="utf-8")
    assert os.listdir(tmp_path) == [target.name]
