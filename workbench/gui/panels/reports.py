"""The reports of the archive, newest first: a dock to pick the report to work on.

(The archive browser with search and filters grows out of this list.)
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDockWidget, QListWidget, QListWidgetItem, QWidget

from workbench.i18n import _


class ReportsPanel(QDockWidget):
    """A list of report titles; activating one opens it."""

    report_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Reports"), parent)
        self.setObjectName("panel_reports")
        self.list = QListWidget(self)
        self.list.setObjectName("reports_list")
        self.list.itemActivated.connect(self._on_item_activated)
        self.list.currentItemChanged.connect(lambda item, _old: self._on_item_activated(item))
        self.setWidget(self.list)

    def set_reports(self, summaries: list, current_id: int | None = None) -> None:
        """Show ``summaries`` (id, title, dates); keep ``current_id`` selected."""
        self.list.blockSignals(True)
        self.list.clear()
        for summary in summaries:
            date = summary.event_date or (summary.published_at or "")[:10]
            title = summary.title or _("(no headline)")
            item = QListWidgetItem(f"{date}  {title}" if date else title)
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            item.setToolTip(title)
            self.list.addItem(item)
            if summary.id == current_id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def show_current(self, report_id: int) -> None:
        """Select the row of the report open in the editor (without opening it again)."""
        self.list.blockSignals(True)
        self.list.setCurrentItem(None)
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == report_id:
                self.list.setCurrentItem(item)
                self.list.scrollToItem(item)
                break
        self.list.blockSignals(False)

    def _on_item_activated(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.report_activated.emit(int(item.data(Qt.ItemDataRole.UserRole)))
