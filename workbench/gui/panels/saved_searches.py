"""Saved searches in the archive browser: pick one to run it, save the current one, delete."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QInputDialog, QPushButton, QWidget

from workbench.gui.ops import Op, Runner
from workbench.i18n import _
from workbench.services.searching import (
    SavedSearch,
    SearchFilters,
    delete_saved_search,
    list_saved_searches,
    save_search,
)


class SavedSearchBar(QWidget):
    """A list of saved searches with Save… and Delete; ``run_requested(SavedSearch)``."""

    run_requested = Signal(object)  # SavedSearch
    changes_applied = Signal(object)  # Changes
    failed = Signal(object)  # BaseException

    def __init__(
        self,
        runner: Runner,
        current: Callable[[], tuple[str, SearchFilters]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._current = current
        self.combo = QComboBox(self)
        self.combo.setObjectName("saved_searches")
        self.combo.setToolTip(_("Run a saved search"))
        self.combo.setPlaceholderText(_("Saved searches"))
        self.combo.activated.connect(self._on_combo_activated)
        self.save_button = QPushButton(_("Save…"), self)
        self.save_button.setObjectName("save_search")
        self.save_button.setToolTip(_("Save these words and filters under a name"))
        self.save_button.clicked.connect(self.save_current)
        self.delete_button = QPushButton(_("Delete"), self)
        self.delete_button.setObjectName("delete_search")
        self.delete_button.setToolTip(_("Delete the chosen saved search"))
        self.delete_button.clicked.connect(self.delete_current)
        self.delete_button.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.save_button)
        layout.addWidget(self.delete_button)

    def reload(self) -> None:
        """Read the saved searches again."""
        Op(self._runner, list_saved_searches).success(self._show).failure(self.failed.emit).run()

    def names(self) -> list[str]:
        return [self.combo.itemText(i) for i in range(self.combo.count())]

    def run(self, name: str) -> bool:
        """Run the saved search called ``name``; False if there is none."""
        index = self.combo.findText(name)
        if index < 0:
            return False
        self.combo.setCurrentIndex(index)
        self._on_combo_activated(index)
        return True

    def save_current(self) -> None:
        """Ask for a name and save the browser's words and filters under it."""
        text, filters = self._current()
        name, ok = QInputDialog.getText(
            self, _("Save search"), _("Name of this search:"), text=text.strip()
        )
        if not ok or not name.strip():
            return
        Op(self._runner, lambda db: save_search(db, name, text, filters)).success(
            lambda result: self._on_saved(name.strip(), result[1])
        ).failure(self.failed.emit).run()

    def delete_current(self) -> None:
        saved = self.combo.currentData()
        if not isinstance(saved, SavedSearch):
            return
        Op(self._runner, lambda db: delete_saved_search(db, saved.id)).success(
            self._on_deleted
        ).failure(self.failed.emit).run()

    def _show(self, searches: list[SavedSearch], select: str | None = None) -> None:
        current = select or self.combo.currentText()
        self.combo.blockSignals(True)
        self.combo.clear()
        for saved in searches:
            self.combo.addItem(saved.name, saved)
            self.combo.setItemData(
                self.combo.count() - 1, _describe(saved), Qt.ItemDataRole.ToolTipRole
            )
        self.combo.setCurrentIndex(self.combo.findText(current) if current else -1)
        self.combo.blockSignals(False)
        self.delete_button.setEnabled(self.combo.currentIndex() >= 0)

    def _on_saved(self, name: str, changes) -> None:
        Op(self._runner, list_saved_searches).success(
            lambda searches: self._show(searches, select=name)
        ).failure(self.failed.emit).run()
        self.changes_applied.emit(changes)

    def _on_deleted(self, changes) -> None:
        self.combo.setCurrentIndex(-1)
        self.reload()
        self.changes_applied.emit(changes)

    def _on_combo_activated(self, index: int) -> None:
        saved = self.combo.itemData(index)
        self.delete_button.setEnabled(isinstance(saved, SavedSearch))
        if isinstance(saved, SavedSearch):
            self.run_requested.emit(saved)


def _describe(saved: SavedSearch) -> str:
    filters = ", ".join(f"{key}: {value}" for key, value in saved.filters.items())
    return "\n".join(part for part in (saved.query, filters) if part)
