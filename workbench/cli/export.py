"""Commands that write Word files and set how they look: ``export``, ``bulletin``, ``settings``."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from workbench.cli.base import DATE, archive_db, cli, echo_json, refuse_overwrite
from workbench.core.errors import display_name
from workbench.i18n import _
from workbench.services.archive import get_report
from workbench.services.exporting import (
    CHOICES,
    EXPORT_FORMATS,
    SETTING_KEYS,
    default_export_name,
    export_bulletin,
    export_press_release,
    export_settings,
    set_export_setting,
    setting_key,
)

TEMPLATE = click.Path(dir_okay=False, path_type=Path)
LIST_SETTINGS = ("contact_lines",)


@cli.command(
    help=_(
        "Export report ID as a Word press release (THÔNG CÁO BÁO CHÍ) laid out as an official "
        "document with the archive's organisation settings (see `workbench settings`). "
        "Default file: the headline + .docx in the current folder. An existing file is "
        "replaced only with --force. The export is recorded in the archive's history."
    ),
)
@click.argument("report_id", metavar="ID", type=int)
@click.option(
    "-o",
    "--out",
    "--output",
    "output",
    type=click.Path(path_type=Path),
    help=_("The .docx file to write, or a folder to write it in."),
)
@click.option(
    "--layout",
    type=click.Choice(CHOICES["layout"]),
    help=_("government: Decree 30/2020/NĐ-CP; party: Hướng dẫn 36-HD/VPTW. Default: the setting."),
)
@click.option("--template", type=TEMPLATE, help=_("A .docx or .dotx to take the styles from."))
@click.option("--number", metavar="N", help=_("The document number (default: left blank)."))
@click.option(
    "--format",
    "file_format",
    type=click.Choice(EXPORT_FORMATS),
    default="docx",
    show_default=True,
    help=_("docx: the official document; md or html: for the website; pdf: through LibreOffice."),
)
@click.option("--force", is_flag=True, help=_("Replace the file if it exists."))
def export(
    report_id: int,
    output: Path | None,
    layout: str | None,
    template: Path | None,
    number: str | None,
    file_format: str,
    force: bool,
) -> None:
    """Export one report as a press release .docx (or .md, .html, .pdf)."""
    db = archive_db()
    if output is None or output.is_dir():
        name = default_export_name(get_report(db, report_id).report)
        output = (output or Path.cwd()) / Path(name).with_suffix(f".{file_format}").name
    refuse_overwrite(output, force)
    result = export_press_release(
        db,
        report_id,
        output,
        template=template,
        number=number,
        layout=layout,
        format=file_format,
    )
    click.echo(
        _("Wrote the press release of report #{id} to {path}.").format(
            id=report_id, path=display_name(result.path)
        )
    )


@cli.command(
    help=_(
        "Export the reports ID... as one Word bulletin (BẢN TIN) in the order given: cover, "
        "contents, a page per report and the Press Law's closing block, with the archive's "
        "settings. An existing file is replaced only with --force."
    ),
)
@click.argument("report_ids", metavar="ID...", nargs=-1, type=int, required=True)
@click.option(
    "-o",
    "--out",
    "--output",
    "output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help=_("The .docx file to write."),
)
@click.option(
    "--name", "--title", "name", help=_("The bulletin's name (default: the bulletin_name setting).")
)
@click.option("--number", metavar="N", help=_("The issue number."))
@click.option(
    "--date", "issued", type=DATE, metavar="YYYY-MM-DD", help=_("The issue date (default: today).")
)
@click.option("--template", type=TEMPLATE, help=_("A .docx or .dotx to take the styles from."))
@click.option("--force", is_flag=True, help=_("Replace the file if it exists."))
def bulletin(
    report_ids: tuple[int, ...],
    output: Path,
    name: str | None,
    number: str | None,
    issued: datetime | None,
    template: Path | None,
    force: bool,
) -> None:
    """Export several reports as one bulletin .docx."""
    refuse_overwrite(output, force)
    result = export_bulletin(
        archive_db(),
        list(report_ids),
        output,
        name=name,
        number=number,
        issued=issued.date() if issued else None,
        template=template,
    )
    click.echo(
        _("Wrote a bulletin of {count} reports to {path}.").format(
            count=len(report_ids), path=display_name(result.path)
        )
    )


@cli.command(
    help=_(
        "Show or set the archive's organisation settings, which every export uses. "
        "Without KEY: all of them. With KEY: its value. With KEY VALUE...: set it "
        "(contact_lines takes one VALUE per line). Keys: "
    )
    + ", ".join(SETTING_KEYS)
    + ".",
)
@click.argument("key", required=False)
@click.argument("value", nargs=-1)
@click.option("--reset", is_flag=True, help=_("Put KEY back to its default."))
@click.option("--json", "as_json", is_flag=True, help=_("Print the settings as one JSON object."))
def settings(key: str | None, value: tuple[str, ...], reset: bool, as_json: bool) -> None:
    """Show or set the organisation settings of the archive."""
    db = archive_db()
    if key is None:
        if reset:
            raise click.UsageError(_("--reset needs the KEY to reset."))
        _show(export_settings(db).to_dict(), as_json)
        return
    name = setting_key(key)
    if reset and value:
        raise click.UsageError(_("Give a VALUE or --reset, not both."))
    if reset:
        set_export_setting(db, name, None)
    elif value:
        set_export_setting(db, name, list(value) if name in LIST_SETTINGS else " ".join(value))
    _show({name: export_settings(db).to_dict()[name]}, as_json)


def _show(values: dict[str, str], as_json: bool) -> None:
    if as_json:
        echo_json(values)
        return
    for name, text in values.items():
        lines = text.splitlines()
        if len(lines) > 1:
            click.echo(f"{name}:")
            for line in lines:
                click.echo(f"  {line}")
        else:
            click.echo(f"{name}: {text}")
