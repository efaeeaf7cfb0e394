from __future__ import annotations

import unicodedata

import pytest
from sqlite_utils import Database

from tests.archive_factory import person, report
from workbench.core.errors import ArchiveError
from workbench.services.archive import get_report, reanalyse_report, store_report
from workbench.services.people import (
    get_person,
    list_people,
    merge_people,
    rename_person,
    reports_of_person,
    split_person,
    unmerge,
)
from workbench.services.searching import SearchFilters, search_reports


@pytest.fixture
def two_entries(db: Database) -> tuple[int, int]:
    """One man written two ways the matcher keeps apart (no shared title)."""
    store_report(
        db,
        report(
            "Hội nghị A",
            "Nội dung A.",
            event_date="2023-01-01",
            people=[person("Nguyễn Văn Thể", "Bộ trưởng Bộ Giao thông vận tải")],
        ),
    )
    store_report(
        db,
        report(
            "Hội nghị B",
            "Nội dung B.",
            event_date="2023-09-06",
            people=[person("Nguyễn Văn Thể", "Bí thư Đảng ủy Khối")],
        ),
    )
    ids = [item.id for item in list_people(db).items]
    assert len(ids) == 2
    return ids[0], ids[1]


def snapshot(db: Database) -> list[tuple[object, ...]]:
    return db.execute(
        "SELECT p.id, p.name, m.id, m.report_id FROM people p JOIN mentions m "
        "ON m.person_id = p.id ORDER BY m.id"
    ).fetchall()


def test_merge_then_unmerge_restores_the_directory(
    db: Database, two_entries: tuple[int, int]
) -> None:
    keep, other = two_entries
    before = snapshot(db)
    result = merge_people(db, keep, other)
    assert result.changes.people
    merged = get_person(db, keep)
    assert merged.report_count == 2
    assert {t.title for t in merged.titles} == {
        "Bộ trưởng Bộ Giao thông vận tải",
        "Bí thư Đảng ủy Khối",
    }
    with pytest.raises(ArchiveError):
        get_person(db, other)
    unmerge(db, result)
    assert snapshot(db) == before


def test_reports_of_a_person_with_titles_used_there(
    db: Database, two_entries: tuple[int, int]
) -> None:
    keep, other = two_entries
    merge_people(db, keep, other)
    seen = reports_of_person(db, keep)
    assert [(a.report_title, a.date, a.titles) for a in seen] == [
        ("Hội nghị B", "2023-09-06", ["Bí thư Đảng ủy Khối"]),
        ("Hội nghị A", "2023-01-01", ["Bộ trưởng Bộ Giao thông vận tải"]),
    ]


def test_split_moves_mentions_and_merge_reverts_it(
    db: Database, two_entries: tuple[int, int]
) -> None:
    keep, other = two_entries
    merge_people(db, keep, other)
    mention = reports_of_person(db, keep)[0].mention_id
    split = split_person(db, keep, [mention], name="Nguyễn Văn Thể (Khối)")
    new_id = split.new_person_id
    assert split.moved_mention_ids == [mention] and split.changes.people
    assert get_person(db, new_id).report_count == 1 and get_person(db, keep).report_count == 1
    assert search_reports(db, "", SearchFilters(person_id=new_id)).total == 1
    with pytest.raises(ArchiveError, match="rename instead"):
        split_person(db, new_id, [reports_of_person(db, new_id)[0].mention_id])
    with pytest.raises(ArchiveError, match="None of the chosen"):
        split_person(db, keep, [mention])
    merge_people(db, keep, new_id)
    assert get_person(db, keep).report_count == 2


def test_reanalysis_keeps_a_split(db: Database, two_entries: tuple[int, int]) -> None:
    keep, other = two_entries
    merge_people(db, keep, other)
    appearance = reports_of_person(db, keep)[0]
    split = split_person(db, keep, [appearance.mention_id], name="   ")  # blank: the same name
    assert get_person(db, split.new_person_id).name == "Nguyễn Văn Thể"
    merge_people(db, keep, split.new_person_id)
    split = split_person(db, keep, [appearance.mention_id], name="Nguyễn Văn Thể (Khối)")
    new_id = split.new_person_id
    stored = get_report(db, appearance.report_id).report
    reanalyse_report(db, appearance.report_id, stored.analysis)
    assert [a.report_id for a in reports_of_person(db, new_id)] == [appearance.report_id]
    assert get_person(db, keep).report_count == 1


def test_rename_keeps_the_written_name_findable(db: Database, two_entries: tuple[int, int]) -> None:
    keep, _ = two_entries
    renamed = rename_person(db, keep, "  Nguyễn  Văn Thể (GTVT) ")
    assert (renamed.old_name, renamed.new_name) == ("Nguyễn Văn Thể", "Nguyễn Văn Thể (GTVT)")
    detail = get_person(db, keep)
    assert detail.name == "Nguyễn Văn Thể (GTVT)"
    assert set(detail.names) == {"Nguyễn Văn Thể", "Nguyễn Văn Thể (GTVT)"}
    assert search_reports(db, "GTVT").total == 1  # the people column was re-indexed
    assert search_reports(db, "", SearchFilters(person="Nguyễn Văn Thể")).total == 2
    with pytest.raises(ArchiveError, match="blank"):
        rename_person(db, keep, "  ")
    apart = unicodedata.normalize("NFD", "Nguyễn Văn Thể (Bộ GTVT)")
    assert rename_person(db, keep, apart).new_name == unicodedata.normalize("NFC", apart)


def test_list_people_filters_without_marks(db: Database, two_entries: tuple[int, int]) -> None:
    store_report(
        db,
        report("C", "Nội dung C.", people=[person("Lê Quốc Minh", "Tổng Biên tập Báo Nhân dân")]),
    )
    page = list_people(db, query="quoc minh")
    assert [p.name for p in page.items] == ["Lê Quốc Minh"] and page.total == 1
    assert page.items[0].titles[0].title == "Tổng Biên tập Báo Nhân dân"
    assert list_people(db, query="100%_").total == 0
    assert list_people(db).total == 3


def test_merge_refuses_nonsense(db: Database, two_entries: tuple[int, int]) -> None:
    keep, _ = two_entries
    with pytest.raises(ArchiveError, match="itself"):
        merge_people(db, keep, keep)
    with pytest.raises(ArchiveError, match="no person"):
        merge_people(db, keep, 999)
