"""PDF export through the real LibreOffice: the PDFs are read back with poppler (pdfinfo,
pdftotext); failures are real failed conversions. Skipped where LibreOffice is not installed
(CI installs it, see .ci/run)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import docx
import pytest

from tests.formats.docxcheck import pdf_pages, style_element
from tests.formats.sample_reports import five_reports, office, report_000
from workbench.core.errors import ExportFailed
from workbench.formats import docx_styles as st
from workbench.formats.bulletin import headline, write_bulletin
from workbench.formats.docx_document import packaged_template
from workbench.formats.export_pdf import (
    docx_to_pdf,
    find_soffice,
    pdf_available,
    write_bulletin_pdf,
    write_pdf,
)

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="no LibreOffice")
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None, reason="no poppler"
)
pytestmark = [pytest.mark.slow, needs_soffice]
ISSUED = date(2023, 9, 8)


def page_texts(pdf: Path) -> list[str]:
    """Each page's text, white space collapsed (pdftotext ends every page with a form feed)."""
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout
    pages = out.decode("utf-8").split("\f")[:-1]
    return [" ".join(page.split()) for page in pages]


@pytest.fixture(scope="module")
def release_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("release")
    return write_pdf(report_000(), office(), folder / "release.pdf", number="12", issued=ISSUED)


@pytest.fixture(scope="module")
def bulletin_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bulletin")
    return write_bulletin_pdf(
        five_reports(), office(), folder / "bulletin.pdf", number=5, issued=ISSUED
    )


def test_available_where_soffice_is_installed():
    assert pdf_available() and find_soffice() == shutil.which("soffice")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="other systems have fixed paths")
def test_not_available_without_soffice_on_the_path(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    assert not pdf_available()
    with pytest.raises(ExportFailed, match="PDF export needs LibreOffice"):
        write_pdf(report_000(), office(), tmp_path / "r.pdf")
    assert os.listdir(tmp_path) == []


@needs_poppler
def test_release_pdf_is_the_press_release_in_vietnamese(release_pdf: Path):
    assert release_pdf.read_bytes().startswith(b"%PDF-")
    pages = page_texts(release_pdf)
    assert len(pages) == pdf_pages(release_pdf)
    assert 3 <= len(pages) <= 9  # 6 with Liberation Serif, metric twin of Times New Roman
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in pages[0]
    assert "THÔNG CÁO BÁO CHÍ" in pages[0] and "Số: 12/TC-ĐUK" in pages[0]
    text = " ".join(pages)
    assert "Nguyễn Văn Thể" in text and "Ủy viên Ban Chấp hành Trung ương Đảng" in text
    assert "Kết luận số 43-KL/TW, ngày 07/01/2019 của Ban Bí thư./." in text
    assert text.endswith("Điện thoại: 024 0000 0000")  # contact block last


@needs_poppler
def test_release_pdf_numbers_pages_from_page_2(release_pdf: Path):
    pages = page_texts(release_pdf)
    assert not pages[0].split()[0].isdigit()
    assert [page.split()[0] for page in pages[1:]] == [str(n) for n in range(2, len(pages) + 1)]


@needs_poppler
def test_bulletin_pdf_puts_each_of_five_reports_on_a_new_page(bulletin_pdf: Path):
    pages = page_texts(bulletin_pdf)
    assert "BẢN TIN" in pages[0] and "MỤC LỤC" in pages[0] and "Số 5" in pages[0]
    headlines = [" ".join(headline(r).split()) for r in five_reports()]
    starts = []
    for text in headlines:
        # A report's page starts with the page number, then its headline.
        found = [n for n, page in enumerate(pages[1:], 2) if page.startswith(f"{n} {text}")]
        assert len(found) == 1, text
        starts += found
    assert starts == sorted(starts) and starts[0] == 2
    assert all(text in pages[0] for text in headlines)  # the contents
    assert "Số lượng in: 500 bản" in pages[-1]
    assert "Thứ trưởng Nguyễn Văn Sơn" in " ".join(pages[starts[1] - 1 : starts[2] - 1])


def test_pdf_replaces_a_previous_file_and_leaves_nothing_else(tmp_path: Path):
    target = tmp_path / "release.pdf"
    target.write_bytes(b"previous export")
    write_pdf(report_000(), office(), target)
    assert target.read_bytes().startswith(b"%PDF-")
    assert os.listdir(tmp_path) == ["release.pdf"]


def test_failed_conversion_is_a_clear_error_and_keeps_the_previous_file(tmp_path: Path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a Word document")
    target = tmp_path / "out.pdf"
    target.write_bytes(b"previous export")
    with pytest.raises(ExportFailed, match=r"^LibreOffice could not make out\.pdf: ") as caught:
        docx_to_pdf(broken, target)
    assert "\n" not in str(caught.value)
    assert target.read_bytes() == b"previous export"
    assert sorted(os.listdir(tmp_path)) == ["broken.docx", "out.pdf"]


def _conversions_running() -> set[int]:
    """Processes (not yet reaped zombies) started for a conversion: their command line names
    the temporary profile folder."""
    found = set()
    for entry in Path("/proc").iterdir():
        try:
            cmdline = (entry / "cmdline").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if b"wb-pdf-" in cmdline and b"soffice" in cmdline and state != "Z":
            found.add(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc")
@pytest.mark.parametrize("limit", [0.01, 1.0], ids=["at-start", "mid-conversion"])
def test_time_limit_ends_libreoffice_and_everything_it_started(tmp_path: Path, limit: float):
    """Stopped as it starts, or while ``soffice.bin`` converts a 300-page bulletin (seconds of
    work at any speed): an error, and no process of the conversion left running."""
    big = write_bulletin([report_000()] * 60, office(), tmp_path / "big.docx")
    before = _conversions_running()
    target = tmp_path / "big.pdf"
    with pytest.raises(
        ExportFailed, match=rf"LibreOffice did not finish big\.pdf within {limit:g} s"
    ):
        docx_to_pdf(big, target, timeout=limit)
    assert _conversions_running() <= before
    assert os.listdir(tmp_path) == ["big.docx"]


def test_program_that_cannot_start_is_a_clear_error(tmp_path: Path):
    with pytest.raises(ExportFailed, match="could not be started"):
        write_pdf(report_000(), office(), tmp_path / "r.pdf", soffice=str(tmp_path / "nothing"))
    assert os.listdir(tmp_path) == []


def test_template_errors_come_before_libreoffice(tmp_path: Path):
    template = tmp_path / "house.docx"
    doc = docx.Document(str(packaged_template("press_release.docx")))
    lead = style_element(doc, st.LEAD)
    lead.getparent().remove(lead)
    doc.save(str(template))
    with pytest.raises(ExportFailed, match=r"house\.docx has no style «WB Lead»"):
        write_pdf(report_000(), office(), tmp_path / "r.pdf", template=template)
    assert os.listdir(tmp_path) == ["house.docx"]
