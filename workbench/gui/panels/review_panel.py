"""A side panel of review items (speakers, key tasks or documents), driven by keyboard.

Enter accepts the current suggestion and Delete rejects it, the next row then being selected;
F2 edits; people also change role (S, A, M) and merge (Ctrl+M with two rows selected). The panel
only says what the editor decided (``decision_made``); the window records it, undoably.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QHeaderView, QTableView, QWidget

from workbench.core.models import item_to_dict
from workbench.core.review import Decision, ReviewItem, edit_decision
from workbench.gui.models.review_table import ReviewTableModel
from workbench.i18n import N_, _

PANEL_TITLES = {"person": N_("Speakers"), "task": N_("Key tasks"), "document": N_("Documents")}


class ReviewPanel(QDockWidget):
    """One dock with the table of one kind of item."""

    decision_made = Signal(object)  # Decision
    item_selected = Signal(object)  # ReviewItem | None
    edit_requested = Signal(object)  # ReviewItem

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(_(PANEL_TITLES[kind]), parent)
        self.kind = kind
        self.setObjectName(f"panel_{kind}")
        self.model = ReviewTableModel(kind, self)
        self.view = QTableView(self)
        self.view.setObjectName(f"table_{kind}")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.horizontalHeader()  # one line a row; the long column takes the rest
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.model.wide_column(), QHeaderView.ResizeMode.Stretch)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 6)
        self.view.verticalHeader().hide()
        self.view.doubleClicked.connect(lambda _index: self._request_edit())
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.setWidget(self.view)
        self._add_actions()

    def set_items(self, items: list[ReviewItem], keep_key: str | None = None) -> None:
        """Show ``items``; the row of ``keep_key`` (or the same row number) stays current.

        A reload says nothing through ``item_selected``: the editor's place in the text stays.
        """
        row = self.view.currentIndex().row()
        blocker = QSignalBlocker(self.view.selectionModel())
        self.model.set_items(items)
        if keep_key is not None and (found := self.model.row_of(keep_key)) >= 0:
            row = found
        self._set_current(min(max(row, 0), self.model.rowCount() - 1))
        del blocker

    def select_row(self, row: int) -> None:
        """Make ``row`` current and show its item in the text (``item_selected``)."""
        if self._set_current(row):
            self.item_selected.emit(self.model.item(row))

    def _set_current(self, row: int) -> bool:
        if not 0 <= row < self.model.rowCount():
            return False
        index = self.model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.selectionModel().blockSignals(True)
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.selectionModel().blockSignals(False)
        self.view.viewport().update()
        return True

    def current_item(self) -> ReviewItem | None:
        row = self.view.currentIndex().row()
        return self.model.item(row) if 0 <= row < self.model.rowCount() else None

    def selected_items(self) -> list[ReviewItem]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.item(r) for r in rows]

    # -- decisions ---------------------------------------------------------------------------
    def accept_current(self) -> None:
        self._decide("accepted")

    def reject_current(self) -> None:
        self._decide("rejected")

    def set_role(self, role: str) -> None:
        """Give the current person another role (an edit of that person)."""
        item = self.current_item()
        if item is None or self.kind != "person" or item.item.role == role:
            return
        self.decision_made.emit(edit_decision(item.key, replace(item.item, role=role)))

    def merge_selected(self) -> None:
        """Merge the selected people into the first selected one."""
        items = self.selected_items()
        if self.kind != "person" or len(items) < 2:
            return
        into = items[0]
        for other in items[1:]:
            self.decision_made.emit(Decision(other.key, "merged", {"into": into.key}))

    def _decide(self, action: str) -> None:
        item = self.current_item()
        if item is None:
            return
        row = self.view.currentIndex().row()
        value = item_to_dict(item.item) if action == "accepted" else None  # kept if re-analysis
        self.decision_made.emit(Decision(item.key, action, value))  # no longer finds it
        self.select_row(min(row + 1, self.model.rowCount() - 1))

    def _request_edit(self) -> None:
        if (item := self.current_item()) is not None:
            self.edit_requested.emit(item)

    def _on_current_row_changed(self, current, _previous) -> None:
        row = current.row()
        self.item_selected.emit(self.model.item(row) if row >= 0 else None)

    def _add_actions(self) -> None:
        specs = [
            (N_("Accept"), ("Return", "Enter"), self.accept_current),
            (N_("Reject"), ("Delete", "Backspace"), self.reject_current),
            (N_("Edit…"), ("F2",), self._request_edit),
        ]
        if self.kind == "person":
            specs += [
                (N_("Speaker"), ("S",), lambda: self.set_role("speaker")),
                (N_("Attendee"), ("A",), lambda: self.set_role("attendee")),
                (N_("Mentioned"), ("M",), lambda: self.set_role("mentioned")),
                (N_("Merge selected people"), ("Ctrl+M",), self.merge_selected),
            ]
        for text, keys, slot in specs:
            action = QAction(_(text), self.view)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.view.addAction(action)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
