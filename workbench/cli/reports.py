"""Commands on the reports of the archive: ``import``, ``list``, ``show``, ``backup``."""

from __future__ import annotations

import sys
from collections import deque
from pathlib import Path

import click

from workbench.cli.base import (
    archive_db,
    archive_path,
    cli,
    day,
    echo_json,
    iso_day,
    refuse_overwrite,
)
from workbench.cli.extract import report_json
from workbench.core.errors import display_name
from workbench.i18n import _
from workbench.services.archive import backup_archive, get_report, list_reports, similar_reports
from workbench.services.curation import list_tags
from workbench.services.importing import (
    ImportSummary,
    expand_paths,
    import_files,
    original_text,
)
from workbench.services.people import people_in_report
from workbench.services.tidying import index_untidy, tidy_index

ORDERS = ("date", "added", "title")


class _Progress:
    """Import progress on stderr: on a terminal one line redrawn in place, elsewhere (a log) a
    line at every tenth of the files."""

    def __init__(self, terminal: bool) -> None:
        self._terminal = terminal
        self._shown = -1

    def report(self, done: int, total: int, label: str = "") -> None:
        if self._terminal:
            line = f"[{done}/{total}] {display_name(label)}"[:70] if label else ""
            click.echo(f"\r{line:<72}\r" if line else "\r" + " " * 72 + "\r", err=True, nl=False)
        elif (tenth := 10 * done // max(total, 1)) > self._shown:
            self._shown = tenth
            message = _("Imported {done} of {total} files.").format(done=done, total=total)
            click.echo(message, err=True)


@cli.command(
    "import",
    help=_(
        "Import report files and folders (.txt in any Vietnamese encoding, .docx, .html, "
        ".pdf) into the archive. Prints what became of each file and a summary (--json: a "
        "list of {path, status, id, error, similar_to}); progress goes to stderr when a folder "
        "is imported. A file already in the archive is not stored twice. Exits with 1 when "
        "any file failed."
    ),
)
@click.argument(
    "paths", metavar="PATH...", nargs=-1, required=True, type=click.Path(path_type=Path)
)
@click.option("--json", "as_json", is_flag=True, help=_("Print what became of each file as JSON."))
def import_command(paths: tuple[Path, ...], as_json: bool) -> None:
    """Import files and folders; print each file's result and a summary."""
    files = expand_paths(paths)
    if not files:
        raise click.ClickException(
            _("There is no file to import in {paths}.").format(
                paths=", ".join(display_name(p) for p in paths)
            )
        )
    folders = any(path.is_dir() for path in paths)
    progress = _Progress(sys.stderr.isatty()) if folders else None
    db = archive_db()
    summary = import_files(db, files, progress)
    if summary.imported and index_untidy(db):
        click.echo(_("Tidying the search index…"), err=True)
        tidy_index(db)
    results = file_results(files, summary)
    if as_json:
        echo_json(results)
    else:
        for result in results:
            click.echo(result_line(result))
        click.echo(
            _("{imported} imported, {duplicates} already in the archive, {failed} failed.").format(
                imported=len(summary.imported),
                duplicates=len(summary.duplicates),
                failed=len(summary.failed),
            )
        )
    if summary.failed and not summary.imported and not summary.duplicates:
        raise click.ClickException(
            _("Nothing was imported: {count} file(s) failed.").format(count=len(summary.failed))
        )
    if summary.failed:
        raise click.ClickException(
            _("{count} of {total} file(s) failed.").format(
                count=len(summary.failed), total=len(files)
            )
        )


def file_results(files: list[Path], summary: ImportSummary) -> list[dict]:
    """What became of each file, in the order the files were read: ``path``, ``status``
    (imported, duplicate or failed), ``id`` (the stored report), ``error`` (why it failed)
    and ``similar_to`` (stored reports of the same event, for an imported one)."""
    similar: dict[int, list[int]] = {}
    for new, old in summary.near_duplicates:
        similar.setdefault(new, []).append(old)
    queues = {
        "imported": deque(summary.imported),
        "duplicate": deque(summary.duplicates),
        "failed": deque(summary.failed),
    }
    results = []
    for path in files:
        status = next((k for k, q in queues.items() if q and q[0][0] == path), None)
        if status is None:
            continue  # not reached: the import was cancelled
        _path, value = queues[status].popleft()
        failed = status == "failed"
        results.append(
            {
                "path": str(path),
                "status": status,
                "id": None if failed else value,
                "error": value if failed else None,
                "similar_to": similar.get(value, []) if status == "imported" else [],
            }
        )
    return results


def result_line(result: dict) -> str:
    """One file's result as a line of text."""
    if result["status"] == "imported":
        text = _("imported #{id}").format(id=result["id"])
        if result["similar_to"]:
            others = ", ".join(f"#{other}" for other in result["similar_to"])
            text += " " + _("(similar to {ids})").format(ids=others)
    elif result["status"] == "duplicate":
        text = _("duplicate of #{id}").format(id=result["id"])
    else:
        text = _("failed: {reason}").format(reason=result["error"])
    return f"{display_name(result['path'])}: {text}"


@cli.command(
    "list",
    help=_("List the reports of the archive: id, date and headline, newest first."),
)
@click.option(
    "--order",
    type=click.Choice(ORDERS),
    default="date",
    show_default=True,
    help=_("date: newest first; added: last imported first; title: A to Z."),
)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    help=_("Show at most this many reports."),
)
@click.option("--json", "as_json", is_flag=True, help=_("Print one JSON object."))
def list_command(order: str, limit: int, as_json: bool) -> None:
    """List the reports: id, date, headline."""
    page = list_reports(archive_db(daily=False), order=order, limit=limit)
    if as_json:
        items = [
            {
                "id": r.id,
                "date": iso_day(r.event_date, r.published_at),
                "title": r.title,
                "source": r.source,
            }
            for r in page.items
        ]
        echo_json({"total": page.total, "reports": items})
        return
    if not page.items:
        click.echo(_("The archive holds no report yet: add some with `workbench import`."))
        return
    width = len(str(max(r.id for r in page.items)))
    for r in page.items:
        title = r.title or _("(no headline)")
        click.echo(f"#{r.id:<{width}}  {day(r.event_date, r.published_at):<10}  {title}")
    if page.total > len(page.items):
        click.echo(
            _("{shown} of {total} reports; see more with --limit.").format(
                shown=len(page.items), total=page.total
            )
        )


@cli.command(
    help=_(
        "Show report ID: its details, people, key tasks, documents and text. "
        "--original prints the file as it was imported."
    ),
)
@click.argument("report_id", metavar="ID", type=int)
@click.option("--json", "as_json", is_flag=True, help=_("Print one JSON object."))
@click.option("--original", is_flag=True, help=_("Print the original text as imported, decoded."))
def show(report_id: int, as_json: bool, original: bool) -> None:
    """Show one report with what the analysis found, or its original text."""
    db = archive_db(daily=False)
    stored = get_report(db, report_id)
    report = stored.report
    if original:
        text = original_text(report)
        if as_json:
            echo_json({"id": report_id, "format": report.format, "original": text})
        else:
            click.echo(text)
        return
    people = {m.person.name: m.person_id for m in people_in_report(db, report_id)}
    tags = list_tags(db, report_id)
    similar = similar_reports(db, report_id)
    if as_json:
        data = {"id": report_id, **report_json(report), "tags": tags}
        data["similar_to"] = [{"id": other, "similarity": score} for other, score in similar]
        data["added"], data["updated"] = stored.created_at, stored.updated_at
        for person in data["people"]:
            person["person_id"] = people.get(person["name"])
        echo_json(data)
        return
    click.echo(f"#{report_id}  {report.title or _('(no headline)')}")
    for label, value in (
        (_("Event date"), report.event_date),
        (_("Published"), report.published_at),
        (_("Place"), report.place),
        (_("Source"), report.source),
        (_("Author"), report.author),
        (_("Tags"), ", ".join(tags)),
        (_("Same event as"), ", ".join(f"#{other}" for other, _score in similar)),
        (_("Format"), f"{report.format}, {report.encoding or '-'}"),
    ):
        if value:
            click.echo(f"  {label}: {value}")
    if report.analysis.people:
        click.echo(_("People:"))
    for person in report.analysis.people:
        titles = "".join(f", {title}" for title in person.titles)
        entry = f" (#{people[person.name]})" if person.name in people else ""
        click.echo(f"  [{_(person.role)}] {person.name}{entry}{titles}")
    if report.analysis.key_tasks:
        click.echo(_("Key tasks:"))
    for task in report.analysis.key_tasks:
        click.echo(f"  {task.ordinal}. {task.text}")
    if report.analysis.documents:
        click.echo(_("Documents:"))
    for doc in report.analysis.documents:
        click.echo(f"  {doc.kind} {doc.number}" + (f" ({doc.date})" if doc.date else ""))
    for warning in report.warnings:
        click.echo(_("  warning: {text}").format(text=warning))
    click.echo("")
    click.echo(report.text)


@cli.command(
    help=_(
        "Copy the archive to DEST while it may be in use (SQLite online backup). "
        "The copy is one self-contained file that opens like the archive."
    ),
)
@click.argument("dest", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help=_("Replace DEST if it exists."))
def backup(dest: Path, force: bool) -> None:
    """Back up the archive to DEST."""
    refuse_overwrite(dest, force)
    total = list_reports(archive_db(), limit=0).total
    written = backup_archive(archive_path(), dest)
    click.echo(
        _("Backed up the archive ({count} reports) to {path}.").format(
            count=total, path=display_name(written)
        )
    )
