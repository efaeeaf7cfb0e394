"""The editor's decisions on top of the program's suggestions."""

from __future__ import annotations

from workbench.core.models import Analysis, DocumentRef, KeyTask, Person, Span, item_to_dict
from workbench.core.review import Decision, build_review, edit_decision, item_key, merge_people

THE = Person("Nguyễn Văn Thể", ["Ủy viên Trung ương Đảng"], "speaker", [Span(10, 24)])
TRUONG = Person("Nguyễn Quang Trường", ["Phó Bí thư Đảng ủy Khối"], "speaker", [Span(40, 59)])
HONG = Person("Nguyễn Thị Hồng", ["Thống đốc Ngân hàng Nhà nước Việt Nam"], "attendee")
TASK = KeyTask(1, "Một là", "Một là, tiếp tục triển khai thực hiện nghiêm túc", 100, 150)
DOC = DocumentRef("Nghị quyết", "25-NQ/TW", "2013-06-03")


def analysis() -> Analysis:
    return Analysis([THE, TRUONG, HONG], [TASK], [DOC])


def test_suggestions_without_decisions():
    review = build_review(analysis(), [])
    assert [i.status for i in review.people] == ["suggested"] * 3
    assert review.accepted_analysis().people == [THE, TRUONG, HONG]


def test_keys_are_stable_across_tone_styles_and_forms_of_address():
    other_style = Person("Nguyễn Văn Thể", ["Uỷ viên Trung ương Đảng"])
    assert item_key("person", THE) == item_key("person", other_style)
    assert item_key("document", DOC) == item_key("document", DocumentRef("", "25-nq/tw"))


def test_reject_and_accept_survive_reanalysis():
    decisions = [
        Decision(item_key("person", HONG), "rejected"),
        Decision(item_key("person", THE), "accepted"),
    ]
    review = build_review(analysis(), decisions)
    assert [i.status for i in review.people] == ["accepted", "suggested", "rejected"]
    assert HONG not in review.accepted_analysis().people


def test_an_edit_replaces_the_suggestion_and_an_addition_is_kept_when_not_suggested():
    edited = Person("Nguyễn Thị Hồng", ["Thống đốc"], "speaker")
    added = Person("Lê Quốc Minh", ["Tổng Biên tập Báo Nhân dân"], "attendee")
    decisions = [
        edit_decision(item_key("person", HONG), edited),
        Decision(item_key("person", added), "added", item_to_dict(added)),
    ]
    review = build_review(Analysis([HONG]), decisions)
    assert [i.item for i in review.people] == [edited, added]
    assert review.people[1].origin == "editor"


def test_a_decision_about_an_item_no_longer_found_is_skipped():
    gone = Decision("person:nobody", "rejected")
    review = build_review(analysis(), [gone])
    assert len(review.people) == 3


def test_merge_two_people_keeps_every_title_and_mention_once():
    duplicate = Person("Nguyễn Văn Thể", ["Bí thư Đảng ủy Khối"], "attendee", [Span(300, 314)])
    merged = merge_people(THE, duplicate)
    assert merged.titles == ["Ủy viên Trung ương Đảng", "Bí thư Đảng ủy Khối"]
    assert merged.mentions == [Span(10, 24), Span(300, 314)]
    assert merged.role == "speaker"


def test_merge_decision_folds_one_person_into_another():
    decisions = [Decision(item_key("person", TRUONG), "merged", {"into": item_key("person", THE)})]
    review = build_review(analysis(), decisions)
    assert [i.item.name for i in review.people] == ["Nguyễn Văn Thể", "Nguyễn Thị Hồng"]
    assert Span(40, 59) in review.people[0].item.mentions
