"""Helpers of the hostile suite: what a sane report and a sane refusal look like, the state of
an archive, and child processes that do real work (and may be killed).

Child processes get the repository on ``PYTHONPATH`` and inherit the test environment set by
``tests/conftest.py`` (English messages, throwaway user folders).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlite_utils import Database

from workbench.core.models import BLOCK_KINDS, Report
from workbench.storage.db import open_archive

ROOT = Path(__file__).resolve().parents[2]


def assert_one_line(message: str, *names: str) -> None:
    """A message fit for one line of a status bar: no newline, no traceback, names the file."""
    assert message.strip(), "empty message"
    assert "\n" not in message and "\r" not in message, f"message spans lines: {message!r}"
    assert "Traceback" not in message
    for name in names:
        assert name in message, f"{name!r} not named in {message!r}"


def assert_sane_report(report: Report) -> None:
    """What every imported report must be, whatever went in: NFC text storable as UTF-8,
    no control characters but newlines, blocks that slice the text exactly."""
    text = report.text
    for label, value in (("title", report.title or ""), ("text", text)):
        value.encode("utf-8")  # no lone surrogates: SQLite would refuse them
        assert unicodedata.is_normalized("NFC", value), f"{label} is not NFC"
        bad = {c for c in value if unicodedata.category(c) == "Cc" and c != "\n"}
        assert not bad, f"control characters in the {label}: {sorted(map(hex, map(ord, bad)))}"
    assert "\n" not in (report.title or "")
    for block in report.blocks:
        assert block.kind in BLOCK_KINDS
        assert text[block.start : block.end] == block.text
        assert block.text.strip() == block.text and block.text
    for warning in report.warnings:
        assert_one_line(warning)


def archive_state(db: Database) -> dict[str, int]:
    """Row count of every real table (FTS shadow tables included) and the integrity check."""
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    tables = [
        row[0]
        for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
        ).fetchall()
    ]
    return {name: db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in tables}


def fts_consistent(db: Database) -> None:
    """Both FTS5 indexes pass their own integrity check."""
    for table in ("reports_fts", "reports_exact"):
        db.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    return tmp_path / "archive.sqlite"


@pytest.fixture
def archive(archive_path: Path) -> Iterator[Database]:
    db = open_archive(archive_path)
    yield db
    db.close()


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def start_child(code: str, *args: str, **kwargs: object) -> subprocess.Popen[str]:
    """A ``python -c code args...`` child running real work; stdout/stderr as text pipes."""
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        cwd=ROOT,
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,  # type: ignore[arg-type]
    )


def run_child(code: str, *args: str, timeout: float = 120) -> dict:
    """Run a child to the end and return the JSON object on the last line of its stdout.

    ``timeout`` is a hang guard, not a speed assertion: a child still running then is killed
    and the test fails saying so.
    """
    process = start_child(code, *args)
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        pytest.fail(f"child still running after {timeout} s (hang guard)")
    assert process.returncode == 0, f"child failed ({process.returncode}):\n{err[-3000:]}"
    assert "Traceback" not in err, err[-3000:]
    return json.loads(out.strip().splitlines()[-1])


@contextmanager
def tmpfs(folder: Path, size: str = "1m") -> Iterator[Path]:
    """A real tmpfs mounted on ``folder`` for the test (skips where mounting is not allowed:
    not root, or no CAP_SYS_ADMIN in this container)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    folder.mkdir(parents=True, exist_ok=True)
    mount = ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder)]
    result = subprocess.run(mount, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def remount_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)
