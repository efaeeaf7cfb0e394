"""Compose a bulletin: reports picked in the archive browser, put in order (drag, or the
buttons), with the bulletin's name, number and date; exported as one .docx off the GUI thread.

The dialog stays open beside the window, so the editor can search, select and add more.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.core.layout import safe_filename
from workbench.gui.dialogs.buttons import error_label
from workbench.gui.dialogs.export_common import (
    WORD_FILES,
    DoneBar,
    PathRow,
    export_buttons,
    last_export_dir,
    run_export,
    template_row,
)
from workbench.gui.ops import Op, Runner
from workbench.i18n import _
from workbench.services.exporting import export_bulletin, export_settings
from workbench.services.templates import export_template

IdRole = Qt.ItemDataRole.UserRole
Selection = Callable[[], list[tuple[int, str, str]]]  # (id, headline, date) picked elsewhere


@dataclass(frozen=True)
class BulletinContext:
    name: str
    template: Path | None
    folder: Path


def load_context(db) -> BulletinContext:
    return BulletinContext(
        export_settings(db).bulletin_name, export_template(db, "bulletin"), last_export_dir()
    )


class BulletinDialog(QDialog):
    """The bulletin being composed and its export."""

    changes_applied = Signal(object)  # Changes

    def __init__(self, runner: Runner, selection: Selection, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("bulletin_dialog")
        self.setWindowTitle(_("Compose a bulletin"))
        self._runner = runner
        self._selection = selection
        self._folder: Path | None = None
        self._path_chosen = False
        self.list = QListWidget(self)
        self.list.setObjectName("bulletin_reports")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setToolTip(_("The reports in the order they will appear; drag to reorder"))
        self.add_button = self._button("bulletin_add", _("Add selected"), self.add_selected)
        self.add_button.setToolTip(_("Add the reports selected in the archive browser"))
        self.remove_button = self._button("bulletin_remove", _("Remove"), self.remove_selected)
        self.up_button = self._button("bulletin_up", _("Move up"), lambda: self.move(-1))
        self.down_button = self._button("bulletin_down", _("Move down"), lambda: self.move(1))
        self.name = QLineEdit(self)
        self.name.setObjectName("bulletin_name")
        self.name.textChanged.connect(lambda _t: self._suggest_path())
        self.number = QLineEdit(self)
        self.number.setObjectName("bulletin_number")
        self.number.setPlaceholderText(_("e.g. 12"))
        self.number.textChanged.connect(lambda _t: self._suggest_path())
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setObjectName("bulletin_date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.template = template_row(self, "bulletin_template", _("Template for the bulletin"))
        self.output = PathRow(
            self, "bulletin_path", caption=_("Save the bulletin as"), patterns=WORD_FILES, save=True
        )
        self.output.path_chosen.connect(lambda _p: setattr(self, "_path_chosen", True))
        self.output.edit.textEdited.connect(lambda _t: setattr(self, "_path_chosen", True))
        self.done_bar = DoneBar(self)
        self.error = error_label(self, "bulletin_error")
        self.buttons, self.export_button = export_buttons(self, "bulletin_run", self.export)
        self._lay_out()
        self.list.model().rowsInserted.connect(lambda *_a: self._update_buttons())
        self.list.model().rowsRemoved.connect(lambda *_a: self._update_buttons())
        self._update_buttons()
        self.resize(640, 560)
        Op(runner, load_context).success(self._show_context).failure(self._show_error).run()

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _lay_out(self) -> None:
        side = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            side.addWidget(button)
        side.addStretch(1)
        grid = QGridLayout()
        grid.addWidget(self.list, 0, 0)
        grid.addLayout(side, 0, 1)
        form = QFormLayout()
        form.addRow(_("Bulletin name"), self.name)
        form.addRow(_("Number"), self.number)
        form.addRow(_("Date"), self.date)
        form.addRow(_("Template"), self.template)
        form.addRow(_("Save as"), self.output)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Reports in this bulletin:"), self))
        layout.addLayout(grid, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.done_bar)
        layout.addWidget(self.buttons)
        order = [
            self.list, self.add_button, self.remove_button, self.up_button, self.down_button,
            self.name, self.number, self.date, self.template, self.output, self.export_button,
        ]  # fmt: skip
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def _show_context(self, context: BulletinContext) -> None:
        self._folder = context.folder
        if context.name:
            self.name.setPlaceholderText(context.name)
        self.template.set_path(context.template)
        self._suggest_path()

    def _suggest_path(self) -> None:
        if self._path_chosen or self._folder is None:
            return
        name = self.name.text().strip() or self.name.placeholderText() or _("Bulletin")
        number = self.number.text().strip()
        stem = safe_filename(f"{name} {number}" if number else name, "Bản tin")
        self.output.set_path(self._folder / f"{stem}.docx")

    # -- the reports ----------------------------------------------------------------------------
    def add_reports(self, reports: list[tuple[int, str, str]]) -> int:
        """Add these (id, headline, date) at the end, skipping those already in; how many."""
        present = set(self.report_ids())
        added = 0
        for report_id, title, date in reports:
            if report_id in present:
                continue
            item = QListWidgetItem(f"{date}  {title}" if date else title)
            item.setData(IdRole, report_id)
            item.setToolTip(title)
            self.list.addItem(item)
            present.add(report_id)
            added += 1
        return added

    def add_selected(self) -> None:
        """Add the reports selected in the archive browser."""
        if not self.add_reports(self._selection()):
            self.error.setText(_("Select reports in the archive browser first."))
        else:
            self.error.clear()

    def report_ids(self) -> list[int]:
        """The reports of the bulletin in their order."""
        return [int(self.list.item(r).data(IdRole)) for r in range(self.list.count())]

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))

    def move(self, step: int) -> None:
        """Move the current report up (-1) or down (+1)."""
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def _update_buttons(self) -> None:
        has = self.list.count() > 0
        for button in (self.remove_button, self.up_button, self.down_button, self.export_button):
            button.setEnabled(has)

    # -- export ---------------------------------------------------------------------------------
    def export(self) -> None:
        """Write the bulletin where the dialog says, off the GUI thread."""
        ids = self.report_ids()
        path = self.output.path()
        if not ids:
            return
        if path is None:
            self.output.choose()
            if (path := self.output.path()) is None:
                return
        name = self.name.text().strip() or None
        number = self.number.text().strip() or None
        issued = self.date.date().toPython()
        template = self.template.path()
        self.error.clear()

        def job(db, target: Path):
            return export_bulletin(
                db, ids, target, name=name, number=number, issued=issued, template=template
            )

        run_export(self, self._runner, path, job, self._on_exported, self._show_error)

    def _on_exported(self, result) -> None:
        self.done_bar.show_written(result.path)
        self.changes_applied.emit(result.changes)

    def _show_error(self, error: BaseException) -> None:
        self.error.setText(str(error))
