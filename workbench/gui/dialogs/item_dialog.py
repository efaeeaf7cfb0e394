"""Edit one item of a report's review: a person, a key task or a document."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from workbench.core.models import ROLES, DocumentRef, KeyTask, Person
from workbench.core.review import Item
from workbench.gui.dialogs.buttons import button_box
from workbench.gui.models.review_table import ROLE_LABELS
from workbench.i18n import _


class ItemDialog(QDialog):
    """A form for the fields of ``item``; ``edited_item()`` gives the item as changed."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("item_dialog")
        self.setWindowTitle(_("Edit"))
        self._item = item
        self.fields: dict[str, QLineEdit | QPlainTextEdit | QComboBox] = {}
        form = QFormLayout(self)
        if isinstance(item, Person):
            self._line(form, "name", _("Name"), item.name)
            self._text(form, "titles", _("Titles (one per line)"), "\n".join(item.titles))
            role = QComboBox(self)
            for value in ROLES:
                role.addItem(_(ROLE_LABELS[value]), value)
            role.setCurrentIndex(ROLES.index(item.role) if item.role in ROLES else 0)
            self.fields["role"] = role
            form.addRow(_("Role"), role)
        elif isinstance(item, KeyTask):
            self._text(form, "text", _("Task"), item.text)
            self._line(form, "speaker", _("Set by"), item.speaker or "")
        else:
            self._line(form, "kind", _("Kind"), item.kind)
            self._line(form, "number", _("Number"), item.number)
            self._line(form, "date", _("Date"), item.date or "")
            self._line(form, "issuer", _("Issuer"), item.issuer or "")
        buttons = button_box(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _line(self, form: QFormLayout, name: str, label: str, value: str) -> None:
        line = QLineEdit(value, self)
        line.setObjectName(f"edit_{name}")
        self.fields[name] = line
        form.addRow(label, line)

    def _text(self, form: QFormLayout, name: str, label: str, value: str) -> None:
        box = QPlainTextEdit(value, self)
        box.setObjectName(f"edit_{name}")
        box.setTabChangesFocus(True)
        self.fields[name] = box
        form.addRow(label, box)

    def value(self, name: str) -> str:
        widget = self.fields[name]
        if isinstance(widget, QComboBox):
            return str(widget.currentData())
        text = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
        return text.strip()

    def edited_item(self) -> Item:
        """The item with the values now in the form (empty optional fields become None)."""
        item = self._item
        if isinstance(item, Person):
            titles = [t.strip() for t in self.value("titles").splitlines() if t.strip()]
            return replace(
                item, name=self.value("name") or item.name, titles=titles, role=self.value("role")
            )
        if isinstance(item, KeyTask):
            return replace(
                item, text=self.value("text") or item.text, speaker=self.value("speaker") or None
            )
        assert isinstance(item, DocumentRef)
        return replace(
            item,
            kind=self.value("kind"),
            number=self.value("number") or item.number,
            date=self.value("date") or None,
            issuer=self.value("issuer") or None,
        )
