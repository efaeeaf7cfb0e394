"""What the window's table models share: the index type, the item roles, the header."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from workbench.i18n import _

Index = QModelIndex | QPersistentModelIndex
RowRole = Qt.ItemDataRole.UserRole + 1  # the row's object
KeyRole = Qt.ItemDataRole.UserRole + 2  # its key (a report or person id, an item key)


def header(titles: Sequence[str], section: int, orientation: Qt.Orientation, role: int):
    """``headerData`` for columns named ``titles`` (translated when shown)."""
    if (
        orientation == Qt.Orientation.Horizontal
        and role == Qt.ItemDataRole.DisplayRole
        and 0 <= section < len(titles)
    ):
        return _(titles[section])
    return None
