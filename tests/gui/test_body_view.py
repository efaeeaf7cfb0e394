"""The body view: blocks in, blocks out, offsets mapped, highlights following edits."""

from __future__ import annotations

import json

import pytest
from PySide6.QtGui import QTextCursor

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
