"""The editor's day, driven through the real window offscreen: paste report 000, review its
speakers by keyboard, edit a task, tag a name, undo and redo, reopen the archive."""

from __future__ import annotations

import shutil
import unicodedata

import pytest
from PySide6.QtCore import QEvent, QMimeData, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit

from tests.gui.conftest import RAW
from workbench.core.models import BLOCK_SEPARATOR, place_blocks
from workbench.storage import repository

pytestmark = pytest.mark.gui


def rows(panel) -> list[tuple[str, str, str]]:
    """(name, role, status) of every row of the speakers panel."""
    model = panel.model
    return [
        (model.item(r).item.name, model.item(r).item.role, model.item(r).status)
        for r in range(model.rowCount())
    ]


def paste_000(window) -> None:
    QApplication.clipboard().setText((RAW / "000.txt").read_text(encoding="utf-8"))
    window.actions_by_id["paste_report"].trigger()


def select_text(window, needle: str, occurrence: int = 0) -> None:
    body = window.editor.body
    text = BLOCK_SEPARATOR.join(b.text for b in body.blocks())
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    cursor = QTextCursor(body.document())
    cursor.setPosition(body.to_position(start))
    cursor.setPosition(body.to_position(start + len(needle)), QTextCursor.MoveMode.KeepAnchor)
    body.setTextCursor(cursor)


def test_paste_review_undo_and_reopen(open_window, qtbot):
    window = open_window()
    paste_000(window)
    speakers = window.panels["person"]
    assert window.centre.currentWidget() is window.editor
    assert window.editor.inputs["title"].text().startswith("Công tác dân vận")
    got = {(name, role) for name, role, _status in rows(speakers)}
    assert got == {
        ("Nguyễn Quang Trường", "speaker"), ("Phạm Tất Thắng", "speaker"),
        ("Nguyễn Văn Thể", "speaker"), ("Nguyễn Thị Hồng", "attendee"),
        ("Lê Quốc Minh", "attendee"),
    }  # fmt: skip

    # Reject Nguyễn Thị Hồng, accept every other row, all by keyboard.
    window.activateWindow()
    for row in range(speakers.model.rowCount()):
        speakers.select_row(row)
        name = speakers.current_item().item.name
        key = Qt.Key.Key_Delete if name == "Nguyễn Thị Hồng" else Qt.Key.Key_Return
        speakers.view.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is speakers.view, timeout=2000)
        QTest.keyClick(speakers.view, key)
    statuses = {name: status for name, _role, status in rows(speakers)}
    assert statuses["Nguyễn Thị Hồng"] == "rejected"
    assert {s for n, s in statuses.items() if n != "Nguyễn Thị Hồng"} == {"accepted"}

    # Edit the first key task through its form.
    tasks = window.panels["task"]
    first = tasks.model.item(0)
    window.session.edit_item(first, dialog_factory=_accepting(text="Một là, sửa bởi biên tập."))
    assert tasks.model.item(0).item.text == "Một là, sửa bởi biên tập."

    # Tag a selected name as a speaker (a person the program did not find).
    select_text(window, "Ban Thường vụ Đảng ủy Khối")
    window.actions_by_id["tag_speaker"].trigger()
    assert ("Ban Thường vụ Đảng ủy Khối", "speaker", "accepted") in rows(speakers)

    stack = window.undo_stack
    count = stack.count()
    stack.undo()
    assert "Ban Thường vụ Đảng ủy Khối" not in [n for n, _r, _s in rows(speakers)]
    stack.undo()
    assert tasks.model.item(0).item.text == first.item.text
    stack.redo()
    stack.redo()
    assert stack.count() == count
    assert tasks.model.item(0).item.text == "Một là, sửa bởi biên tập."
    before = rows(speakers)
    window.close()

    again = open_window()
    again.reports_panel.list.setCurrentRow(0)
    assert rows(again.panels["person"]) == before
    assert again.panels["task"].model.item(0).item.text == "Một là, sửa bởi biên tập."


def test_selecting_a_person_selects_their_mentions_in_the_text(open_window):
    window = open_window()
    paste_000(window)
    speakers = window.panels["person"]
    row = next(r for r, (name, *_rest) in enumerate(rows(speakers)) if name == "Phạm Tất Thắng")
    speakers.select_row(row)
    cursor = window.editor.body.textCursor()
    assert cursor.selectedText() == "Phạm Tất Thắng"


def test_a_folder_with_a_bad_file_shows_the_summary(open_window, tmp_path, messages):
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(RAW / "000.txt", folder / "a.txt")
    shutil.copy(RAW / "001.txt", folder / "b.txt")
    (folder / "hong.docx").write_bytes(b"this is not a zip")
    window = open_window()
    window.imports.import_paths([folder])
    _title, text = messages[-1]
    assert "Imported: 2" in text and "Could not be imported: 1" in text
    assert "hong.docx" in text
    assert window.reports_panel.list.count() == 2


def test_show_original_shows_the_text_as_imported(open_window, qtbot):
    window = open_window()
    paste_000(window)
    window.actions_by_id["show_original"].trigger()
    dialog = window.findChild(QDialog, "original_dialog")
    assert dialog is not None
    shown = dialog.findChild(QPlainTextEdit).toPlainText()
    original = (RAW / "000.txt").read_text(encoding="utf-8")
    assert shown == original.replace("\xa0", " ")  # toPlainText() shows NBSP as a space


class _accepting:
    """A stand-in for the edit dialog that sets the task text and accepts (no modal loop)."""

    DialogCode = type("DialogCode", (), {"Accepted": 1})

    def __init__(self, text: str) -> None:
        self.text = text

    def __call__(self, item, _parent):
        from dataclasses import replace

        self._item = replace(item, text=self.text)
        return self

    def exec(self) -> int:
        return 1

    def edited_item(self):
        return self._item


def test_typed_text_is_saved_undone_and_kept_across_reopening(open_window, qtbot):
    window = open_window()
    paste_000(window)
    body = window.editor.body
    cursor = QTextCursor(body.document())
    cursor.setPosition(body.to_position(0))
    cursor.insertText("BẢN SỬA. ")
    window.session.save_text()  # what the pause in typing does after 1.2 s
    assert window.session.view.report.blocks[0].text.startswith("BẢN SỬA. ")
    window.undo_stack.undo()
    assert not body.blocks()[0].text.startswith("BẢN SỬA.")
    window.undo_stack.redo()
    window.editor.inputs["title"].setFocus()
    window.close()
    again = open_window()
    again.reports_panel.list.setCurrentRow(0)
    assert again.editor.body.blocks()[0].text.startswith("BẢN SỬA. ")


def body_of_000_at(window, offset: int):
    """The body of corpus report 000, pasted into ``window``, the cursor at ``offset``."""
    paste_000(window)
    body = window.editor.body
    cursor = body.textCursor()
    cursor.setPosition(body.to_position(offset))
    body.setTextCursor(cursor)
    return body


def test_marks_typed_apart_are_composed_where_the_cursor_stands(open_window):
    """Marks apart from their letters (NFD) that reach the body another way than a paste, a
    key or an input method (here ``insertPlainText``) are composed on save, in place, so the
    body shows what is stored and is not replaced: the cursor stays where it was."""
    window = open_window()
    body = body_of_000_at(window, 40)
    body.insertPlainText(unicodedata.normalize("NFD", " Tiếp tục"))
    assert body.textCursor().position() == body.to_position(40) + 12  # 9 letters, 3 marks
    window.session.save_text()  # what the pause in typing does after 1.2 s
    stored = window.session.view.report.text
    assert stored[40:49] == " Tiếp tục" and unicodedata.is_normalized("NFC", stored)
    assert [b.text for b in body.blocks()] == [b.text for b in window.session.view.report.blocks]
    assert body.textCursor().position() == body.to_position(49)
    assert body.document().isUndoAvailable()  # the body was not replaced


def test_marks_pasted_or_typed_apart_go_in_composed(open_window):
    """A paste from macOS (NFD), Unikey's composed-marks mode (a letter, then each mark as a
    key of its own) and an input method committing marks apart: the body holds NFC, and one
    undo takes back one step."""
    body = body_of_000_at(open_window(), 40)
    mime = QMimeData()
    mime.setText(unicodedata.normalize("NFD", " Tiếp tục"))
    body.insertFromMimeData(mime)
    assert body.blocks()[0].text[40:49] == " Tiếp tục"
    assert body.textCursor().position() == body.to_position(49)  # after what was pasted
    for typed in (" e", "\u0302", "\u0301"):
        QApplication.sendEvent(
            body, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, typed)
        )
    assert body.blocks()[0].text[49:51] == " ế"
    body.undo()  # the last mark
    assert body.blocks()[0].text[49:51] == " ê"
    committed = QInputMethodEvent()
    committed.setCommitString("\u0301")
    QApplication.sendEvent(body, committed)
    assert body.blocks()[0].text[49:51] == " ế"
    assert unicodedata.is_normalized("NFC", body.blocks()[0].text)


def test_a_report_stored_with_marks_apart_is_not_edited_by_opening_and_closing(open_window):
    """Text stored decomposed (an archive edited before edits were stored in NFC): the body
    composes it when saving, and that alone is no edit of the editor's."""
    window = open_window()
    paste_000(window)
    report_id = window.session.view.report_id
    apart = [
        (b.kind, unicodedata.normalize("NFD", b.text)) for b in window.session.view.report.blocks
    ]
    window.runner.submit(
        lambda db: repository.update_fields(db, report_id, {"blocks": place_blocks(apart)}, "now"),
        lambda _none: None,
        print,
    )
    window.session.reload()
    assert not unicodedata.is_normalized("NFC", window.session.view.report.text)
    edits = window.undo_stack.count()
    window.session.save_text()  # what closing the window does
    assert window.undo_stack.count() == edits


def test_undoing_a_field_edit_shows_the_old_value(open_window):
    window = open_window()
    paste_000(window)
    title = window.editor.inputs["title"]
    old = title.text()
    title.setText("Tiêu đề mới")
    title.editingFinished.emit()
    assert window.session.view.report.title == "Tiêu đề mới"
    window.undo_stack.undo()
    assert title.text() == old


def test_a_date_typed_the_vietnamese_way_is_stored_and_nonsense_is_refused(open_window, messages):
    window = open_window()
    paste_000(window)
    date = window.editor.inputs["event_date"]
    assert date.text() == "2023-09-06"
    date.setText("7/10/2023")
    date.editingFinished.emit()
    assert window.session.view.report.event_date == "2023-10-07" == date.text()
    date.setText("hôm qua")
    date.editingFinished.emit()
    assert "is not a date" in messages[-1][1]
    assert date.text() == "2023-10-07"  # what is stored, shown again
    assert window.session.view.report.event_date == "2023-10-07"
    date.setText("hôm qua")  # typed again: refused again, not taken for "no change"
    date.editingFinished.emit()
    assert len([m for m in messages if "is not a date" in m[1]]) == 2
    window.undo_stack.undo()  # the refused edits left no step: this undoes the good one
    assert window.session.view.report.event_date == "2023-09-06" == date.text()


def test_the_publication_time_reads_as_typed_and_round_trips(open_window):
    window = open_window()
    paste_000(window)
    published = window.editor.inputs["published_at"]
    assert published.text() == "2023-09-07 05:59"  # stored 2023-09-07T05:59
    published.setText("08/09/2023 06:00")
    published.editingFinished.emit()
    assert window.session.view.report.published_at == "2023-09-08T06:00"
    assert published.text() == "2023-09-08 06:00"
    window.undo_stack.undo()
    assert window.session.view.report.published_at == "2023-09-07T05:59"
    assert published.text() == "2023-09-07 05:59"


def test_import_progress_shows_in_the_status_bar(open_window, tmp_path):
    shutil.copy(RAW / "000.txt", tmp_path / "a.txt")
    shutil.copy(RAW / "001.txt", tmp_path / "b.txt")
    window = open_window()
    shown = []
    window.statusBar().messageChanged.connect(shown.append)
    window.imports.import_paths([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert "Importing a.txt (1 of 2)" in shown
    assert "Imported 2 of 2 files." in shown
