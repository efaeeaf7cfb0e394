"""The window's export and settings dialogs: opened once, kept beside the window, wired to it.

Each dialog is modeless (``show``), so the editor can keep searching while one is open; its
archive changes reach the window's ``changes_applied`` like any other.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from workbench.gui.dialogs.bulletin_dialog import BulletinDialog
from workbench.gui.dialogs.export_dialog import ExportDialog
from workbench.gui.dialogs.preferences import PreferencesDialog
from workbench.i18n import _


class WindowDialogs(QObject):
    """Opens the press release export, the bulletin composer and the preferences."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self.export_dialog: ExportDialog | None = None
        self.bulletin: BulletinDialog | None = None
        self.preferences: PreferencesDialog | None = None

    def export_press_release(self) -> ExportDialog | None:
        """The export dialog for the open report (else the one selected in the browser)."""
        window = self._window
        report_id = window.session.report_id
        if report_id is None:
            selected = window.browser.selected_report_ids()
            report_id = selected[0] if selected else None
        if report_id is None:
            window.statusBar().showMessage(_("Open or select a report to export first."), 5000)
            return None
        if self.export_dialog is not None:
            self.export_dialog.deleteLater()
        dialog = ExportDialog(window.runner, report_id, window)
        dialog.changes_applied.connect(window.changes_applied.emit)
        dialog.preferences_requested.connect(self.show_preferences)
        self.export_dialog = self._show(dialog)
        return dialog

    def compose_bulletin(self) -> BulletinDialog:
        """The bulletin composer (one per window), with the browser's selection added."""
        window = self._window
        if self.bulletin is None:
            self.bulletin = BulletinDialog(window.runner, window.browser.selected_reports, window)
            self.bulletin.changes_applied.connect(window.changes_applied.emit)
        self.bulletin.add_reports(window.browser.selected_reports())
        self._show(self.bulletin)
        return self.bulletin

    def show_preferences(self) -> PreferencesDialog:
        window = self._window
        if self.preferences is not None:
            self.preferences.deleteLater()
        dialog = PreferencesDialog(window.runner, window.archive, window)
        dialog.changes_applied.connect(window.changes_applied.emit)
        dialog.saved.connect(self._on_preferences_saved)
        self.preferences = self._show(dialog)
        return dialog

    def _on_preferences_saved(self, prefs) -> None:
        if self.export_dialog is not None and self.export_dialog.isVisible():
            self.export_dialog.show_settings(prefs.settings)

    def _show(self, dialog: QDialog):
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog
