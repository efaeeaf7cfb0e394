"""The side panels' table model, checked with pytest-qt's model tester."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from workbench.core.models import Analysis, DocumentRef, KeyTask, Person
from workbench.core.review import Decision, build_review, item_key
from workbench.gui.models.review_table import ReviewTableModel
from workbench.gui.models.table import RowRole

pytestmark = pytest.mark.gui

THE = Person("Nguyễn Văn Thể", ["Ủy viên Trung ương Đảng", "Bí thư Đảng ủy Khối"], "speaker")
HONG = Person("Nguyễn Thị Hồng", ["Thống đốc Ngân hàng Nhà nước Việt Nam"], "attendee")


def review():
    analysis = Analysis(
        [THE, HONG],
        [KeyTask(1, "Một là", "Một là, tiếp tục triển khai", 0, 20, "Nguyễn Văn Thể")],
        [DocumentRef("Nghị quyết", "25-NQ/TW", "2013-06-03", "Ban Chấp hành Trung ương")],
    )
    return build_review(analysis, [Decision(item_key("person", HONG), "rejected")])


@pytest.mark.parametrize("kind", ["person", "task", "document"])
def test_models_pass_the_model_tester(qtmodeltester, kind):
    model = ReviewTableModel(kind)
    model.set_items(review().items(kind))
    qtmodeltester.check(model)


def test_people_rows_show_titles_role_and_status():
    model = ReviewTableModel("person")
    model.set_items(review().people)
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row == [
        "Nguyễn Văn Thể",
        "Ủy viên Trung ương Đảng; Bí thư Đảng ủy Khối",
        "speaker",
        "0",
        "suggested",
    ]
    assert model.data(model.index(0, 0), Qt.ItemDataRole.FontRole).italic()
    assert model.data(model.index(1, 0), Qt.ItemDataRole.FontRole).strikeOut()
    assert model.data(model.index(1, 0), RowRole).item is HONG
    assert model.row_of(item_key("person", HONG)) == 1
