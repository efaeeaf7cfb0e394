"""Use cases on the people directory: list, look up, merge, split, rename.

Each edit returns what its inverse needs, with its ``Changes``: ``merge_people`` →
``MergeResult`` (undo with ``unmerge``), ``split_person`` → ``SplitResult`` (undo with
``merge_people``), ``rename_person`` → ``RenameResult`` (undo by renaming back).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from workbench.core.errors import ArchiveError
from workbench.core.text import nfc
from workbench.i18n import _
from workbench.services.changes import Changes
from workbench.services.clock import now
from workbench.services.guard import archive_errors
from workbench.storage import analysis_repo, people_queries, people_repo
from workbench.storage.analysis_repo import StoredMention
from workbench.storage.db import transaction
from workbench.storage.people_queries import Appearance, PersonSummary, TitleSeen

DIRECTORY = Changes(people=True, reports=True)


@dataclass(frozen=True)
class PersonDetail:
    """One directory entry: its names, titles over time and number of reports."""

    id: int
    name: str
    names: list[str]
    titles: list[TitleSeen]
    report_count: int


@dataclass(frozen=True)
class PeoplePage:
    """A page of the directory and the number of entries that match."""

    items: list[PersonSummary]
    total: int


@dataclass(frozen=True)
class MergeResult:
    """What a merge did, enough to undo it with ``unmerge``."""

    kept_id: int
    removed_id: int
    removed_name: str
    moved_mention_ids: list[int]
    changes: Changes = DIRECTORY


@dataclass(frozen=True)
class SplitResult:
    """What a split did: undo it with ``merge_people(db, person_id, new_person_id)``."""

    person_id: int
    new_person_id: int
    moved_mention_ids: list[int]
    changes: Changes = DIRECTORY


@dataclass(frozen=True)
class RenameResult:
    """What a rename did: undo it by renaming to ``old_name``."""

    person_id: int
    old_name: str
    new_name: str
    changes: Changes = DIRECTORY


@archive_errors
def list_people(
    db: Database, *, query: str | None = None, limit: int = 100, offset: int = 0
) -> PeoplePage:
    """A page of the directory, sorted by name; ``query`` filters by part of the name."""
    items, total = people_queries.summaries(db, query=query, limit=limit, offset=offset)
    return PeoplePage(items, total)


@archive_errors
def get_person(db: Database, person_id: int) -> PersonDetail:
    """One entry. Raises ``ArchiveError`` if there is none."""
    name = people_queries.name_of(db, person_id)
    if name is None:
        raise ArchiveError(_("There is no person #{id} in the directory.").format(id=person_id))
    return PersonDetail(
        person_id,
        name,
        people_queries.names_of(db, person_id),
        people_queries.titles_of(db, person_id),
        people_queries.report_count(db, person_id),
    )


@archive_errors
def reports_of_person(db: Database, person_id: int) -> list[Appearance]:
    """Every report the person appears in (newest first) with the name, role and titles there.

    Raises ``ArchiveError`` if there is no such person.
    """
    get_person(db, person_id)
    return people_queries.appearances(db, person_id)


@archive_errors
def people_in_report(db: Database, report_id: int) -> list[StoredMention]:
    """The people of a report in analysis order, each with its directory entry."""
    return analysis_repo.mentions(db, report_id)


@archive_errors
def merge_people(db: Database, keep_id: int, other_id: int) -> MergeResult:
    """Make ``other_id`` part of ``keep_id``: its mentions move, its entry goes.

    Raises ``ArchiveError`` if either entry is missing or they are the same.
    """
    if keep_id == other_id:
        raise ArchiveError(_("A person cannot be merged with itself."))
    with transaction(db):
        get_person(db, keep_id)
        other = get_person(db, other_id)
        affected = people_repo.reports_of(db, [other_id])
        moved = people_repo.merge(db, keep_id, other_id)
        _reindex(db, affected)
    return MergeResult(keep_id, other_id, other.name, moved)


@archive_errors
def unmerge(db: Database, merge: MergeResult) -> Changes:
    """Undo ``merge``: the moved mentions go back to an entry with the old id and name."""
    split_person(
        db, merge.kept_id, merge.moved_mention_ids, name=merge.removed_name, new_id=merge.removed_id
    )
    return DIRECTORY


@archive_errors
def split_person(
    db: Database,
    person_id: int,
    mention_ids: list[int],
    *,
    name: str | None = None,
    new_id: int | None = None,
) -> SplitResult:
    """Move the given mentions to a new entry (named ``name``, else the person's name), with
    the id ``new_id`` if given (to undo a merge).

    Raises ``ArchiveError`` if the person is missing, no mention given is theirs, or all of
    them are (that is a rename, not a split).
    """
    with transaction(db):
        person = get_person(db, person_id)
        own = people_queries.mention_ids(db, person_id)
        chosen = [mention for mention in mention_ids if mention in own]
        if not chosen:
            raise ArchiveError(_("None of the chosen mentions belongs to this person."))
        if len(set(chosen)) == len(own):
            raise ArchiveError(_("Splitting off every mention leaves nothing: rename instead."))
        affected = people_repo.reports_of(db, [person_id])
        new_name = " ".join(nfc(name or "").split()) or person.name
        new_person = people_repo.split(db, person_id, chosen, new_name, now(), new_id)
        _reindex(db, affected)
    return SplitResult(person_id, new_person, chosen)


@archive_errors
def rename_person(db: Database, person_id: int, name: str) -> RenameResult:
    """Give the entry a new name. The old spelling stays a variant if a report wrote it.

    Raises ``ArchiveError`` if there is no such person or the name is blank.
    """
    if not name.strip():
        raise ArchiveError(_("A person's name cannot be blank."))
    with transaction(db):
        old = get_person(db, person_id).name
        new = " ".join(nfc(name).split())
        people_repo.rename(db, person_id, new, now())
        _reindex(db, people_repo.reports_of(db, [person_id]))
    return RenameResult(person_id, old, new)


def _reindex(db: Database, report_ids: set[int]) -> None:
    for report_id in sorted(report_ids):
        analysis_repo.index_report_parts(db, report_id)
