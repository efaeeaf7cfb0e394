"""The click group every command hangs on, the archive it works on, and shared output helpers.

Commands are thin: they parse arguments, call one or two services and print. The archive is
opened once per command, through ``services.archive.open_archive``, and closed when it ends.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
from sqlite_utils import Database

from workbench import __version__
from workbench.core.errors import display_name
from workbench.i18n import _
from workbench.services.archive import open_archive
from workbench.settings import default_archive_path

EXIT_BAD_INPUT = 1
EXIT_BAD_USAGE = 2
#: ISO dates on the command line: ``2023-09-06``.
DATE = click.DateTime(formats=["%Y-%m-%d"])


@dataclass
class CliContext:
    """What every command gets: the archive to work on and how to open the window."""

    archive: Path
    open_window: Callable[[Path], int] | None = None
    db: Database | None = None


#: The order ``workbench --help`` lists the commands in: the order of the work.
COMMAND_ORDER = (
    "import", "list", "show", "search", "people", "export", "bulletin", "settings", "backup",
    "extract",
)  # fmt: skip


class OrderedGroup(click.Group):
    """A group that lists its commands in ``COMMAND_ORDER``, then in the order declared."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        rank = {name: i for i, name in enumerate(COMMAND_ORDER)}
        return sorted(self.commands, key=lambda name: rank.get(name, len(rank)))


class DefaultGroup(OrderedGroup):
    """A group whose first command runs when the arguments name none of its commands.

    ``people`` and ``people nguyen`` run ``people list``; ``people show 3`` runs ``show``.
    """

    default_command = "list"

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ctx.help_option_names):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


def resolve_archive(option: Path | None) -> Path:
    """The archive path: --archive, else $WORKBENCH_ARCHIVE, else the per-user default."""
    if option is not None:
        return option.expanduser()
    env = os.environ.get("WORKBENCH_ARCHIVE", "").strip()
    return Path(env).expanduser() if env else default_archive_path()


@click.group(
    cls=OrderedGroup,
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
        make_default_folder(state.archive)
        return state.open_window(state.archive)
    return None


def make_default_folder(archive: Path) -> None:
    """Create the per-user data folder when ``archive`` is the default archive (a first run);
    a folder named with --archive must exist already."""
    if archive == default_archive_path():
        archive.parent.mkdir(parents=True, exist_ok=True)


def archive_db(*, daily: bool = True) -> Database:
    """The archive of the running command, opened (and created) on first use, closed when the
    command ends. The default archive's folder is created; a folder named with --archive
    must exist. Raises ``ArchiveError`` with a one-line message.

    Commands that only read pass ``daily=False``: the day's full check and backup (36 s at
    100,000 reports) wait for the first command that writes, or the window; each open still
    runs the quick check up to 1 GB.
    """
    ctx = click.get_current_context()
    state = ctx.find_object(CliContext)
    assert state is not None, "commands run under the `cli` group"
    if state.db is None:
        make_default_folder(state.archive)
        state.db = open_archive(state.archive, daily=daily)
        ctx.find_root().call_on_close(_closer(state))
    return state.db


def _closer(state: CliContext) -> Callable[[], None]:
    def close() -> None:
        if state.db is not None:
            state.db.close()
            state.db = None

    return close


def archive_path() -> Path:
    """The path of the archive the running command works on."""
    state = click.get_current_context().find_object(CliContext)
    assert state is not None
    return state.archive


def echo_json(data: Any) -> None:
    """Print ``data`` as JSON, Vietnamese letters as they are."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=1))


def refuse_overwrite(path: Path, force: bool) -> None:
    """Stop (exit 1) when ``path`` exists and ``--force`` was not given."""
    if path.exists() and not force:
        raise click.ClickException(
            _("{path} already exists; add --force to replace it.").format(path=display_name(path))
        )


def iso_day(*values: str | None) -> str | None:
    """The first of ``values`` that is set, as a day (``2023-09-06``), else ``None``."""
    return next((value[:10] for value in values if value), None)


def day(*values: str | None) -> str:
    """The first of ``values`` that is set, as a day (``2023-09-06``), else ``-``."""
    return iso_day(*values) or "-"


def one_line(text: str) -> str:
    """``text`` with every run of white space (line breaks too) made one space."""
    return " ".join(text.split())
