"""Any string an editor types is a valid search (DOMAIN.md §5): against a small real archive,
``search_reports`` never raises and returns at most ``limit`` distinct, existing reports."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from tests.hostile import makers as mk
from tests.properties.strategies import vietnamese_word
from workbench.services.importing import import_files
from workbench.services.searching import SearchFilters, search_reports
from workbench.storage.db import open_archive

EVERYDAY = (
    '"', "AND", "OR", "NOT", "NEAR(", "*", "(", ")", "", " ", "25-NQ/TW", "e-mail",
    "tỉnh,thành", "dang", "Đảng", "th*", "^", ":", "title:", "'", "\x00", "-", "đ",
)  # fmt: skip
queries = st.one_of(
    st.text(max_size=60),
    st.lists(st.one_of(vietnamese_word, st.sampled_from(EVERYDAY)), max_size=20).map(" ".join),
    st.lists(st.sampled_from(EVERYDAY), max_size=8).map("".join),
)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    folder = tmp_path_factory.mktemp("search")
    mk.write_reports(folder / "in", 12, seed=30)
    mk.write(folder / "in", "000.txt", mk.report_text())
    db = open_archive(folder / "kho.sqlite")
    assert len(import_files(db, [folder / "in"]).imported) == 13
    yield db
    db.close()


@settings(max_examples=300, deadline=None)
@given(
    text=queries,
    limit=st.integers(-5, 30),
    offset=st.integers(-5, 40),
    order=st.sampled_from(("relevance", "date")),
)
@example(text="dân vận", limit=5, offset=0, order="relevance")
@example(text="Nghị quyết số 25-NQ/TW", limit=20, offset=0, order="date")
def test_any_query_gives_at_most_limit_existing_reports(
    archive: Database, text: str, limit: int, offset: int, order: str
) -> None:
    results = search_reports(archive, text, order=order, limit=limit, offset=offset)
    ids = [hit.report.id for hit in results.hits]
    assert len(ids) <= max(0, limit)
    assert len(ids) == len(set(ids))
    assert results.total >= len(ids)
    assert all(1 <= report_id <= 13 for report_id in ids)


@settings(max_examples=100, deadline=None)
@given(
    text=queries,
    person=st.one_of(st.none(), st.text(max_size=20)),
    source=st.one_of(st.none(), st.text(max_size=20)),
    document=st.one_of(st.none(), st.text(max_size=20)),
    day=st.one_of(st.none(), st.text(max_size=12), st.dates().map(str)),
)
def test_any_filter_values_are_safe(
    archive: Database,
    text: str,
    person: str | None,
    source: str | None,
    document: str | None,
    day: str | None,
) -> None:
    filters = SearchFilters(person=person, source=source, document=document, date_from=day)
    results = search_reports(archive, text, filters, limit=10)
    assert len(results.hits) <= 10


def test_the_archive_is_real(archive: Database, tmp_path: Path) -> None:
    assert search_reports(archive, "Đảng ủy Khối").total >= 1
    assert search_reports(archive, mk.code_word(30 * 100_000) + " ").total == 1
