"""The archive browser's filters: person, date range, document number, tag, source.

Dates are typed as an editor writes them: ``2023-09-06``, ``06/9/2023``, a month ``2023-09``
or ``9/2023``, or a year ``2023`` (a "to" date then means the end of that month or year).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import asdict, fields

from PySide6.QtCore import QStringListModel, Signal
from PySide6.QtWidgets import QCompleter, QFormLayout, QLineEdit, QWidget

from workbench.i18n import N_, _
from workbench.services.searching import SearchFilters

# (field of SearchFilters, label, placeholder, tooltip)
FIELDS = (
    ("person", N_("Person"), N_("a name, with or without marks"), N_("Reports this person is in")),
    ("date_from", N_("From"), "2023-01-01", N_("Reports on or after this day, month or year")),
    ("date_to", N_("To"), "31/12/2023", N_("Reports on or before this day, month or year")),
    ("document", N_("Document no."), "25-NQ/TW", N_("Reports citing this document number")),
    ("tag", N_("Tag"), "", N_("Reports with this tag")),
    ("source", N_("Source"), "dukcqtw.dcs.vn", N_("Reports from this source")),
)
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_VN = re.compile(r"^(?:(\d{1,2})/)?(\d{1,2})/(\d{4})$")


def parse_day(text: str, *, end: bool = False) -> str | None:
    """The ISO day ``text`` names (None for blank). A month or a year stands for its first day,
    or with ``end`` its last. Raises ``ValueError`` for anything else."""
    text = text.strip()
    if not text:
        return None
    if match := _ISO.match(text):
        year, month, day = match.groups()
    elif match := _VN.match(text):
        day, month, year = match.groups()
    else:
        raise ValueError(text)
    y = int(year)
    m = int(month) if month else (12 if end else 1)
    if not 1 <= m <= 12:
        raise ValueError(text)
    last = calendar.monthrange(y, m)[1]
    d = int(day) if day else (last if end else 1)
    if not 1 <= d <= last:
        raise ValueError(text)
    return f"{y:04d}-{m:02d}-{d:02d}"


class FilterBar(QWidget):
    """A form of filters; ``changed`` when any of them is edited."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("browser_filters")
        self.inputs: dict[str, QLineEdit] = {}
        self._hidden: dict[str, object] = {}  # filters of a saved search with no field here
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for name, label, placeholder, tip in FIELDS:
            line = QLineEdit(self)
            line.setObjectName(f"filter_{name}")
            line.setClearButtonEnabled(True)
            line.setPlaceholderText(_(placeholder) if placeholder else "")
            line.setToolTip(_(tip))
            line.textChanged.connect(self._on_text_changed)
            form.addRow(_(label), line)
            self.inputs[name] = line
        self._names = QStringListModel(self)
        self.completer = QCompleter(self._names, self)
        # the directory already matched the words typed, with or without marks: show them all
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.inputs["person"].setCompleter(self.completer)

    def set_people_names(self, typed: str, names: list[str]) -> None:
        """The names the person field offers for ``typed`` (ignored once the field moved on)."""
        line = self.inputs["person"]
        if line.text().strip() != typed:
            return
        self._names.setStringList(names)
        if names and line.hasFocus() and names != [typed]:
            self.completer.complete()

    def people_names(self) -> list[str]:
        return self._names.stringList()

    def filters(self) -> SearchFilters:
        """The filters as typed; a date that cannot be read is left out (and shown so)."""
        values: dict[str, object] = dict(self._hidden)
        for name in ("person", "document", "tag", "source"):
            text = self.inputs[name].text().strip()
            values[name] = text or None
        for name in ("date_from", "date_to"):
            values[name] = self._day(name)
        try:
            return SearchFilters(**values)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            values = {k: v for k, v in values.items() if k not in self._hidden}
            return SearchFilters(**values)  # type: ignore[arg-type]

    def _day(self, name: str) -> str | None:
        line = self.inputs[name]
        try:
            day = parse_day(line.text(), end=name == "date_to")
        except ValueError:
            line.setStyleSheet("QLineEdit { color: #b00020; }")
            return None
        line.setStyleSheet("")
        return day

    def set_filters(self, values: dict[str, object]) -> None:
        """Show these filters (a dict of ``SearchFilters`` fields); says ``changed`` once."""
        known = {f.name for f in fields(SearchFilters)}
        self._hidden = {
            key: value for key, value in values.items() if key in known and key not in self.inputs
        }
        for name, line in self.inputs.items():
            line.blockSignals(True)
            line.setText(str(values.get(name) or ""))
            line.blockSignals(False)
        self.changed.emit()

    def clear(self) -> None:
        self.set_filters({})

    def active_count(self) -> int:
        """How many filters are set."""
        defaults = asdict(SearchFilters())
        return sum(1 for key, value in asdict(self.filters()).items() if value != defaults[key])

    def _on_text_changed(self, _text: str) -> None:
        self._hidden = {}  # an edited filter form is what it shows
        self.changed.emit()
