"""The archive browser: search as you type, filters, saved searches, results with the matched
words marked; Enter or a double click opens a report.

Typing restarts a short timer (``DEBOUNCE_MS``); when it runs out the query goes to the
database thread and the results replace the list when they arrive (``SearchResultsModel``
drops the pages of any older query). An empty box lists the reports passing the filters,
newest first. Results are fetched a page at a time as the list scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.gui.models.search_results import BrowseQuery, HtmlRole, SearchResultsModel
from workbench.gui.ops import Op, Runner
from workbench.gui.panels.browser_filters import FilterBar
from workbench.gui.panels.saved_searches import SavedSearchBar
from workbench.gui.rich_text import RichTextDelegate
from workbench.i18n import N_, _
from workbench.services.people import list_people
from workbench.services.searching import SavedSearch

DEBOUNCE_MS = 200
ORDERS = (("relevance", N_("Best match first")), ("date", N_("Newest first")))
NAMES_MS = 150  # typing pause before the person field looks up names
MAX_NAMES = 20


class BrowserPanel(QDockWidget):
    """A dock to find reports in the archive and pick those to open or put in a bulletin."""

    report_activated = Signal(int)
    changes_applied = Signal(object)  # Changes (saved searches)
    failed = Signal(object)  # BaseException

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(_("Archive"), parent)
        self.setObjectName("panel_browser")
        self._runner = runner
        self._stale = False
        self._on_screen = False  # as visibilityChanged says (a tab behind another is not)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.model = SearchResultsModel(runner, self)
        self._build()
        self.model.loaded.connect(self._on_model_loaded)
        self.model.counted.connect(self._show_count)
        self.model.rowsInserted.connect(lambda *_args: self._show_count())
        self.model.failed.connect(self._on_model_failed)
        self.visibilityChanged.connect(self._on_visibility_changed)

    def _build(self) -> None:
        body = QWidget(self)
        self.search_box = QLineEdit(body)
        self.search_box.setObjectName("browser_search")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(_("Search the archive (marks optional)"))
        self.search_box.setToolTip(_("Words to find; results come as you type (↓: to the list)"))
        self.search_box.textChanged.connect(lambda _text: self._timer.start())
        self.search_box.returnPressed.connect(self.search_now)
        self.order_box = QComboBox(body)
        self.order_box.setObjectName("browser_order")
        self.order_box.setToolTip(_("Order of the results"))
        for value, label in ORDERS:
            self.order_box.addItem(_(label), value)
        self.order_box.currentIndexChanged.connect(lambda _i: self.search_now())
        self.filters = FilterBar(body)
        self.filters.changed.connect(self._on_filters_changed)
        self._names_timer = QTimer(self)
        self._names_timer.setSingleShot(True)
        self._names_timer.setInterval(NAMES_MS)
        self._names_timer.timeout.connect(self.look_up_names)
        self.filters.inputs["person"].textEdited.connect(lambda _t: self._names_timer.start())
        self.filters.hide()
        self.filter_button = QToolButton(body)
        self.filter_button.setObjectName("browser_filter_toggle")
        self.filter_button.setText(_("Filters"))
        self.filter_button.setToolTip(_("Show or hide the filters"))
        self.filter_button.setCheckable(True)
        self.filter_button.toggled.connect(self.filters.setVisible)
        self.saved = SavedSearchBar(self._runner, self._current_search, body)
        self.saved.run_requested.connect(self.apply_saved)
        self.saved.changes_applied.connect(self.changes_applied.emit)
        self.saved.failed.connect(self.failed.emit)
        self.view = QListView(body)
        self.view.setObjectName("browser_results")
        self.view.setModel(self.model)
        self.view.setItemDelegate(RichTextDelegate(HtmlRole, parent=self.view))
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.activated.connect(self._on_view_activated)
        self.status = QLabel(body)
        self.status.setObjectName("browser_status")
        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.filter_button)
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.order_box)
        layout.addWidget(self.saved)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.setWidget(body)
        QShortcut(
            QKeySequence(Qt.Key.Key_Down),
            self.search_box,
            self.focus_results,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        body.setTabOrder(self.search_box, self.filter_button)
        body.setTabOrder(self.filter_button, self.order_box)

    # -- the query ------------------------------------------------------------------------------
    def query(self) -> BrowseQuery:
        """What the browser shows results for, as the widgets say now (the words as typed: a
        space at the end says the last word is finished, not a prefix)."""
        return BrowseQuery(
            self.search_box.text().lstrip(), self.filters.filters(), self.order_box.currentData()
        )

    def search_now(self) -> None:
        """Run the query at once (the debounce timer stops)."""
        self._timer.stop()
        self.status.setText(_("Searching…"))
        self.model.set_query(self.query())

    def refresh(self) -> None:
        """The archive changed: fetch the results shown again (later, if the dock is hidden)."""
        if self.model.query is None:
            return
        if not self._on_screen:
            self._stale = True
            return
        self.model.refresh()

    def look_up_names(self) -> None:
        """Offer the directory's names matching what the person field holds (marks optional)."""
        typed = self.filters.inputs["person"].text().strip()
        if len(typed) < 2:
            return
        Op(
            self._runner,
            lambda db: sorted(
                {p.name for p in list_people(db, query=typed, limit=MAX_NAMES).items}
            ),
        ).success(lambda names: self.filters.set_people_names(typed, names)).failure(
            self.failed.emit
        ).run()

    def apply_saved(self, saved: SavedSearch) -> None:
        """Show a saved search's words and filters and run it."""
        self.search_box.blockSignals(True)
        self.search_box.setText(saved.query)
        self.search_box.blockSignals(False)
        self.filters.set_filters(saved.filters)
        self.filter_button.setChecked(self.filters.active_count() > 0)
        self.search_now()

    def _current_search(self):
        query = self.query()
        return query.text, query.filters

    # -- results --------------------------------------------------------------------------------
    def selected_report_ids(self) -> list[int]:
        """The reports selected in the list, top to bottom."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedIndexes()})
        return self.model.report_ids(rows)

    def selected_reports(self) -> list[tuple[int, str, str]]:
        """(id, headline, date) of the selected reports, top to bottom."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedIndexes()})
        return [(r.id, r.title, r.date) for r in (self.model.row(i) for i in rows)]

    def select_rows(self, rows: list[int]) -> None:
        """Select these rows of the results (the first becomes current)."""
        selection = self.view.selectionModel()
        selection.clearSelection()
        for n, row in enumerate(rows):
            flags = QItemSelectionModel.SelectionFlag.Select
            if n == 0:
                selection.setCurrentIndex(self.model.index(row, 0), flags)
            else:
                selection.select(self.model.index(row, 0), flags)

    def focus_search(self) -> None:
        """Show the dock and put the cursor in the search box, its words selected."""
        self.show()
        self.raise_()
        self.search_box.setFocus()
        self.search_box.selectAll()

    def focus_results(self) -> None:
        if self.model.rowCount() == 0:
            return
        self.view.setFocus()
        if not self.view.selectionModel().hasSelection():
            self.select_rows([max(0, self.view.currentIndex().row())])

    def _show_count(self) -> None:
        total = self.model.total
        if total == 0:
            self.status.setText(_("No report matches."))
        elif not self.model.exact:
            text = (
                _("At least {total} reports ({shown} listed), counting…")
                if self.model.counting
                else _("At least {total} reports ({shown} listed)")
            )
            self.status.setText(text.format(total=total, shown=self.model.rowCount()))
        elif self.model.rowCount() < total:
            self.status.setText(
                _("{total} reports ({shown} listed)").format(
                    total=total, shown=self.model.rowCount()
                )
            )
        else:
            self.status.setText(_("{total} reports").format(total=total))

    def _on_model_loaded(self) -> None:
        self._show_count()

    def _on_model_failed(self, error: BaseException) -> None:
        self.status.setText(str(error))

    def _on_filters_changed(self) -> None:
        self._timer.start()

    def _on_view_activated(self, index) -> None:
        if index.isValid():
            self.report_activated.emit(self.model.row(index.row()).id)

    def _on_visibility_changed(self, visible: bool) -> None:
        self._on_screen = visible
        if visible and self._stale:
            self._stale = False
            self.model.refresh()
