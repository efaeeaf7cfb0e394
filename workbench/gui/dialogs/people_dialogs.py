"""Forms for the people directory's edits, each with a preview of what will change."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from workbench.gui.dialogs.buttons import button_box
from workbench.i18n import _


@dataclass(frozen=True)
class Entry:
    """A directory entry with what an edit of it would move."""

    id: int
    name: str
    reports: int
    mentions: int


def merge_preview(keep: Entry, other: Entry) -> str:
    """What merging ``other`` into ``keep`` does, in words."""
    return _(
        "{mentions} mentions in {reports} reports move from “{other}” to “{keep}”; "
        "“{other}” leaves the directory and stays a known spelling. Undo with Ctrl+Z."
    ).format(mentions=other.mentions, reports=other.reports, other=other.name, keep=keep.name)


class MergeDialog(QDialog):
    """Merge two entries: choose the one whose name stays; the preview says what moves."""

    def __init__(self, first: Entry, second: Entry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("merge_dialog")
        self.setWindowTitle(_("Merge people"))
        self._entries = (first, second)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("These are one person. Keep the name:"), self))
        self.group = QButtonGroup(self)
        for n, entry in enumerate(self._entries):
            button = QRadioButton(
                _("{name} ({reports} reports)").format(name=entry.name, reports=entry.reports), self
            )
            button.setObjectName(f"merge_keep_{n}")
            self.group.addButton(button, n)
            layout.addWidget(button)
        keep = 0 if first.reports >= second.reports else 1
        self.group.button(keep).setChecked(True)
        self.preview = QLabel(self)
        self.preview.setObjectName("merge_preview")
        self.preview.setWordWrap(True)
        layout.addWidget(self.preview)
        self.buttons = button_box(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Merge"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.group.idToggled.connect(lambda _id, _checked: self._update())
        self._update()

    def choice(self) -> tuple[Entry, Entry]:
        """(the entry kept, the entry merged into it)."""
        keep = max(self.group.checkedId(), 0)
        return self._entries[keep], self._entries[1 - keep]

    def _update(self) -> None:
        self.preview.setText(merge_preview(*self.choice()))


class NameDialog(QDialog):
    """A name to type, with a preview of the edit under it (rename, split)."""

    def __init__(
        self,
        title: str,
        label: str,
        name: str,
        preview: Callable[[str], str],
        parent: QWidget | None = None,
        *,
        object_name: str = "name_dialog",
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        self._preview = preview
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(label, self))
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setObjectName("name_edit")
        self.name_edit.selectAll()
        layout.addWidget(self.name_edit)
        self.preview = QLabel(self)
        self.preview.setObjectName("name_preview")
        self.preview.setWordWrap(True)
        layout.addWidget(self.preview)
        self.buttons = button_box(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._update)
        self._update()

    def name(self) -> str:
        return " ".join(self.name_edit.text().split())

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name()))
        self.preview.setText(self._preview(self.name()))
