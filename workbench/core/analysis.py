"""Understanding a report: its people, key tasks and cited documents, in one pass.

``analyse`` reads ``report.text`` (the blocks joined by blank lines) and ``report.blocks`` with
their offsets; every span it returns points into ``report.text``. The result is a suggestion
for the editor, not a verdict: the review panel lets them correct it.
"""

from __future__ import annotations

from workbench.core.documents import find_documents
from workbench.core.models import Analysis, Report
from workbench.core.people import PeopleFound, find_people
from workbench.core.tasks import SpeakerLookup, find_tasks
from workbench.core.tokens import Token, tokenize


def _speaker_lookup(found: PeopleFound, tokens: list[Token], report: Report) -> SpeakerLookup:
    """``speaker_at(start, end)``: who is reported speaking in that stretch of the text."""
    located = sorted(
        ((tokens[m.first].start, index, m.spoke) for index, m in found.mentions),
        key=lambda x: x[0],
    )

    def speaker_at(start: int, end: int) -> str | None:
        inside = [
            (offset, index, spoke) for offset, index, spoke in located if start <= offset < end
        ]
        chosen = next((x for x in inside if x[2]), inside[0] if inside else None)
        if chosen is None:
            block_start = next((b.start for b in report.blocks if b.start <= start < b.end), start)
            before = [x for x in located if block_start <= x[0] < start and x[2]]
            chosen = before[-1] if before else None
        return found.people[chosen[1]].name if chosen else None

    return speaker_at


def analyse(report: Report) -> Analysis:
    """People (with titles, role and mentions), key tasks and documents of ``report``.

    Never raises on odd text: a report with no recognisable content gives an empty analysis.
    """
    text = report.text
    tokens = tokenize(text)
    found = find_people(text, tokens)
    speaker_at = _speaker_lookup(found, tokens, report)
    return Analysis(
        people=found.people,
        key_tasks=find_tasks(report.blocks, text, speaker_at),
        documents=find_documents(text),
    )
