"""First run: the welcome page says where the archive is and asks once which office exports."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from workbench.services.archive import open_archive
from workbench.services.exporting import export_settings, set_export_setting
from workbench.settings import Settings, load_settings, save_settings


@pytest.fixture
def first_run():
    """A user who has never answered the question (and the settings put back afterwards)."""
    before = load_settings()
    save_settings(Settings())
    yield
    save_settings(before)


def settings_of(path):
    db = open_archive(path, maintain=False)
    try:
        return export_settings(db)
    finally:
        db.close()


def test_the_welcome_page_names_the_archive_file(open_window, tmp_path, first_run) -> None:
    window = open_window()
    assert str(tmp_path / "archive.sqlite3") in window.welcome.location.text()


def test_saving_the_office_writes_it_to_the_archive_and_is_not_asked_again(
    open_window, tmp_path, qtbot, first_run
) -> None:
    window = open_window()
    form = window.welcome.organisation
    assert form.isVisible()
    assert form.inputs["place"].text() == "Hà Nội"  # sensible defaults, ready to save
    form.inputs["parent_body"].insert("TỈNH ỦY BẮC NINH")  # QTest types ASCII only
    form.inputs["issuing_body"].insert("BAN TUYÊN GIÁO")
    form.layout_box.setCurrentIndex(form.layout_box.findData("party"))
    qtbot.mouseClick(form.findChild(QPushButton, "organisation_save"), Qt.MouseButton.LeftButton)
    assert not form.isVisible()
    saved = settings_of(tmp_path / "archive.sqlite3")
    assert (saved.parent_body, saved.issuing_body, saved.place, saved.layout) == (
        "TỈNH ỦY BẮC NINH",
        "BAN TUYÊN GIÁO",
        "Hà Nội",
        "party",
    )
    assert load_settings().organisation_asked
    window.close()
    assert not open_window(tmp_path / "second.sqlite3").welcome.organisation.isVisible()


def test_later_leaves_the_archive_alone_and_is_not_asked_again(
    open_window, tmp_path, first_run
) -> None:
    window = open_window()
    form = window.welcome.organisation
    form.inputs["issuing_body"].setText("typed, then Later")
    form.buttons.rejected.emit()
    assert not form.isVisible()
    assert settings_of(tmp_path / "archive.sqlite3").issuing_body == ""
    window.close()
    assert not open_window().welcome.organisation.isVisible()


def test_an_archive_that_already_names_its_office_is_not_asked_about(
    open_window, tmp_path, first_run
) -> None:
    path = tmp_path / "set.sqlite3"
    db = open_archive(path)
    set_export_setting(db, "issuing_body", "VĂN PHÒNG")
    db.close()
    assert not open_window(path).welcome.organisation.isVisible()
    assert not load_settings().organisation_asked  # not answered: another archive still asks
