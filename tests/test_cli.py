"""The command line's contract: help, version, archive location, one-line errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from workbench import __version__
from workbench.cli import resolve_archive, run_cli
from workbench.settings import default_archive_path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = run_cli(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_help_explains_the_program_and_the_archive_option(capsys):
    code, out, _err = run(["--help"], capsys)
    assert code == 0
    assert "Press Workbench" in out
    assert "--archive" in out and "WORKBENCH_ARCHIVE" in out


def test_version(capsys):
    code, out, _err = run(["--version"], capsys)
    assert code == 0
    assert __version__ in out


def test_unknown_command_is_bad_usage_in_one_line(capsys):
    code, out, err = run(["frobnicate"], capsys)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and "frobnicate" in err


def test_no_command_opens_the_window_on_the_resolved_archive(tmp_path, capsys):
    opened: list[Path] = []
    archive = tmp_path / "a.sqlite3"
    code = run_cli(["--archive", str(archive)], open_window=lambda p: opened.append(p) or 0)
    assert code == 0 and opened == [archive]


def test_archive_option_wins_over_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_ARCHIVE", str(tmp_path / "env.sqlite3"))
    assert resolve_archive(tmp_path / "opt.sqlite3") == tmp_path / "opt.sqlite3"
    assert resolve_archive(None) == tmp_path / "env.sqlite3"


def test_default_archive_is_in_the_user_data_folder(monkeypatch, user_home):
    monkeypatch.delenv("WORKBENCH_ARCHIVE", raising=False)
    path = resolve_archive(None)
    assert path == default_archive_path()
    assert path.name == "archive.sqlite3"
    assert path.is_relative_to(user_home)


def test_unexpected_error_is_one_line_and_logged(monkeypatch, capsys, user_home):
    def boom(_archive: Path) -> int:
        raise RuntimeError("kaboom")

    code = run_cli([], open_window=boom)
    _out, err = capsys.readouterr()
    assert code == 1
    assert err.count("\n") == 1 and "Traceback" not in err
    log = next(user_home.rglob("errors.log"))
    assert "kaboom" in log.read_text(encoding="utf-8")


def test_python_dash_m_runs_the_same_command():
    proc = subprocess.run(
        [sys.executable, "-m", "workbench", "--version"], capture_output=True, text=True
    )
    assert proc.returncode == 0 and __version__ in proc.stdout


RAW = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "raw"
EXTRACT_KEYS = {
    "title", "published_at", "event_date", "place", "author", "source", "encoding", "format",
    "text", "blocks", "people", "key_tasks", "documents", "warnings",
}  # fmt: skip


def test_extract_json_prints_one_object_with_every_key(capsys):
    import json

    code, out, err = run(["extract", str(RAW / "000.txt"), "--json"], capsys)
    assert code == 0 and err == ""
    data = json.loads(out)
    assert set(data) == EXTRACT_KEYS
    assert data["published_at"] == "2023-09-07T05:59" and data["event_date"] == "2023-09-06"
    assert data["encoding"] == "utf-8" and data["format"] == "text" and data["author"] is None
    assert len(data["blocks"]) == 20
    thang = next(p for p in data["people"] if p["name"] == "Phạm Tất Thắng")
    start, end = thang["mentions"][0]["start"], thang["mentions"][0]["end"]
    assert data["text"][start:end] == "Phạm Tất Thắng"
    assert data["key_tasks"][0]["marker"].startswith("Một là")


def test_extract_without_json_is_a_readable_summary(capsys):
    code, out, _err = run(["extract", str(RAW / "000.txt")], capsys)
    assert code == 0
    assert out.splitlines()[0].startswith("Công tác dân vận")
    assert "[speaker] Nguyễn Văn Thể" in out


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b"PK\x03\x04 not really a zip", "damaged"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_extract_refuses_bad_input_in_one_line(tmp_path, capsys, content, words):
    name = "bad.docx" if words == "damaged" else "bad.txt"
    (tmp_path / name).write_bytes(content)
    code, out, err = run(["extract", str(tmp_path / name)], capsys)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and words.lower() in err.lower() and "Traceback" not in err


def test_extract_of_a_missing_file_is_bad_input(tmp_path, capsys):
    code, _out, err = run(["extract", str(tmp_path / "none.txt")], capsys)
    assert code == 1 and "does not exist" in err
