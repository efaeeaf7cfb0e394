"""The side panels, driven by keyboard as an editor would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from workbench.core.models import Analysis, Person
from workbench.core.review import build_review, item_key
from workbench.gui.panels.review_panel import ReviewPanel

pytestmark = pytest.mark.gui

PEOPLE = [
    Person("Nguyễn Quang Trường", ["Phó Bí thư Đảng ủy Khối"], "speaker"),
    Person("Phạm Tất Thắng", ["Ủy viên Trung ương Đảng"], "speaker"),
    Person("Nguyễn Văn Thể", ["Bí thư Đảng ủy Khối"], "attendee"),
]


@pytest.fixture
def panel(qtbot):
    dock = ReviewPanel("person")
    qtbot.addWidget(dock)
    dock.show()
    dock.set_items(build_review(Analysis(PEOPLE), []).people)
    dock.view.setFocus()
    return dock


def decisions_of(panel, qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    made = []
    panel.decision_made.connect(made.append)
    qtbot.keyClick(panel.view, key, modifier)
    return made


def test_enter_accepts_and_moves_to_the_next_row(panel, qtbot):
    made = decisions_of(panel, qtbot, Qt.Key.Key_Return)
    assert [(d.key, d.action) for d in made] == [(item_key("person", PEOPLE[0]), "accepted")]
    assert panel.current_item().item is PEOPLE[1]


def test_delete_rejects(panel, qtbot):
    panel.select_row(2)
    made = decisions_of(panel, qtbot, Qt.Key.Key_Delete)
    assert [(d.key, d.action) for d in made] == [(item_key("person", PEOPLE[2]), "rejected")]


def test_s_makes_the_current_person_a_speaker(panel, qtbot):
    panel.select_row(2)
    made = decisions_of(panel, qtbot, Qt.Key.Key_S)
    assert made[0].action == "edited" and made[0].value["role"] == "speaker"


def test_ctrl_m_merges_the_selected_people_into_the_first(panel, qtbot):
    panel.view.selectAll()
    made = decisions_of(panel, qtbot, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    into = item_key("person", PEOPLE[0])
    assert [(d.action, d.value) for d in made] == [("merged", {"into": into})] * 2


def test_selecting_a_row_reports_the_item(panel, qtbot):
    with qtbot.waitSignal(panel.item_selected) as blocker:
        panel.select_row(1)
    assert blocker.args[0].item is PEOPLE[1]
