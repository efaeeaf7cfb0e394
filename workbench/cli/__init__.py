"""The command line: thin click commands over the services, for batch work and tests.

Every error reaches the user as one line on stderr: exit 1 for bad input, 2 for bad usage.
An unexpected error is logged with its traceback to a file, and the line says where.
Each module of this package declares its commands on the group ``cli`` of ``base``; importing
them here registers them, in the order ``workbench --help`` lists them.
"""

from __future__ import annotations

from workbench.cli import export, extract, people, reports, search  # noqa: F401  (registers)
from workbench.cli.base import EXIT_BAD_INPUT, EXIT_BAD_USAGE, CliContext, cli, resolve_archive
from workbench.cli.extract import report_json
from workbench.cli.runner import main, run_cli

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_BAD_USAGE",
    "CliContext",
    "cli",
    "main",
    "report_json",
    "resolve_archive",
    "run_cli",
]
