"""The people directory as tables: every person (a page at a time) and one person's reports."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from workbench.gui.models.paged import Page, PagedModel
from workbench.gui.models.review_table import ROLE_LABELS
from workbench.gui.models.table import Index, KeyRole, RowRole, header
from workbench.gui.ops import Runner
from workbench.i18n import N_, _
from workbench.services.people import Appearance, list_people

PAGE_SIZE = 200


@dataclass(frozen=True)
class PersonRow:
    """A directory entry as the list shows it."""

    id: int
    name: str
    report_count: int
    last_seen: str
    latest_title: str


def fetch_people(db, query: str, offset: int, limit: int) -> Page:
    """A page of the directory whose names contain ``query`` (runs on the database thread)."""
    page = list_people(db, query=query or None, limit=limit, offset=offset)
    rows = [
        PersonRow(
            p.id, p.name, p.report_count, p.last_seen or "", p.titles[0].title if p.titles else ""
        )
        for p in page.items
    ]
    return Page(rows, page.total)


class PeopleModel(PagedModel):
    """Every person of the directory, by name; ``set_query(text)`` filters by part of a name."""

    columns = (N_("Name"), N_("Reports"), N_("Latest title"), N_("Last seen"))

    def __init__(self, runner: Runner, parent=None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(runner, fetch_people, page_size=page_size, parent=parent)

    def cell(self, row: PersonRow, column: int, role: int):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (row.name, str(row.report_count), row.latest_title, row.last_seen)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class AppearancesModel(QAbstractTableModel):
    """The reports one person appears in, newest first, with the name and titles used there."""

    COLUMNS = (N_("Date"), N_("Report"), N_("Written as"), N_("Role"), N_("Titles there"))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._items: list[Appearance] = []

    def set_items(self, items: list[Appearance]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> Appearance:
        return self._items[row]

    def items(self) -> list[Appearance]:
        return list(self._items)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        return header(self.COLUMNS, section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (
                item.date or "",
                item.report_title or _("(no headline)"),
                item.name,
                _(ROLE_LABELS.get(item.role, item.role)),
                "; ".join(item.titles),
            )
            return values[index.column()]
        if role == RowRole:
            return item
        if role == KeyRole:
            return item.mention_id
        return None
