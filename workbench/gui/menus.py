"""The main window's menus: every action of ``actions.SPECS`` in one of them, with its shortcut."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from workbench.gui.actions import ActionId
from workbench.gui.archive_switch import RecentArchivesMenu
from workbench.i18n import _


def build_menus(window: QMainWindow) -> None:
    """File, Edit, View and Help; sets ``window.view_menu`` and ``window.recent_menu``."""
    act = window.actions_by_id
    bar = window.menuBar()
    file_menu = _menu(bar.addMenu(_("&File")), "menu_file")
    file_menu.addActions(
        [act[ActionId.PASTE_REPORT], act[ActionId.IMPORT], act[ActionId.IMPORT_FOLDER]]
    )
    file_menu.addAction(act[ActionId.OPEN_SAMPLE])
    file_menu.addSeparator()
    file_menu.addAction(act[ActionId.OPEN_ARCHIVE])
    window.recent_menu = RecentArchivesMenu(window, file_menu)
    file_menu.addMenu(window.recent_menu)
    file_menu.addSeparator()
    file_menu.addActions([act[ActionId.EXPORT_PRESS_RELEASE], act[ActionId.COMPOSE_BULLETIN]])
    file_menu.addSeparator()
    file_menu.addAction(act[ActionId.PREFERENCES])
    file_menu.addSeparator()
    file_menu.addAction(act[ActionId.QUIT])

    edit_menu = _menu(bar.addMenu(_("&Edit")), "menu_edit")
    undo = window.undo_stack.createUndoAction(window, _("&Undo"))
    undo.setShortcut("Ctrl+Z")
    undo.setObjectName("action_undo")
    redo = window.undo_stack.createRedoAction(window, _("&Redo"))
    redo.setShortcuts(["Ctrl+Shift+Z", "Ctrl+Y"])
    redo.setObjectName("action_redo")
    edit_menu.addActions([undo, redo])
    edit_menu.addSeparator()
    edit_menu.addActions([act[ActionId.FIND], act[ActionId.SEARCH_ARCHIVE]])
    edit_menu.addSeparator()
    edit_menu.addActions([act[ActionId.TAG_SPEAKER], act[ActionId.TAG_TASK], act[ActionId.TAG_ALL]])

    window.view_menu = _menu(bar.addMenu(_("&View")), "menu_view")
    for dock in window.docks():
        window.view_menu.addAction(dock.toggleViewAction())
    window.view_menu.addSeparator()
    window.view_menu.addActions([act[ActionId.PEOPLE_DIRECTORY], act[ActionId.SHOW_ORIGINAL]])

    help_menu = _menu(bar.addMenu(_("&Help")), "menu_help")
    help_menu.addAction(act[ActionId.ABOUT])
    about_qt = help_menu.addAction(_("About &Qt"))  # the LGPL notice of the Qt libraries
    about_qt.triggered.connect(QApplication.aboutQt)


def _menu(menu: QMenu, name: str) -> QMenu:
    menu.setObjectName(name)
    menu.setToolTipsVisible(True)
    return menu
