"""Preferences: the organisation settings this archive exports with, its templates, the
layout and tone-mark style, and the interface language (a setting of this computer's user).

Reading and saving run on the database thread; only the settings that changed are written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.core.layout import PAGE_SIZES, ExportSettings
from workbench.gui.dialogs.buttons import button_box, error_label
from workbench.gui.dialogs.export_common import PathRow, template_row
from workbench.gui.dialogs.export_dialog import LAYOUT_LABELS, TONE_LABELS
from workbench.gui.ops import Op, Runner
from workbench.i18n import LANGUAGES, N_, _
from workbench.services.changes import Changes
from workbench.services.exporting import export_settings, set_export_settings
from workbench.services.templates import TEMPLATE_KINDS, export_template, set_export_template
from workbench.settings import load_settings, save_settings

ORGANISATION = (
    ("parent_body", N_("Parent body")),
    ("issuing_body", N_("Issuing body")),
    ("abbreviation", N_("Abbreviation")),
    ("place", N_("Place")),
)
BULLETIN = (
    ("bulletin_name", N_("Bulletin name")),
    ("publisher", N_("Publisher")),
    ("licence_number", N_("Licence number")),
    ("licence_date", N_("Licence date")),
    ("licence_issuer", N_("Licence issued by")),
    ("frequency", N_("Frequency")),
    ("printer", N_("Printed by")),
    ("person_responsible", N_("Responsible for publication")),
)
TEMPLATE_LABELS = {
    "press_release": N_("Press release template"),
    "bulletin": N_("Bulletin template"),
}


@dataclass(frozen=True)
class Preferences:
    """Everything the dialog edits, as read or as typed."""

    settings: ExportSettings
    templates: dict[str, str]
    language: str


def load_preferences(db) -> Preferences:
    templates = {kind: str(export_template(db, kind) or "") for kind in TEMPLATE_KINDS}
    return Preferences(export_settings(db), templates, load_settings().language)


def save_preferences(db, before: Preferences, after: Preferences) -> Changes:
    """Write what differs between ``before`` and ``after``; what changed in the archive."""
    old, new = before.settings.to_dict(), after.settings.to_dict()
    changed = {key: getattr(after.settings, key) for key in new if new[key] != old[key]}
    changes = set_export_settings(db, changed)
    for kind, path in after.templates.items():
        if path != before.templates.get(kind, ""):
            changes = changes | set_export_template(db, kind, path or None)
    if after.language != before.language:
        user = load_settings()
        user.language = after.language
        save_settings(user)
    return changes


class PreferencesDialog(QDialog):
    """Tabs of settings; OK saves what changed."""

    changes_applied = Signal(object)  # Changes
    saved = Signal(object)  # Preferences

    def __init__(self, runner: Runner, archive: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences_dialog")
        self.setWindowTitle(_("Preferences"))
        self._runner = runner
        self._loaded: Preferences | None = None
        self.inputs: dict[str, QLineEdit] = {}
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._organisation_tab(), _("Organisation"))
        self.tabs.addTab(self._documents_tab(), _("Documents"))
        self.tabs.addTab(self._bulletin_tab(), _("Bulletin"))
        self.tabs.addTab(self._interface_tab(archive), _("Interface"))
        self.error = error_label(self, "preferences_error")
        self.buttons = button_box(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(600, 480)
        Op(runner, load_preferences).success(self._show).failure(self._show_error).run()

    # -- tabs -------------------------------------------------------------------------------------
    def _lines(self, form: QFormLayout, page: QWidget, entries) -> None:
        for key, label in entries:
            line = QLineEdit(page)
            line.setObjectName(f"pref_{key}")
            form.addRow(_(label), line)
            self.inputs[key] = line

    def _organisation_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self._lines(form, page, ORGANISATION)
        self.contact = QPlainTextEdit(page)
        self.contact.setObjectName("pref_contact_lines")
        self.contact.setTabChangesFocus(True)
        self.contact.setToolTip(_("Address, telephone, e-mail: one per line"))
        form.addRow(_("Contact lines"), self.contact)
        return page

    def _documents_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.layout_box = self._combo(page, "pref_layout", LAYOUT_LABELS)
        self.layout_box.setToolTip(_("How exported documents are laid out"))
        form.addRow(_("Layout"), self.layout_box)
        self.tone_box = self._combo(page, "pref_tone_style", TONE_LABELS)
        self.tone_box.setToolTip(_("The house style for tone marks in exported documents"))
        form.addRow(_("Tone marks"), self.tone_box)
        self.templates: dict[str, PathRow] = {}
        for kind in TEMPLATE_KINDS:
            row = template_row(page, f"pref_{kind}_template", _(TEMPLATE_LABELS[kind]))
            form.addRow(_(TEMPLATE_LABELS[kind]), row)
            self.templates[kind] = row
        return page

    def _bulletin_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self._lines(form, page, BULLETIN)
        self.print_run = QSpinBox(page)
        self.print_run.setObjectName("pref_print_run")
        self.print_run.setRange(0, 10_000_000)
        form.addRow(_("Print run (copies)"), self.print_run)
        self.page_size = self._combo(page, "pref_bulletin_page_size", {s: s for s in PAGE_SIZES})
        form.addRow(_("Page size"), self.page_size)
        return page

    def _interface_tab(self, archive: Path) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.language = QComboBox(page)
        self.language.setObjectName("pref_language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        form.addRow(_("Language"), self.language)
        note = QLabel(_("A new language takes effect when the workbench is restarted."), page)
        note.setWordWrap(True)
        form.addRow("", note)
        location = QLabel(str(archive), page)
        location.setObjectName("pref_archive")
        location.setWordWrap(True)
        location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        location.setToolTip(_("Open another archive from the File menu"))
        form.addRow(_("Archive"), location)
        return page

    def _combo(self, parent: QWidget, name: str, labels: dict[str, str]) -> QComboBox:
        box = QComboBox(parent)
        box.setObjectName(name)
        for value, label in labels.items():
            box.addItem(_(label), value)
        return box

    # -- values -----------------------------------------------------------------------------------
    def _show(self, prefs: Preferences) -> None:
        self._loaded = prefs
        settings = prefs.settings
        for key, line in self.inputs.items():
            line.setText(str(getattr(settings, key)))
        self.contact.setPlainText("\n".join(settings.contact_lines))
        for box, value in (
            (self.layout_box, settings.layout),
            (self.tone_box, settings.tone_style),
            (self.page_size, settings.bulletin_page_size),
            (self.language, prefs.language),
        ):
            box.setCurrentIndex(max(0, box.findData(value)))
        self.print_run.setValue(settings.print_run)
        for kind, row in self.templates.items():
            row.set_path(prefs.templates.get(kind) or None)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)

    def values(self) -> Preferences:
        """The preferences as the form shows them."""
        assert self._loaded is not None
        fields: dict[str, object] = {key: line.text() for key, line in self.inputs.items()}
        fields |= {
            "contact_lines": self.contact.toPlainText(),
            "layout": self.layout_box.currentData(),
            "tone_style": self.tone_box.currentData(),
            "bulletin_page_size": self.page_size.currentData(),
            "print_run": self.print_run.value(),
        }
        settings = ExportSettings.from_dict(self._loaded.settings.to_dict() | fields)
        templates = {kind: row.edit.text().strip() for kind, row in self.templates.items()}
        return Preferences(settings, templates, self.language.currentData())

    def save(self) -> None:
        """Write what changed, off the GUI thread; the dialog closes when it is written."""
        if self._loaded is None:
            return
        before, after = self._loaded, self.values()
        self.error.clear()

        def done(changes: Changes) -> None:
            self.changes_applied.emit(changes)
            self.saved.emit(after)
            self.accept()

        Op(self._runner, lambda db: save_preferences(db, before, after)).success(done).failure(
            self._show_error
        ).run()

    def _show_error(self, error: BaseException) -> None:
        self.error.setText(str(error))
