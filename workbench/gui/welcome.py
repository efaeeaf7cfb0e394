"""The first page an editor sees with no report open: paste, import, or try the sample.

It also says where the archive is kept, and on first run asks which office exports from it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from workbench.gui.ops import Runner
from workbench.gui.organisation_form import OrganisationForm
from workbench.i18n import _


class WelcomePage(QWidget):
    """Three ways in, each a button with its shortcut named; the archive's place below."""

    paste_requested = Signal()
    import_requested = Signal()
    sample_requested = Signal()

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome_page")
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = QLabel(_("<h2>Welcome to Press Workbench</h2>"), self)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        intro = QLabel(
            _(
                "Paste a report copied from a PDF, a web page or Word, import files or folders, "
                "or open the sample report to see how the workbench reads it."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setMaximumWidth(520)
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(heading)
        layout.addWidget(intro)
        for name, text, signal in (
            ("paste", _("Paste a report (Ctrl+Shift+V)"), self.paste_requested),
            ("import", _("Import files or folders… (Ctrl+I)"), self.import_requested),
            ("sample", _("Open the sample report"), self.sample_requested),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"welcome_{name}")
            button.setMinimumWidth(320)
            button.clicked.connect(signal.emit)
            layout.addWidget(button, alignment=Qt.AlignmentFlag.AlignHCenter)
        self.organisation = OrganisationForm(runner, self)
        self.organisation.setMaximumWidth(560)
        layout.addSpacing(12)
        layout.addWidget(self.organisation, alignment=Qt.AlignmentFlag.AlignHCenter)
        self.location = QLabel(self)  # not wrapped: a path has no spaces to wrap at
        self.location.setObjectName("welcome_archive")
        self.location.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addSpacing(12)
        layout.addWidget(self.location, alignment=Qt.AlignmentFlag.AlignHCenter)

    def set_archive(self, archive: Path) -> None:
        """Say where this archive's file is (and that backups sit beside it)."""
        self.location.setText(
            _("Your reports are kept in\n{path}\nwith daily backups beside it.").format(
                path=archive
            )
        )
