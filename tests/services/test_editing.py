"""Editing a stored report: decisions, fields, blocks and tags, each applied and reverted."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest

from workbench.core.edits import MergePeople, SetDecision, UpdateReport
from workbench.core.errors import ArchiveError
from workbench.core.models import Person, Report, Span, item_to_dict
from workbench.core.review import Decision
from workbench.services.archive import store_report
from workbench.services.editing import (
    DateRefused,
    apply_edit,
    load_report_view,
    revert_edit,
    update_report,
)
from workbench.services.importing import read_report
from workbench.services.people import list_people
from workbench.services.searching import SearchFilters, search_reports

RAW_000 = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "raw" / "000.txt"


@pytest.fixture
def report_id(db) -> int:
    return store_report(db, read_report(RAW_000)).report_id


def person_item(view, name):
    return next(i for i in view.review.people if i.item.name == name)


def found_by_person(db, name: str) -> int:
    return search_reports(db, "", SearchFilters(person=name)).total


def test_the_view_holds_suggestions_and_no_decisions(db, report_id):
    view = load_report_view(db, report_id)
    assert view.decisions == {}
    assert {i.status for i in view.review.people} == {"suggested"}
    assert len(view.review.key_tasks) == 5


def test_rejecting_a_person_takes_them_out_of_the_archive_and_undo_brings_them_back(db, report_id):
    hong = person_item(load_report_view(db, report_id), "Nguyễn Thị Hồng")
    assert found_by_person(db, "Nguyễn Thị Hồng") == 1
    edit = SetDecision(report_id, hong.key, None, Decision(hong.key, "rejected"))
    changes = apply_edit(db, edit)
    assert changes.decisions and changes.people
    view = load_report_view(db, report_id)
    assert person_item(view, "Nguyễn Thị Hồng").status == "rejected"  # still shown, struck out
    assert "Nguyễn Thị Hồng" not in [p.name for p in view.report.analysis.people]
    assert found_by_person(db, "Nguyễn Thị Hồng") == 0
    revert_edit(db, edit)
    assert load_report_view(db, report_id).decisions == {}
    assert found_by_person(db, "Nguyễn Thị Hồng") == 1


def test_an_edited_person_survives_reanalysis(db, report_id):
    from workbench.services.archive import reanalyse_report

    the = person_item(load_report_view(db, report_id), "Nguyễn Văn Thể")
    edited = replace(the.item, titles=[*the.item.titles, "Trưởng đoàn"])
    apply_edit(
        db, SetDecision(report_id, the.key, None, Decision(the.key, "edited", item_to_dict(edited)))
    )
    reanalyse_report(db, report_id, read_report(RAW_000).analysis)
    view = load_report_view(db, report_id)
    assert person_item(view, "Nguyễn Văn Thể").item.titles[-1] == "Trưởng đoàn"


def test_merging_two_people_of_a_report(db, report_id):
    view = load_report_view(db, report_id)
    hong, minh = person_item(view, "Nguyễn Thị Hồng"), person_item(view, "Lê Quốc Minh")
    decision = Decision(minh.key, "merged", {"into": hong.key})
    apply_edit(db, SetDecision(report_id, minh.key, None, decision))
    names = [i.item.name for i in load_report_view(db, report_id).review.people]
    assert "Lê Quốc Minh" not in names and "Nguyễn Thị Hồng" in names


def test_field_edits_reach_search_and_undo(db, report_id):
    before = load_report_view(db, report_id).report.title
    edit = UpdateReport(
        report_id,
        {"title": before, "place": "Hà Nội"},
        {"title": "Hội nghị dân vận khéo 2023", "place": "Thủ đô Hà Nội"},
    )
    apply_edit(db, edit)
    assert search_reports(db, "hoi nghi dan van kheo 2023").hits[0].report.id == report_id
    assert load_report_view(db, report_id).report.place == "Thủ đô Hà Nội"
    revert_edit(db, edit)
    assert load_report_view(db, report_id).report.title == before


@pytest.mark.parametrize(
    ("field", "typed", "stored"),
    [
        ("event_date", "6/9/2023", "2023-09-06"),
        ("event_date", "06-09-2023", "2023-09-06"),
        ("event_date", "2023-09-06", "2023-09-06"),
        ("event_date", "05:59 07/09/2023", "2023-09-07"),
        ("published_at", "05:59 07/09/2023", "2023-09-07T05:59"),
        ("published_at", "7/9/2023", "2023-09-07"),
    ],
)
def test_dates_typed_the_vietnamese_way_are_stored_in_iso_form(db, report_id, field, typed, stored):
    update_report(db, report_id, {field: typed})
    assert getattr(load_report_view(db, report_id).report, field) == stored


@pytest.mark.parametrize("typed", ["hôm qua", "31/2/2023", "2023-13-01", "9/2023"])
def test_a_date_that_is_not_one_is_refused_and_nothing_changes(db, report_id, typed):
    before = load_report_view(db, report_id).report
    with pytest.raises(DateRefused, match="is not a date"):
        update_report(db, report_id, {"event_date": typed, "place": "Đà Nẵng"})
    after = load_report_view(db, report_id).report
    assert (after.event_date, after.place) == (before.event_date, before.place)
    assert search_reports(db, "", SearchFilters(date_from="2023-09-06", date_to="2023-09-06")).total


def test_text_typed_with_marks_apart_is_stored_composed_and_found(db, report_id):
    """An editor whose keyboard composes marks apart (NFD) writes what the archive holds in
    NFC; a search with a filter that passes few reports reads the stored text itself."""
    apart = unicodedata.normalize("NFD", "Hoàn thành kế hoạch dân vận")
    view = load_report_view(db, report_id)
    blocks = [*[(b.kind, b.text) for b in view.report.blocks][:2], ("paragraph", apart)]
    update_report(db, report_id, {"title": apart, "blocks": blocks, "tags": apart})
    report = load_report_view(db, report_id).report
    composed = unicodedata.normalize("NFC", apart)
    assert report.title == composed and report.blocks[-1].text == composed
    assert load_report_view(db, report_id).tags == [composed]
    assert search_reports(db, "hoàn thành", SearchFilters(tag=composed)).total == 1


def test_new_blocks_are_analysed_again_and_tags_are_set(db, report_id):
    view = load_report_view(db, report_id)
    blocks = [(b.kind, b.text) for b in view.report.blocks][:3]
    update_report(db, report_id, {"blocks": blocks, "tags": "dân vận, hội nghị"})
    view = load_report_view(db, report_id)
    assert len(view.report.blocks) == 3
    assert view.review.key_tasks == []  # the task list was in the blocks removed
    assert sorted(view.tags) == ["dân vận", "hội nghị"]
    update_report(db, report_id, {"tags": "hội nghị"})
    assert load_report_view(db, report_id).tags == ["hội nghị"]


def test_an_added_speaker_still_marks_their_name_after_the_body_is_edited(db, report_id):
    view = load_report_view(db, report_id)
    text = view.report.text
    start = text.index("Lê Quốc Minh")
    added = Person("Lê Quốc Minh", ["Tổng Biên tập Báo Nhân dân"], "speaker")
    added = replace(added, mentions=[Span(start, start + len("Lê Quốc Minh"))])
    key = "person:editor-added"
    apply_edit(db, SetDecision(report_id, key, None, Decision(key, "added", item_to_dict(added))))
    blocks = [(b.kind, b.text) for b in view.report.blocks]
    blocks.insert(0, ("paragraph", "Ảnh: Phóng viên. Bài viết được biên tập lại."))
    edit = UpdateReport(report_id, {"blocks": view.report.blocks}, {"blocks": blocks})
    apply_edit(db, edit)

    def marked(view) -> list[str]:
        value = view.decisions[key].value
        return [view.report.text[m["start"] : m["end"]] for m in value["mentions"]]

    after = load_report_view(db, report_id)
    assert after.report.text != text and marked(after) == ["Lê Quốc Minh"]
    revert_edit(db, edit)
    back = load_report_view(db, report_id)
    assert back.report.text == text and marked(back) == ["Lê Quốc Minh"]
    assert back.decisions[key].value["mentions"] == [{"start": start, "end": start + 12}]


def test_a_person_added_with_marks_typed_apart_is_stored_composed(db, report_id):
    key = "person:editor-added"
    typed = Person(unicodedata.normalize("NFD", "Lê Quốc Minh"), ["Tổng Biên tập"], "speaker")
    apply_edit(db, SetDecision(report_id, key, None, Decision(key, "added", item_to_dict(typed))))
    assert load_report_view(db, report_id).decisions[key].value["name"] == "Lê Quốc Minh"
    assert found_by_person(db, "Lê Quốc Minh") == 1


def test_text_equal_to_another_report_is_refused(db, report_id):
    other = store_report(db, Report(title="Khác", blocks=[])).report_id
    with pytest.raises(ArchiveError, match="already has this text"):
        update_report(db, other, {"blocks": load_report_view(db, report_id).report.blocks})


def test_merging_directory_entries_is_undoable(db, report_id):
    people = list_people(db).items
    into, other = people[0].id, people[1].id
    edit = MergePeople(into, other)
    apply_edit(db, edit)
    assert len(list_people(db).items) == len(people) - 1
    revert_edit(db, edit)
    assert len(list_people(db).items) == len(people)


def test_missing_report(db):
    with pytest.raises(ArchiveError):
        load_report_view(db, 999)
