"""Export a report as a press release (.docx): the layout, the template and the organisation
settings the document will show, and where it goes. The file is written on the database
thread; then the dialog offers to open it or its folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.core.layout import ExportSettings
from workbench.gui.dialogs.buttons import error_label
from workbench.gui.dialogs.export_common import (
    WORD_FILES,
    DoneBar,
    PathRow,
    export_buttons,
    last_export_dir,
    run_export,
    template_row,
)
from workbench.gui.ops import Op, Runner
from workbench.i18n import N_, _
from workbench.services.archive import get_report
from workbench.services.exporting import default_export_name, export_press_release, export_settings
from workbench.services.templates import export_template

LAYOUT_LABELS = {
    "government": N_("Government (Decree 30/2020/NĐ-CP)"),
    "party": N_("Party (Guide 36-HD/VPTW)"),
}
TONE_LABELS = {
    "keep": N_("as written"),
    "old": N_("old style (hòa, thủy)"),
    "new": N_("new style (hoà, thuỷ)"),
}


@dataclass(frozen=True)
class ExportContext:
    """What the dialog shows before an export, read from the archive."""

    title: str
    file_name: str
    settings: ExportSettings
    template: Path | None
    folder: Path


def load_context(db, report_id: int) -> ExportContext:
    report = get_report(db, report_id).report
    return ExportContext(
        report.title or "",
        default_export_name(report),
        export_settings(db),
        export_template(db, "press_release"),
        last_export_dir(),
    )


def organisation_html(settings: ExportSettings) -> str:
    """The organisation settings an export prints, one per line (blank ones said so)."""
    unset = _("(not set)")
    rows = [
        (_("Parent body"), settings.parent_body),
        (_("Issuing body"), settings.issuing_body),
        (_("Abbreviation"), settings.abbreviation),
        (_("Place"), settings.place),
        (_("Tone marks"), _(TONE_LABELS.get(settings.tone_style, settings.tone_style))),
    ]
    return "<br>".join(f"{label}: <b>{value or unset}</b>" for label, value in rows)


class ExportDialog(QDialog):
    """The press release export of one report."""

    changes_applied = Signal(object)  # Changes
    preferences_requested = Signal()

    def __init__(self, runner: Runner, report_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(_("Export press release"))
        self._runner = runner
        self.report_id = report_id
        self.headline = QLabel(self)
        self.headline.setObjectName("export_headline")
        self.headline.setWordWrap(True)
        self.layout_box = QComboBox(self)
        self.layout_box.setObjectName("export_layout")
        self.layout_box.setToolTip(_("The layout of an official document this release follows"))
        for value, label in LAYOUT_LABELS.items():
            self.layout_box.addItem(_(label), value)
        self.number = QLineEdit(self)
        self.number.setObjectName("export_number")
        self.number.setPlaceholderText(_("left blank"))
        self.number.setToolTip(_("The document number printed on the release"))
        self.template = template_row(self, "export_template", _("Template for the press release"))
        self.organisation = QLabel(self)
        self.organisation.setObjectName("export_organisation")
        self.organisation.setWordWrap(True)
        change = QPushButton(_("Change in Preferences…"), self)
        change.setObjectName("export_preferences")
        change.clicked.connect(self.preferences_requested.emit)
        self.output = PathRow(
            self,
            "export_path",
            caption=_("Save the press release as"),
            patterns=WORD_FILES,
            save=True,
        )
        self.done_bar = DoneBar(self)
        self.error = error_label(self, "export_error")
        self.buttons, self.export_button = export_buttons(self, "export_run", self.export)
        self.export_button.setDefault(True)
        form = QFormLayout()
        form.addRow(_("Report"), self.headline)
        form.addRow(_("Layout"), self.layout_box)
        form.addRow(_("Number"), self.number)
        form.addRow(_("Template"), self.template)
        form.addRow(_("Organisation"), self.organisation)
        form.addRow("", change)
        form.addRow(_("Save as"), self.output)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.done_bar)
        layout.addWidget(self.buttons)
        for first, second in (
            (self.layout_box, self.number),
            (self.number, self.template),
            (self.template, change),
            (change, self.output),
            (self.output, self.export_button),
        ):
            QWidget.setTabOrder(first, second)
        self.export_button.setEnabled(False)
        self.resize(620, 0)
        Op(runner, lambda db: load_context(db, report_id)).success(self._show_context).failure(
            self._show_error
        ).run()

    def _show_context(self, context: ExportContext) -> None:
        self.headline.setText(context.title or _("(no headline)"))
        self.layout_box.setCurrentIndex(max(0, self.layout_box.findData(context.settings.layout)))
        self.template.set_path(context.template)
        self.organisation.setText(organisation_html(context.settings))
        if not self.output.edit.text():
            self.output.set_path(context.folder / context.file_name)
        self.export_button.setEnabled(True)

    def show_settings(self, settings: ExportSettings) -> None:
        """Show organisation settings changed meanwhile (in Preferences)."""
        self.organisation.setText(organisation_html(settings))

    def export(self) -> None:
        """Write the press release where the dialog says, off the GUI thread."""
        path = self.output.path()
        if path is None:
            self.output.choose()
            path = self.output.path()
            if path is None:
                return
        report_id, template = self.report_id, self.template.path()
        number = self.number.text().strip() or None
        layout = self.layout_box.currentData()
        self.error.clear()

        def job(db, target: Path):
            return export_press_release(
                db, report_id, target, template=template, number=number, layout=layout
            )

        run_export(self, self._runner, path, job, self._on_exported, self._show_error)

    def _on_exported(self, result) -> None:
        self.done_bar.show_written(result.path)
        self.changes_applied.emit(result.changes)

    def _show_error(self, error: BaseException) -> None:
        self.error.setText(str(error))
