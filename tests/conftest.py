"""Test configuration shared by every test.

Set before anything imports Qt or reads settings: Qt runs offscreen, the language is English
(messages are asserted in English; Vietnamese has its own tests), and every per-user folder
(settings, data, logs) points into a throwaway folder so no test touches the real home.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

_HOME = Path(tempfile.mkdtemp(prefix="workbench-tests-"))
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["WORKBENCH_LANG"] = "en"
os.environ.pop("WORKBENCH_ARCHIVE", None)
for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = str(_HOME / _var.lower())

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The shared corpus of real reports (raw/, gold/, structure/)."""
    return CORPUS


@pytest.fixture
def user_home() -> Path:
    """The throwaway folder that stands in for the user's config/data/state folders."""
    return _HOME


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--update-golden`` rewrites the golden dumps in tests/golden (review the diff)."""
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the golden files in tests/golden instead of comparing with them",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether the run was asked to rewrite golden files (``--update-golden``)."""
    return bool(request.config.getoption("--update-golden", default=False))
