"""Keeping the search index quick: merging its segments in slices, when the archive is idle.

An archive filled one report at a time keeps ~17 index segments, and every query reads each
of them (15-20% of a multi-word query's time at 100,000 reports). Once ``index_untidy`` says
they have piled up, the window calls ``tidy_index_step`` between other work until it returns
False; ``workbench import`` tidies at the end of its batch.
"""

from __future__ import annotations

from sqlite_utils import Database

from workbench.storage import index
from workbench.storage.db import transaction


def index_untidy(db: Database) -> bool:
    """Whether the search index would be worth tidying now."""
    return index.untidy(db)


def tidy_index_step(db: Database) -> bool:
    """One short slice of merging, in its own transaction; whether there was work to do."""
    with transaction(db):
        return index.merge_step(db)


def tidy_index(db: Database) -> int:
    """Tidy the whole index now, if it needs it; the number of slices it took."""
    if not index_untidy(db):
        return 0
    steps = 0
    while tidy_index_step(db):
        steps += 1
    return steps
