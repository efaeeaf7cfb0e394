"""``workbench people``: the people directory (list, show, merge, rename, split)."""

from __future__ import annotations

from dataclasses import asdict

import click

from workbench.cli.base import DefaultGroup, archive_db, cli, day, echo_json
from workbench.i18n import _
from workbench.services.people import (
    get_person,
    list_people,
    merge_people,
    rename_person,
    reports_of_person,
    split_person,
)


@cli.group(
    cls=DefaultGroup,
    help=_(
        "The people directory: everyone the reports name, with their titles over time. "
        "`people [QUERY]` lists them (QUERY: part of a name, with or without diacritics)."
    ),
)
def people() -> None:
    """The people directory."""


@people.command(
    "list",
    help=_("List the directory by name, or the people whose name contains QUERY."),
)
@click.argument("query", nargs=-1)
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=100,
    show_default=True,
    help=_("Show at most this many people."),
)
@click.option("--json", "as_json", is_flag=True, help=_("Print one JSON object."))
def list_command(query: tuple[str, ...], limit: int, as_json: bool) -> None:
    """List the directory, filtered by part of a name."""
    page = list_people(archive_db(daily=False), query=" ".join(query) or None, limit=limit)
    if as_json:
        items = [
            {
                "id": p.id,
                "name": p.name,
                "reports": p.report_count,
                "last_seen": p.last_seen,
                "titles": [t.title for t in p.titles],
            }
            for p in page.items
        ]
        echo_json({"total": page.total, "people": items})
        return
    if not page.items:
        click.echo(_("Nobody in the directory matches."))
        return
    for p in page.items:
        latest = f", {p.titles[0].title}" if p.titles else ""
        seen = _("{count} report(s)").format(count=p.report_count)
        if p.last_seen:
            seen += _(", last {day}").format(day=day(p.last_seen))
        click.echo(f"#{p.id}  {p.name}{latest}  ({seen})")
    if page.total > len(page.items):
        click.echo(
            _("{shown} of {total} people; see more with --limit.").format(
                shown=len(page.items), total=page.total
            )
        )


@people.command(
    help=_(
        "Show person ID: the names they were written with, their titles over time and the "
        "reports naming them, with the mention numbers `people split` takes."
    ),
)
@click.argument("person_id", metavar="ID", type=int)
@click.option("--json", "as_json", is_flag=True, help=_("Print one JSON object."))
def show(person_id: int, as_json: bool) -> None:
    """Show one directory entry with its titles and reports."""
    db = archive_db(daily=False)
    person = get_person(db, person_id)
    seen = reports_of_person(db, person_id)
    if as_json:
        echo_json(
            {
                "id": person.id,
                "name": person.name,
                "names": person.names,
                "titles": [asdict(t) for t in person.titles],
                "reports": [asdict(a) for a in seen],
            }
        )
        return
    click.echo(f"#{person.id}  {person.name}")
    others = [name for name in person.names if name != person.name]
    if others:
        click.echo(_("  Also written: {names}").format(names=", ".join(others)))
    if person.titles:
        click.echo(_("Titles:"))
    for title in person.titles:
        click.echo(f"  {title.title}  ({day(title.first_seen)} – {day(title.last_seen)})")
    click.echo(_("Reports ({count}):").format(count=person.report_count))
    for a in seen:
        titles = "".join(f", {t}" for t in a.titles)
        click.echo(
            f"  #{a.report_id}  {day(a.date)}  [{_(a.role)}] {a.name}{titles}  "
            + _("(mention {id})").format(id=a.mention_id)
        )
        click.echo(f"      {a.report_title or _('(no headline)')}")


@people.command(
    help=_(
        "Merge person OTHER into KEEP: they are one person. OTHER's mentions move to KEEP "
        "and OTHER leaves the directory."
    ),
)
@click.argument("keep", type=int)
@click.argument("other", type=int)
def merge(keep: int, other: int) -> None:
    """Merge two directory entries."""
    db = archive_db()
    result = merge_people(db, keep, other)
    click.echo(
        _("Merged #{other} ({name}) into #{keep} ({kept}).").format(
            other=other, name=result.removed_name, keep=keep, kept=get_person(db, keep).name
        )
    )


@people.command(
    help=_(
        "Give person ID a new NAME (to correct a spelling). The old spelling stays known "
        "when a report wrote it."
    ),
)
@click.argument("person_id", metavar="ID", type=int)
@click.argument("name", nargs=-1, required=True)
def rename(person_id: int, name: tuple[str, ...]) -> None:
    """Rename a directory entry."""
    result = rename_person(archive_db(), person_id, " ".join(name))
    click.echo(
        _("Renamed #{id}: {old} → {new}.").format(
            id=person_id, old=result.old_name, new=result.new_name
        )
    )


@people.command(
    help=_(
        "Split person ID: the mentions given (numbers from `people show ID`) are another "
        "person with the same or another --name, who gets a new entry."
    ),
)
@click.argument("person_id", metavar="ID", type=int)
@click.option(
    "--mention",
    "mentions",
    metavar="M",
    type=int,
    multiple=True,
    required=True,
    help=_("A mention to move to the new entry; repeat for several."),
)
@click.option("--name", help=_("The new entry's name (default: the same name)."))
def split(person_id: int, mentions: tuple[int, ...], name: str | None) -> None:
    """Split mentions of a directory entry off into a new entry."""
    db = archive_db()
    result = split_person(db, person_id, list(mentions), name=name)
    click.echo(
        _("Moved {count} mention(s) of #{id} to the new entry #{new} ({name}).").format(
            count=len(result.moved_mention_ids),
            id=person_id,
            new=result.new_person_id,
            name=get_person(db, result.new_person_id).name,
        )
    )
