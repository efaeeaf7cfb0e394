"""Parts the export dialogs share: a file row with a Choose… button, the bar that opens the
written file or its folder, and running an export that asks before replacing a file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from workbench.gui.dialogs.buttons import button_box
from workbench.gui.ops import Op, Runner
from workbench.i18n import _
from workbench.settings import load_settings, save_settings

WORD_FILES = "*.docx"
TEMPLATE_FILES = "*.docx *.dotx"


class PathRow(QWidget):
    """A file path to type or choose; ``save`` rows ask where to write, others what to open."""

    path_chosen = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        name: str,
        *,
        caption: str,
        patterns: str,
        save: bool,
        placeholder: str = "",
    ) -> None:
        super().__init__(parent)
        self._caption, self._patterns, self._save = caption, patterns, save
        self.edit = QLineEdit(self)
        self.edit.setObjectName(name)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(not save)
        self.button = QPushButton(_("Choose…"), self)
        self.button.setObjectName(f"{name}_choose")
        self.button.setToolTip(caption)
        self.button.clicked.connect(self.choose)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text).expanduser() if text else None

    def set_path(self, path: Path | str | None) -> None:
        self.edit.setText(str(path) if path else "")

    def choose(self) -> None:
        """Ask for the file with the system's dialog, starting at the path typed."""
        start = self.edit.text().strip()
        word = _("Word documents ({patterns})").format(patterns=self._patterns)
        if self._save:
            chosen, _filter = QFileDialog.getSaveFileName(self, self._caption, start, word)
            if chosen and not chosen.lower().endswith(".docx"):
                chosen += ".docx"
        else:
            chosen, _filter = QFileDialog.getOpenFileName(self, self._caption, start, word)
        if chosen:
            self.edit.setText(chosen)
            self.path_chosen.emit(chosen)


def template_row(parent: QWidget, name: str, caption: str) -> PathRow:
    """A row for a Word template to open; left empty, the packaged one is used."""
    return PathRow(
        parent,
        name,
        caption=caption,
        patterns=TEMPLATE_FILES,
        save=False,
        placeholder=_("the packaged template"),
    )


def export_buttons(
    dialog: QDialog, name: str, export: Callable[[], None]
) -> tuple[QDialogButtonBox, QPushButton]:
    """Close (rejecting ``dialog``) and Export (object name ``name``, running ``export``)."""
    box = button_box(QDialogButtonBox.StandardButton.Close, dialog)
    button = box.addButton(_("Export"), QDialogButtonBox.ButtonRole.ActionRole)
    button.setObjectName(name)
    button.clicked.connect(export)
    box.rejected.connect(dialog.reject)
    return box, button


class DoneBar(QWidget):
    """Where the export went, with Open file and Open folder."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.label = QLabel(self)
        self.label.setObjectName("export_done")
        self.label.setWordWrap(True)
        self.open_file = QPushButton(_("Open file"), self)
        self.open_file.setObjectName("open_file")
        self.open_file.setToolTip(_("Open the document in the word processor"))
        self.open_file.clicked.connect(lambda: self.path and open_url(self.path))
        self.open_folder = QPushButton(_("Open folder"), self)
        self.open_folder.setObjectName("open_folder")
        self.open_folder.setToolTip(_("Show the folder the document was written to"))
        self.open_folder.clicked.connect(lambda: self.path and open_url(self.path.parent))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.open_file)
        layout.addWidget(self.open_folder)
        self.hide()

    def show_written(self, path: Path) -> None:
        self.path = path
        self.label.setText(_("Written: {path}").format(path=path))
        self.show()


def open_url(path: Path) -> None:
    """Open a file or folder with the desktop's program for it."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def export_folder(last: str) -> Path:
    """Where a new export goes by default: the last export's folder, else Documents."""
    if last and Path(last).is_dir():
        return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home())


def last_export_dir() -> Path:
    """The folder of the last export (read on the database thread: it is file work)."""
    return export_folder(load_settings().last_export_dir)


def remember_export_dir(path: Path) -> None:
    """Remember ``path``'s folder for the next export (file work: call it from a job)."""
    settings = load_settings()
    settings.last_export_dir = str(path.parent)
    save_settings(settings)


def run_export(
    parent: QWidget,
    runner: Runner,
    path: Path,
    job: Callable[[object, Path], object],
    done: Callable[[object], None],
    failed: Callable[[BaseException], None],
    *,
    replace: bool = False,
) -> None:
    """Run ``job(db, path)`` on the database thread; if ``path`` exists, ask first."""

    def work(db):
        if not replace and path.exists():
            return None
        result = job(db, path)
        remember_export_dir(path)
        return result

    def after(result) -> None:
        if result is not None:
            done(result)
            return
        answer = QMessageBox.question(
            parent,
            _("Replace the file?"),
            _("{name} already exists. Replace it?").format(name=path.name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            run_export(parent, runner, path, job, done, failed, replace=True)

    Op(runner, work).success(after).failure(failed).run()
