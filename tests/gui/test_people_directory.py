"""The people directory dock on the imported corpus: list, filter, details, open a report, and
merge, rename and split with a preview, each undone and redone through the window's stack."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

pytestmark = pytest.mark.gui


@pytest.fixture
def directory(corpus_window, qtmodeltester):
    window = corpus_window
    window.actions_by_id["people_directory"].trigger()
    panel = window.people_panel
    assert panel.isVisible()
    assert panel.model.total == 43
    qtmodeltester.check(panel.model, force_py=True)
    return window, panel


def people(panel) -> dict[str, list[int]]:
    """Name → report counts of the entries listed (a name may have several entries)."""
    found: dict[str, list[int]] = {}
    for row in panel.model.rows():
        found.setdefault(row.name, []).append(row.report_count)
    return found


def ids_named(panel, name: str) -> list[int]:
    return [row.id for row in panel.model.rows() if row.name == name]


def ok(dialog: QDialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_filter_details_and_open_a_report(directory, qtbot, qtmodeltester):
    window, panel = directory
    with qtbot.waitSignal(panel.model.loaded, timeout=5000):
        qtbot.keyClicks(panel.filter_box, "nguyen van")
    assert set(people(panel)) == {"Nguyễn Văn Hữu", "Nguyễn Văn Sơn", "Nguyễn Văn Thể"}

    panel.select_people(ids_named(panel, "Nguyễn Văn Thể"))
    qtmodeltester.check(panel.appearances, force_py=True)
    assert "Nguyễn Văn Thể" in panel.detail.text()
    assert "Bí thư Đảng ủy Khối" in panel.detail.text()  # a title, with when it was seen
    assert panel.appearances.rowCount() == 1
    appearance = panel.appearances.item(0)
    assert appearance.role == "speaker"

    index = panel.appearances.index(0, 1)
    panel.reports_view.setCurrentIndex(index)
    window.activateWindow()
    panel.reports_view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.reports_view, timeout=2000)
    QTest.keyClick(panel.reports_view, Qt.Key.Key_Return)
    assert window.session.report_id == appearance.report_id


def test_merge_shows_what_moves_and_is_undoable(directory):
    window, panel = directory
    twins = ids_named(panel, "Nguyễn Xuân Phúc")
    assert sorted(people(panel)["Nguyễn Xuân Phúc"]) == [1, 2]
    panel.select_people(twins)
    assert panel.merge_button.isEnabled()
    panel.merge_button.click()
    dialog = panel.findChild(QDialog, "merge_dialog")
    assert dialog.isVisible()
    preview = dialog.preview.text()
    assert "move from “Nguyễn Xuân Phúc” to “Nguyễn Xuân Phúc”" in preview
    assert "in 1 reports" in preview  # the entry with fewer reports goes into the other
    ok(dialog)
    assert people(panel)["Nguyễn Xuân Phúc"] == [3]
    assert panel.model.total == 42
    assert window.undo_stack.undoText() == "Merge Nguyễn Xuân Phúc into Nguyễn Xuân Phúc"

    window.undo_stack.undo()
    assert sorted(people(panel)["Nguyễn Xuân Phúc"]) == [1, 2]
    assert sorted(ids_named(panel, "Nguyễn Xuân Phúc")) == sorted(twins)  # the same entries
    window.undo_stack.redo()
    assert people(panel)["Nguyễn Xuân Phúc"] == [3]


def test_rename_with_preview_and_undo(directory):
    window, panel = directory
    panel.select_people(ids_named(panel, "Vũ Đức Đam"))
    panel.rename_button.click()
    dialog = panel.findChild(QDialog, "rename_dialog")
    dialog.name_edit.setText("Vũ Đức  Đam (Phó Thủ tướng)")
    assert "Exports of 1 reports (1 mentions) will name “Vũ Đức Đam (Phó Thủ tướng)”" in (
        dialog.preview.text()
    )
    ok(dialog)
    assert "Vũ Đức Đam (Phó Thủ tướng)" in people(panel)
    assert "Vũ Đức Đam" not in people(panel)
    window.undo_stack.undo()
    assert "Vũ Đức Đam" in people(panel)
    assert "Vũ Đức Đam (Phó Thủ tướng)" not in people(panel)


def test_split_off_one_report_and_undo(directory):
    window, panel = directory
    (person,) = ids_named(panel, "Phạm Minh Chính")
    panel.select_people([person])
    assert panel.appearances.rowCount() == 2
    assert not panel.split_button.isEnabled()  # nothing chosen to split off
    panel.reports_view.selectionModel().select(
        panel.appearances.index(0, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert panel.split_button.isEnabled()
    panel.split_button.click()
    dialog = panel.findChild(QDialog, "split_dialog")
    dialog.name_edit.setText("Phạm Minh Chính (2)")
    assert "1 mentions in 1 reports move to a new entry “Phạm Minh Chính (2)”" in (
        dialog.preview.text()
    )
    ok(dialog)
    assert people(panel)["Phạm Minh Chính"] == [1]
    assert people(panel)["Phạm Minh Chính (2)"] == [1]
    window.undo_stack.undo()
    assert people(panel)["Phạm Minh Chính"] == [2]
    assert "Phạm Minh Chính (2)" not in people(panel)
    window.undo_stack.redo()
    assert people(panel)["Phạm Minh Chính (2)"] == [1]
