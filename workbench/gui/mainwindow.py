"""The main window: menus, status bar and, as the product grows, the editor and its panels."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QWidget

from workbench import __version__
from workbench.gui.actions import ActionId, create_actions
from workbench.i18n import _

WINDOW_TITLE = "Press Workbench"


class MainWindow(QMainWindow):
    """One window an editor keeps open all day, on one archive."""

    archive_changed = Signal(Path)

    def __init__(self, archive: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.setWindowTitle(WINDOW_TITLE)
        self.undo_stack = QUndoStack(self)
        self.actions_by_id = create_actions(self)
        self._build_menus()
        self._archive_label = QLabel(self)
        self._archive_label.setObjectName("archive_label")
        self.statusBar().addPermanentWidget(self._archive_label)
        self.set_archive(archive)
        self.resize(1200, 800)

    @property
    def archive(self) -> Path:
        return self._archive

    def set_archive(self, archive: Path) -> None:
        """Show ``archive`` as the file this window works on."""
        self._archive = archive
        self._archive_label.setText(_("Archive: {path}").format(path=archive))
        self._archive_label.setToolTip(str(archive))
        self.archive_changed.emit(archive)

    def _build_menus(self) -> None:
        act = self.actions_by_id
        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu(_("&File"))
        file_menu.setObjectName("menu_file")
        file_menu.addActions([act[ActionId.PASTE_REPORT], act[ActionId.IMPORT]])
        file_menu.addSeparator()
        file_menu.addAction(act[ActionId.OPEN_ARCHIVE])
        file_menu.addSeparator()
        file_menu.addAction(act[ActionId.QUIT])
        edit_menu = menu_bar.addMenu(_("&Edit"))
        edit_menu.setObjectName("menu_edit")
        undo = self.undo_stack.createUndoAction(self, _("&Undo"))
        undo.setShortcut("Ctrl+Z")
        redo = self.undo_stack.createRedoAction(self, _("&Redo"))
        redo.setShortcuts(["Ctrl+Shift+Z", "Ctrl+Y"])
        edit_menu.addActions([undo, redo])
        edit_menu.addSeparator()
        edit_menu.addAction(act[ActionId.FIND])
        self.view_menu = menu_bar.addMenu(_("&View"))
        self.view_menu.setObjectName("menu_view")
        help_menu = menu_bar.addMenu(_("&Help"))
        help_menu.setObjectName("menu_help")
        help_menu.addAction(act[ActionId.ABOUT])
        about_qt = help_menu.addAction(_("About &Qt"))  # the LGPL notice of the Qt libraries
        about_qt.triggered.connect(QApplication.aboutQt)
        act[ActionId.QUIT].triggered.connect(self.close)
        act[ActionId.ABOUT].triggered.connect(self.show_about)

    def show_about(self) -> None:
        """The About box, with the version."""
        QMessageBox.about(self, _("About Press Workbench"), about_text())


def about_text() -> str:
    return _(
        "<h3>Press Workbench {version}</h3>"
        "<p>An offline editorial workbench for press offices: clean, tag, search and "
        "export conference reports.</p>"
    ).format(version=__version__)
