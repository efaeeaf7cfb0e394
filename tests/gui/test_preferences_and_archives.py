"""Preferences (organisation settings, templates, layout, tone marks, language), switching
archives (File → Open archive…, Recent archives), menus, shortcuts and the saved layout."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.gui.conftest import RAW
from workbench.gui.actions import SPECS, ActionId
from workbench.gui.mainwindow import MainWindow
from workbench.gui.ops import SyncRunner
from workbench.paths import resource_path
from workbench.services.archive import open_archive
from workbench.services.exporting import export_settings
from workbench.services.templates import export_template
from workbench.settings import load_settings, save_settings

pytestmark = pytest.mark.gui


@pytest.fixture
def open_file(monkeypatch):
    """``open_file(path)``: the next open-file dialogs answer ``path``."""

    def answer(path: Path) -> None:
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))

    return answer


def test_preferences_are_saved_and_used_by_the_export(open_window, tmp_path, open_file):
    window = open_window()
    window.imports.import_paths([RAW / "000.txt"])
    window.actions_by_id["preferences"].trigger()
    prefs = window.dialogs.preferences
    assert prefs.isVisible()
    assert prefs.findChild(type(prefs.error), "pref_archive").text() == str(window.archive)
    prefs.inputs["issuing_body"].setText("Ban Tuyên giáo Tỉnh ủy")
    prefs.inputs["parent_body"].setText("Tỉnh ủy Quảng Nam")
    prefs.inputs["place"].setText("Quảng Nam")
    prefs.contact.setPlainText("Số 2 Trần Phú\nĐT: 0235 3812 345")
    prefs.layout_box.setCurrentIndex(prefs.layout_box.findData("party"))
    prefs.tone_box.setCurrentIndex(prefs.tone_box.findData("new"))
    prefs.language.setCurrentIndex(prefs.language.findData("en"))
    template = tmp_path / "mau.docx"
    shutil.copy(resource_path("templates", "press_release.docx"), template)
    open_file(template)
    prefs.templates["press_release"].button.click()
    prefs.buttons.accepted.emit()  # OK
    assert not prefs.isVisible()

    db = open_archive(window.archive)
    settings = export_settings(db)
    assert (settings.issuing_body, settings.parent_body, settings.place) == (
        "Ban Tuyên giáo Tỉnh ủy", "Tỉnh ủy Quảng Nam", "Quảng Nam",
    )  # fmt: skip
    assert settings.contact_lines == ["Số 2 Trần Phú", "ĐT: 0235 3812 345"]
    assert (settings.layout, settings.tone_style) == ("party", "new")
    assert export_template(db, "press_release") == template
    assert export_template(db, "bulletin") is None
    assert load_settings().language == "en"

    export = window.dialogs.export_press_release()
    assert export.layout_box.currentData() == "party"
    assert export.template.path() == template
    assert "Issuing body: <b>Ban Tuyên giáo Tỉnh ủy</b>" in export.organisation.text()
    export.output.set_path(tmp_path / "tc.docx")
    export.export_button.click()
    document = Document(str(tmp_path / "tc.docx"))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    text = "\n".join([p.text for p in document.paragraphs] + cells)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text  # the Party layout
    assert "BAN TUYÊN GIÁO TỈNH UỶ" in text  # upper case, in the new tone-mark style


def test_unchanged_preferences_write_nothing(open_window):
    window = open_window()
    prefs = window.dialogs.show_preferences()
    changed = []
    prefs.changes_applied.connect(changed.append)
    prefs.buttons.accepted.emit()
    assert len(changed) == 1 and not changed[0]  # Changes() is false: nothing changed


def test_recent_archives_switch_the_window(open_window, qtbot, tmp_path):
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    settings = load_settings()
    settings.recent_archives = []
    settings.remember_archive(second)
    settings.remember_archive(first)
    save_settings(settings)
    window = open_window(first)
    menu = window.recent_menu
    menu.rebuild()
    names = [a.text() for a in menu.actions()]
    assert names == ["a.sqlite3", "b.sqlite3"]
    assert [a.isChecked() for a in menu.actions()] == [True, False]

    menu.actions()[1].trigger()
    (other,) = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    qtbot.addWidget(other)
    assert other.archive == second
    assert not window.isVisible()
    assert load_settings().recent_archives[0] == str(second.resolve())
    assert (
        str(second)
        in other.statusBar().findChild(type(window._archive_label), "archive_label").text()
    )


def test_open_archive_asks_for_the_file(open_window, qtbot, tmp_path, open_file):
    window = open_window()
    target = tmp_path / "other.sqlite3"
    open_file(target)
    assert window.actions_by_id[ActionId.OPEN_ARCHIVE].shortcut().toString() == "Ctrl+O"
    window.actions_by_id[ActionId.OPEN_ARCHIVE].trigger()
    (other,) = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    qtbot.addWidget(other)
    assert other.archive == target and not window.isVisible()
    other.switch_archive(target)  # the archive already open: nothing happens
    assert other.isVisible()


def test_a_file_that_is_no_archive_is_refused_and_the_window_stays(
    open_window, tmp_path, open_file, messages
):
    window = open_window()
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("Biên bản họp, không phải kho lưu trữ.\n" * 200, encoding="utf-8")
    open_file(notes)
    window.actions_by_id[ActionId.OPEN_ARCHIVE].trigger()
    assert window.isVisible()
    assert messages and messages[-1][0] == "Press Workbench"
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
            and w.isVisible()] == [window]  # fmt: skip


def test_every_action_is_in_a_menu_with_its_shortcut_and_tooltip(open_window):
    window = open_window()
    in_menus = {
        action.objectName(): action
        for menu in window.menuBar().findChildren(type(window.view_menu))
        for action in menu.actions()
    }
    for action_id, spec in SPECS.items():
        action = in_menus.get(f"action_{action_id.value}")
        assert action is not None, action_id
        if spec.shortcut is not None:
            assert not action.shortcut().isEmpty(), action_id
        assert action.toolTip() and action.toolTip() != action.text(), action_id
    shortcuts = {a.text().replace("&", ""): a.shortcut().toString() for a in in_menus.values()}
    assert shortcuts["Export press release…"] == "Ctrl+E"
    assert shortcuts["Search the archive…"] == "Ctrl+Shift+F"
    assert shortcuts["Compose a bulletin…"] == "Ctrl+Shift+B"
    assert shortcuts["Preferences…"] == "Ctrl+,"
    taken = [a.shortcut().toString() for a in in_menus.values() if not a.shortcut().isEmpty()]
    assert len(taken) == len(set(taken))  # no shortcut does two things
    titles = {dock.objectName() for dock in window.docks()}
    assert {"panel_browser", "panel_people", "panel_reports"} <= titles
    assert {d.toggleViewAction() for d in window.docks()} <= set(window.view_menu.actions())


def test_search_shortcut_focuses_the_search_box(open_window, qtbot):
    window = open_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    assert QApplication.focusWidget() is window.browser.search_box


def test_dock_layout_is_restored_on_restart(open_window):
    window = open_window()
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.people_panel)
    window.people_panel.show()
    window.reports_panel.hide()
    window.close()  # saves the layout
    second = MainWindow(window.archive, runner_factory=SyncRunner)  # open_window would reset it
    try:
        assert second.dockWidgetArea(second.people_panel) == Qt.DockWidgetArea.RightDockWidgetArea
        assert not second.reports_panel.isVisibleTo(second)
        assert second.browser.isVisibleTo(second)
    finally:
        second.close()
        second.deleteLater()
