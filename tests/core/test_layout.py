"""The pure rules of exported documents: dates, numbers, settings, file names."""

from __future__ import annotations

import os
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.layout import (
    MAX_FILENAME_BYTES,
    ExportSettings,
    closing_lines,
    decree_date,
    document_line,
    document_lines,
    document_number,
    end_mark,
    house_text,
    parse_day,
    report_day,
    safe_filename,
    short_date,
    speaker_lines,
    upper_vi,
)
from workbench.core.models import Analysis, DocumentRef, Person, Report

# --- dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2023, 9, 6), "Hà Nội, ngày 06 tháng 9 năm 2023"),
        (date(2020, 1, 5), "Hà Nội, ngày 05 tháng 01 năm 2020"),
        (date(2021, 2, 28), "Hà Nội, ngày 28 tháng 02 năm 2021"),
        (date(2021, 3, 1), "Hà Nội, ngày 01 tháng 3 năm 2021"),
        (date(2019, 10, 10), "Hà Nội, ngày 10 tháng 10 năm 2019"),
        (date(2019, 12, 31), "Hà Nội, ngày 31 tháng 12 năm 2019"),
    ],
)
def test_decree_date_has_leading_zeros_for_days_1_to_9_and_months_1_and_2(day, expected):
    assert decree_date(day, "Hà Nội") == expected


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_decree_date_rule_holds_for_every_day(day: date):
    words = decree_date(day, "Huế").split()
    assert words[0] == "Huế," and words[1] == "ngày" and words[3] == "tháng"
    dd, mm, yyyy = words[2], words[4], words[6]
    assert len(dd) == 2 and int(dd) == day.day
    assert int(mm) == day.month and len(mm) == (2 if day.month in (1, 2, 10, 11, 12) else 1)
    assert int(yyyy) == day.year


def test_decree_date_without_place_starts_with_a_capital():
    assert decree_date(date(2020, 1, 5)) == "Ngày 05 tháng 01 năm 2020"


def test_short_date_follows_the_same_zero_rule():
    assert short_date(date(2013, 6, 3)) == "03/6/2013"
    assert short_date(date(2019, 1, 7)) == "07/01/2019"
    assert short_date(date(2019, 11, 17)) == "17/11/2019"


def test_parse_day_reads_iso_dates_and_refuses_the_rest():
    assert parse_day("2023-09-07T05:59") == date(2023, 9, 7)
    assert parse_day("2023-09-06") == date(2023, 9, 6)
    assert parse_day("07/09/2023") is None
    assert parse_day("") is None and parse_day(None) is None


def test_report_day_prefers_event_then_published_then_issue_date():
    report = Report("t", [], published_at="2023-09-07T05:59", event_date="2023-09-06")
    assert report_day(report, date(2024, 1, 1)) == date(2023, 9, 6)
    report.event_date = None
    assert report_day(report, date(2024, 1, 1)) == date(2023, 9, 7)
    report.published_at = "not a date"
    assert report_day(report, date(2024, 1, 1)) == date(2024, 1, 1)


# --- numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "layout", "expected"),
    [
        (12, "government", "Số: 12/TC-ĐUK"),
        ("5", "government", "Số: 05/TC-ĐUK"),
        (127, "party", "Số 127-TC/ĐUK"),
        (5, "party", "Số 05-TC/ĐUK"),
        ("12a", "government", "Số: 12a/TC-ĐUK"),
    ],
)
def test_document_number_per_layout(number, layout, expected):
    assert document_number(number, "ĐUK", layout) == expected


def test_document_number_left_blank_for_the_clerk():
    assert document_number(None, "ĐUK").startswith("Số: ")
    assert document_number(None, "ĐUK").endswith("/TC-ĐUK")
    assert document_number(None, "ĐUK", "party").endswith("-TC/ĐUK")
    assert document_number(3, "") == "Số: 03/TC"


def test_end_mark():
    assert end_mark("hiệu quả.") == "hiệu quả./."
    assert end_mark("hiệu quả") == "hiệu quả./."


# --- blocks -------------------------------------------------------------------------------


def test_speaker_lines_list_speakers_only_with_their_titles():
    report = Report(
        "t",
        [],
        analysis=Analysis(
            people=[
                Person(
                    "Nguyễn Văn Thể", ["Ủy viên Trung ương Đảng", "Bí thư Đảng ủy Khối"], "speaker"
                ),
                Person("Lê Quốc Minh", ["Tổng Biên tập"], "attendee"),
                Person("Nguyễn Quang Trường", [], "speaker"),
            ]
        ),
    )
    assert speaker_lines(report) == [
        "– đồng chí Nguyễn Văn Thể, Ủy viên Trung ương Đảng, Bí thư Đảng ủy Khối;",
        "– đồng chí Nguyễn Quang Trường.",
    ]


def test_documents_in_full_each_once():
    ref = DocumentRef("Nghị quyết", "25-NQ/TW", "2013-06-03", "Ban Chấp hành Trung ương")
    assert (
        document_line(ref) == "Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Ban Chấp hành Trung ương"
    )
    assert document_line(DocumentRef("Kết luận", "43-KL/TW")) == "Kết luận số 43-KL/TW"
    report = Report(
        "t", [], analysis=Analysis(documents=[ref, DocumentRef("Nghị quyết", "25-nq/tw")])
    )
    assert document_lines(report) == ["– " + document_line(ref) + "."]


def test_closing_lines_show_every_press_law_item():
    office = ExportSettings(
        licence_number="12/GP-XBBT",
        licence_date="2023-01-05",
        licence_issuer="Cục Báo chí",
        frequency="hằng tháng",
        printer="Công ty In",
        print_run=500,
        person_responsible="Nguyễn Văn C",
    )
    text = "\n".join(closing_lines(office))
    for part in ("12/GP-XBBT", "05/01/2023", "Cục Báo chí", "hằng tháng", "Công ty In", "500 bản"):
        assert part in text
    assert "Nguyễn Văn C" in text
    assert all(line.endswith("…") for line in closing_lines(ExportSettings())[1:])


def test_upper_vi_keeps_vietnamese_letters():
    assert upper_vi("Đảng ủy Khối các cơ quan Trung ương") == "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TRUNG ƯƠNG"


def test_house_text_converts_tone_marks_and_normalises():
    nfd = unicodedata.normalize("NFD", "Ủy viên hòa thuận, quý")
    assert house_text(nfd, "keep") == "Ủy viên hòa thuận, quý"
    assert house_text(nfd, "new") == "Uỷ viên hoà thuận, quý"
    assert house_text("Uỷ viên hoà", "old") == "Ủy viên hòa"


# --- settings -----------------------------------------------------------------------------


def test_settings_defaults():
    office = ExportSettings()
    assert office.place == "Hà Nội" and office.layout == "government"
    assert office.tone_style == "keep" and office.bulletin_page_size == "A4"


def test_settings_round_trip_as_string_key_values():
    office = ExportSettings(
        issuing_body="Ban Tuyên giáo",
        layout="party",
        contact_lines=["Điện thoại: 024", "Email: a@b.vn"],
        print_run=1200,
        tone_style="new",
    )
    stored = office.to_dict()
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in stored.items())
    assert ExportSettings.from_dict(stored) == office


@given(
    st.builds(
        ExportSettings,
        parent_body=st.text(max_size=40).map(lambda s: " ".join(s.split())),
        issuing_body=st.text(max_size=40).map(lambda s: " ".join(s.split())),
        layout=st.sampled_from(["government", "party"]),
        contact_lines=st.lists(
            st.text(min_size=1, max_size=20).map(lambda s: " ".join(s.split())).filter(bool),
            max_size=3,
        ),
        print_run=st.integers(min_value=0, max_value=10**6),
    )
)
def test_settings_round_trip_property(office: ExportSettings):
    office.parent_body = unicodedata.normalize("NFC", office.parent_body)
    office.issuing_body = unicodedata.normalize("NFC", office.issuing_body)
    office.contact_lines = [unicodedata.normalize("NFC", line) for line in office.contact_lines]
    assert ExportSettings.from_dict(office.to_dict()) == office


def test_settings_from_junk_falls_back_to_defaults():
    office = ExportSettings.from_dict(
        {"layout": "royal", "print_run": "many", "tone_style": 3, "unknown": "x", "place": None}
    )
    assert office.layout == "government" and office.print_run == 0
    assert office.tone_style == "keep" and office.place == "Hà Nội"


# --- file names ---------------------------------------------------------------------------

HOSTILE = [
    "../../etc/passwd",
    "..",
    ".",
    " . ",
    "",
    "   ",
    "CON",
    "con.txt",
    "LPT1",
    "COM¹",
    'a/b\\c:d*e?f"g<h>i|j',
    "\x00\x01\x1f\x7f",
    "tiêu đề\u202ecod.exe",
    "x" * 400,
    "Đảng " * 100,
    "Thông cáo: Hà Nội/2023 — ngày 06/9",
    "-rf",
    "line\nbreak\ttab",
    "\ud800",
]


def _check_name(name: str) -> None:
    assert name and name not in (".", "..")
    assert "/" not in name and "\\" not in name and "\x00" not in name
    assert len(name.encode("utf-8")) <= MAX_FILENAME_BYTES
    assert unicodedata.normalize("NFC", name) == name
    assert not any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in name)
    assert name == name.strip(" .")


@pytest.mark.parametrize("headline", HOSTILE)
def test_safe_filename_with_hostile_headlines(headline: str, tmp_path: Path):
    name = safe_filename(headline)
    _check_name(name)
    target = tmp_path / f"{name}.docx"
    target.write_bytes(b"x")
    assert target.resolve().parent == tmp_path.resolve()
    assert os.listdir(tmp_path) == [f"{name}.docx"]


def test_safe_filename_keeps_vietnamese_and_refuses_reserved_names():
    assert safe_filename("Thông cáo: Hà Nội/2023") == "Thông cáo Hà Nội 2023"
    assert safe_filename("CON").upper() != "CON"
    assert safe_filename("nul.docx").startswith("_")
    assert safe_filename("") == "Thông cáo báo chí"
    assert safe_filename("..", fallback="Bản tin") == "Bản tin"


@settings(max_examples=300)
@given(st.text(max_size=400))
def test_safe_filename_invariants(headline: str):
    _check_name(safe_filename(headline))
