"""Hostile and odd files through the whole import: ``read_report`` and ``import_files``.

Every kind of file is generated here, on disk. Each either becomes a sane report or is refused
with one line that names the file (as ``display_name`` shows it: a name with a newline cannot
appear raw in one line); nothing raises anything but ``WorkbenchError``. Imported
into an archive, a refused file leaves the archive exactly as it was (row counts of every
table, FTS shadow tables included, and ``PRAGMA integrity_check``).

The big ones (15 MB and 50 MB text, zip bombs) are in ``test_big_files.py``.
"""

from __future__ import annotations

import codecs
import os
import random
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.hostile import makers as mk
from tests.hostile.conftest import archive_state, assert_one_line, assert_sane_report
from workbench.core.errors import ImportRefused, display_name
from workbench.core.models import Report
from workbench.services.archive import get_report
from workbench.services.importing import import_files, read_report
from workbench.services.searching import search_reports

REFUSED, IMPORTED, EITHER = "refused", "imported", "either"


@dataclass(frozen=True)
class Case:
    """One kind of file: how to make it, what must become of it, what else to check."""

    id: str
    make: Callable[[Path], Path]
    expect: str
    words: tuple[str, ...] = ()  # a refusal names one of these (any case)
    check: Callable[[Report], None] | None = None
    xfail: str | None = None


def _file(name: str, data: bytes | str | Callable[[], bytes]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        return mk.write(folder, name, data() if callable(data) else data)

    return make


def _has_words(*expected: str) -> Callable[[Report], None]:
    def check(report: Report) -> None:
        everything = " ".join([report.title or "", report.text])
        missing = [word for word in expected if word not in everything]
        assert not missing, f"lost: {missing}"

    return check


def _keeps_every_word(source: str) -> Callable[[Report], None]:
    """Every word of ``source`` is in the title or the text, in order."""

    def check(report: Report) -> None:
        got = " ".join([report.title or "", report.text]).split()
        assert got == source.split()

    return check


def _lacks(*forbidden: str) -> Callable[[Report], None]:
    def check(report: Report) -> None:
        seen = " ".join([report.title or "", report.text, *(b.text for b in report.blocks)])
        present = [word for word in forbidden if word.lower() in seen.lower()]
        assert not present, f"kept in the report: {present}"

    return check


def _all(*checks: Callable[[Report], None]) -> Callable[[Report], None]:
    def check(report: Report) -> None:
        for one in checks:
            one(report)

    return check


def _warned(word: str) -> Callable[[Report], None]:
    def check(report: Report) -> None:
        assert any(word in warning for warning in report.warnings), report.warnings

    return check


# --- makers for files that need more than bytes ---------------------------------------------------


def _folder(folder: Path) -> Path:
    path = folder / "Báo cáo tháng 9.txt"
    path.mkdir()
    return path


def _dangling(folder: Path) -> Path:
    path = folder / "liên kết.txt"
    path.symlink_to(folder / "đã xóa.txt")
    return path


def _mixed_encodings() -> bytes:
    utf8 = [mk.TITLE, "", *mk.PARAGRAPHS]
    lines = [line.encode("utf-8") for line in utf8]
    lines[3:3] = [mk.tcvn3(line) for line in mk.TCVN3_LINES]
    return b"\n".join(lines) + b"\n"


def _check_mixed(report: Report) -> None:
    for line in mk.TCVN3_LINES:
        assert line[1:] in report.text, f"TCVN3 line not decoded: {line!r}"
    for paragraph in mk.PARAGRAPHS:
        assert paragraph in report.text
    _warned("mixes encodings")(report)


def _crlf_and_cr() -> bytes:
    head = mk.TITLE + "\r\n\r\n"
    return (
        head + mk.PARAGRAPHS[0] + "\r\n\r\n" + mk.PARAGRAPHS[1] + "\r\r" + mk.PARAGRAPHS[2]
    ).encode()


def _page_breaks() -> bytes:
    body = f"{mk.PARAGRAPHS[0]}\f{mk.PARAGRAPHS[1]}\x0c\n{mk.PARAGRAPHS[2]}\u2028{mk.PARAGRAPHS[3]}"
    return (mk.TITLE + "\n\n" + body + "\u2029\x0b\x1c\x1d\x1e").encode()


def _three_paragraphs(report: Report) -> None:
    for paragraph in mk.PARAGRAPHS[:3]:
        assert any(block.text == paragraph for block in report.blocks), paragraph


def _four_paragraphs(report: Report) -> None:
    for paragraph in mk.PARAGRAPHS:
        assert paragraph in report.text, paragraph


RTL = (
    "مؤتمر التعاون بين البلدين 🇻🇳🤝🇸🇦",
    "שיתוף פעולה בין המשרדים 👨‍👩‍👧‍👦 ✅",
    "Đoàn đại biểu 🎉 thăm hữu nghị 👍🏽 và trao đổi kinh nghiệm.",
)


def _rtl_check(report: Report) -> None:
    everything = (report.title or "") + "\n" + report.text
    for line in RTL:
        assert line in everything, line


def _overlong() -> bytes:
    good = (mk.TITLE + "\n\n" + mk.PARAGRAPHS[0] + "\n\n").encode()
    bad = (  # overlong "/", an encoded surrogate pair, past U+10FFFF, a 5-byte form
        b"Ch\xc0\xafo \xe0\x80\xaf m\xed\xa0\x80\xed\xb0\x80ng "
        b"\xf4\x90\x80\x80 \xf8\x88\x80\x80\x80\n"
    )
    return good + bad + b"\n" + mk.PARAGRAPHS[1].encode()


def _ten_thousand() -> bytes:
    rnd = random.Random(10)
    paragraphs = [f"Đoạn {i}: {mk.random_paragraph(rnd, 12)}" for i in range(10_000)]
    return mk.report_text(paragraphs=tuple(paragraphs)).encode()


def _ten_thousand_check(report: Report) -> None:
    assert report.title == mk.TITLE
    assert len(report.blocks) == 10_000
    assert report.blocks[-1].text.startswith("Đoạn 9999:")


LONG_HEADLINE = " ".join(["Hội nghị tổng kết công tác dân vận"] * 143)[:5000].rsplit(" ", 1)[0]


def _html_scripts() -> bytes:
    return f"""<!DOCTYPE html><html><head><title>{mk.TITLE} | Báo Điện tử</title>
<script>window.location='http://evil.example/'; alert('XSS-HEAD')</script>
<style>body {{ background: url(http://evil.example/bg.png) }}</style>
<meta http-equiv="refresh" content="0; url=http://evil.example/">
</head><body onload="alert('XSS-ONLOAD')"><article><h1>{mk.TITLE}</h1>
<p onclick="alert('XSS-ONCLICK')">{mk.PARAGRAPHS[0]}</p>
<p>{mk.PARAGRAPHS[1]} <a href="javascript:alert('XSS-HREF')">javascript:void(0) bấm vào đây</a></p>
<script>document.write('XSS-BODY')</script><noscript>XSS-NOSCRIPT</noscript>
<p>{mk.PARAGRAPHS[2]}<img src="http://evil.example/x.png" onerror="alert('XSS-IMG')"></p>
<iframe src="javascript:alert('XSS-IFRAME')"></iframe>
<svg><script>alert('XSS-SVG')</script></svg>
<p>{mk.PARAGRAPHS[3]}</p></article></body></html>""".encode()


def _deep_html() -> bytes:
    depth = 5_000
    inner = f"<p>{mk.PARAGRAPHS[0]}</p><p>{mk.PARAGRAPHS[1]}</p>"
    return f"<html><body>{'<div>' * depth}{inner}{'</div>' * depth}</body></html>".encode()


def _wide_table() -> bytes:
    cells = "".join(f"<td>ô{i:04d}</td>" for i in range(1000))
    head = f"<html><body><h1>{mk.TITLE}</h1><p>{mk.PARAGRAPHS[0]}</p>"
    return f"{head}<table><tr>{cells}</tr><tr>{cells}</tr></table></body></html>".encode()


def _wide_table_check(report: Report) -> None:
    for i in (0, 1, 500, 998, 999):
        assert f"ô{i:04d}" in report.text


def _hundred_thousand_empty() -> bytes:
    return mk.docx_with_body("<w:p/>" * 100_000 + mk.paragraph_xml(mk.PARAGRAPHS[0]))


def _huge_html_node() -> bytes:
    """A paragraph over libxml2's 10 MB text-node limit, then a normal last paragraph."""
    word = "dân vận "
    filler = word * (10_500_000 // len(word.encode()))
    return (
        f"<html><body><h1>{mk.TITLE}</h1><p>{mk.PARAGRAPHS[0]}</p><p>{filler}</p>"
        f"<p>{mk.PARAGRAPHS[3]}</p></body></html>"
    ).encode()


CASES: list[Case] = [
    Case("empty", _file("trống.txt", b""), REFUSED, ("empty",)),
    Case("one byte", _file("một byte.txt", b"x"), EITHER, ("empty", "text")),
    Case("one newline", _file("xuống dòng.txt", b"\n"), REFUSED, ("empty",)),
    Case(
        "binary noise",
        _file("nhiễu.txt", lambda: random.Random(7).randbytes(8192)),
        REFUSED,
        ("binary", "encoding"),
    ),
    Case(
        "NUL bytes inside text",
        _file("nul.txt", (mk.TITLE + "\n\n" + mk.PARAGRAPHS[0] + "\x00" + mk.PARAGRAPHS[1])),
        EITHER,
        ("binary",),
        _lacks("\x00"),
    ),
    Case(
        "mixed UTF-8 and TCVN3 lines",
        _file("lẫn mã.txt", _mixed_encodings),
        IMPORTED,
        check=_check_mixed,
    ),
    Case(
        "deeply nested HTML",
        _file("lồng sâu.html", _deep_html),
        IMPORTED,
        check=_all(_has_words(mk.PARAGRAPHS[0], mk.PARAGRAPHS[1]), _warned("nested")),
    ),
    Case(
        "HTML with scripts and javascript: links",
        _file("kịch bản.html", _html_scripts),
        IMPORTED,
        check=_all(
            _lacks("XSS", "alert(", "javascript", "evil.example", "onerror", "window.location"),
            _four_paragraphs,
        ),
    ),
    Case("docx that is not a zip", _file("giả.docx", mk.report_text()), REFUSED, ("zip",)),
    Case(
        "docx with an external entity (XXE)",
        _file("xxe.docx", mk.xxe_docx),
        REFUSED,
        ("DOCTYPE",),
    ),
    Case("docx billion laughs", _file("cười.docx", mk.billion_laughs_docx), REFUSED, ("DOCTYPE",)),
    Case(
        "docx missing document.xml",
        _file("thiếu.docx", lambda: mk.rezip(mk.docx_bytes(), {"word/document.xml": None})),
        REFUSED,
        ("document.xml",),
    ),
    Case(
        "PDF with no text layer",
        _file("bản quét.pdf", lambda: mk.pdf_bytes(image_only=True)),
        REFUSED,
        ("OCR",),
    ),
    Case("encrypted PDF", _file("mật.pdf", mk.encrypted_pdf), REFUSED, ("password",)),
    Case(
        "truncated PDF",
        _file("cụt.pdf", lambda: mk.pdf_bytes()[: len(mk.pdf_bytes()) * 2 // 3]),
        REFUSED,
        ("incomplete", "cut short"),
    ),
    Case(
        "Vietnamese name with spaces and quotes",
        _file("Báo cáo 'hội nghị' \"số 1\" – Đảng ủy.txt", mk.report_text()),
        IMPORTED,
        check=_has_words(*mk.PARAGRAPHS),
    ),
    Case("a directory", _folder, REFUSED, ("folder",)),
    Case("a dangling symlink", _dangling, REFUSED, ("link", "exist")),
    Case(
        "10,000 paragraphs",
        _file("mười nghìn.txt", _ten_thousand),
        IMPORTED,
        check=_ten_thousand_check,
    ),
    Case(
        "headline of 5,000 characters",
        _file("tiêu đề dài.txt", mk.report_text(LONG_HEADLINE)),
        IMPORTED,
        check=_keeps_every_word(LONG_HEADLINE + " " + " ".join(mk.PARAGRAPHS)),
    ),
    Case(
        "right-to-left and emoji",
        _file("rtl.txt", mk.TITLE + "\n\n" + "\n\n".join(RTL)),
        IMPORTED,
        check=_rtl_check,
    ),
    Case(
        "UTF-16 without BOM",
        _file("utf16.txt", mk.report_text().encode("utf-16-le")),
        IMPORTED,
        check=_all(_has_words(*mk.PARAGRAPHS), lambda r: r.title == mk.TITLE),
    ),
    Case(
        "only whitespace and a BOM",
        _file("trắng.txt", codecs.BOM_UTF8 + b" \t\r\n\xc2\xa0\n \r\n"),
        REFUSED,
        ("empty",),
    ),
    Case("CRLF and lone CR", _file("crlf.txt", _crlf_and_cr), IMPORTED, check=_three_paragraphs),
    Case(
        "form feeds and page-break characters",
        _file("ngắt trang.txt", _page_breaks),
        IMPORTED,
        check=_four_paragraphs,
    ),
    Case("a .txt that is a PNG", _file("ảnh.txt", mk.png_bytes), REFUSED, ("PNG",)),
    Case(
        "a .html that is a .docx",
        _file("trang web.html", mk.docx_bytes),
        REFUSED,
        ("zip", "word", "binary", "not a web page", "html"),
    ),
    Case(
        "a .html that is a PNG",
        _file("ảnh.html", mk.png_bytes),
        REFUSED,
        ("PNG", "binary"),
    ),
    Case("a .md that is a .docx", _file("ghi chú.md", mk.docx_bytes), REFUSED, ("ZIP",)),
    Case("a .docx that is a PDF", _file("văn bản.docx", mk.pdf_bytes), REFUSED, ("PDF",)),
    Case("a .pdf that is HTML", _file("trang.pdf", _html_scripts), REFUSED, ("not a PDF",)),
    Case(
        "overlong UTF-8 and encoded surrogates",
        _file("overlong.txt", _overlong),
        EITHER,
        ("UTF-8", "encoding"),
        _has_words(mk.PARAGRAPHS[0], mk.PARAGRAPHS[1]),
    ),
    Case(
        "a 1,000-column HTML table",
        _file("bảng.html", _wide_table),
        IMPORTED,
        check=_wide_table_check,
    ),
    Case(
        "docx with 100,000 empty paragraphs",
        _file("rỗng.docx", _hundred_thousand_empty),
        EITHER,
        ("paragraphs",),
        _has_words(mk.PARAGRAPHS[0]),
    ),
    Case(
        "docx with external relationships",
        _file("liên kết ngoài.docx", lambda: mk.external_relationship_docx("http://127.0.0.1:9")),
        IMPORTED,
        check=_all(_has_words(*mk.PARAGRAPHS, "Xem toàn văn tại đây"), _lacks("127.0.0.1")),
    ),
    Case(
        "HTML text node over libxml2's 10 MB limit",
        _file("đoạn khổng lồ.html", _huge_html_node),
        EITHER,
        ("large", "long", "limit"),
        _has_words(mk.PARAGRAPHS[0], mk.PARAGRAPHS[3]),
    ),
    Case(
        "a file name with a newline",
        _file("dòng\nmới.txt", b""),
        REFUSED,
        ("empty",),
    ),
    Case(
        "a zero-width space between a letter and its tone mark",
        _file("zwsp.txt", "Hội nghi\u200b\u0323 tổng kết công tác dân vận\n\n" + mk.PARAGRAPHS[0]),
        IMPORTED,
    ),
    Case(
        "NFD text from a Mac",
        _file("nfd.txt", lambda: unicodedata.normalize("NFD", mk.report_text())),
        IMPORTED,
        check=_all(_has_words(*mk.PARAGRAPHS), lambda r: r.title == mk.TITLE),
    ),
]


def _param(case: Case) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=case.xfail)] if case.xfail else []
    return pytest.param(case, id=case.id, marks=marks)


PARAMS = [_param(case) for case in CASES]


def test_there_are_at_least_thirty_kinds() -> None:
    assert len(CASES) >= 30


def _outcome(case: Case, path: Path) -> Report | str:
    """The report, or the refusal's message (checked for shape); anything else fails."""
    try:
        report = read_report(path)
    except ImportRefused as error:
        message = str(error)
        assert_one_line(message)
        assert any(word.lower() in message.lower() for word in case.words), message
        named = display_name(path.name) in message or display_name(path) in message
        assert named, f"file not named: {message!r}"
        return message
    assert_sane_report(report)
    if case.check is not None:
        case.check(report)
    return report


@pytest.mark.parametrize("case", PARAMS)
def test_read_report_refuses_in_one_line_or_imports_a_sane_report(
    case: Case, tmp_path: Path
) -> None:
    result = _outcome(case, case.make(tmp_path))
    got = REFUSED if isinstance(result, str) else IMPORTED
    assert case.expect in (got, EITHER), f"expected {case.expect}, got {got}: {result!r}"[:500]


def _seeded(db: Database, folder: Path) -> dict[str, int]:
    body = (mk.random_paragraph(random.Random(3)), mk.random_paragraph(random.Random(4)))
    seed = mk.write(folder, "hạt giống.txt", mk.report_text("Hội nghị lưu trước trong kho", body))
    assert len(import_files(db, [seed]).imported) == 1
    return archive_state(db)


@pytest.mark.parametrize("case", PARAMS)
def test_import_files_stores_it_or_leaves_the_archive_unchanged(
    case: Case, tmp_path: Path, archive: Database
) -> None:
    before = _seeded(archive, tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    path = case.make(work)
    summary = import_files(archive, [path])
    after = archive_state(archive)
    if summary.failed:
        [(failed, message)] = summary.failed
        assert failed == path
        assert_one_line(message, display_name(path.name))
        assert any(word.lower() in message.lower() for word in case.words), message
        assert case.expect in (REFUSED, EITHER), message
        assert after == before, "a refused file changed the archive"
        return
    assert not summary.duplicates
    if case.expect == REFUSED and path.is_dir():
        assert summary.imported == [] and after == before  # an empty folder imports nothing
        return
    assert case.expect in (IMPORTED, EITHER)
    [(stored_path, report_id)] = summary.imported
    assert stored_path == path
    assert after["reports"] == before["reports"] + 1
    assert search_reports(archive, "", limit=500).total == before["reports"] + 1
    report = get_report(archive, report_id).report
    assert_sane_report(report)
    if case.check is not None:
        case.check(report)


def test_a_file_that_vanishes_or_becomes_unreadable_is_refused(tmp_path: Path) -> None:
    gone = mk.write(tmp_path, "biến mất.txt", mk.report_text())
    gone.unlink()
    with pytest.raises(ImportRefused) as caught:
        read_report(gone)
    assert_one_line(str(caught.value), "biến mất.txt")
    if os.geteuid() == 0:
        return  # root reads through permissions; the missing file above is the portable case
    locked = mk.write(tmp_path, "khóa.txt", mk.report_text())
    locked.chmod(0)
    with pytest.raises(ImportRefused) as caught:
        read_report(locked)
    assert_one_line(str(caught.value), "khóa.txt")
