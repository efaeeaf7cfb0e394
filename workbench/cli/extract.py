"""``workbench extract``: read and analyse one file, print what was found, store nothing."""

from __future__ import annotations

from pathlib import Path

import click

from workbench.cli.base import cli, echo_json
from workbench.core.models import Report, analysis_to_dict
from workbench.i18n import _
from workbench.services.importing import read_report


def report_json(report: Report) -> dict:
    """The JSON object ``extract --json`` prints for a report."""
    analysis = analysis_to_dict(report.analysis)
    return {
        "title": report.title,
        "published_at": report.published_at,
        "event_date": report.event_date,
        "place": report.place,
        "author": report.author,
        "source": report.source,
        "encoding": report.encoding,
        "format": report.format,
        "text": report.text,
        "blocks": [{"kind": b.kind, "text": b.text} for b in report.blocks],
        "people": analysis["people"],
        "key_tasks": analysis["key_tasks"],
        "documents": analysis["documents"],
        "warnings": report.warnings,
    }


@cli.command(
    help=_("Read and analyse one FILE and print what was found; nothing is stored."),
)
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help=_("Print one JSON object."))
def extract(file: Path, as_json: bool) -> None:
    """Read and analyse one FILE and print what was found; nothing is stored."""
    report = read_report(file)
    if as_json:
        echo_json(report_json(report))
        return
    click.echo(report.title or _("(no headline)"))
    for label, value in (
        (_("Published"), report.published_at),
        (_("Event date"), report.event_date),
        (_("Place"), report.place),
        (_("Source"), report.source),
    ):
        if value:
            click.echo(f"  {label}: {value}")
    click.echo(
        _("  {count} blocks, format {format}, encoding {encoding}").format(
            count=len(report.blocks), format=report.format, encoding=report.encoding or "-"
        )
    )
    for person in report.analysis.people:
        titles = ", ".join(person.titles)
        click.echo(f"  [{_(person.role)}] {person.name}" + (f", {titles}" if titles else ""))
    for task in report.analysis.key_tasks:
        click.echo(f"  * {task.text[:100]}")
    for doc in report.analysis.documents:
        click.echo(f"  § {doc.kind} {doc.number}" + (f" ({doc.date})" if doc.date else ""))
    for warning in report.warnings:
        click.echo(_("  warning: {text}").format(text=warning))
