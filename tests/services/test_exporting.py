"""The export use case on real archive files: settings, press releases, bulletins, history."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from sqlite_utils import Database

from tests.archive_factory import person, report
from workbench.core.errors import ArchiveError, ExportFailed
from workbench.core.layout import ExportSettings
from workbench.core.review import item_key
from workbench.services.archive import store_report
from workbench.services.changes import Changes
from workbench.services.curation import list_exports, set_setting
from workbench.services.decisions import record_decision
from workbench.services.exporting import (
    SETTING_KEYS,
    SettingRefused,
    accepted_report,
    default_export_name,
    export_bulletin,
    export_press_release,
    export_settings,
    set_export_setting,
    set_export_settings,
    setting_key,
)
from workbench.services.people import list_people, rename_person

THE = person("Nguyễn Văn Thể", "Bí thư Đảng ủy Khối các cơ quan Trung ương")
HONG = person("Nguyễn Thị Hồng", "Thống đốc Ngân hàng Nhà nước Việt Nam")


@pytest.fixture
def stored(db: Database) -> tuple[int, int]:
    """Two reports in the archive: a conference with two speakers, and a short one."""
    first = store_report(
        db,
        report(
            "Hội nghị tổng kết công tác dân vận",
            "Ngày 06/9/2023, Đảng ủy Khối tổ chức hội nghị.",
            "Các đại biểu thảo luận.",
            people=[THE, HONG],
            documents=["25-NQ/TW"],
        ),
    ).report_id
    second = store_report(
        db, report("Bản tin thứ hai", "Nội dung khác hẳn.", event_date="2023-10-01")
    ).report_id
    return first, second


def paragraphs(path: Path) -> list[str]:
    """The body paragraphs of a .docx, and those of its tables, as python-docx reads them."""
    document = docx.Document(str(path))
    cells = [p.text for t in document.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    return cells + [p.text for p in document.paragraphs]


# settings ----------------------------------------------------------------------------------------


def test_a_new_archive_has_the_default_settings(db):
    assert export_settings(db) == ExportSettings()


def test_settings_round_trip_normalised(db):
    decomposed = "Ban Tuyên giáo".replace("ê", "e\u0302")  # NFD, as some keyboards type it
    assert set_export_setting(db, "issuing-body", f"  {decomposed} ") == Changes(settings=True)
    set_export_setting(db, "contact_lines", "Điện thoại: 024\n\n  Email: a@b.vn ")
    set_export_setting(db, "print_run", "500")
    set_export_setting(db, "layout", "party")
    settings = export_settings(db)
    assert settings.issuing_body == "Ban Tuyên giáo"  # NFC, trimmed
    assert settings.contact_lines == ["Điện thoại: 024", "Email: a@b.vn"]
    assert settings.print_run == 500 and settings.is_party
    set_export_setting(db, "layout", None)
    assert export_settings(db).layout == "government"


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("organisation", "X", "no setting organisation"),
        ("layout", "royal", "layout must be one of"),
        ("tone_style", "", "tone_style must be one of"),
        ("bulletin_page_size", "A3", "bulletin_page_size must be one of"),
        ("print_run", "-5", "whole number"),
        ("print_run", "five hundred", "whole number"),
    ],
)
def test_bad_settings_are_refused_and_nothing_is_stored(db, key, value, words):
    with pytest.raises(SettingRefused, match=words) as caught:
        set_export_setting(db, key, value)
    assert isinstance(caught.value, ValueError)  # callers may catch either
    assert export_settings(db) == ExportSettings()


def test_setting_keys_are_the_export_settings_fields():
    assert SETTING_KEYS[:3] == ("parent_body", "issuing_body", "abbreviation")
    assert setting_key(" Licence-Number ") == "licence_number"


def test_the_older_organisation_setting_is_the_issuing_body_until_one_is_set(db):
    set_setting(db, "organisation", "Văn phòng Tỉnh ủy")
    assert export_settings(db).issuing_body == "Văn phòng Tỉnh ủy"
    set_export_setting(db, "issuing_body", "Ban Dân vận")
    assert export_settings(db).issuing_body == "Ban Dân vận"


# press release ------------------------------------------------------------------------------------


def test_export_press_release_writes_records_and_uses_the_settings(db, stored, tmp_path):
    set_export_setting(db, "issuing_body", "Ban Dân vận Đảng ủy Khối")
    target = tmp_path / "tc.docx"
    result = export_press_release(db, stored[0], target, number="5")
    assert result.path == target and result.changes == Changes(exports=True)
    text = paragraphs(target)
    assert "Hội nghị tổng kết công tác dân vận" in text
    assert "BAN DÂN VẬN ĐẢNG ỦY KHỐI" in text and "Số: 05/TC" in text
    assert "– đồng chí Nguyễn Văn Thể, Bí thư Đảng ủy Khối các cơ quan Trung ương;" in text
    history = list_exports(db)
    assert [(e.kind, e.path, e.report_ids) for e in history] == [
        ("docx", str(target.resolve()), [stored[0]])
    ]


def test_a_layout_given_for_one_export_does_not_change_the_setting(db, stored, tmp_path):
    export_press_release(db, stored[0], tmp_path / "p.docx", layout="party")
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in paragraphs(tmp_path / "p.docx")
    assert export_settings(db).layout == "government"
    with pytest.raises(SettingRefused):
        export_press_release(db, stored[0], tmp_path / "x.docx", layout="royal")
    assert not (tmp_path / "x.docx").exists()


def test_a_missing_report_writes_and_records_nothing(db, tmp_path):
    with pytest.raises(ArchiveError, match="no report #42"):
        export_press_release(db, 42, tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists() and list_exports(db) == []


def test_a_file_that_cannot_be_written_is_export_failed_and_not_recorded(db, stored, tmp_path):
    with pytest.raises(ExportFailed):
        export_press_release(db, stored[0], tmp_path / "no" / "such" / "folder" / "x.docx")
    assert list_exports(db) == []


def test_the_export_leaves_out_what_the_editor_rejected(db, stored, tmp_path):
    record_decision(db, stored[0], item_key("person", HONG), "rejected")
    assert [p.name for p in accepted_report(db, stored[0]).analysis.people] == ["Nguyễn Văn Thể"]
    export_press_release(db, stored[0], tmp_path / "tc.docx")
    text = "\n".join(paragraphs(tmp_path / "tc.docx"))
    assert "đồng chí Nguyễn Văn Thể" in text and "đồng chí Nguyễn Thị Hồng" not in text


def test_the_export_names_people_as_the_directory_does(db, stored):
    entry = next(p for p in list_people(db).items if p.name == "Nguyễn Văn Thể")
    rename_person(db, entry.id, "Nguyễn Văn Thể (Đảng ủy Khối)")
    names = [p.name for p in accepted_report(db, stored[0]).analysis.people]
    assert names == ["Nguyễn Văn Thể (Đảng ủy Khối)", "Nguyễn Thị Hồng"]


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Hội nghị tổng kết", "Hội nghị tổng kết.docx"),
        ("Báo cáo 25/NQ: kết quả?", "Báo cáo 25 NQ kết quả.docx"),
        (None, "Thông cáo báo chí.docx"),
        ("CON", "_CON.docx"),
    ],
)
def test_default_export_name(title, name):
    assert default_export_name(report(title, "Nội dung.")) == name


# bulletin -----------------------------------------------------------------------------------------


def test_export_bulletin_keeps_the_order_given_and_records_it(db, stored, tmp_path):
    set_export_setting(db, "bulletin_name", "Thông tin nội bộ")
    target = tmp_path / "bulletin.docx"
    result = export_bulletin(db, [stored[1], stored[0]], target, number=4)
    assert result.path == target and result.changes.exports
    document = docx.Document(str(target))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Bản tin thứ hai", "Hội nghị tổng kết công tác dân vận"]
    assert "Thông tin nội bộ" in paragraphs(target) and "Số 4" in paragraphs(target)
    assert [(e.kind, e.report_ids) for e in list_exports(db)] == [
        ("bulletin", [stored[1], stored[0]])
    ]


@pytest.mark.parametrize(
    ("ids", "error", "words"),
    [
        ([], ExportFailed, "at least one report"),
        ([1, 2, 1], ExportFailed, "twice"),
        ([1, 99], ArchiveError, "no report #99"),
    ],
)
def test_bad_bulletins_write_and_record_nothing(db, stored, tmp_path, ids, error, words):
    with pytest.raises(error, match=words):
        export_bulletin(db, ids, tmp_path / "b.docx")
    assert not (tmp_path / "b.docx").exists() and list_exports(db) == []


def test_several_settings_are_stored_all_or_none(db):
    with pytest.raises(SettingRefused):
        set_export_settings(db, {"issuing_body": "BAN TUYÊN GIÁO", "layout": "sideways"})
    assert export_settings(db).issuing_body == ""  # nothing of the refused batch
    changes = set_export_settings(db, {"issuing_body": "BAN TUYÊN GIÁO", "layout": "party"})
    assert changes.settings
    stored = export_settings(db)
    assert (stored.issuing_body, stored.layout) == ("BAN TUYÊN GIÁO", "party")
    assert not set_export_settings(db, {}).settings
