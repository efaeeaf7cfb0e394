"""From search to Word, through the real window offscreen: find report 000, review its
speakers, export it as a press release and, with another report, as a bulletin; the .docx
files are opened again with python-docx. File dialogs and the desktop's opener are replaced."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QFileDialog, QMessageBox

from workbench.core.layout import safe_filename

pytestmark = pytest.mark.gui

TITLE_000 = "Công tác dân vận đã góp phần"
SPEAKERS_000 = {"Nguyễn Quang Trường", "Phạm Tất Thắng", "Nguyễn Văn Thể"}


@pytest.fixture
def save_as(monkeypatch):
    """``save_as(path)``: the next save dialogs answer ``path``; returns what they were asked."""
    asked: list[tuple[str, str]] = []

    def answer(path: Path):
        def dialog(_parent, caption, start="", _filter="", *args, **kwargs):
            asked.append((caption, start))
            return str(path), ""

        monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
        return asked

    return answer


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """URLs handed to the desktop (QDesktopServices.openUrl), as local paths."""
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toLocalFile()))
    return urls


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs if p.text.strip()]


def find_000(qtbot, window) -> None:
    """Search for 000 as an editor would, filter by one of its speakers, open it."""
    browser = window.browser
    with qtbot.waitSignal(browser.model.loaded, timeout=5000):
        qtbot.keyClicks(browser.search_box, "dan van kheo")
    browser.filter_button.setChecked(True)
    browser.filters.inputs["person"].setText("Nguyễn Văn Thể")
    browser.search_now()
    rows = browser.model.rows()
    row = next(n for n, r in enumerate(rows) if r.title.startswith(TITLE_000))
    browser.select_rows([row])
    browser.view.activated.emit(browser.model.index(row, 0))
    assert window.editor.inputs["title"].text().startswith(TITLE_000)


def review_speakers(qtbot, window, reject: str) -> None:
    """Accept every speaker of the open report but ``reject``, by keyboard."""
    panel = window.panels["person"]
    window.activateWindow()
    for row in range(panel.model.rowCount()):
        panel.select_row(row)
        item = panel.current_item().item
        key = Qt.Key.Key_Delete if item.name == reject else Qt.Key.Key_Return
        panel.view.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.view, timeout=2000)
        QTest.keyClick(panel.view, key)


def test_press_release_of_the_report_found(corpus_window, qtbot, tmp_path, save_as, opened):
    window = corpus_window
    find_000(qtbot, window)
    review_speakers(qtbot, window, reject="Nguyễn Quang Trường")

    action = window.actions_by_id["export_press_release"]
    assert action.shortcut().toString() == "Ctrl+E"
    action.trigger()
    dialog = window.dialogs.export_dialog
    assert dialog is not None and dialog.isVisible()
    title = window.editor.inputs["title"].text()
    assert dialog.output.path().name == safe_filename(title) + ".docx"
    assert dialog.layout_box.currentData() == "government"
    assert "Place: <b>Hà Nội</b>" in dialog.organisation.text()
    assert dialog.template.path() is None  # the packaged template

    target = tmp_path / "out" / "thong-cao.docx"
    target.parent.mkdir()
    asked = save_as(target)
    dialog.output.button.click()
    assert asked and dialog.output.path() == target
    dialog.number.setText("12")
    dialog.export_button.click()
    assert dialog.done_bar.isVisible() and str(target) in dialog.done_bar.label.text()

    text = paragraphs(target)
    start = text.index("Phát biểu tại hội nghị:")
    listed = [line for line in text[start + 1 :] if line.startswith("– đồng chí")]
    named = {name for name in SPEAKERS_000 for line in listed if name in line}
    assert named == SPEAKERS_000 - {"Nguyễn Quang Trường"}
    assert any("Số: 12/" in cell.text for t in Document(str(target)).tables for c in t.rows
               for cell in c.cells)  # fmt: skip

    dialog.done_bar.open_file.click()
    dialog.done_bar.open_folder.click()
    assert opened == [str(target), str(target.parent)]


def test_replacing_an_existing_file_is_asked_first(corpus_window, tmp_path, monkeypatch):
    window = corpus_window
    window.open_report(1)
    dialog = window.dialogs.export_press_release()
    target = tmp_path / "old.docx"
    target.write_bytes(b"not yet a press release")
    dialog.output.set_path(target)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    dialog.export_button.click()
    assert target.read_bytes() == b"not yet a press release"
    dialog.export_button.click()
    assert paragraphs(target)[0] == "THÔNG CÁO BÁO CHÍ"


def test_a_two_report_bulletin_from_the_browser(corpus_window, qtbot, tmp_path, save_as):
    window = corpus_window
    browser = window.browser
    with qtbot.waitSignal(browser.model.loaded, timeout=5000):
        qtbot.keyClicks(browser.search_box, "dan van")
    rows = browser.model.rows()
    first = next(n for n, r in enumerate(rows) if r.title.startswith(TITLE_000))
    other = 0 if first else 1
    browser.select_rows([first, other])
    chosen = browser.selected_reports()
    assert len(chosen) == 2

    window.actions_by_id["compose_bulletin"].trigger()
    dialog = window.dialogs.bulletin
    assert dialog.isVisible()
    assert dialog.report_ids() == [rid for rid, _t, _d in chosen]
    dialog.add_selected()  # adding the same reports again adds nothing
    assert len(dialog.report_ids()) == 2
    dialog.list.setCurrentRow(0)
    dialog.down_button.click()  # 000's partner first, or the other way round
    order = dialog.report_ids()
    assert order == [rid for rid, _t, _d in reversed(chosen)]

    dialog.name.setText("Bản tin Dân vận")
    dialog.number.setText("7")
    dialog.date.setDate(QDate(2023, 9, 30))
    assert dialog.output.path().name == "Bản tin Dân vận 7.docx"
    target = tmp_path / "ban-tin.docx"
    save_as(target)
    dialog.output.button.click()
    dialog.export_button.click()
    assert dialog.done_bar.isVisible()

    text = paragraphs(target)
    assert text[:4] == ["BẢN TIN", "Bản tin Dân vận", "Số 7", "Hà Nội, ngày 30 tháng 9 năm 2023"]
    contents = text.index("MỤC LỤC")
    headlines = {rid: title for rid, title, _d in chosen}
    listed = text[contents + 1 : contents + 3]
    assert listed == [headlines[rid] for rid in order]  # both headlines, in the order composed
    for rid in order:  # and each report's page starts with its headline
        assert text.count(headlines[rid]) >= 2


def test_bulletin_reorders_by_drag_mode_and_removes(corpus_window):
    window = corpus_window
    window.browser.select_rows([0, 1, 2])
    dialog = window.dialogs.compose_bulletin()
    assert dialog.list.dragDropMode() == QAbstractItemView.DragDropMode.InternalMove
    ids = dialog.report_ids()
    assert len(ids) == 3
    dialog.list.setCurrentRow(2)
    dialog.up_button.click()
    assert dialog.report_ids() == [ids[0], ids[2], ids[1]]
    dialog.list.setCurrentRow(0)  # selects that row only
    dialog.remove_button.click()
    assert dialog.report_ids() == [ids[2], ids[1]]


def test_tab_moves_through_the_export_dialog_in_reading_order(corpus_window, qtbot):
    window = corpus_window
    window.open_report(1)
    dialog = window.dialogs.export_press_release()
    dialog.activateWindow()
    dialog.layout_box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.layout_box, timeout=2000)
    seen = []
    for _ in range(7):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget().objectName())
    assert seen == [
        "export_number", "export_template", "export_template_choose", "export_preferences",
        "export_path", "export_path_choose", "export_run",
    ]  # fmt: skip
