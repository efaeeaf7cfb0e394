"""The centre of the window: a report's headline and metadata above its body."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.core.models import Block
from workbench.gui.body_view import BodyView
from workbench.i18n import N_, _

# (field, label, placeholder)
FIELDS = (
    ("title", N_("Headline"), ""),
    ("published_at", N_("Published"), "07/09/2023 05:59"),
    ("event_date", N_("Event date"), "06/09/2023"),
    ("place", N_("Place"), ""),
    ("source", N_("Source"), ""),
    ("author", N_("Author"), ""),
    ("tags", N_("Tags"), N_("comma-separated")),
)


class ReportEditor(QWidget):
    """Edits one report's fields; says what changed, stores nothing itself."""

    field_edited = Signal(str, object, object)  # field, before, after
    original_requested = Signal()
    report_requested = Signal(int)  # a report of the same event, clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("report_editor")
        self._values: dict[str, str] = {}
        self.inputs: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for name, label, placeholder in FIELDS:
            line = QLineEdit(self)
            line.setObjectName(f"field_{name}")
            if placeholder:
                line.setPlaceholderText(_(placeholder))
            line.editingFinished.connect(lambda n=name: self._on_field_finished(n))
            form.addRow(_(label), line)
            self.inputs[name] = line
        self.similar = QLabel(self)
        self.similar.setObjectName("similar_reports")
        self.similar.setWordWrap(True)
        self.similar.setStyleSheet("background: #fff4ce; padding: 4px")
        self.similar.linkActivated.connect(lambda link: self.report_requested.emit(int(link)))
        self.similar.hide()
        self.body = BodyView(self)
        self.find_box = QLineEdit(self)
        self.find_box.setObjectName("find_box")
        self.find_box.setPlaceholderText(_("Find in this report (Enter: next)"))
        self.find_box.returnPressed.connect(self.find_next)
        self.find_box.hide()
        original = QPushButton(_("Show original"), self)
        original.setObjectName("show_original")
        original.clicked.connect(self.original_requested.emit)
        bottom = QHBoxLayout()
        bottom.addWidget(self.find_box, 1)
        bottom.addWidget(original)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.similar)
        layout.addWidget(self.body, 1)
        layout.addLayout(bottom)
        QShortcut(QKeySequence("Escape"), self.find_box, activated=self.find_box.hide)

    def set_fields(self, values: dict[str, str | None]) -> None:
        """Show these field values (None shows empty) without signalling an edit."""
        for name, line in self.inputs.items():
            if name in values:
                text = values[name] or ""
                self._values[name] = text
                line.setText(text)
                line.setCursorPosition(0)

    def set_similar(self, reports: list[tuple[int, str]]) -> None:
        """Name the stored reports of the same event (each a link), or hide the line."""
        links = ", ".join(f'<a href="{n}">#{n} {escape(title)}</a>' for n, title in reports)
        self.similar.setText(_("The same event as: {reports}").format(reports=links))
        self.similar.setVisible(bool(reports))

    def set_blocks(self, blocks: list[Block]) -> None:
        self.body.set_blocks(blocks)

    def show_find(self) -> None:
        """Show the find box with the selected text in it (Ctrl+F)."""
        selected = self.body.textCursor().selectedText()
        if selected:
            self.find_box.setText(selected)
        self.find_box.show()
        self.find_box.setFocus()
        self.find_box.selectAll()

    def find_next(self) -> bool:
        """Select the next occurrence of the find text, wrapping at the end."""
        needle = self.find_box.text()
        if not needle:
            return False
        if self.body.find(needle):
            return True
        cursor = self.body.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        self.body.setTextCursor(cursor)
        return self.body.find(needle, QTextDocument.FindFlag(0))

    def _on_field_finished(self, name: str) -> None:
        after = self.inputs[name].text().strip()
        before = self._values.get(name, "")
        if after != before:
            self._values[name] = after
            self.field_edited.emit(name, before or None, after or None)


def show_original_dialog(parent: QWidget, text: str, label: str) -> None:
    """A read-only window with the text exactly as it was imported."""
    dialog = QDialog(parent)
    dialog.setObjectName("original_dialog")
    dialog.setWindowTitle(_("Original: {name}").format(name=label))
    view = QPlainTextEdit(dialog)
    view.setReadOnly(True)
    view.setPlainText(text)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(view)
    layout.addWidget(buttons)
    dialog.resize(700, 600)
    dialog.open()
