"""Start the desktop workbench."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from workbench import __version__
from workbench.gui.mainwindow import MainWindow
from workbench.i18n import set_language
from workbench.paths import resource_path
from workbench.settings import load_settings, save_settings

# Milliseconds after which the window quits by itself: lets the bundle smoke test start the real
# GUI headless and check it exits cleanly. Not a user setting; ignored unless a whole number.
QUIT_AFTER_ENV = "WORKBENCH_QUIT_AFTER_MS"


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once, with the names QSettings uses."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Press Workbench")
    app.setOrganizationName("press-workbench")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("press-workbench")  # matches packaging/workbench.desktop
    app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    """The workbench's icon at every size shipped in resources/icons."""
    icon = QIcon()
    for png in sorted(resource_path("icons").glob("press-workbench-*.png")):
        icon.addFile(str(png))
    return icon


def run_gui(archive: Path) -> int:
    """Open the main window on ``archive`` and run the event loop until it closes."""
    settings = load_settings()
    if not os.environ.get("WORKBENCH_LANG"):
        set_language(settings.language)
    app = create_application()
    window = MainWindow(archive)
    window.show()
    settings.remember_archive(archive)
    save_settings(settings)
    quit_after = os.environ.get(QUIT_AFTER_ENV, "").strip()
    if quit_after.isascii() and quit_after.isdigit():
        QTimer.singleShot(int(quit_after), app.quit)
    return app.exec()
