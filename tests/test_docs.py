"""Every command is explained in its --help and documented in README's "Command line" section
(after sqlite-utils' tests/test_docs.py), and its messages are translated."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from tests.test_i18n import marked_strings
from workbench.cli import cli
from workbench.i18n import catalogue

ROOT = Path(__file__).resolve().parents[1]


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command under ``group`` as its words (``("people", "merge")``), groups included."""
    found = []
    for name, command in group.commands.items():
        found.append((*prefix, name))
        if isinstance(command, click.Group):
            found += command_paths(command, (*prefix, name))
    return found


def command(path: tuple[str, ...]) -> click.Command:
    found: click.Command = cli
    for word in path:
        assert isinstance(found, click.Group)
        found = found.commands[word]
    return found


def readme_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("## Command line\n", 1)[1].split("\n## ", 1)[0]


COMMANDS = command_paths(cli)
IDS = [" ".join(path) for path in COMMANDS]


def test_the_commands_are_the_ones_this_test_knows():
    assert len(COMMANDS) >= 15 and ("people", "split") in COMMANDS


@pytest.mark.parametrize("path", COMMANDS, ids=IDS)
def test_every_command_has_help(path):
    cmd = command(path)
    assert cmd.help and len(cmd.help) > 30, f"`workbench {' '.join(path)}` has no help text"
    assert cmd.get_short_help_str(), path


@pytest.mark.parametrize("path", COMMANDS, ids=IDS)
def test_every_option_has_help(path):
    for param in command(path).params:
        if isinstance(param, click.Option) and param.name != "help":
            assert param.help, f"`workbench {' '.join(path)}` {param.opts} has no help"


@pytest.mark.parametrize("path", COMMANDS, ids=IDS)
def test_every_command_is_documented_in_the_readme(path):
    assert f"`workbench {' '.join(path)}" in readme_section(), path


@pytest.mark.parametrize("path", COMMANDS, ids=IDS)
def test_every_long_option_is_mentioned_in_the_readme(path):
    section = readme_section()
    for param in command(path).params:
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert re.search(rf"(?<![\w-]){re.escape(opt)}\b", section), (path, opt)


def test_the_readme_documents_no_command_that_does_not_exist():
    documented = re.findall(r"^\| `workbench ([a-z ]+?)(?: [A-Z\[]|`)", readme_section(), re.M)
    assert documented and set(documented) <= {" ".join(p) for p in COMMANDS}


def test_every_command_line_string_has_a_vietnamese_translation():
    strings = marked_strings(ROOT / "workbench" / "cli")
    strings |= marked_strings(ROOT / "workbench" / "services" / "exporting.py")
    assert "Report #{id} is in the bulletin twice." in strings
    missing = strings - set(catalogue("vi"))
    assert not missing, f"untranslated: {sorted(missing)}"


def test_help_lists_the_commands_in_the_order_of_the_work(capsys):
    from tests.test_cli import run

    _code, out, _err = run(["--help"], capsys)
    listed = [line.split()[0] for line in out.split("Commands:\n", 1)[1].splitlines()]
    assert listed[:5] == ["import", "list", "show", "search", "people"]
    assert listed[-1] == "extract" and sorted(listed) == sorted(cli.commands)
