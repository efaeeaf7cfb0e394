"""A damaged archive: pages overwritten in the middle, a copy cut short.

Opened the way the window and the CLI open it (``services.archive.open_archive``), a damaged
archive is refused in one line naming its newest backup, which opens whole.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.hostile import makers as mk
from tests.hostile.children import consistent_archive
from tests.hostile.conftest import (
    assert_one_line,
)
from workbench.core.errors import ArchiveDamaged, ArchiveError
from workbench.services import archive as archive_service
from workbench.services.archive import get_report, list_reports
from workbench.services.importing import import_files
from workbench.services.searching import search_reports
from workbench.storage import backups
from workbench.storage.db import open_archive

# --- a damaged archive ----------------------------------------------------------------------------


@pytest.fixture
def damaged(tmp_path: Path) -> Callable[..., Path]:
    """``damaged(fraction, backups_on=())``: an archive of 40 reports, backed up on each of
    the days ``backups_on`` while still whole, then three pages at ``fraction`` of the file
    overwritten by random bytes (a bad sector, a torn copy). ``fraction`` 0 hits the schema
    page just after the 100-byte header."""
    mk.write_reports(tmp_path / "in", 40, seed=5)
    healthy = tmp_path / "lành.sqlite"
    db = open_archive(healthy)
    import_files(db, [tmp_path / "in"])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()

    def make(fraction: float, backups_on: Iterable[datetime] = ()) -> Path:
        path = tmp_path / f"hỏng {fraction}.sqlite"
        shutil.copy(healthy, path)
        for day in backups_on:
            backups.take_backup(path, "daily", day)
        page = 4096
        pages = path.stat().st_size // page
        at = max(1, int(pages * fraction)) * page if fraction else 100
        with path.open("r+b") as handle:
            handle.seek(at)
            handle.write(random.Random(fraction).randbytes(3 * page - (at % page)))
        return path

    return make


@pytest.mark.parametrize(
    "fraction",
    [0.0, 0.3, 0.5, 0.8],
)
def test_a_damaged_archive_is_refused_on_open_in_one_line(
    damaged: Callable[..., Path], fraction: float
) -> None:
    path = damaged(fraction)
    with pytest.raises(ArchiveDamaged) as caught:
        archive_service.open_archive(path)
    assert_one_line(str(caught.value), path.name)
    assert "damaged" in str(caught.value)


@pytest.mark.parametrize("fraction", [0.0, 0.3, 0.5, 0.8])
def test_a_damaged_archive_is_refused_naming_its_newest_backup_which_opens(
    damaged: Callable[..., Path], fraction: float, tmp_path: Path
) -> None:
    yesterday = datetime.now() - timedelta(days=1)
    path = damaged(fraction, [yesterday - timedelta(days=3), yesterday])
    newest = backups.newest_backup(path)
    assert newest is not None and f"{yesterday:%Y%m%d}" in newest.name
    size = path.stat().st_size
    with pytest.raises(ArchiveDamaged) as caught:
        archive_service.open_archive(path)
    message = str(caught.value)
    assert path.name in message and "damaged" in message and str(newest) in message
    assert path.stat().st_size == size and len(backups.list_backups(path)) == 2  # untouched
    restored = tmp_path / "khôi phục.sqlite"
    shutil.copy(newest, restored)
    assert len(consistent_archive(restored, [])) == 40


@pytest.mark.parametrize("fraction", [0.0, 0.3, 0.5, 0.8])
def test_an_archive_damaged_after_todays_backup_is_refused_too(
    damaged: Callable[..., Path], fraction: float
) -> None:
    """Today's backup is taken: the open runs the quick check, which must still see it."""
    path = damaged(fraction, [datetime.now()])
    with pytest.raises(ArchiveDamaged) as caught:
        archive_service.open_archive(path).close()
    assert_one_line(str(caught.value), path.name)
    assert str(backups.newest_backup(path)) in str(caught.value)


def test_a_big_archive_is_checked_once_a_day_and_its_damage_refused_when_met(
    damaged: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past QUICK_CHECK_MAX_BYTES (3-9 s of checking at 100,000 reports) only the first open
    of the day checks; damage met afterwards is refused in one line naming the backup."""
    monkeypatch.setattr(archive_service, "QUICK_CHECK_MAX_BYTES", 1000)
    refusals = []
    for fraction in (0.3, 0.5, 0.7, 0.9):
        path = damaged(fraction, [datetime.now()])
        db = archive_service.open_archive(path)  # today's backup is taken: no check
        try:
            for n in range(1, 41):
                get_report(db, n)
            search_reports(db, "dân vận")
        except ArchiveDamaged as error:
            assert_one_line(str(error), path.name)
            assert str(backups.newest_backup(path)) in str(error)
            refusals.append(fraction)
        finally:
            db.close()
    assert refusals  # the damage was met, and refused, in reading reports or searching
    first_today = damaged(0.6, [datetime.now() - timedelta(days=1)])
    with pytest.raises(ArchiveDamaged):
        archive_service.open_archive(first_today).close()  # the day's first open checks


def test_the_windows_daily_check_finds_damage_the_open_did_not_look_for(
    damaged: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big archive opens for the window without a check; the day's check beside the work
    refuses it, naming yesterday's backup, and takes no backup of the damaged file."""
    monkeypatch.setattr(archive_service, "QUICK_CHECK_MAX_BYTES", 1000)
    path = damaged(0.5, [datetime.now() - timedelta(days=1)])
    archive_service.open_archive(path, daily=False).close()
    with pytest.raises(ArchiveDamaged) as caught:
        archive_service.DailyCheck(path).run()
    assert_one_line(str(caught.value), path.name)
    assert str(backups.newest_backup(path)) in str(caught.value)
    assert len(backups.list_backups(path)) == 1


def test_services_on_a_damaged_archive_raise_archive_errors_only(
    damaged: Callable[..., Path], tmp_path: Path
) -> None:
    path = damaged(0.5)
    db = archive_service.open_archive(path, maintain=False)
    extra = mk.write(tmp_path, "thêm.txt", mk.report_text("Hội nghị thêm sau khi hỏng"))
    uses: list[Callable[[], object]] = [
        lambda: list_reports(db),
        lambda: search_reports(db, "dân vận"),
        lambda: [get_report(db, n) for n in range(1, 41)],
        lambda: import_files(db, [extra]),
    ]
    try:
        for use in uses:
            try:
                use()
            except ArchiveError as error:
                assert_one_line(str(error))
    finally:
        db.close()


def test_a_truncated_archive_file_is_refused_or_opens_consistent(tmp_path: Path) -> None:
    """A copy cut short (a full USB stick): refused in one line, or what is left is consistent."""
    files = mk.write_reports(tmp_path / "in", 30, seed=6)
    source = tmp_path / "kho.sqlite"
    db = open_archive(source)
    import_files(db, [tmp_path / "in"])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    cut = tmp_path / "cụt.sqlite"
    data = source.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    try:
        db = archive_service.open_archive(cut)
    except ArchiveError as error:
        assert_one_line(str(error), cut.name)
        return
    try:
        check = db.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as error:
        pytest.fail(f"opened a truncated archive that cannot even be checked: {error}")
    finally:
        db.close()
    if check != [("ok",)]:
        pytest.fail(f"opened a truncated archive that fails its integrity check: {check[:2]}")
    assert consistent_archive(cut, [code for _p, code in files])
