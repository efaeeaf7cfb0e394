"""Getting reports in from the window: files, folders, drops, the clipboard, the sample.

Reading and storing run on the database thread with a progress dialog that can cancel; the
summary (imported, duplicates, failures with reasons) is shown at the end.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QWidget

from workbench.gui.ops import Op, Progress, Runner
from workbench.i18n import _
from workbench.paths import resource_path
from workbench.services.importing import (
    ImportSummary,
    import_files,
    store_pasted,
    supported_extensions,
)

SAMPLE = ("samples", "hoi-nghi-cong-tac-dan-van.txt")


class _ProgressRelay(QObject):
    """Carries progress from the database thread to the dialog on the GUI thread."""

    changed = Signal(int, int, str)


class ImportFlow(QObject):
    """The window's ways in; ``report_stored`` names the report to open afterwards."""

    report_stored = Signal(int)
    finished = Signal(object)  # ImportSummary
    changes_applied = Signal(object)  # Changes: what a batch or a paste stored

    def __init__(self, parent: QWidget, runner: Runner) -> None:
        super().__init__(parent)
        self._parent = parent
        self._runner = runner

    def choose_files(self) -> None:
        """Ask for files (a folder is imported by dropping it or with the folder dialog)."""
        patterns = " ".join(f"*{ext}" for ext in supported_extensions())
        paths, _filter = QFileDialog.getOpenFileNames(
            self._parent,
            _("Import reports"),
            "",
            _("Reports ({patterns})").format(patterns=patterns),
        )
        if paths:
            self.import_paths([Path(p) for p in paths])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self._parent, _("Import a folder of reports"))
        if folder:
            self.import_paths([Path(folder)])

    def import_sample(self) -> None:
        self.import_paths([resource_path(*SAMPLE)])

    def import_paths(self, paths: list[Path]) -> None:
        """Import ``paths`` off the GUI thread, with progress, cancel and a summary."""
        dialog = QProgressDialog(_("Importing…"), _("Cancel"), 0, 0, self._parent)
        dialog.setObjectName("import_progress")
        dialog.setWindowTitle(_("Import"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        relay = _ProgressRelay(dialog)
        relay.changed.connect(lambda done, total, name: _show_progress(dialog, done, total, name))
        relay.changed.connect(self._show_status)
        progress = Progress(on_change=relay.changed.emit)
        dialog.canceled.connect(progress.cancel)
        paths = list(paths)

        def done(summary: ImportSummary) -> None:
            dialog.reset()
            dialog.deleteLater()
            self._report(summary)

        Op(self._runner, lambda db: import_files(db, paths, progress)).success(done).failure(
            lambda error: (dialog.reset(), self._error(error))
        ).run()

    def _show_status(self, done: int, total: int, name: str) -> None:
        """The same progress in the window's status bar, where it stays visible."""
        status = getattr(self._parent, "statusBar", None)
        if status is not None:
            status().showMessage(_status_text(done, total, name), 0 if name else 5000)

    def paste(self) -> None:
        """A new report from the clipboard: its HTML flavour when present, else its text."""
        mime = QApplication.clipboard().mimeData()
        html = mime.html() if mime is not None and mime.hasHtml() else None
        text = mime.text() if mime is not None and mime.hasText() else None
        Op(self._runner, lambda db: store_pasted(db, text, html)).success(self._on_pasted).failure(
            self._error
        ).run()

    def _on_pasted(self, result) -> None:
        if result.changes:
            self.changes_applied.emit(result.changes)
        self.report_stored.emit(result.report_id)

    def _report(self, summary: ImportSummary) -> None:
        self.finished.emit(summary)
        if summary.changes:
            self.changes_applied.emit(summary.changes)
        stored = summary.imported or summary.duplicates
        if len(summary.imported) + len(summary.duplicates) == 1 and not summary.failed:
            self.report_stored.emit(stored[0][1])
            return
        if stored:
            self.report_stored.emit(stored[0][1])
        QMessageBox.information(self._parent, _("Import"), summary_text(summary))

    def _error(self, error: BaseException) -> None:
        QMessageBox.warning(self._parent, _("Import"), str(error))


def _status_text(done: int, total: int, name: str) -> str:
    if not name:
        return _("Imported {done} of {total} files.").format(done=done, total=total)
    return _("Importing {name} ({done} of {total})").format(name=name, done=done + 1, total=total)


def _show_progress(dialog: QProgressDialog, done: int, total: int, name: str) -> None:
    dialog.setMaximum(total)
    dialog.setValue(done)
    if name:
        dialog.setLabelText(
            _("Importing {name} ({done} of {total})").format(name=name, done=done + 1, total=total)
        )


def summary_text(summary: ImportSummary, limit: int = 12) -> str:
    """The summary an editor reads after a batch: counts, then each failure with its reason."""
    lines = [
        _("Imported: {n}").format(n=len(summary.imported)),
        _("Already in the archive: {n}").format(n=len(summary.duplicates)),
        _("Could not be imported: {n}").format(n=len(summary.failed)),
    ]
    if summary.near_duplicates:
        lines.append(
            _("Possibly the same event as a stored report: {n}").format(
                n=len(summary.near_duplicates)
            )
        )
    if summary.cancelled:
        lines.append(_("The import was cancelled; what was imported stays."))
    lines += [f"• {reason}" for _path, reason in summary.failed[:limit]]
    if len(summary.failed) > limit:
        lines.append(_("… and {n} more").format(n=len(summary.failed) - limit))
    return "\n".join(lines)
