"""The people directory: everyone in the archive with their reports and titles over time.

Selecting a person shows the names and titles they were given and every report they appear in
(Enter or a double click opens it). Merge (two selected, Ctrl+M), rename (F2) and split (the
chosen reports' mentions go to a new entry) each show what will change first, and go on the
window's undo stack.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.core.edits import MergePeople, RenamePerson
from workbench.gui.dialogs.people_dialogs import Entry, MergeDialog, NameDialog
from workbench.gui.models.people_table import AppearancesModel, PeopleModel, PersonRow
from workbench.gui.ops import Op, Runner
from workbench.gui.undo import EditCommand, ServiceCommand
from workbench.i18n import _
from workbench.services.editing import apply_edit, revert_edit
from workbench.services.people import (
    PersonDetail,
    get_person,
    merge_people,
    reports_of_person,
    split_person,
)

FILTER_MS = 200


def load_entry(db, person_id: int) -> Entry:
    """A person with how many reports and mentions an edit of them moves."""
    detail = get_person(db, person_id)
    return Entry(person_id, detail.name, detail.report_count, len(reports_of_person(db, person_id)))


def _table(parent: QWidget, name: str, wide: int) -> QTableView:
    """A read-only table of one-line rows; column ``wide`` takes the width the others leave
    (they fit their contents)."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(wide, QHeaderView.ResizeMode.Stretch)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
    view.setWordWrap(False)
    return view


class PeoplePanel(QDockWidget):
    """A dock with the directory, one person's details and reports, and the edits."""

    report_activated = Signal(int)
    changes_applied = Signal(object)  # Changes
    failed = Signal(object)  # BaseException | str

    def __init__(self, runner: Runner, undo_stack: QUndoStack, parent: QWidget | None = None):
        super().__init__(_("People"), parent)
        self.setObjectName("panel_people")
        self._runner = runner
        self._undo = undo_stack
        self._stale = False
        self._on_screen = False  # as visibilityChanged says (a tab behind another is not)
        self._shown_id: int | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_MS)
        self._timer.timeout.connect(self._apply_filter)
        self.model = PeopleModel(runner, self)
        self.appearances = AppearancesModel(self)
        self._build()
        self.model.loaded.connect(self._on_model_loaded)
        self.model.failed.connect(self.failed.emit)
        self.visibilityChanged.connect(self._on_visibility_changed)

    def _build(self) -> None:
        body = QWidget(self)
        self.filter_box = QLineEdit(body)
        self.filter_box.setObjectName("people_filter")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setPlaceholderText(_("Find a person (marks optional)"))
        self.filter_box.textChanged.connect(lambda _text: self._timer.start())
        self.table = _table(body, "people_table", wide=2)  # the latest title
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.detail = QLabel(body)
        self.detail.setObjectName("people_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reports_view = _table(body, "people_reports", wide=1)  # the headline
        self.reports_view.setModel(self.appearances)
        self.reports_view.setToolTip(_("Enter or double click: open the report"))
        self.reports_view.activated.connect(self._on_report_activated)
        self.reports_view.selectionModel().selectionChanged.connect(
            lambda *_a: self._update_buttons()
        )
        self.merge_button = self._button(body, "people_merge", _("Merge…"), self.merge_selected)
        self.merge_button.setToolTip(_("Two selected entries are one person (Ctrl+M)"))
        self.rename_button = self._button(body, "people_rename", _("Rename…"), self.rename_current)
        self.rename_button.setToolTip(_("Give this person another name (F2)"))
        self.split_button = self._button(body, "people_split", _("Split…"), self.split_selected)
        self.split_button.setToolTip(_("The selected reports are about someone else"))
        buttons = QHBoxLayout()
        for button in (self.merge_button, self.rename_button, self.split_button):
            buttons.addWidget(button)
        lower = QWidget(body)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.detail)
        lower_layout.addWidget(self.reports_view, 1)
        lower_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical, body)
        splitter.setObjectName("people_splitter")
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        layout = QVBoxLayout(body)
        layout.addWidget(self.filter_box)
        layout.addWidget(splitter, 1)
        self.setWidget(body)
        self._add_shortcuts()
        self._update_buttons()

    def _button(self, parent: QWidget, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text, parent)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _add_shortcuts(self) -> None:
        for text, key, slot in (
            (_("Merge…"), "Ctrl+M", self.merge_selected),
            (_("Rename…"), "F2", self.rename_current),
        ):
            action = QAction(text, self.table)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.table.addAction(action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    # -- the list ---------------------------------------------------------------------------------
    def load(self) -> None:
        """Read the directory (the first page) now."""
        self.model.set_query(self.filter_box.text().strip())

    def refresh(self) -> None:
        """The archive changed: read what is shown again (when the dock is next shown)."""
        if not self._on_screen:
            self._stale = True
            return
        if self.model.query is None:
            self.load()
        else:
            self.model.refresh()
        if self._shown_id is not None:
            self._show_person(self._shown_id)

    def select_people(self, ids: list[int]) -> None:
        """Select these people (the first becomes current); those not listed are skipped."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        rows = [r for r in (self.model.row_of(i) for i in ids) if r >= 0]
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for n, row in enumerate(rows):
            index = self.model.index(row, 0)
            if n == 0:
                selection.setCurrentIndex(index, flags)
            else:
                selection.select(index, flags)

    def selected_people(self) -> list[PersonRow]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.row(r) for r in rows]

    def current_person(self) -> PersonRow | None:
        row = self.table.currentIndex().row()
        return self.model.row(row) if 0 <= row < self.model.rowCount() else None

    def _apply_filter(self) -> None:
        self.model.set_query(self.filter_box.text().strip())

    def _on_model_loaded(self) -> None:
        if self._shown_id is not None and (row := self.model.row_of(self._shown_id)) >= 0:
            if self.table.currentIndex().row() != row:
                self.select_people([self._shown_id])
        elif self._shown_id is not None and self.model.row_of(self._shown_id) < 0:
            self._clear_detail()
        self._update_buttons()

    def _on_current_changed(self, current, _previous) -> None:
        if current.isValid():
            self._show_person(self.model.row(current.row()).id)

    # -- one person -------------------------------------------------------------------------------
    def _show_person(self, person_id: int) -> None:
        self._shown_id = person_id

        def done(result) -> None:
            if self._shown_id == person_id:
                detail, appearances = result
                self.detail.setText(detail_html(detail))
                self.appearances.set_items(appearances)
                self._update_buttons()

        Op(
            self._runner, lambda db: (get_person(db, person_id), reports_of_person(db, person_id))
        ).success(done).failure(lambda error: self._clear_detail()).run()

    def _clear_detail(self) -> None:
        self._shown_id = None
        self.detail.clear()
        self.appearances.set_items([])
        self._update_buttons()

    def _on_report_activated(self, index) -> None:
        if index.isValid():
            self.report_activated.emit(self.appearances.item(index.row()).report_id)

    def _selected_mentions(self) -> list[int]:
        rows = {index.row() for index in self.reports_view.selectionModel().selectedRows()}
        return [self.appearances.item(r).mention_id for r in sorted(rows)]

    def _update_buttons(self) -> None:
        chosen = len(self.table.selectionModel().selectedRows())
        self.merge_button.setEnabled(chosen == 2)
        self.rename_button.setEnabled(self._shown_id is not None)
        mentions = len(self._selected_mentions())
        self.split_button.setEnabled(0 < mentions < self.appearances.rowCount())

    # -- edits ------------------------------------------------------------------------------------
    def merge_selected(self) -> None:
        """Ask which of the two selected people keeps the name, then merge (undoable)."""
        people = self.selected_people()
        if len(people) != 2:
            return
        first, second = people[0].id, people[1].id
        Op(self._runner, lambda db: (load_entry(db, first), load_entry(db, second))).success(
            lambda entries: self._ask_merge(*entries)
        ).failure(self.failed.emit).run()

    def _ask_merge(self, first: Entry, second: Entry) -> None:
        dialog = MergeDialog(first, second, self)
        dialog.accepted.connect(lambda: self._merge(*dialog.choice()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _merge(self, keep: Entry, other: Entry) -> None:
        label = _("Merge {other} into {keep}").format(other=other.name, keep=keep.name)
        self._shown_id = keep.id
        self._push(MergePeople(keep.id, other.id, label=label))

    def rename_current(self) -> None:
        """Ask for the new name of the person shown, then rename (undoable)."""
        if self._shown_id is None:
            return
        person_id = self._shown_id
        Op(self._runner, lambda db: load_entry(db, person_id)).success(self._ask_rename).failure(
            self.failed.emit
        ).run()

    def _ask_rename(self, entry: Entry) -> None:
        def preview(name: str) -> str:
            return _(
                "Exports of {reports} reports ({mentions} mentions) will name “{new}”; "
                "“{old}” stays a known spelling where a report wrote it."
            ).format(reports=entry.reports, mentions=entry.mentions, new=name, old=entry.name)

        dialog = NameDialog(
            _("Rename"), _("New name:"), entry.name, preview, self, object_name="rename_dialog"
        )
        dialog.accepted.connect(lambda: self._rename(entry, dialog.name()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _rename(self, entry: Entry, name: str) -> None:
        if not name or name == entry.name:
            return
        label = _("Rename {old} to {new}").format(old=entry.name, new=name)
        self._push(RenamePerson(entry.id, entry.name, name, label=label))

    def split_selected(self) -> None:
        """Move the mentions of the selected reports to a new entry (undoable)."""
        mentions = self._selected_mentions()
        if self._shown_id is None or not mentions:
            return
        person_id = self._shown_id
        reports = {
            self.appearances.item(r).report_id
            for r in range(self.appearances.rowCount())
            if self.appearances.item(r).mention_id in mentions
        }
        name = self.appearances.item(0).name if self.appearances.rowCount() else ""

        def preview(new_name: str) -> str:
            return _(
                "{mentions} mentions in {reports} reports move to a new entry “{name}”; "
                "the other reports stay with this person."
            ).format(mentions=len(mentions), reports=len(reports), name=new_name)

        dialog = NameDialog(
            _("Split"), _("Name of the new entry:"), name, preview, self, object_name="split_dialog"
        )
        dialog.accepted.connect(lambda: self._split(person_id, mentions, dialog.name()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _split(self, person_id: int, mentions: list[int], name: str) -> None:
        state: dict[str, int | None] = {"new_id": None}

        def do(db):
            result = split_person(db, person_id, mentions, name=name, new_id=state["new_id"])
            state["new_id"] = result.new_person_id
            return result.changes

        def undo(db):
            return merge_people(db, person_id, state["new_id"]).changes

        label = _("Split {name}").format(name=name)
        self._undo.push(
            ServiceCommand(
                label, self._runner, do, undo, self.changes_applied.emit, self.failed.emit
            )
        )

    def _push(self, edit) -> None:
        self._undo.push(
            EditCommand(
                edit,
                self._runner,
                apply_edit,
                revert_edit,
                self.changes_applied.emit,
                self.failed.emit,
            )
        )

    def _on_visibility_changed(self, visible: bool) -> None:
        self._on_screen = visible
        if visible and (self._stale or self.model.query is None):
            self._stale = False
            self.refresh()


def detail_html(detail: PersonDetail) -> str:
    """A person's names and titles over time, as rich text."""
    esc = html.escape
    lines = [f"<b>{esc(detail.name)}</b> — " + _("{n} reports").format(n=detail.report_count)]
    others = [name for name in detail.names if name != detail.name]
    if others:
        lines.append(_("Also written: {names}").format(names=esc(", ".join(others))))
    if detail.titles:
        items = "".join(
            f"<li>{esc(t.title)} <span style='color:#777777'>"
            f"({esc(t.first_seen or '?')} – {esc(t.last_seen or '?')}, "
            + _("{n} reports").format(n=t.report_count)
            + ")</span></li>"
            for t in detail.titles
        )
        lines.append(_("Titles over time:") + f"<ul style='margin:0'>{items}</ul>")
    return "<br>".join(lines)
