"""``workbench extract`` on hostile files: exit 1, one line on stderr, never a traceback.

In process through ``run_cli`` (the error contract lives there), and once as a real
``python -m workbench.cli`` process to see exactly what a user's terminal gets.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile import makers as mk
from tests.hostile.conftest import ROOT, child_env
from tests.hostile.test_files import CASES, REFUSED, Case
from workbench.cli import EXIT_BAD_INPUT, run_cli

CLI_KINDS = (
    "empty",
    "binary noise",
    "docx that is not a zip",
    "docx with an external entity (XXE)",
    "docx billion laughs",
    "docx missing document.xml",
    "PDF with no text layer",
    "encrypted PDF",
    "truncated PDF",
    "a directory",
    "a dangling symlink",
    "a .txt that is a PNG",
)
CLI_CASES = [case for case in CASES if case.id in CLI_KINDS]


def _check_error_output(code: int, out: str, err: str, name: str) -> None:
    assert code == EXIT_BAD_INPUT, (code, out, err)
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("workbench: ")
    assert name in lines[0]
    assert "Traceback" not in err and "Unexpected error" not in err


@pytest.mark.parametrize("case", [pytest.param(case, id=case.id) for case in CLI_CASES])
def test_extract_refuses_a_hostile_file_in_one_line(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert case.expect == REFUSED
    path = case.make(tmp_path)
    code = run_cli(["extract", str(path)])
    captured = capsys.readouterr()
    _check_error_output(code, captured.out, captured.err, path.name)


def test_every_kind_named_for_the_cli_exists() -> None:
    assert len(CLI_CASES) == len(CLI_KINDS)


def test_extract_json_on_a_hostile_but_readable_file_prints_one_json_object(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = next(case for case in CASES if case.id.startswith("HTML with scripts")).make(tmp_path)
    assert run_cli(["extract", "--json", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "XSS" not in json.dumps(data, ensure_ascii=False)
    assert data["format"] == "html"


@pytest.mark.parametrize("name", ["trống.txt", "giả.docx"])
def test_extract_in_a_real_process_prints_one_line_and_exits_1(tmp_path: Path, name: str) -> None:
    path = mk.write(tmp_path, name, b"" if name.endswith(".txt") else b"not a zip at all")
    env = child_env()
    env["HOME"] = str(tmp_path)  # whatever the CLI may log goes here
    result = subprocess.run(
        [sys.executable, "-m", "workbench.cli", "extract", str(path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    _check_error_output(result.returncode, result.stdout, result.stderr, name)
    assert os.listdir(tmp_path) == [name]  # nothing written beside the file
