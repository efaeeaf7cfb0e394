"""Running the command line with its error contract: one line on stderr, never a traceback.

Exit codes: 0 done, 1 bad input (a missing report, an unreadable file, a refused value), 2 bad
usage (an unknown command or option, a malformed argument), 130 stopped with Ctrl+C. An
unexpected error is logged with its traceback to a file, and the line says where.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

import click
import platformdirs

from workbench.cli.base import EXIT_BAD_INPUT, EXIT_BAD_USAGE, CliContext, cli
from workbench.core.errors import WorkbenchError, display_name
from workbench.i18n import _
from workbench.settings import APP_NAME, default_archive_path


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
    except BrokenPipeError:  # `workbench list | head`: the reader left, nothing to say
        _silence_stdout()
        return EXIT_BAD_INPUT
    except Exception as error:  # the last line of defence: log it, say one line
        where = _log_unexpected(error)
        _error_line(
            _("Unexpected error: {error}. Details were written to {path}").format(
                error=type(error).__name__, path=display_name(where)
            )
        )
        return EXIT_BAD_INPUT
    return result if isinstance(result, int) else 0


def _error_line(message: str) -> None:
    first = " ".join(str(message).split())
    click.echo(f"workbench: {first}", err=True)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's own flush at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


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
