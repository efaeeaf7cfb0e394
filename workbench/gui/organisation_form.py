"""The first-run question: which office this archive's documents are issued by.

Shown once, on the welcome page, while the archive has no issuing body and the editor has not
answered it yet (saved or chose "Later"); Preferences edits the same settings afterwards.
Every field starts from a sensible default, so "Save" on an untouched form is a valid answer.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from workbench.core.layout import ExportSettings
from workbench.gui.dialogs.export_dialog import LAYOUT_LABELS
from workbench.gui.ops import Op, Runner
from workbench.i18n import N_, _
from workbench.services.changes import Changes
from workbench.services.exporting import set_export_settings
from workbench.settings import load_settings, save_settings

FIELDS = (
    ("parent_body", N_("Parent body"), N_("e.g. TỈNH ỦY BẮC NINH")),
    ("issuing_body", N_("Issuing body"), N_("e.g. BAN TUYÊN GIÁO")),
    ("place", N_("Place"), N_("where documents are dated, e.g. Hà Nội")),
)


def organisation_wanted(settings: ExportSettings) -> bool:
    """True while the question is still open: no issuing body, and never answered."""
    return not settings.issuing_body.strip() and not load_settings().organisation_asked


def mark_answered() -> None:
    """Remember (for this computer's user) that the question was answered."""
    user = load_settings()
    user.organisation_asked = True
    save_settings(user)


class OrganisationForm(QGroupBox):
    """A few fields and Save / Later; hidden once answered."""

    saved = Signal(object)  # Changes
    failed = Signal(object)  # BaseException

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(_("Your office"), parent)
        self.setObjectName("organisation_form")
        self._runner = runner
        form = QFormLayout(self)
        intro = QLabel(
            _(
                "Exported press releases and bulletins carry your office's name in their "
                "header. You can change this any time in Preferences."
            ),
            self,
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.inputs: dict[str, QLineEdit] = {}
        for key, label, hint in FIELDS:
            line = QLineEdit(self)
            line.setObjectName(f"organisation_{key}")
            line.setPlaceholderText(_(hint))
            form.addRow(_(label), line)
            self.inputs[key] = line
        self.layout_box = QComboBox(self)
        self.layout_box.setObjectName("organisation_layout")
        for value, label in LAYOUT_LABELS.items():
            self.layout_box.addItem(_(label), value)
        form.addRow(_("Layout"), self.layout_box)
        self.buttons = QDialogButtonBox(self)
        save = self.buttons.addButton(_("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        save.setObjectName("organisation_save")
        later = self.buttons.addButton(_("Later"), QDialogButtonBox.ButtonRole.RejectRole)
        later.setObjectName("organisation_later")
        later.setToolTip(_("Don't ask again; Preferences has these settings"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.dismiss)
        form.addRow(self.buttons)
        self.hide()

    def ask(self, settings: ExportSettings) -> None:
        """Show the form filled from ``settings`` if the question is still open."""
        if not organisation_wanted(settings):
            self.hide()
            return
        for key, line in self.inputs.items():
            line.setText(getattr(settings, key))
        self.layout_box.setCurrentIndex(max(0, self.layout_box.findData(settings.layout)))
        self.show()

    def values(self) -> dict[str, str]:
        values = {key: line.text().strip() for key, line in self.inputs.items()}
        return values | {"layout": self.layout_box.currentData()}

    def save(self) -> None:
        """Write the answer off the GUI thread; the form hides once it is written."""
        values = self.values()

        def done(changes: Changes) -> None:
            self.dismiss()
            self.saved.emit(changes)

        Op(self._runner, lambda db: set_export_settings(db, values)).success(done).failure(
            self.failed.emit
        ).run()

    def dismiss(self) -> None:
        mark_answered()
        self.hide()
