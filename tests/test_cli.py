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
