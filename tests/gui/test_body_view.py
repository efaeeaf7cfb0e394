"""The body view: blocks in, blocks out, offsets mapped, highlights following edits."""

from __future__ import annotations

import json
import unicodedata

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from workbench.core.models import BLOCK_SEPARATOR, Span, place_blocks
from workbench.gui.body_view import BodyView

pytestmark = pytest.mark.gui


@pytest.fixture
def report_blocks(corpus_dir):
    structure = json.loads((corpus_dir / "structure" / "000.json").read_text(encoding="utf-8"))
    return place_blocks([(b["kind"], b["text"]) for b in structure["blocks"]])


@pytest.fixture
def view(qtbot, report_blocks):
    widget = BodyView()
    qtbot.addWidget(widget)
    widget.set_blocks(report_blocks)
    return widget


def test_blocks_round_trip_with_kinds(view, report_blocks):
    assert view.blocks() == report_blocks


def test_offsets_map_both_ways(view, report_blocks):
    text = BLOCK_SEPARATOR.join(b.text for b in report_blocks)
    start = text.index("Nguyễn Văn Thể")
    position = view.to_position(start)
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    cursor.setPosition(position + len("Nguyễn Văn Thể"), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "Nguyễn Văn Thể"
    assert view.to_offset(position) == start


def test_highlights_follow_an_edit_before_them(view, report_blocks):
    text = BLOCK_SEPARATOR.join(b.text for b in report_blocks)
    name = "Nguyễn Quang Trường"
    start = text.index(name)
    view.set_highlights({"speaker": [Span(start, start + len(name))]})
    cursor = QTextCursor(view.document())
    cursor.setPosition(0)
    cursor.insertText("MỚI ")
    (moved,) = view.highlighted_spans("speaker")
    new_text = BLOCK_SEPARATOR.join(b.text for b in view.blocks())
    assert new_text[moved.start : moved.end] == name
    assert moved.start == start + len("MỚI ")


def test_selected_span_is_in_report_offsets(view, report_blocks):
    text = BLOCK_SEPARATOR.join(b.text for b in report_blocks)
    start = text.index("Phạm Tất Thắng")
    view.select_spans([Span(start, start + len("Phạm Tất Thắng"))])
    span = view.selected_span()
    assert span is not None and text[span.start : span.end] == "Phạm Tất Thắng"


def test_changing_a_block_kind(view):
    cursor = view.textCursor()
    cursor.setPosition(view.to_position(0))
    view.setTextCursor(cursor)
    view.set_block_kind("heading")
    assert view.blocks()[0].kind == "heading"


# marks typed apart from their letters (NFD) -----------------------------------------------------


def small_body(qtbot, *texts: str) -> BodyView:
    body = BodyView()
    qtbot.addWidget(body)
    body.set_blocks(place_blocks([("paragraph", text) for text in texts]))
    return body


def put_cursor(body: BodyView, position: int) -> None:
    cursor = body.textCursor()
    cursor.setPosition(position)
    body.setTextCursor(cursor)


def key(body: BodyView, text: str, code: int = 0) -> None:
    event = QKeyEvent(QEvent.Type.KeyPress, code, Qt.KeyboardModifier.NoModifier, text)
    QApplication.sendEvent(body, event)


def test_a_mark_typed_after_an_emoji_goes_on_its_own_letter(qtbot):
    """Qt counts an emoji as two positions: the letter before the cursor is found by moving
    a cursor, not by slicing the paragraph."""
    body = small_body(qtbot, "😀ae")
    put_cursor(body, 3)  # after "a"
    key(body, "\u0301")
    assert body.blocks()[0].text == "😀áe"
    put_cursor(body, 4)  # the end: the emoji counts two
    key(body, " Vie")
    key(body, "\u0302")
    key(body, "\u0323")
    assert body.blocks()[0].text == "😀áe Việ"


def test_keys_after_a_letter_nfc_changes_on_its_own_still_act(qtbot):
    body = small_body(qtbot, "Ohm: \u2126")  # OHM SIGN, NFC makes it Ω
    put_cursor(body, 6)
    key(body, "\x08", Qt.Key.Key_Backspace)
    assert body.blocks()[0].text == "Ohm: "


def test_an_input_method_committing_marks_apart_after_a_preedit(qtbot):
    body = small_body(qtbot, "Tin ")
    put_cursor(body, 4)
    QApplication.sendEvent(body, QInputMethodEvent("vie", []))
    commit = QInputMethodEvent("", [])
    commit.setCommitString(unicodedata.normalize("NFD", "việt"))
    QApplication.sendEvent(body, commit)
    assert body.blocks()[0].text == "Tin việt" and body.textCursor().position() == 8
    assert body.textCursor().block().layout().preeditAreaText() == ""


def test_composing_on_save_counts_positions_as_qt_does(qtbot):
    body = small_body(qtbot, "🎉 " + unicodedata.normalize("NFD", "Việt") + " Nam", "Hà")
    put_cursor(body, 9)  # after "Việt" (the emoji 2, the space 1, "Việt" apart 6)
    body.compose_marks()
    assert [b.text for b in body.blocks()] == ["🎉 Việt Nam", "Hà"]
    assert body.textCursor().position() == 7
