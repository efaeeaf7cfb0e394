"""Fixtures and reports for the archive tests (reports built with ``workbench.core.models``).

The ``conftest.py`` of ``tests/storage`` and ``tests/services`` import the fixtures from here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from workbench.core.models import Analysis, DocumentRef, KeyTask, Person, Report, place_blocks
from workbench.storage.db import open_archive


def archive(folder: Path, name: str = "archive.sqlite") -> Database:
    """A fresh, migrated archive file in ``folder``."""
    return open_archive(folder / name)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A migrated archive file in ``tmp_path``."""
    database = archive(tmp_path)
    yield database
    database.close()


def person(name: str, *titles: str, role: str = "speaker") -> Person:
    return Person(name=name, titles=list(titles), role=role)


def report(
    title: str,
    *paragraphs: str,
    people: list[Person] | None = None,
    documents: list[str] | None = None,
    tasks: list[str] | None = None,
    event_date: str | None = "2023-09-06",
    published_at: str | None = "2023-09-07T05:59",
    source: str | None = "dukcqtw.dcs.vn",
    original: bytes = b"",
) -> Report:
    """A report whose text is the paragraphs; people, documents and tasks as its analysis."""
    blocks = place_blocks([("paragraph", text) for text in paragraphs])
    analysis = Analysis(
        people=list(people or []),
        key_tasks=[
            KeyTask(ordinal=i + 1, marker=f"{i + 1}.", text=text, start=0, end=len(text))
            for i, text in enumerate(tasks or [])
        ],
        documents=[DocumentRef(kind="Nghị quyết", number=number) for number in documents or []],
    )
    return Report(
        title=title,
        blocks=blocks,
        published_at=published_at,
        event_date=event_date,
        source=source,
        original=original,
        analysis=analysis,
    )
