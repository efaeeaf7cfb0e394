"""The layering is enforced by import-linter: prove the contract bites."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint(project: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(project)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=project, env=env, capture_output=True, text=True
    )


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    shutil.copytree(
        ROOT / "workbench", tmp_path / "workbench", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


@pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter not installed")
def test_contracts_hold_and_fail_when_the_core_imports_qt(project_copy: Path):
    kept = lint(project_copy)
    assert kept.returncode == 0, kept.stdout + kept.stderr

    (project_copy / "workbench" / "core" / "sneaky.py").write_text(
        "from PySide6.QtCore import QObject\n", encoding="utf-8"
    )
    broken = lint(project_copy)
    assert broken.returncode != 0
    assert "workbench.core.sneaky" in broken.stdout
