"""The Word templates an archive's exports take their styles from, one per kind of export.

An office keeps its letterhead template with its archive (like the organisation settings of
``services.exporting``), so each archive remembers its own; none set means the packaged one.
Stored in the archive's settings table as ``press_release_template`` and ``bulletin_template``,
keys ``ExportSettings`` does not know and ignores.
"""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from workbench.services.changes import Changes
from workbench.services.curation import get_settings
from workbench.services.guard import archive_errors
from workbench.storage import extras_repo
from workbench.storage.db import transaction

TEMPLATE_KINDS: tuple[str, ...] = ("press_release", "bulletin")


def _key(kind: str) -> str:
    if kind not in TEMPLATE_KINDS:
        raise ValueError(f"unknown template kind {kind!r}; expected one of {TEMPLATE_KINDS}")
    return f"{kind}_template"


@archive_errors
def export_template(db: Database, kind: str) -> Path | None:
    """The template chosen for ``kind`` ("press_release" or "bulletin"), None for the packaged
    one. The file may have gone since it was chosen: the export then says so.

    Raises ``ValueError`` for an unknown kind.
    """
    value = get_settings(db).get(_key(kind))
    return Path(value) if isinstance(value, str) and value.strip() else None


@archive_errors
def set_export_template(db: Database, kind: str, path: str | Path | None) -> Changes:
    """Use the file at ``path`` as the template for ``kind``; None or "" goes back to the
    packaged template. The path is stored as given (made absolute), not checked.

    Raises ``ValueError`` for an unknown kind.
    """
    key = _key(kind)
    value = str(Path(path).expanduser().absolute()) if path and str(path).strip() else ""
    with transaction(db):
        extras_repo.set_setting(db, key, value)
    return Changes(settings=True)
