"""The ``workbench`` command: the CLI, which opens the window when no sub-command is given.

This launcher is the one place that knows both the CLI and the GUI, so that neither imports the
other (the CLI stays Qt-free, as the import contracts require).
"""

from __future__ import annotations

import sys
from pathlib import Path


def open_window(archive: Path) -> int:
    """Start the desktop workbench on ``archive``; returns the exit code of the event loop."""
    from workbench.gui.app import run_gui

    return run_gui(archive)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script and of ``python -m workbench``."""
    from workbench.cli import run_cli

    sys.exit(run_cli(argv, open_window=open_window))
