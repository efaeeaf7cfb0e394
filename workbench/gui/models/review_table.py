"""A table of one kind of review item (people, key tasks or documents) for a side panel."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from workbench.core.review import ReviewItem
from workbench.gui.models.table import Index, KeyRole, RowRole, header
from workbench.i18n import N_, _


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable[[ReviewItem], str]
    wide: bool = False  # takes the width left over; the others fit their contents


def _join(values: list[str]) -> str:
    return "; ".join(values)


ROLE_LABELS = {"speaker": N_("speaker"), "attendee": N_("attendee"), "mentioned": N_("mentioned")}
STATUS_LABELS = {
    "suggested": N_("suggested"),
    "accepted": N_("accepted"),
    "rejected": N_("rejected"),
}

COLUMNS: dict[str, list[Column]] = {
    "person": [
        Column(N_("Name"), lambda i: i.item.name),
        Column(N_("Titles"), lambda i: _join(i.item.titles), wide=True),
        Column(N_("Role"), lambda i: _(ROLE_LABELS.get(i.item.role, i.item.role))),
        Column(N_("Mentions"), lambda i: str(len(i.item.mentions))),
        Column(N_("Status"), lambda i: _(STATUS_LABELS[i.status])),
    ],
    "task": [
        Column(N_("No."), lambda i: str(i.item.ordinal)),
        Column(N_("Task"), lambda i: i.item.text, wide=True),
        Column(N_("Set by"), lambda i: i.item.speaker or ""),
        Column(N_("Status"), lambda i: _(STATUS_LABELS[i.status])),
    ],
    "document": [
        Column(N_("Kind"), lambda i: i.item.kind),
        Column(N_("Number"), lambda i: i.item.number),
        Column(N_("Date"), lambda i: i.item.date or ""),
        Column(N_("Issuer"), lambda i: i.item.issuer or "", wide=True),
        Column(N_("Status"), lambda i: _(STATUS_LABELS[i.status])),
    ],
}


class ReviewTableModel(QAbstractTableModel):
    """Rows are the review items of one kind; suggestions are shown in italics."""

    def __init__(self, kind: str, parent=None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._columns = COLUMNS[kind]
        self._items: list[ReviewItem] = []

    def set_items(self, items: list[ReviewItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> ReviewItem:
        return self._items[row]

    def row_of(self, key: str) -> int:
        """The row of the item with ``key``, or -1."""
        return next((r for r, i in enumerate(self._items) if i.key == key), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._items)

    def wide_column(self) -> int:
        """The column that takes the width the others leave."""
        return next(n for n, column in enumerate(self._columns) if column.wide)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        return header([column.title for column in self._columns], section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._columns[index.column()].value(item)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(item.status == "suggested")
            font.setStrikeOut(item.status == "rejected")
            return font
        if role == Qt.ItemDataRole.ForegroundRole and item.status == "rejected":
            return QColor("#888888")
        if role == RowRole:  # the ReviewItem
            return item
        if role == KeyRole:
            return item.key
        return None
