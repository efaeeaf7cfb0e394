"""The report editor: field edits are reported once, find wraps around."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from workbench.core.models import place_blocks
from workbench.gui.report_editor import ReportEditor

pytestmark = pytest.mark.gui


@pytest.fixture
def editor(qtbot):
    widget = ReportEditor()
    qtbot.addWidget(widget)
    widget.show()
    widget.set_fields({"title": "Hội nghị", "place": None})
    widget.set_blocks(place_blocks([("paragraph", "Dân vận khéo. Dân vận khéo nữa.")]))
    return widget


def test_editing_a_field_reports_before_and_after(editor, qtbot):
    edits = []
    editor.field_edited.connect(lambda *args: edits.append(args))
    line = editor.inputs["place"]
    line.setFocus()
    line.setText("Hà Nội")  # QTest cannot type letters outside Latin-1
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.keyClick(line, Qt.Key.Key_Return)  # no second edit without a change
    assert edits == [("place", None, "Hà Nội")]


def test_find_selects_each_occurrence_and_wraps(editor):
    editor.show_find()
    editor.find_box.setText("khéo")
    positions = []
    for _ in range(3):
        assert editor.find_next()
        positions.append(editor.body.textCursor().selectionStart())
    assert positions[0] == positions[2] != positions[1]
