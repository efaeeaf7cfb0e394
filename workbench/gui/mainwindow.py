"""The main window: the report editor in the centre, the review panels docked around it.

Everything that touches the archive runs on the database thread (``gui.ops``); the window
keeps no archive state of its own beyond what its widgets show.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from workbench import __version__
from workbench.gui.actions import ActionId, create_actions
from workbench.gui.archive_switch import choose_archive, keep_alive, release, remember_archive
from workbench.gui.daily_check import DailyCheckRun
from workbench.gui.import_flow import ImportFlow
from workbench.gui.index_tidy import IndexTidier
from workbench.gui.menus import build_menus
from workbench.gui.ops import DbRunner, Op, RunnerFactory
from workbench.gui.panels.browser import BrowserPanel
from workbench.gui.panels.people import PeoplePanel
from workbench.gui.panels.reports import ReportsPanel
from workbench.gui.panels.review_panel import ReviewPanel
from workbench.gui.report_editor import ReportEditor, show_original_dialog
from workbench.gui.session import ReportSession
from workbench.gui.welcome import WelcomePage
from workbench.gui.window_dialogs import WindowDialogs
from workbench.i18n import _
from workbench.services.archive import list_reports, open_archive
from workbench.services.changes import Changes
from workbench.services.exporting import export_settings
from workbench.services.importing import original_text

WINDOW_TITLE = "Press Workbench"


class MainWindow(QMainWindow):
    """One window an editor keeps open all day, on one archive."""

    archive_changed = Signal(Path)
    changes_applied = Signal(object)  # Changes

    def __init__(
        self,
        archive: Path,
        parent: QWidget | None = None,
        runner_factory: RunnerFactory = DbRunner,
        *,
        daily_check: bool = True,
    ) -> None:
        """The window on ``archive``; its jobs run on a runner made by ``runner_factory``.
        Without ``daily_check`` the archive is neither checked whole nor backed up once a day
        (benchmarks that only read their archives)."""
        super().__init__(parent)
        self._daily = daily_check
        self.setObjectName("main_window")
        self.setWindowTitle(WINDOW_TITLE)
        self.setAcceptDrops(True)
        self._archive = archive
        self._runner_factory = runner_factory
        self.runner = runner_factory(lambda: open_archive(archive, daily=False))
        self.undo_stack = QUndoStack(self)
        self.actions_by_id = create_actions(self)
        self._build_centre()
        self._build_docks()
        self.session = ReportSession(self.runner, self.undo_stack, self.editor, self.panels, self)
        self.imports = ImportFlow(self, self.runner)
        self.dialogs = WindowDialogs(self)
        self.tidier = IndexTidier(self.runner, self)
        self.daily_check = DailyCheckRun(archive, runner_factory, self.statusBar())
        self.daily_check.failed.connect(self._show_error)
        build_menus(self)
        self._archive_label = QLabel(self)
        self._archive_label.setObjectName("archive_label")
        self.statusBar().addPermanentWidget(self._archive_label)
        self._connect()
        self.set_archive(archive)
        self.resize(1280, 820)
        self._restore_layout()
        # the first job waits for the archive to open (an upgrade backs it up first); the
        # day's check of the whole file and its backup follow beside the editor's work
        self.statusBar().showMessage(_("Opening the archive…"))
        Op(self.runner, lambda _db: None).success(self._opened).failure(
            lambda _error: self.statusBar().clearMessage()
        ).run()
        self.refresh_reports()
        self.browser.search_now()
        self.browser.saved.reload()
        Op(self.runner, export_settings).success(self.welcome.organisation.ask).run()
        self.tidier.schedule()

    @property
    def archive(self) -> Path:
        return self._archive

    def set_archive(self, archive: Path) -> None:
        """Show ``archive`` as the file this window works on."""
        self._archive = archive
        self._archive_label.setText(_("Archive: {path}").format(path=archive))
        self._archive_label.setToolTip(str(archive))
        self.welcome.set_archive(archive)
        self.archive_changed.emit(archive)

    # -- building --------------------------------------------------------------------------
    def _build_centre(self) -> None:
        self.welcome = WelcomePage(self.runner, self)
        self.editor = ReportEditor(self)
        self.centre = QStackedWidget(self)
        self.centre.addWidget(self.welcome)
        self.centre.addWidget(self.editor)
        self.setCentralWidget(self.centre)

    def _build_docks(self) -> None:
        self.panels = {kind: ReviewPanel(kind, self) for kind in ("person", "task", "document")}
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panels["person"])
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panels["task"])
        self.tabifyDockWidget(self.panels["task"], self.panels["document"])
        self.panels["task"].raise_()
        self.reports_panel = ReportsPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.reports_panel)
        self.browser = BrowserPanel(self.runner, self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.browser)
        self.people_panel = PeoplePanel(self.runner, self.undo_stack, self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.people_panel)
        self.tabifyDockWidget(self.reports_panel, self.browser)
        self.tabifyDockWidget(self.browser, self.people_panel)
        self.browser.raise_()

    def docks(self) -> list[QDockWidget]:
        """Every dock, in the order the View menu lists them (objectNames are stable)."""
        return [self.browser, self.reports_panel, self.people_panel, *self.panels.values()]

    def _connect(self) -> None:
        act = self.actions_by_id
        triggers = {
            ActionId.QUIT: self.close,
            ActionId.ABOUT: self.show_about,
            ActionId.PASTE_REPORT: self.imports.paste,
            ActionId.IMPORT: self.imports.choose_files,
            ActionId.IMPORT_FOLDER: self.imports.choose_folder,
            ActionId.OPEN_SAMPLE: self.imports.import_sample,
            ActionId.FIND: self.editor.show_find,
            ActionId.SHOW_ORIGINAL: self.show_original,
            ActionId.TAG_SPEAKER: lambda: self._tag("person"),
            ActionId.TAG_TASK: lambda: self._tag("task"),
            ActionId.TAG_ALL: self.session.tag_all_occurrences,
            ActionId.SEARCH_ARCHIVE: self.browser.focus_search,
            ActionId.PEOPLE_DIRECTORY: self.show_people,
            ActionId.EXPORT_PRESS_RELEASE: self.dialogs.export_press_release,
            ActionId.COMPOSE_BULLETIN: self.dialogs.compose_bulletin,
            ActionId.PREFERENCES: self.dialogs.show_preferences,
            ActionId.OPEN_ARCHIVE: self.open_archive,
        }
        for action_id, slot in triggers.items():
            act[action_id].triggered.connect(slot)
        self.welcome.paste_requested.connect(self.imports.paste)
        self.welcome.import_requested.connect(self.imports.choose_files)
        self.welcome.sample_requested.connect(self.imports.import_sample)
        self.welcome.organisation.saved.connect(self.changes_applied.emit)
        self.welcome.organisation.failed.connect(self._show_error)
        self.imports.report_stored.connect(self.open_report)
        self.imports.changes_applied.connect(self.changes_applied.emit)
        self.reports_panel.report_activated.connect(self.open_report)
        for dock in (self.browser, self.people_panel):
            dock.report_activated.connect(self.open_report)
            dock.changes_applied.connect(self.changes_applied.emit)
            dock.failed.connect(self._show_error)
        self.session.report_loaded.connect(self._on_session_report_loaded)
        self.session.failed.connect(self._show_error)
        self.session.changes_applied.connect(self.changes_applied.emit)
        self.editor.original_requested.connect(self.show_original)
        self.editor.report_requested.connect(self.open_report)
        self.changes_applied.connect(self._on_changes_applied)
        self.undo_stack.cleanChanged.connect(self._on_undo_clean_changed)

    def _opened(self, _none: None) -> None:
        self.statusBar().clearMessage()
        if self._daily:
            self.daily_check.start()

    # -- actions ---------------------------------------------------------------------------
    def open_report(self, report_id: int) -> None:
        """Show report ``report_id`` in the editor and its panels."""
        self.session.open(report_id)

    def show_people(self) -> None:
        """Show the people directory and put the cursor in its search box."""
        self.people_panel.show()
        self.people_panel.raise_()
        self.people_panel.filter_box.setFocus()

    def open_archive(self) -> None:
        """Ask for another archive and switch to it."""
        if (path := choose_archive(self, self._archive)) is not None:
            self.switch_archive(path)

    def switch_archive(self, path: Path) -> None:
        """Work on the archive at ``path``: a new window on it replaces this one.

        The file is opened first on the database thread (created if new, upgraded if old); one
        that is not an archive is refused with a message and this window stays. This window's
        queued jobs finish and its connection closes; the new window has its own database
        thread and undo history. Nothing happens for the archive already open.
        """
        path = Path(path)
        if path.resolve() == Path(self._archive).resolve():
            return
        Op(self.runner, lambda _db: open_archive(path, daily=False).close()).success(
            lambda _none: self._replace_with(path)
        ).failure(self._show_error).run()

    def _replace_with(self, path: Path) -> MainWindow:
        window = MainWindow(path, runner_factory=self._runner_factory, daily_check=self._daily)
        keep_alive(window)
        window.show()
        remember_archive(path)
        self.close()
        return window

    def refresh_reports(self) -> None:
        current = self.session.report_id
        Op(self.runner, lambda db: list_reports(db, limit=500).items).success(
            lambda items: self.reports_panel.set_reports(items, current)
        ).failure(self._show_error).run()

    def show_original(self) -> None:
        view = self.session.view
        if view is None:
            return
        Op(self.runner, lambda _db: original_text(view.report)).success(
            lambda text: show_original_dialog(self, text, view.report.title or "")
        ).failure(self._show_error).run()

    def show_about(self) -> None:
        """The About box, with the version."""
        QMessageBox.about(self, _("About Press Workbench"), about_text())

    def _tag(self, kind: str) -> None:
        if not self.session.tag_selection(kind):
            self.statusBar().showMessage(_("Select the words to tag first."), 4000)

    def _on_session_report_loaded(self, view) -> None:
        self.centre.setCurrentWidget(self.editor)
        self.reports_panel.show_current(view.report_id)
        self.setWindowTitle(f"{view.report.title or _('(no headline)')}[*] — {WINDOW_TITLE}")

    def _on_undo_clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _on_changes_applied(self, changes: Changes) -> None:
        if changes.reports:
            self.refresh_reports()
            self.tidier.schedule()
        if changes.reports or changes.people or changes.tags:
            self.browser.refresh()
        if changes.people:
            self.people_panel.refresh()

    def _show_error(self, message: str | BaseException) -> None:
        QMessageBox.warning(self, WINDOW_TITLE, str(message))

    # -- drag and drop -----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.imports.import_paths(paths)

    # -- layout ----------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry, state = settings.value("window/geometry"), settings.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        else:  # the first layout: the side panels' titles and tasks need room
            self.resizeDocks([self.panels["person"]], [470], Qt.Orientation.Horizontal)

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        self.session.save_text()  # typing not yet saved goes in before the database thread ends
        self.daily_check.stop()
        self.runner.stop()
        super().closeEvent(event)
        release(self)


def about_text() -> str:
    return _(
        "<h3>Press Workbench {version}</h3>"
        "<p>An offline editorial workbench for press offices: clean, tag, search and "
        "export conference reports.</p>"
    ).format(version=__version__)
