"""The export commands on real archives; every .docx is re-opened with python-docx and read."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest

from tests.test_cli import RAW, run
from workbench.core.layout import safe_filename
from workbench.services.archive import open_archive
from workbench.services.curation import list_exports

HEADLINE_000 = (
    "Công tác dân vận đã góp phần quan trọng vào thực hiện thắng lợi nhiệm vụ chính trị trong "
    "các cơ quan Trung ương"
)
HEADLINE_021 = "Tổng Bí thư: Xây dựng trường phái ngoại giao mang đậm bản sắc 'cây tre Việt Nam'"


def wb(archive: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``workbench --archive ARCHIVE ARGS...``; (exit code, stdout, stderr)."""
    return run(["--archive", str(archive), *args], capsys)


@pytest.fixture
def archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """An archive with corpus reports 000 (#1) and 021 (#2), and its office's settings."""
    path = tmp_path / "archive.sqlite3"
    code, _out, err = wb(path, capsys, "import", str(RAW / "000.txt"), str(RAW / "021.txt"))
    assert (code, err) == (0, "")
    for args in (
        ("parent_body", "Đảng bộ Khối các cơ quan Trung ương"),
        ("issuing-body", "Ban Dân vận Đảng ủy Khối"),
        ("abbreviation", "BDV"),
        ("contact_lines", "Điện thoại: 024 3823 1234", "Thư điện tử: bdv@dcs.vn"),
    ):
        assert wb(path, capsys, "settings", *args)[0] == 0
    return path


def texts(path: Path) -> list[str]:
    """Every paragraph of a .docx, body and tables, in document order."""
    document = docx.Document(str(path))
    found = []
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                found += [p.text for p in cell.paragraphs]
    return found + [p.text for p in document.paragraphs]


# export ----------------------------------------------------------------------------------------


def test_export_writes_a_press_release_named_after_the_headline(
    archive, tmp_path, monkeypatch, capsys
):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    code, out, err = wb(archive, capsys, "export", "1")
    assert code == 0 and err == ""
    made = work / f"{safe_filename(HEADLINE_000)}.docx"
    assert out == f"Wrote the press release of report #1 to {made}.\n"
    paragraphs = texts(made)
    assert "THÔNG CÁO BÁO CHÍ" in paragraphs and HEADLINE_000 in paragraphs
    assert "BAN DÂN VẬN ĐẢNG ỦY KHỐI" in paragraphs  # the issuing body from the settings
    assert "Số:       /TC-BDV" in paragraphs  # no --number: blank for the clerk
    speakers = paragraphs[paragraphs.index("Phát biểu tại hội nghị:") + 1 :][:3]
    assert speakers == [
        "– đồng chí Phạm Tất Thắng, Ủy viên Ban Chấp hành Trung ương Đảng, Phó Trưởng Ban "
        "Thường trực Ban Dân vận Trung ương;",
        "– đồng chí Nguyễn Văn Thể, Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Đảng ủy Khối "
        "các cơ quan Trung ương;",
        "– đồng chí Nguyễn Quang Trường, Phó Bí thư Đảng ủy Khối.",
    ]
    assert paragraphs[-2:] == ["Điện thoại: 024 3823 1234", "Thư điện tử: bdv@dcs.vn"]


def test_export_is_recorded_in_the_archive_history(archive, tmp_path, capsys):
    out_file = tmp_path / "tc.docx"
    assert wb(archive, capsys, "export", "1", "-o", str(out_file))[0] == 0
    db = open_archive(archive)
    try:
        history = list_exports(db)
    finally:
        db.close()
    assert [(e.kind, e.path, e.report_ids) for e in history] == [
        ("docx", str(out_file.resolve()), [1])
    ]


def test_export_never_replaces_a_file_without_force(archive, tmp_path, capsys):
    out_file = tmp_path / "tc.docx"
    out_file.write_bytes(b"the clerk's own file")
    code, out, err = wb(archive, capsys, "export", "1", "-o", str(out_file))
    assert code == 1 and out == "" and err.count("\n") == 1 and "--force" in err
    assert out_file.read_bytes() == b"the clerk's own file"
    code, _out, _err = wb(archive, capsys, "export", "1", "-o", str(out_file), "--force")
    assert code == 0 and HEADLINE_000 in texts(out_file)


def test_export_into_a_folder_uses_the_default_name(archive, tmp_path, capsys):
    folder = tmp_path / "releases"
    folder.mkdir()
    code, _out, _err = wb(archive, capsys, "export", "2", "--output", str(folder))
    assert code == 0
    assert [p.name for p in folder.iterdir()] == [f"{safe_filename(HEADLINE_021)}.docx"]


def test_export_party_layout_with_a_number(archive, tmp_path, capsys):
    out_file = tmp_path / "party.docx"
    args = ("export", "1", "-o", str(out_file), "--layout", "party", "--number", "7")
    assert wb(archive, capsys, *args)[0] == 0
    paragraphs = texts(out_file)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in paragraphs and "Số 07-TC/BDV" in paragraphs
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in paragraphs


def test_export_uses_the_directory_name_after_a_rename(archive, tmp_path, capsys):
    _code, out, _err = wb(archive, capsys, "people", "Phạm Tất Thắng", "--json")
    pid = json.loads(out)["people"][0]["id"]
    assert wb(archive, capsys, "people", "rename", str(pid), "Phạm Tất Thắng (sửa)")[0] == 0
    out_file = tmp_path / "renamed.docx"
    assert wb(archive, capsys, "export", "1", "-o", str(out_file))[0] == 0
    assert any(p.startswith("– đồng chí Phạm Tất Thắng (sửa), ") for p in texts(out_file))


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["export", "1", "--template", "no-such.docx"], 1, "template"),
        (["export", "1", "--layout", "royal"], 2, "--layout"),
        (["export"], 2, "ID"),
        (["export", "x"], 2, "ID"),
    ],
)
def test_export_errors_are_one_line_and_write_nothing(
    archive, tmp_path, monkeypatch, capsys, args, code, words
):
    monkeypatch.chdir(tmp_path)
    before = sorted(tmp_path.iterdir())
    got, out, err = wb(archive, capsys, *args)
    assert (got, out) == (code, "")
    assert err.count("\n") == 1 and words.lower() in err.lower()
    assert sorted(tmp_path.iterdir()) == before


# bulletin --------------------------------------------------------------------------------------


def test_bulletin_of_two_reports_in_the_order_given(archive, tmp_path, capsys):
    out_file = tmp_path / "bulletin.docx"
    args = ["bulletin", "2", "1", "-o", str(out_file), "--name", "Thông tin Dân vận"]
    code, out, err = wb(archive, capsys, *args, "--number", "3", "--date", "2023-09-30")
    assert (code, err) == (0, "")
    assert out == f"Wrote a bulletin of 2 reports to {out_file}.\n"
    document = docx.Document(str(out_file))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [HEADLINE_021, HEADLINE_000]
    paragraphs = texts(out_file)
    assert "BẢN TIN" in paragraphs and "Thông tin Dân vận" in paragraphs and "Số 3" in paragraphs
    assert "Hà Nội, ngày 30 tháng 9 năm 2023" in paragraphs
    db = open_archive(archive)
    try:
        assert [(e.kind, e.report_ids) for e in list_exports(db)] == [("bulletin", [2, 1])]
    finally:
        db.close()


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["bulletin", "1", "2"], 2, "--output"),
        (["bulletin", "-o", "b.docx"], 2, "ID"),
        (["bulletin", "1", "1", "-o", "b.docx"], 1, "twice"),
        (["bulletin", "1", "99", "-o", "b.docx"], 1, "no report #99"),
        (["bulletin", "1", "-o", "b.docx", "--date", "30/9/2023"], 2, "--date"),
    ],
)
def test_bulletin_errors(archive, tmp_path, monkeypatch, capsys, args, code, words):
    monkeypatch.chdir(tmp_path)
    got, out, err = wb(archive, capsys, *args)
    assert (got, out) == (code, "")
    assert err.count("\n") == 1 and words.lower() in err.lower()
    assert not (tmp_path / "b.docx").exists()


# settings --------------------------------------------------------------------------------------


def test_settings_round_trip(tmp_path, capsys):
    archive = tmp_path / "a.sqlite3"
    code, out, _err = wb(archive, capsys, "settings")
    assert code == 0 and "place: Hà Nội" in out and "layout: government" in out
    code, out, _err = wb(archive, capsys, "settings", "issuing_body", "Văn", "phòng", "Tỉnh", "ủy")
    assert (code, out) == (0, "issuing_body: Văn phòng Tỉnh ủy\n")
    wb(archive, capsys, "settings", "layout", "party")
    wb(archive, capsys, "settings", "print-run", "500")
    wb(archive, capsys, "settings", "contact_lines", "Điện thoại: 0236 382", "Fax: 0236 383")
    code, out, _err = wb(archive, capsys, "settings", "contact_lines")
    assert out == "contact_lines:\n  Điện thoại: 0236 382\n  Fax: 0236 383\n"
    _code, out, _err = wb(archive, capsys, "settings", "--json")
    data = json.loads(out)
    assert data["issuing_body"] == "Văn phòng Tỉnh ủy" and data["layout"] == "party"
    assert data["print_run"] == "500"
    assert data["contact_lines"] == "Điện thoại: 0236 382\nFax: 0236 383"
    code, out, _err = wb(archive, capsys, "settings", "layout", "--reset")
    assert (code, out) == (0, "layout: government\n")


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["settings", "organisation_name", "X"], 1, "no setting organisation_name"),
        (["settings", "layout", "royal"], 1, "layout must be one of: government, party"),
        (["settings", "tone_style", "modern"], 1, "tone_style must be one of"),
        (["settings", "bulletin_page_size", "A3"], 1, "bulletin_page_size must be one of"),
        (["settings", "print_run", "many"], 1, "whole number"),
        (["settings", "--reset"], 2, "KEY"),
        (["settings", "place", "Huế", "--reset"], 2, "not both"),
    ],
)
def test_settings_refuses_what_it_cannot_take(tmp_path, capsys, args, code, words):
    archive = tmp_path / "a.sqlite3"
    got, out, err = wb(archive, capsys, *args)
    assert (got, out) == (code, "")
    assert err.count("\n") == 1 and words.lower() in err.lower()
    _code, out, _err = wb(archive, capsys, "settings", "--json")
    assert json.loads(out)["layout"] == "government" and json.loads(out)["print_run"] == "0"


@pytest.mark.parametrize("file_format", ["md", "html"])
def test_export_for_the_website(archive, tmp_path, monkeypatch, capsys, file_format):
    monkeypatch.chdir(tmp_path)
    code, _out, err = wb(archive, capsys, "export", "1", "--format", file_format)
    assert code == 0 and err == ""
    made = tmp_path / f"{safe_filename(HEADLINE_000)}.{file_format}"
    content = made.read_text(encoding="utf-8")
    assert "Nguyễn Văn Thể" in content and "Một là" in content
    assert "<script" not in content


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_export_as_pdf_through_libreoffice(archive, tmp_path, capsys):
    out = tmp_path / "thong-cao.pdf"
    code, _out, err = wb(archive, capsys, "export", "1", "--format", "pdf", "--out", str(out))
    assert code == 0 and err == ""
    assert out.read_bytes()[:5] == b"%PDF-"
