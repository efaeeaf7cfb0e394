"""Fixtures for the core tests: the shared corpus of real reports, read as the importers would.

The shared folder sits beside the repository root (``../shared``). ``corpus_id`` is
parametrised over every raw report, so a test that takes it runs once per corpus file; the
``corpus`` fixture reads any file by id. (Tests get these through fixtures, not imports: the
root ``tests/conftest.py`` is also a module named ``conftest``.)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.core.models import Imported

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "corpus"
CORPUS_IDS = sorted(path.stem for path in (CORPUS / "raw").glob("*.txt"))


class Corpus:
    """Read access to ``corpus/raw``, ``corpus/gold`` and ``corpus/structure`` by report id."""

    ids: tuple[str, ...] = tuple(CORPUS_IDS)

    def raw(self, corpus_id: str) -> str:
        """The decoded text of ``raw/<id>.txt``, untouched."""
        return (CORPUS / "raw" / f"{corpus_id}.txt").read_text(encoding="utf-8")

    def gold(self, corpus_id: str) -> dict:
        """The hand annotation ``gold/<id>.json``."""
        return json.loads((CORPUS / "gold" / f"{corpus_id}.json").read_text(encoding="utf-8"))

    def structure(self, corpus_id: str) -> dict:
        """The exact expected structure ``structure/<id>.json``."""
        path = CORPUS / "structure" / f"{corpus_id}.json"
        return json.loads(path.read_text(encoding="utf-8"))

    def imported(self, corpus_id: str, fmt: str = "text") -> Imported:
        """``raw/<id>.txt`` as the text importer hands it over: decoded, split into lines."""
        data = (CORPUS / "raw" / f"{corpus_id}.txt").read_bytes()
        return Imported(
            format=fmt, original=data, encoding="utf-8", lines=data.decode("utf-8").splitlines()
        )


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    """The shared corpus, read by id."""
    return Corpus()


@pytest.fixture(params=CORPUS_IDS)
def corpus_id(request: pytest.FixtureRequest) -> str:
    """Each raw report's id in turn ("000", "001", ...)."""
    return request.param


# --- Reports for the analysis tests (people, tasks, documents) --------------------------------


def _crude_blocks(raw: str) -> list[tuple[str, str]]:
    """A stand-in for ``structure.build_report`` until it exists: lines joined when wrapped."""
    import html
    import re
    import unicodedata

    text = unicodedata.normalize("NFC", raw)
    if "</p>" in text or "&nbsp;" in text:
        text = html.unescape(re.sub(r"</p>|<br\s*/?>", "\n\n", text))
        text = re.sub(r"<[^>]+>", "", text).replace("\u00a0", " ")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    blocks: list[str] = []
    last_line = ""
    for line in lines:
        joins = blocks and (
            line[0].islower() or (len(last_line) > 75 and not re.search(r"[.!?:;…”\"]$", last_line))
        )
        if joins:
            blocks[-1] += " " + line
        else:
            blocks.append(line)
        last_line = line
    return [("paragraph", re.sub(r"\s+", " ", b)) for b in blocks[1:]]


def build_test_report(raw: str):
    """A ``Report`` of a raw corpus text: ``structure.build_report`` once it exists."""
    from workbench.core.models import Report, place_blocks

    try:
        from workbench.core.structure import build_report
    except ImportError:
        blocks = _crude_blocks(raw)
        return Report(title=raw.strip().splitlines()[0].strip(), blocks=place_blocks(blocks))
    data = raw.encode("utf-8")
    return build_report(
        Imported(format="text", original=data, encoding="utf-8", lines=raw.splitlines())
    )


@pytest.fixture(scope="session")
def corpus_report(corpus: Corpus):
    """``corpus_report("000")``: the report built from ``raw/000.txt`` (cached per id)."""
    cache: dict = {}

    def get(corpus_id: str):
        if corpus_id not in cache:
            cache[corpus_id] = build_test_report(corpus.raw(corpus_id))
        return cache[corpus_id]

    return get


@pytest.fixture
def make_report():
    """``make_report("para 1", "para 2", kinds=...)``: a ``Report`` of the given paragraphs."""
    from workbench.core.models import Report, place_blocks

    def make(*paragraphs: str, kinds: tuple[str, ...] = ()):
        kinds = kinds or ("paragraph",) * len(paragraphs)
        return Report(title=None, blocks=place_blocks(list(zip(kinds, paragraphs, strict=True))))

    return make
