from __future__ import annotations

import unicodedata

import pytest
from sqlite_utils import Database

from tests.archive_factory import person, report
from tests.storage.test_query import HOSTILE
from workbench.core.errors import Cancelled
from workbench.core.fold import strip_marks
from workbench.core.models import Report
from workbench.storage import extras_repo, index, repository
from workbench.storage import search as search_module
from workbench.storage.db import transaction
from workbench.storage.search import MAX_PAGE, SearchFilters, SearchTimeout, count, search


def store(db: Database, *reports: Report) -> list[int]:
    with transaction(db):
        return [repository.insert(db, item, "2024-01-01T00:00:00+00:00") for item in reports]


@pytest.fixture
def archive(db: Database) -> Database:
    store(
        db,
        report(
            "Công tác dân vận trong tình hình mới",
            "Mô hình Dân vận khéo được nhân rộng trong các cơ quan Trung ương.",
            "Đảng ủy Khối tổng kết 10 năm thực hiện Nghị quyết số 25-NQ/TW của Đảng.",
            people=[person("Nguyễn Văn Thể", "Bí thư Đảng ủy Khối các cơ quan Trung ương")],
            documents=["25-NQ/TW"],
            event_date="2023-09-06",
            published_at="2023-09-07T05:59",
        ),
        report(
            "Giao ban công an tỉnh",
            "Lực lượng đang triển khai, đang kiểm tra, đang rà soát và đang báo cáo kết quả.",
            people=[person("Nguyễn Văn Sơn", "Thứ trưởng Bộ Công an", role="attendee")],
            event_date="2017-07-01",
            published_at="2017-07-02T08:00",
            source="baomoi.com",
        ),
        report(
            "Quảng Nam phấn đấu xây dựng nông thôn mới",
            "Tỉnh phấn đấu có thêm xã đạt chuẩn nông thôn mới; đồng chí Nguyễn Văn Thể dự.",
            people=[person("Nguyễn Văn Thể", "Bí thư Đảng ủy Khối", role="attendee")],
            event_date="2017-06-30",
            published_at="2017-07-01T10:00",
            source="baomoi.com",
        ),
    )
    return db


def ids(db: Database, text: str, filters: SearchFilters | None = None, **kw: object) -> list[int]:
    return [hit.report.id for hit in search(db, text, filters, **kw).hits]  # type: ignore[arg-type]


def test_without_marks_finds_words_with_marks(archive: Database) -> None:
    assert ids(archive, "dan van kheo") == [1]
    assert ids(archive, "nong thon moi") == [3]


def test_d_finds_d_bar(archive: Database) -> None:
    assert set(ids(archive, "dang uy")) == {1, 3}


def test_typed_marks_rank_exact_matches_first(archive: Database) -> None:
    results = search(archive, "Đảng")
    # report 2 says "đang" four times (bm25 prefers it); report 1 and 3 say "Đảng"
    assert [hit.report.id for hit in results.hits][-1] == 2
    assert [hit.exact for hit in results.hits] == [True, True, False]
    bare = search(archive, "dang")
    assert bare.hits[0].report.id == 2 and not any(hit.exact for hit in bare.hits)


def test_a_headline_holding_more_of_the_words_ranks_first(db: Database) -> None:
    """bm25 gives a headline nothing for words most reports hold ("dân vận" here), so the
    short report with one rare "khéo" would win; the headline tier puts the report about
    dân vận first (corpus 000 against 004)."""
    filler = [f"Báo cáo dân vận số {n} về công tác dân vận ở cơ sở." for n in range(30)]
    store(db, *(report(f"Tin số {n}", text) for n, text in enumerate(filler)))
    about, passing = store(
        db,
        report(
            "Công tác dân vận trong tình hình mới",
            "Dân vận là nhiệm vụ của cả hệ thống chính trị. " * 20,
            "Các mô hình Dân vận khéo được nhân rộng.",
        ),
        report("Quảng Nam xây dựng nông thôn mới", "Các phong trào “Dân vận khéo”, “Nhà sạch”."),
    )
    scores = {hit.report.id: hit.score for hit in search(db, "dan van kheo").hits}
    assert scores[passing] < scores[about]  # bm25 alone prefers the passing mention
    assert ids(db, "dan van kheo")[:2] == [about, passing]


def test_prefix_of_the_last_word(archive: Database) -> None:
    assert ids(archive, "nông thôn m") == [3]  # one letter: left out while typing
    assert ids(archive, "phấn đấu nông th") == [3]
    assert ids(archive, "kheo") == [1]
    assert ids(archive, "khe ") == []


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_queries_never_fail(archive: Database, text: str) -> None:
    results = search(archive, text)
    assert results.total == len(results.hits)


def test_document_numbers_and_people_are_searchable(archive: Database) -> None:
    assert ids(archive, "25-NQ/TW") == [1]
    assert set(ids(archive, "nguyen van the")) == {1, 3}


def test_empty_query_lists_everything_newest_first(archive: Database) -> None:
    results = search(archive, "")
    assert [hit.report.id for hit in results.hits] == [1, 2, 3]
    assert results.total == 3 and results.order == "date"


def test_snippet_marks_point_into_the_original_text(archive: Database) -> None:
    hit = next(hit for hit in search(archive, "dang uy khoi").hits if hit.report.id == 1)
    text = repository.load(archive, hit.report.id).report.text  # type: ignore[union-attr]
    marked = [text[mark.start : mark.end] for mark in hit.snippet.marks]
    assert marked and all(strip_marks(word) in {"dang", "uy", "khoi"} for word in marked)
    assert hit.snippet.text == text[hit.snippet.start : hit.snippet.end]
    assert "[Đảng]" in search(archive, "Đảng").hits[0].snippet.marked()


def test_title_marks(archive: Database) -> None:
    hit = search(archive, "dan van").hits[0]
    assert [hit.report.title[m.start : m.end] for m in hit.title_marks] == ["dân", "vận"]


def test_filter_by_person(archive: Database) -> None:
    the = archive.execute("SELECT id FROM people WHERE name = 'Nguyễn Văn Thể'").fetchone()[0]
    assert ids(archive, "", SearchFilters(person_id=the)) == [1, 3]
    assert ids(archive, "", SearchFilters(person="nguyen van the")) == [1, 3]
    assert ids(archive, "", SearchFilters(person="Nguyễn Văn Sơn")) == [2]
    assert ids(archive, "", SearchFilters(person="Nobody Here")) == []
    assert ids(archive, "", SearchFilters(person_id=the, role="attendee")) == [3]
    assert ids(archive, "", SearchFilters(role="speaker")) == [1]


def test_filter_by_dates(archive: Database) -> None:
    assert ids(archive, "", SearchFilters(date_from="2017-07-01")) == [1, 2]
    assert ids(archive, "", SearchFilters(date_to="2017-06-30")) == [3]
    published = SearchFilters(date_from="2017-07-01", date_to="2017-07-01", date_field="published")
    assert ids(archive, "", published) == [3]


def test_filter_by_document_tag_source(archive: Database) -> None:
    assert ids(archive, "", SearchFilters(document="25-NQ/TƯ")) == [1]
    assert ids(archive, "", SearchFilters(source="BAOMOI.COM")) == [2, 3]
    with transaction(archive):
        extras_repo.add_tag(archive, 3, "Nông thôn mới")
    assert ids(archive, "", SearchFilters(tag="nông thôn MỚI")) == [3]


def test_filters_combine_with_text(archive: Database) -> None:
    filters = SearchFilters(source="baomoi.com")
    assert set(ids(archive, "nguyen van", filters)) == {2, 3}
    assert ids(archive, "dan van", filters) == []
    assert search(archive, "nguyen van", filters).total == 2


def test_order_by_date_and_pages(archive: Database) -> None:
    assert ids(archive, "nguyen van", order="date") == [1, 2, 3]
    assert ids(archive, "nguyen van", order="date", limit=1, offset=1) == [2]
    page = search(archive, "nguyen van", limit=2, offset=2)
    assert page.total == 3 and len(page.hits) == 1


def test_results_past_the_rank_cap_follow_newest_first(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    store(db, *[report(f"Báo cáo {i}", f"Hội nghị số {i} về chuyển đổi số.") for i in range(7)])
    monkeypatch.setattr(search_module, "RANK_CAP", 3)
    seen = []
    for offset in range(0, 8, 2):
        results = search(db, "hội nghị", limit=2, offset=offset)
        assert results.ranked == 3 and results.counted == (offset == 6)
        seen += [hit.report.id for hit in results.hits]
    assert sorted(seen) == list(range(1, 8))
    assert seen[3:] == [4, 3, 2, 1]


def test_deleted_report_leaves_the_index(archive: Database) -> None:
    with transaction(archive):
        repository.delete(archive, 1)
    assert ids(archive, "dan van kheo") == []
    assert ids(archive, "25-NQ/TW") == []


def test_runaway_query_stops_at_the_deadline(db: Database) -> None:
    store(db, *[report(f"Báo cáo {i}", f"Thông tin thời sự thứ {i} " * 40) for i in range(60)])
    with pytest.raises(SearchTimeout, match="too long"):
        search(db, "th", deadline=-1.0)
    assert search(db, "th").total == 60  # the handler is gone afterwards


def test_date_order_follows_dates_not_import_order(db: Database) -> None:
    store(
        db,
        report("Cũ", "Hội nghị tổng kết.", event_date="2015-01-01"),
        report("Mới", "Hội nghị sơ kết.", event_date="2024-01-01"),
        report("Giữa", "Hội nghị giao ban.", event_date=None, published_at="2020-05-05T07:00"),
        report("Không ngày", "Hội nghị khác.", event_date=None, published_at=None),
    )
    assert ids(db, "hội nghị", order="date") == [2, 3, 1, 4]
    assert ids(db, "", order="date") == [2, 3, 1, 4]
    # the report without an event date is filtered by its publication day
    assert ids(db, "hội nghị", SearchFilters(date_from="2020-01-01", date_to="2020-12-31")) == [3]
    assert search(db, "hội nghị", SearchFilters(date_from="2016-01-01")).total == 2


def test_rank_cap_takes_the_newest_by_date(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    store(
        db,
        *[
            report(f"Báo cáo {i}", f"Hội nghị số {i}.", event_date=f"201{9 - i}-01-01")
            for i in range(5)
        ],
    )
    monkeypatch.setattr(search_module, "RANK_CAP", 2)
    results = search(db, "hội nghị", limit=5)
    assert sorted(hit.report.id for hit in results.hits[:2]) == [1, 2]
    assert [hit.report.id for hit in results.hits[2:]] == [3, 4, 5]


def homonyms() -> list:
    """Two people of the same name in one report: two directory entries, two mentions."""
    return [
        person("Nguyễn Văn Thể", "Bí thư Tỉnh ủy"),
        person("Nguyễn Văn Thể", "Giám đốc Sở Y tế", role="attendee"),
    ]


@pytest.mark.parametrize("order", ["relevance", "date"])
def test_filtered_total_past_the_cap_counts_each_report_once(
    db: Database, monkeypatch: pytest.MonkeyPatch, order: str
) -> None:
    store(
        db,
        *[
            report(
                f"Báo cáo {i}",
                f"Hội nghị số {i} về chuyển đổi số.",
                people=homonyms() if i % 3 else [person("Trần Văn An", "Chủ tịch")],
                source="a.vn" if i < 6 else "b.vn",
            )
            for i in range(9)
        ],
    )
    the = SearchFilters(person="nguyen van the")
    mentions = "SELECT count(*) FROM mentions JOIN people p ON p.id = person_id WHERE p.name = ?"
    assert db.execute(mentions, ["Nguyễn Văn Thể"]).fetchone()[0] == 12  # 6 reports, twice
    monkeypatch.setattr(search_module, "FILTERED_RANK_CAP", 2)
    monkeypatch.setattr(search_module, "FEW", 0)  # the index read newest first, not lookups
    seen = []
    for offset in range(0, 8, 3):
        results = search(db, "hội nghị", the, order=order, limit=3, offset=offset)
        assert results.total == 6 if results.counted else results.total <= 6
        assert results.ranked == (2 if order == "relevance" else 0)
        seen += [hit.report.id for hit in results.hits]
    assert sorted(seen) == [2, 3, 5, 6, 8, 9] and count(db, "hội nghị", the) == 6
    both = SearchFilters(person="nguyen van the", source="a.vn")
    assert count(db, "hội nghị", both) == 4  # reports 2, 3, 5, 6
    assert sorted(ids(db, "hội nghị", both, order=order)) == [2, 3, 5, 6]


def test_a_filter_other_than_dates_ranks_fewer_candidates(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    store(db, *[report(f"Báo cáo {i}", f"Hội nghị số {i}.", source="a.vn") for i in range(6)])
    monkeypatch.setattr(search_module, "RANK_CAP", 4)
    monkeypatch.setattr(search_module, "FILTERED_RANK_CAP", 2)
    monkeypatch.setattr(search_module, "FEW", 0)  # the index read newest first, not lookups
    assert search(db, "hội nghị").ranked == 4
    year = SearchFilters(date_from="2023-01-01", date_to="2023-12-31")
    assert search(db, "hội nghị", year).ranked == 4  # dates are a rowid range: no set to test
    filtered = search(db, "hội nghị", SearchFilters(source="a.vn"), limit=10)
    assert filtered.ranked == 2 and filtered.total == 6
    assert sorted(hit.report.id for hit in filtered.hits) == [1, 2, 3, 4, 5, 6]


def found(db: Database, text: str) -> list[tuple[int, float | None, bool]]:
    return [(hit.report.id, hit.score, hit.exact) for hit in search(db, text).hits]


def test_merging_the_index_keeps_every_result(archive: Database) -> None:
    store(archive, *[report(f"Báo cáo {i}", f"Đảng ủy họp lần {i}.") for i in range(5)])
    queries = ["dang uy", "Đảng", "nguyen van", "25-NQ/TW", "th", "hop lan 3"]
    before = {q: found(archive, q) for q in queries}
    assert index.segments(archive) > 1
    with transaction(archive):
        index.optimize(archive)
    assert index.segments(archive) == 1
    after = {q: found(archive, q) for q in queries}
    assert after == before


def test_rebuild_leaves_one_segment(archive: Database) -> None:
    store(archive, *[report(f"Báo cáo {i}", f"Hội nghị lần {i}.") for i in range(4)])
    with transaction(archive):
        assert index.rebuild(archive) == 7
    assert index.segments(archive) == 1
    assert ids(archive, "dan van kheo") == [1]


@pytest.fixture
def many(db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    """Seven reports about "hội nghị", and rank caps of 3: past the cap, pages are not
    counted."""
    store(db, *[report(f"Báo cáo {i}", f"Hội nghị số {i}.", source="a.vn") for i in range(7)])
    monkeypatch.setattr(search_module, "RANK_CAP", 3)
    monkeypatch.setattr(search_module, "FILTERED_RANK_CAP", 3)
    monkeypatch.setattr(search_module, "FEW", 0)
    return db


@pytest.mark.parametrize("order", ["relevance", "date"])
@pytest.mark.parametrize("filters", [None, SearchFilters(source="a.vn")])
def test_a_page_counts_the_matches_only_when_it_reaches_the_last(
    many: Database, order: str, filters: SearchFilters | None
) -> None:
    for limit in (1, 2, 3, 6, 7, 8):
        for offset in range(10):
            results = search(many, "hội nghị", filters, order=order, limit=limit, offset=offset)
            assert results.counted == (offset + limit >= 7), (limit, offset)
            if results.counted:
                assert results.total == 7
            else:  # a lower bound, above what was shown so far
                assert offset + len(results.hits) < results.total <= 7
    assert count(many, "hội nghị", filters) == 7


def test_count_tells_what_a_search_finds(many: Database) -> None:
    assert count(many, "số 5 ") == 1
    assert count(many, "") == 7
    assert count(many, "", SearchFilters(source="b.vn")) == 0
    assert count(many, "hội nghị", SearchFilters(date_from="2030-01-01")) == 0
    for text in HOSTILE:
        assert count(many, text) == search(many, text, limit=MAX_PAGE).total


def test_inside_a_transaction_the_count_sees_what_it_added(many: Database) -> None:
    with transaction(many):
        store(many, report("Báo cáo 8", "Hội nghị số 8."))
        assert count(many, "hội nghị") == 8
        assert search(many, "hội nghị", order="date", limit=10).total == 8


def test_a_count_past_the_deadline_is_a_timeout(
    many: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_module, "_CHECK_EVERY", 1)  # seven reports count in one check
    with pytest.raises(SearchTimeout, match="too long"):
        count(many, "hội nghị", deadline=-1.0)
    assert count(many, "hội nghị") == 7  # the handler is gone afterwards


def test_a_count_no_longer_wanted_stops(many: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_module, "_CHECK_EVERY", 1)
    with pytest.raises(Cancelled):
        count(many, "hội nghị", stop=lambda: True)
    assert count(many, "hội nghị", stop=lambda: False) == 7


@pytest.fixture
def his(db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    """Twelve reports about "dân vận", Nguyễn Văn Thể in five of them (1, 4, 7, 10, 12),
    and a filter passing up to 5 of them read from their own columns."""
    monkeypatch.setattr(search_module, "FEW", 5)
    monkeypatch.setattr(search_module, "FEW_SHARE", 1)
    him = [person("Nguyễn Văn Thể", "Bí thư Đảng ủy Khối")]
    texts = {
        1: ("Tin ngắn", "Bàn về dân vận."),
        4: ("Đảng ủy Khối tổng kết", "Đẩy mạnh công tác dân vận; dân và vận động."),
        7: ("Dân vận khéo ở cơ sở", "Phong trào Dân vận khéo lan rộng, dân vận."),
        10: ("Tin vắn", "Dan van và dẫn vấn."),
        12: ("Tin cuối", "Vận động nhân dân."),
    }
    store(
        db,
        *[
            report(
                *texts.get(i, (f"Báo cáo {i}", f"Công tác dân vận ở cơ sở số {i}.")),
                people=him if i in texts else [person("Trần Văn An", "Chủ tịch")],
                event_date=f"2023-01-{i:02d}",
                source="a.vn" if i % 2 else "b.vn",
            )
            for i in range(1, 13)
        ],
    )
    return db


@pytest.mark.parametrize(
    "filters",
    [
        SearchFilters(person="nguyen van the"),
        SearchFilters(person="Nguyễn Văn Thể", source="a.vn"),
        SearchFilters(person="Nguyễn Văn Thể", date_from="2023-01-05", date_to="2023-01-11"),
        SearchFilters(person="Nguyễn Văn Thể", source="c.vn"),
        SearchFilters(tag="không có"),
    ],
)
def test_a_filter_passing_few_reports_finds_what_reading_the_index_finds(
    his: Database, monkeypatch: pytest.MonkeyPatch, filters: SearchFilters
) -> None:
    queries = ["dân vận", "dan van kheo", "Dân vận", "vận", "dân v", *HOSTILE]
    looked_up = {q: search(his, q, filters, limit=50) for q in queries}
    by_date = {q: search(his, q, filters, order="date", limit=2) for q in queries}
    monkeypatch.setattr(search_module, "FEW", 0)
    for q, results in looked_up.items():
        read = search(his, q, filters, limit=50)
        assert results.counted and results.total == read.total == len(results.hits), q
        assert {hit.report.id for hit in results.hits} == {hit.report.id for hit in read.hits}
        assert all(hit.score is None for hit in results.hits)  # unscored: bm25 needs the index
        newest = search(his, q, filters, order="date", limit=2)
        assert [hit.report.id for hit in by_date[q].hits] == [hit.report.id for hit in newest.hits]
        assert by_date[q].counted and by_date[q].total == read.total  # every match was found


def test_few_reports_that_only_the_index_reads_alike_are_looked_up(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A private-use bullet glued to a word makes one word of both for FTS5, and marks typed
    apart (NFD) are composed by its folding: the few reports holding them are asked of the
    index, so the answers stay the index's."""
    monkeypatch.setattr(search_module, "FEW", 5)
    monkeypatch.setattr(search_module, "FEW_SHARE", 1)
    him = [person("Nguyễn Văn Thể", "Bí thư Đảng ủy Khối")]
    apart = unicodedata.normalize("NFD", "Dân vận khéo")
    store(
        db,
        report("Bản tin", "\uf0b7Dân vận khéo ở cơ sở.", people=him, event_date="2023-01-01"),
        report(apart, "Tin ngắn.", people=him, event_date="2023-01-02"),
        report("Dân vận khéo", "Dân vận khéo lan rộng.", people=him, event_date="2023-01-03"),
        *[report(f"Tin {i}", f"Dân vận số {i}.", event_date="2023-02-01") for i in range(4)],
    )
    him_only = SearchFilters(person="Nguyễn Văn Thể")
    queries = ["dân vận", "dan van kheo", "Dân vận khéo", "vận khéo"]
    few = {q: search(db, q, him_only) for q in queries}
    monkeypatch.setattr(search_module, "READ_SECONDS", -1.0)  # reading ran late: all asked
    for q, results in few.items():
        asked = search(db, q, him_only)
        assert [hit.report.id for hit in asked.hits] == [hit.report.id for hit in results.hits]
    monkeypatch.setattr(search_module, "FEW", 0)
    for q, results in few.items():
        read = {hit.report.id: hit.exact for hit in search(db, q, him_only).hits}
        assert {hit.report.id: hit.exact for hit in results.hits} == read, q
        assert all(hit.score is None for hit in results.hits)
    found = {q: {hit.report.id for hit in results.hits} for q, results in few.items()}
    assert found["dân vận"] == {2, 3} and found["vận khéo"] == {1, 2, 3}  # "\uf0b7dân" a word


def test_few_reports_rank_by_marks_phrase_headline_then_newest(his: Database) -> None:
    him = SearchFilters(person="Nguyễn Văn Thể")
    assert search(his, "dân vận", him).ranked == 5
    # marks and phrase (7 has both words in its headline), marks alone (12: "Vận động nhân
    # dân"), then the phrase without the marks (10: "Dan van"); newest first within a tier
    assert ids(his, "dân vận", him) == [7, 4, 1, 12, 10]
    assert [hit.exact for hit in search(his, "dân vận", him).hits] == [True] * 4 + [False]
    assert ids(his, "dan van", him) == [7, 10, 4, 1, 12]  # 10's headline: "vắn"
    assert ids(his, "dan van kheo", him) == [7]


def test_only_a_filter_passing_few_reports_of_many_is_looked_up(
    his: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    him = SearchFilters(person="Nguyễn Văn Thể")
    assert all(hit.score is None for hit in search(his, "dân vận", him).hits)
    monkeypatch.setattr(search_module, "FEW", 4)  # five pass: more than that
    assert all(hit.score is not None for hit in search(his, "dân vận", him).hits)
    monkeypatch.setattr(search_module, "FEW", 5)
    monkeypatch.setattr(search_module, "FEW_SHARE", 3)  # 12 reports: at most 4 read
    assert all(hit.score is not None for hit in search(his, "dân vận", him).hits)


@pytest.fixture
def years(db: Database) -> Database:
    """Forty reports over ten years; "khéo" in the first and the last only."""
    store(
        db,
        *[
            report(
                f"Báo cáo {i}",
                f"Dân vận {'khéo ' if i in (0, 39) else ''}ở cơ sở, lần {i}.",
                event_date=f"{2014 + i // 4}-0{1 + i % 4}-01",
            )
            for i in range(40)
        ],
    )
    return db


def test_candidates_spread_over_the_years_are_looked_up(
    years: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_module, "LOOKUP_ROWS", 10)
    rowids = [row[0] for row in years.execute("SELECT search_rowid FROM reports ORDER BY id")]
    assert search_module._spread_out(years, [rowids[0], rowids[39]])  # 40 reports for 2
    assert not search_module._spread_out(years, rowids[10:14])  # 4 reports for 4
    assert not search_module._spread_out(years, [])


@pytest.mark.parametrize("text", ["Dân vận khéo", "dan van kheo", "khéo", "Dân vận", "dân v"])
def test_looked_up_or_read_the_tiers_rank_alike(
    years: Database, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    def ranked() -> list[tuple[int, bool]]:
        return [(hit.report.id, hit.exact) for hit in search(years, text, limit=50).hits]

    monkeypatch.setattr(search_module, "LOOKUP_ROWS", 0)  # always looked up
    looked_up = ranked()
    monkeypatch.setattr(search_module, "LOOKUP_ROWS", 10**9)  # always read
    assert looked_up == ranked()
