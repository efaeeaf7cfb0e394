"""``workbench search``: full-text search of the archive, with or without diacritics."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from datetime import datetime

import click

from workbench.cli.base import DATE, archive_db, cli, day, echo_json, one_line
from workbench.core.models import ROLES, Span
from workbench.i18n import _
from workbench.services.searching import (
    SearchFilters,
    SearchResults,
    SearchTimeout,
    count_reports,
    search_reports,
)

#: How matched words are marked: guillemets in files and pipes, bold on a terminal.
PLAIN_MARKS = ("«", "»")
BOLD_MARKS = ("\x1b[1m", "\x1b[0m")
MAX_LIMIT = 500


def mark_style(isatty: bool, environ: Mapping[str, str] = os.environ) -> tuple[str, str]:
    """The strings around a matched word: ANSI bold on a terminal (unless ``NO_COLOR`` is
    set, https://no-color.org), else ``«`` and ``»``."""
    if isatty and not environ.get("NO_COLOR") and environ.get("TERM") != "dumb":
        return BOLD_MARKS
    return PLAIN_MARKS


def marked(text: str, marks: Sequence[Span], style: tuple[str, str], offset: int = 0) -> str:
    """``text`` with each mark (spans of a text that ``text`` starts at ``offset`` of)
    wrapped in the ``style`` strings. Marks with only spaces between them are marked as one
    phrase: "Ban «Dân vận» Trung ương", not "Ban «Dân» «vận» Trung ương"."""
    out, pos = [], 0
    for start, end in phrases(text, marks, offset):
        out += [text[pos:start], style[0], text[start:end], style[1]]
        pos = end
    out.append(text[pos:])
    return "".join(out)


def phrases(text: str, marks: Sequence[Span], offset: int = 0) -> list[tuple[int, int]]:
    """The marks as ``(start, end)`` in ``text``, in order, those inside ``text`` only, runs
    of marks separated by white space alone joined into one."""
    joined: list[tuple[int, int]] = []
    for mark in marks:
        start, end = mark.start - offset, mark.end - offset
        if start < (joined[-1][1] if joined else 0) or end > len(text):
            continue
        if joined and not text[joined[-1][1] : start].strip():
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


@cli.command(
    help=_(
        'Search the archive for QUERY, with or without diacritics ("dan van kheo" finds '
        '"Dân vận khéo"). Prints each report found with a snippet, matched words marked. '
        "Without QUERY, lists the reports passing the filters, newest first."
    ),
)
@click.argument("query", required=False, default="")
@click.option("--person", metavar="NAME", help=_("Only reports naming this person."))
@click.option(
    "--role",
    type=click.Choice(ROLES),
    help=_("Only reports where someone (the --person, if given) has this role."),
)
@click.option(
    "--from", "date_from", type=DATE, metavar="DATE", help=_("From this day on (YYYY-MM-DD).")
)
@click.option("--to", "date_to", type=DATE, metavar="DATE", help=_("Up to this day (YYYY-MM-DD)."))
@click.option("--document", metavar="NUM", help=_("Only reports citing this document number."))
@click.option("--tag", metavar="T", help=_("Only reports with this tag."))
@click.option("--source", metavar="S", help=_("Only reports from this source (web site)."))
@click.option(
    "--order",
    type=click.Choice(("relevance", "date")),
    default="relevance",
    show_default=True,
    help=_("relevance: best matches first; date: newest first."),
)
@click.option(
    "--limit",
    type=click.IntRange(1, MAX_LIMIT),
    default=20,
    show_default=True,
    help=_("Show at most this many reports."),
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help=_("Print a JSON list of the reports found: id, title, dates, source, snippet, score."),
)
def search(
    query: str,
    person: str | None,
    role: str | None,
    date_from: datetime | None,
    date_to: datetime | None,
    document: str | None,
    tag: str | None,
    source: str | None,
    order: str,
    limit: int,
    as_json: bool,
) -> None:
    """Search the archive and print the reports found with marked snippets."""
    filters = SearchFilters(
        person=person,
        role=role,
        date_from=date_from.date().isoformat() if date_from else None,
        date_to=date_to.date().isoformat() if date_to else None,
        document=document,
        tag=tag,
        source=source,
    )
    db = archive_db(daily=False)
    results = search_reports(db, query, filters, order=order, limit=limit)
    if as_json:
        echo_json(results_json(results))
        return
    if not results.hits:
        click.echo(_("No report matches."))
        return
    style = mark_style(sys.stdout.isatty())
    for hit in results.hits:
        summary = hit.report
        title = marked(summary.title or _("(no headline)"), hit.title_marks, style)
        click.echo(f"#{summary.id}  {day(summary.event_date, summary.published_at):<10}  {title}")
        snippet = marked(hit.snippet.text, hit.snippet.marks, style, hit.snippet.start)
        lead = "… " if hit.snippet.start > 0 else ""
        click.echo(f"    {lead}{one_line(snippet)}")
    found = _("{shown} of {total} reports found.")
    total = results.total
    if not results.counted:
        try:
            total = count_reports(db, query, filters)
        except SearchTimeout:  # the reports are listed: say how many at least
            found = _("{shown} of at least {total} reports found.")
    click.echo(found.format(shown=len(results.hits), total=total))


def results_json(results: SearchResults) -> list[dict]:
    """The JSON list ``search --json`` prints, best first. ``marks`` are the matched words as
    ``[start, end]`` in ``snippet``; ``marked`` is the snippet with them marked «like this»;
    ``score`` is bm25 (lower is better; null past the ranked candidates, by date, and when
    the filters pass so few reports that they are ranked without it)."""
    hits = []
    for hit in results.hits:
        snippet = hit.snippet
        hits.append(
            {
                "id": hit.report.id,
                "title": hit.report.title,
                "published_at": hit.report.published_at,
                "event_date": hit.report.event_date,
                "source": hit.report.source,
                "snippet": snippet.text,
                "score": hit.score,
                "exact": hit.exact,
                "marks": [[m.start - snippet.start, m.end - snippet.start] for m in snippet.marks],
                "marked": marked(snippet.text, snippet.marks, PLAIN_MARKS, snippet.start),
            }
        )
    return hits
