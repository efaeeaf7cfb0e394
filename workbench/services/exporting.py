"""Exporting from the archive: press releases and bulletins laid out with the office's settings.

The archive keeps the issuing office's settings (``ExportSettings``: its name, seat, Decree 30
or Party layout, the bulletin's licence...) in its own settings table, one key per field, so
every export from that archive looks the same on any computer. An export writes what the editor
stands behind (the analysis with the editor's decisions applied, people under their directory
names) and is recorded in the archive's export history.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from workbench.core.errors import ExportFailed, WorkbenchError
from workbench.core.layout import LAYOUTS, PAGE_SIZES, TONE_STYLES, ExportSettings, safe_filename
from workbench.core.models import Report
from workbench.formats.bulletin import write_bulletin
from workbench.formats.export_docx import write_press_release
from workbench.formats.export_html import write_html
from workbench.formats.export_markdown import write_markdown
from workbench.formats.export_pdf import pdf_available, write_pdf
from workbench.i18n import _
from workbench.services.archive import get_report
from workbench.services.changes import NOTHING, Changes
from workbench.services.curation import get_settings, record_export
from workbench.services.guard import archive_errors
from workbench.services.people import people_in_report
from workbench.storage import extras_repo
from workbench.storage.db import transaction

#: Kinds written to the export history.
PRESS_RELEASE_KIND = "docx"
BULLETIN_KIND = "bulletin"
#: Every organisation setting, in the order ``ExportSettings`` declares them.
SETTING_KEYS: tuple[str, ...] = tuple(f.name for f in fields(ExportSettings))
CHOICES: dict[str, tuple[str, ...]] = {
    "layout": LAYOUTS,
    "tone_style": TONE_STYLES,
    "bulletin_page_size": PAGE_SIZES,
}
#: The archive setting older archives used for the issuing body.
LEGACY_ORGANISATION = "organisation"


EXPORT_FORMATS = ("docx", "md", "html", "pdf")


class SettingRefused(WorkbenchError, ValueError):
    """An organisation setting that does not exist, or a value it cannot take."""


@dataclass(frozen=True)
class ExportResult:
    """Where an export was written, and what it changed in the archive (its history)."""

    path: Path
    changes: Changes


@archive_errors
def accepted_report(db: Database, report_id: int) -> Report:
    """The report as the editor stands behind it, ready to export.

    Its analysis is the accepted one the archive keeps (every decision of the editor applied:
    rejected items gone, edited and added ones in), and each person carries the name of their
    directory entry, so a rename or merge in the directory shows in the export. Raises
    ``ArchiveError`` if there is no such report.
    """
    stored = get_report(db, report_id)
    analysis = stored.report.analysis
    directory = {m.person.name: m.canonical_name for m in people_in_report(db, report_id)}
    people = [replace(p, name=directory.get(p.name, p.name)) for p in analysis.people]
    return replace(stored.report, analysis=replace(analysis, people=people))


def default_export_name(report: Report) -> str:
    """The file name a press release of ``report`` gets by default: its headline, made safe
    for any disk, with ``.docx`` ("Thông cáo báo chí.docx" without a headline)."""
    return safe_filename(report.title) + ".docx"


@archive_errors
def export_settings(db: Database) -> ExportSettings:
    """The archive's organisation settings; defaults for anything not set.

    An archive that only has the older ``organisation`` setting uses it as the issuing body.
    """
    values: dict[str, Any] = dict(get_settings(db))
    if not values.get("issuing_body") and values.get(LEGACY_ORGANISATION):
        values["issuing_body"] = values[LEGACY_ORGANISATION]
    return ExportSettings.from_dict(values)


def setting_key(key: str) -> str:
    """The setting ``key`` names (``issuing-body`` or ``Issuing_Body`` is ``issuing_body``).

    Raises ``SettingRefused`` when there is no such setting.
    """
    name = key.strip().lower().replace("-", "_")
    if name not in SETTING_KEYS:
        raise SettingRefused(
            _("There is no setting {key}; the settings are: {keys}.").format(
                key=key, keys=", ".join(SETTING_KEYS)
            )
        )
    return name


@archive_errors
def set_export_setting(db: Database, key: str, value: str | list[str] | int | None) -> Changes:
    """Store one organisation setting in the archive; ``None`` puts back its default.

    ``key`` is a field of ``ExportSettings`` (``issuing-body`` is read as ``issuing_body``).
    ``contact_lines`` takes a list of lines or one string with a line per line. Raises
    ``SettingRefused`` (a ``WorkbenchError`` and a ``ValueError``) for an unknown key, a
    choice outside its values (``layout``, ``tone_style``, ``bulletin_page_size``) or a
    ``print_run`` that is not a whole number of copies.
    """
    return set_export_settings(db, {key: value})


@archive_errors
def set_export_settings(db: Database, values: dict[str, str | list[str] | int | None]) -> Changes:
    """Store several organisation settings, all or none (each as ``set_export_setting``)."""
    checked = {setting_key(key): value for key, value in values.items()}
    stored = {name: _checked_value(name, value) for name, value in checked.items()}
    with transaction(db):
        for name, value in stored.items():
            extras_repo.set_setting(db, name, value)
    return Changes(settings=True) if stored else NOTHING


def _checked_value(name: str, value: str | list[str] | int | None) -> Any:
    """The value to store for setting ``name``, normalised (NFC, trimmed), or refused."""
    default = getattr(ExportSettings(), name)
    if value is None:
        return default
    if name in CHOICES and str(value).strip() not in CHOICES[name]:
        raise SettingRefused(
            _("{key} must be one of: {choices}.").format(key=name, choices=", ".join(CHOICES[name]))
        )
    if name == "print_run" and not str(value).strip().isdigit():
        raise SettingRefused(_("print_run must be a whole number of copies, such as 500."))
    return getattr(ExportSettings.from_dict({name: value}), name)


@archive_errors
def export_press_release(
    db: Database,
    report_id: int,
    path: str | Path,
    *,
    template: Path | None = None,
    number: str | None = None,
    layout: str | None = None,
    issued: date | None = None,
    format: str = "docx",
) -> ExportResult:
    """Write report ``report_id`` as a press release at ``path`` and record the export.

    ``format``: "docx" (the official document), "md" or "html" (for the website), or "pdf"
    (the .docx converted by LibreOffice; see ``export_formats``).

    The release carries the accepted analysis (see ``accepted_report``) and the archive's
    organisation settings; ``layout`` ("government" or "party") overrides the archive's for
    this export, ``number`` fills the number line, ``template`` replaces the packaged template,
    ``issued`` dates a report that has no date of its own (default today). An existing file
    at ``path`` is replaced atomically. Raises ``ArchiveError`` for a missing report,
    ``SettingRefused`` for an unknown layout, ``ExportFailed`` when the file cannot be written.
    """
    settings = export_settings(db)
    if layout is not None:
        if layout not in LAYOUTS:
            raise SettingRefused(
                _("{key} must be one of: {choices}.").format(
                    key="layout", choices=", ".join(LAYOUTS)
                )
            )
        settings = replace(settings, layout=layout)
    report = accepted_report(db, report_id)
    target = Path(path)
    if format == "md":
        written = write_markdown(report, settings, target, issued=issued)
    elif format == "html":
        written = write_html(report, settings, target, issued=issued)
    elif format == "pdf":
        written = write_pdf(
            report, settings, target, template=template, number=number, issued=issued
        )
    elif format == "docx":
        written = write_press_release(
            report, settings, target, template=template, number=number, issued=issued
        )
    else:
        raise SettingRefused(
            _("The format must be one of: {choices}.").format(choices=", ".join(EXPORT_FORMATS))
        )
    kind = PRESS_RELEASE_KIND if format == "docx" else f"{PRESS_RELEASE_KIND}-{format}"
    changes = record_export(db, kind, str(written.resolve()), [report_id])
    return ExportResult(written, changes)


def export_formats() -> tuple[str, ...]:
    """The formats a report can be exported to here: PDF only where LibreOffice is found."""
    return EXPORT_FORMATS if pdf_available() else tuple(f for f in EXPORT_FORMATS if f != "pdf")


@archive_errors
def export_bulletin(
    db: Database,
    report_ids: list[int],
    path: str | Path,
    *,
    name: str | None = None,
    number: str | int | None = None,
    issued: date | None = None,
    template: Path | None = None,
) -> ExportResult:
    """Write the reports, in the order given, as one bulletin .docx at ``path``; record it.

    ``name`` defaults to the archive's ``bulletin_name``, ``issued`` to today. Raises
    ``ArchiveError`` for a missing report, ``ExportFailed`` for no report, a report given
    twice, an unusable template or a file that cannot be written.
    """
    ids = list(report_ids)
    if not ids:
        raise ExportFailed(_("A bulletin needs at least one report."))
    twice = next((i for n, i in enumerate(ids) if i in ids[:n]), None)
    if twice is not None:
        raise ExportFailed(_("Report #{id} is in the bulletin twice.").format(id=twice))
    reports = [accepted_report(db, report_id) for report_id in ids]
    written = write_bulletin(
        reports,
        export_settings(db),
        Path(path),
        name=name,
        number=number,
        issued=issued,
        template=template,
    )
    changes = record_export(db, BULLETIN_KIND, str(written.resolve()), ids)
    return ExportResult(written, changes)
