from __future__ import annotations

import itertools
from datetime import date, timedelta

from sqlite_utils import Database

from tests.archive_factory import person, report
from workbench.core.models import Person
from workbench.storage import people_queries, repository
from workbench.storage.db import transaction
from workbench.storage.titles import (
    TitleTally,
    organisation,
    tally,
    title_key,
    titles_compatible,
)

_day = itertools.count(1)


def store(db: Database, *people: Person, event_date: str | None = None) -> int:
    """A report naming ``people``; each call has its own text and (unless given) date."""
    n = next(_day)
    item = report(
        f"Hội nghị {n}",
        f"Nội dung hội nghị số {n}.",
        people=list(people),
        event_date=event_date or (date(2023, 1, 1) + timedelta(days=n)).isoformat(),
    )
    with transaction(db):
        return repository.insert(db, item, "now")


def person_ids(db: Database) -> list[tuple[str, int]]:
    rows = db.execute(
        "SELECT p.name, count(m.id) FROM people p JOIN mentions m "
        "ON m.person_id = p.id GROUP BY p.id ORDER BY p.id"
    ).fetchall()
    return [tuple(row) for row in rows]


def test_same_name_and_shared_title_is_one_person(db: Database) -> None:
    store(db, person("Nguyễn Văn Thể", "Ủy viên Trung ương Đảng", "Bí thư Đảng ủy Khối"))
    store(db, person("Nguyễn Văn Thể", "Uỷ viên Ban Chấp hành Trung ương Đảng"))
    assert person_ids(db) == [("Nguyễn Văn Thể", 2)]


def test_short_form_of_a_title_and_a_promotion_match(db: Database) -> None:
    store(db, person("Nguyễn Văn Thể", "Bí thư Đảng ủy Khối các cơ quan Trung ương"))
    store(db, person("Nguyễn Văn Thể", "Phó Bí thư Đảng ủy Khối"))
    store(db, person("Đỗ Văn Chiến", "Phó Chủ tịch UBND tỉnh Tuyên Quang"))
    store(db, person("Đỗ Văn Chiến", "Chủ tịch Ủy ban nhân dân tỉnh Tuyên Quang"))
    assert person_ids(db) == [("Nguyễn Văn Thể", 2), ("Đỗ Văn Chiến", 2)]


def test_common_name_with_unrelated_titles_stays_two_people(db: Database) -> None:
    store(db, person("Nguyễn Văn Hùng", "Chủ tịch UBND tỉnh Quảng Trị"))
    store(db, person("Nguyễn Văn Hùng", "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch"))
    assert person_ids(db) == [("Nguyễn Văn Hùng", 1), ("Nguyễn Văn Hùng", 1)]


def test_a_bare_given_name_is_never_merged(db: Database) -> None:
    store(db, person("Dũng", "Bộ trưởng"))
    store(db, person("Dũng", "Bộ trưởng"))
    assert person_ids(db) == [("Dũng", 1), ("Dũng", 1)]


def test_marks_are_part_of_the_name(db: Database) -> None:
    store(db, person("Nguyễn Văn Thể", "Bí thư Đảng ủy Khối"))
    store(db, person("Nguyễn Văn Thế", "Bí thư Đảng ủy Khối"))
    assert len(person_ids(db)) == 2


def test_untitled_mention_joins_only_an_unambiguous_full_name(db: Database) -> None:
    store(db, person("Phạm Tất Thắng", "Phó Trưởng Ban Dân vận Trung ương"))
    store(db, person("Phạm Tất Thắng"))
    store(db, person("Lê Hùng", "Giám đốc Sở Y tế"))
    store(db, person("Lê Hùng"))  # two words only: too common to join on the name alone
    assert person_ids(db) == [("Phạm Tất Thắng", 2), ("Lê Hùng", 1), ("Lê Hùng", 1)]


def test_untitled_mention_with_two_candidates_is_not_guessed(db: Database) -> None:
    store(db, person("Nguyễn Văn Hùng", "Chủ tịch UBND tỉnh Quảng Trị"))
    store(db, person("Nguyễn Văn Hùng", "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch"))
    store(db, person("Nguyễn Văn Hùng"))
    assert [count for _, count in person_ids(db)] == [1, 1, 1]


def test_titles_carry_first_and_last_dates(db: Database) -> None:
    store(db, person("Nguyễn Văn Thể", "Bí thư Đảng ủy Khối"), event_date="2020-01-05")
    store(
        db,
        person("Nguyễn Văn Thể", "Bí thư Đảng ủy Khối", "Ủy viên Trung ương Đảng"),
        event_date="2023-09-06",
    )
    person_id = db.execute("SELECT id FROM people").fetchone()[0]
    titles = {t.title: t for t in people_queries.titles_of(db, person_id)}
    assert titles["Bí thư Đảng ủy Khối"].first_seen == "2020-01-05"
    assert titles["Bí thư Đảng ủy Khối"].last_seen == "2023-09-06"
    assert titles["Bí thư Đảng ủy Khối"].report_count == 2
    assert titles["Ủy viên Trung ương Đảng"].first_seen == "2023-09-06"


def test_title_rules() -> None:
    assert title_key("Uỷ viên BCH TW Đảng") == title_key("Ủy viên Ban Chấp hành Trung ương Đảng")
    assert organisation("Phó Bí thư Tỉnh ủy Quảng Trị") == ("tỉnh", "ủy", "quảng", "trị")
    assert organisation("Trung tướng") == ()
    assert not titles_compatible(["Trung tướng"], ["Đại tá"])
    assert titles_compatible(["Thứ trưởng Bộ Y tế"], ["Bộ trưởng Bộ Y tế"])
    assert not titles_compatible(["Phó Chủ tịch UBND tỉnh"], ["Phó Bí thư Tỉnh ủy"])


def test_spellings_of_one_title_are_tallied_once() -> None:
    entries: list[TitleTally] = []
    tally(entries, ["Ủy viên Trung ương Đảng", "Bí thư Đảng ủy Khối"], "2020-01-01")
    tally(entries, ["Uỷ viên BCH Trung ương Đảng"], "2021-01-01")
    assert [(e.title, e.count, e.first_seen, e.last_seen) for e in entries] == [
        ("Uỷ viên BCH Trung ương Đảng", 2, "2020-01-01", "2021-01-01"),
        ("Bí thư Đảng ủy Khối", 1, "2020-01-01", "2020-01-01"),
    ]


def test_deleting_the_only_report_removes_the_person(db: Database) -> None:
    report_id = store(db, person("Nguyễn Văn Thể", "Bí thư Đảng ủy Khối"))
    with transaction(db):
        repository.delete(db, report_id)
    assert person_ids(db) == []
    assert db.execute("SELECT count(*) FROM people").fetchone()[0] == 0
