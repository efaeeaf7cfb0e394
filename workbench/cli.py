"""The command line: thin click commands over the services, for batch work and tests.

Every error reaches the user as one line on stderr: exit 1 for bad input, 2 for bad usage.
An unexpected error is logged with its traceback to a file, and the line says where.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import click
import platformdirs

from workbench import __version__
from workbench.core.errors import WorkbenchError
from workbench.core.models import Report, analysis_to_dict
from workbench.i18n import _
from workbench.services.importing import read_report
from workbench.settings import APP_NAME, default_archive_path

EXIT_BAD_INPUT = 1
EXIT_BAD_USAGE = 2

log = logging.getLogger(__name__)


@dataclass
class CliContext:
    """What every command gets: the archive to work on and how to open the window."""

    archive: Path
    open_window: Callable[[Path], int] | None = None


def resolve_archive(option: Path | None) -> Path:
    """The archive path: --archive, else $WORKBENCH_ARCHIVE, else the per-user default."""
    if option is not None:
        return option.expanduser()
    env = os.environ.get("WORKBENCH_ARCHIVE", "").strip()
    return Path(env).expanduser() if env else default_archive_path()


@click.group(
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=_(
        "Press Workbench: clean, tag, search and export conference reports, offline.\n\n"
        "Without a command, opens the desktop workbench on the archive."
    ),
)
@click.option(
    "--archive",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=_(
        "The archive file to use (a SQLite file, created on first use). "
        "Also read from $WORKBENCH_ARCHIVE. Default: archive.sqlite3 in your data folder."
    ),
)
@click.version_option(__version__, "-V", "--version", prog_name="Press Workbench")
@click.pass_context
def cli(ctx: click.Context, archive: Path | None) -> int | None:
    state: CliContext = ctx.ensure_object(CliContext)
    state.archive = resolve_archive(archive)
    if ctx.invoked_subcommand is None:
        if state.open_window is None:
            raise click.UsageError(_("No command given."))
        return state.open_window(state.archive)
    return None


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


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help=_("Print one JSON object."))
def extract(file: Path, as_json: bool) -> None:
    """Read and analyse one FILE and print what was found; nothing is stored."""
    report = read_report(file)
    if as_json:
        click.echo(json.dumps(report_json(report), ensure_ascii=False, indent=1))
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


def run_cli(argv: list[str] | None = None, open_window: Callable[[Path], int] | None = None) -> int:
    """Run the command line and return its exit code; never lets a traceback through."""
    obj = CliContext(archive=default_archive_path(), open_window=open_window)
    try:
        result = cli.main(args=argv, prog_name="workbench", standalone_mode=False, obj=obj)
    except click.UsageError as error:
        hint = _("see 'workbench --help'")
        _error_line(f"{error.format_message()} ({hint})")
        return EXIT_BAD_USAGE
    except (click.ClickException, WorkbenchError) as error:
        message = error.format_message() if isinstance(error, click.ClickException) else error
        _error_line(str(message))
        return EXIT_BAD_INPUT
    except click.exceptions.Abort:
        _error_line(_("Stopped."))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        _error_line(_("Stopped."))
        return 130
    except Exception as error:  # the last line of defence: log it, say one line
        where = _log_unexpected(error)
        _error_line(
            _("Unexpected error: {error}. Details were written to {path}").format(
                error=type(error).__name__, path=where
            )
        )
        return EXIT_BAD_INPUT
    return result if isinstance(result, int) else 0


def _error_line(message: str) -> None:
    first = " ".join(str(message).split())
    click.echo(f"workbench: {first}", err=True)


def _log_unexpected(error: BaseException) -> Path:
    folder = platformdirs.user_log_path(APP_NAME, False)
    path = folder / "errors.log"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write("".join(traceback.format_exception(error)))
    except OSError:
        return Path(os.devnull)
    return path


def main() -> None:
    """Run the CLI alone (no window): ``python -m workbench.cli``."""
    sys.exit(run_cli())


if __name__ == "__main__":
    main()
