"""Tidying the search index: fewer segments, the same answers."""

from __future__ import annotations

from sqlite_utils import Database

from tests.archive_factory import report
from workbench.services.archive import store_report
from workbench.services.searching import SearchFilters, search_reports
from workbench.services.tidying import index_untidy, tidy_index, tidy_index_step
from workbench.storage import index
from workbench.storage.db import transaction

QUERIES = ["công tác dân vận", "cong tac", "mã17", "Hội nghị số 42", "nội dung -dân", "th"]


def fill(db: Database, count: int) -> None:
    """``count`` reports, one transaction each, the way imports fill an archive."""
    for n in range(count):
        store_report(
            db,
            report(
                f"Hội nghị số {n} về công tác dân vận",
                f"Nội dung báo cáo số {n}. " * 20 + f"mã{n}",
                event_date=f"2023-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
            ),
        )


def answers(db: Database, filters: SearchFilters | None = None) -> list[tuple[int, list]]:
    out = []
    for query in QUERIES:
        results = search_reports(db, query, filters, limit=200)
        out.append((results.total, [(hit.report.id, hit.exact) for hit in results.hits]))
    return out


def segment_counts(db: Database) -> list[int]:
    return [
        db.execute(f"SELECT count(DISTINCT segid) FROM {table}_idx").fetchone()[0]
        for table in (index.FOLDED, index.EXACT)
    ]


def test_an_archive_filled_report_by_report_is_tidied_into_one_segment_per_index(db) -> None:
    fill(db, 120)
    assert index_untidy(db) and min(segment_counts(db)) >= index.TIDY_AT_SEGMENTS
    before = answers(db)
    assert all(total for total, _ids in before[:4])
    assert tidy_index(db) >= 1
    assert segment_counts(db) == [1, 1]
    assert answers(db) == before
    assert not index_untidy(db) and tidy_index(db) == 0


def test_a_filtered_search_ranks_alike_before_and_after_tidying(db) -> None:
    fill(db, 120)
    filters = SearchFilters(source="dukcqtw.dcs.vn")
    before = answers(db, filters)
    assert any(exact for _total, hits in before for _id, exact in hits)  # "Hội nghị số 42"
    tidy_index(db)
    assert segment_counts(db) == [1, 1]
    assert answers(db, filters) == before


def test_a_tidy_archive_has_nothing_to_merge(db) -> None:
    fill(db, 5)
    assert not index_untidy(db)
    while tidy_index_step(db):
        pass
    assert segment_counts(db) == [1, 1]
    assert not tidy_index_step(db)


def test_merging_goes_in_slices_of_the_given_size(db) -> None:
    fill(db, 120)
    before = answers(db)
    steps = 0
    with transaction(db):
        while index.merge_step(db, pages=2):
            steps += 1
    assert steps > 5 and segment_counts(db) == [1, 1]
    assert answers(db) == before
