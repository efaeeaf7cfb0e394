"""Rotating backups and the integrity check when an archive is opened by the program."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.archive_factory import report
from workbench.core.errors import ArchiveDamaged, Cancelled
from workbench.services.archive import DailyCheck, list_reports, open_archive, store_report
from workbench.storage import backups, migrations
from workbench.storage import db as storage_db


def archive_with_reports(path: Path, count: int = 3) -> None:
    db = open_archive(path, maintain=False)
    for index in range(count):
        store_report(db, report(f"Hội nghị số {index}", f"Nội dung riêng {index}."))
    db.close()


def test_a_daily_backup_is_taken_once_and_opens_as_an_archive(tmp_path):
    path = tmp_path / "archive.sqlite3"
    archive_with_reports(path)
    open_archive(path).close()
    open_archive(path).close()
    found = backups.list_backups(path)
    assert len(found) == 1 and found[0].name.endswith("-daily.sqlite3")
    copy = open_archive(found[0], maintain=False)
    assert list_reports(copy).total == 3
    copy.close()


def test_the_window_opens_at_once_and_checks_and_backs_up_beside(tmp_path):
    """``daily=False`` (the window) takes no backup on open; ``DailyCheck`` takes the day's,
    once."""
    path = tmp_path / "archive.sqlite3"
    archive_with_reports(path)
    open_archive(path, daily=False).close()
    assert backups.list_backups(path) == []
    assert DailyCheck(path).run()
    assert not DailyCheck(path).run()  # today's is taken
    found = backups.list_backups(path)
    assert len(found) == 1 and found[0].name.endswith("-daily.sqlite3")


def test_a_stopped_daily_check_takes_no_backup(tmp_path, monkeypatch):
    path = tmp_path / "archive.sqlite3"
    archive_with_reports(path)
    check = DailyCheck(path)
    check.stop()  # the window closed before the check began
    with pytest.raises(Cancelled):
        check.run()
    asked = []
    monkeypatch.setattr(backups, "_CHECK_EVERY", 1)
    db = open_archive(path, daily=False)
    with pytest.raises(Cancelled):  # stopped while checking: SQLite asks between steps
        backups.integrity_problem(db, stop=lambda: asked.append(1) or len(asked) > 1)
    assert backups.integrity_problem(db) is None  # the connection is whole and the handler gone
    db.close()
    assert backups.list_backups(path) == []
    assert DailyCheck(path).run()


def test_a_backup_copies_one_moment_while_another_connection_writes(tmp_path, monkeypatch):
    """Copied a step at a time from one snapshot: the writes made meanwhile are not in the
    copy and do not start it again; stopped between two steps, nothing is left of it."""
    path = tmp_path / "archive.sqlite3"
    archive_with_reports(path, 6)
    monkeypatch.setattr(storage_db, "BACKUP_PAGES", 2)
    writer = open_archive(path, maintain=False)
    steps = []

    def write_between_steps() -> bool:
        steps.append(1)
        store_report(writer, report(f"Viết thêm {len(steps)}", f"Trong khi sao {len(steps)}."))
        return len(steps) > 500  # a copy started again at each write would never end

    copy = backups.take_backup(path, "daily", stop=write_between_steps)
    assert len(steps) > 5 and list_reports(writer).total == 6 + len(steps)
    copied = open_archive(copy, maintain=False)
    assert list_reports(copied).total == 6 and backups.integrity_problem(copied) is None
    copied.close()
    with pytest.raises(Cancelled):
        backups.take_backup(path, "daily", stop=lambda: len(steps) > 12 or bool(steps.append(1)))
    assert backups.list_backups(path) == [copy]
    assert not [p for p in backups.folder_of(path).iterdir() if ".part" in p.name]
    writer.close()


def test_old_backups_of_an_archive_named_like_a_partial_copy_are_kept(tmp_path):
    path = tmp_path / "tin.part1.sqlite3"  # ".part" in the name: not a copy under way
    archive_with_reports(path, 1)
    first = backups.take_backup(path, "daily", datetime(2026, 1, 1, 9, 0, 0))
    old = datetime.now().timestamp() - 7200
    os.utime(first, (old, old))
    left = backups.folder_of(path) / f"{first.name}.4242.part"  # a process killed copying
    left.write_bytes(b"half")
    os.utime(left, (old, old))
    backups.take_backup(path, "daily")
    assert first in backups.list_backups(path) and not left.exists()


def test_only_the_newest_backups_are_kept(tmp_path):
    path = tmp_path / "archive.sqlite3"
    archive_with_reports(path, 1)
    start = datetime(2026, 1, 1, 9, 0, 0)
    for day in range(backups.KEEP + 3):
        backups.take_backup(path, "daily", start + timedelta(days=day))
    kept = backups.list_backups(path)
    assert len(kept) == backups.KEEP
    assert kept[0].name.startswith(f"{path.name}-20260110-")


def test_an_upgrade_is_preceded_by_a_backup(tmp_path):
    path = tmp_path / "old.sqlite3"
    old = Database(path)
    migrations.apply(old, stop_before="0003_editorial")
    old.execute(
        "INSERT INTO reports (title, format, content_hash, created_at, updated_at, text, "
        "blocks) VALUES ('Cũ', 'text', 'h', 'now', 'now', 'Văn bản cũ.', '[]')"
    )
    old.conn.commit()
    old.close()
    upgraded = open_archive(path)
    names = [p.name for p in backups.list_backups(path)]
    assert any(name.endswith("-upgrade.sqlite3") for name in names)
    assert migrations.pending(upgraded) == []
    upgraded.close()


def test_a_damaged_archive_is_refused_naming_the_newest_backup(tmp_path):
    path = tmp_path / "archive.sqlite3"
    archive_with_reports(path, 30)
    open_archive(path).close()  # today's backup
    newest = backups.newest_backup(path)
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 2, len(data) - 4096, 4096):
        data[offset + 100 : offset + 300] = b"\xff" * 200  # scribble over every page but the 1st
    path.write_bytes(bytes(data))
    for wal in (tmp_path / "archive.sqlite3-wal", tmp_path / "archive.sqlite3-shm"):
        wal.unlink(missing_ok=True)
    for old in backups.list_backups(path):  # force today's check to run again
        old.rename(old.with_name(old.name.replace(datetime.now().strftime("%Y%m%d"), "20200101")))
    newest = backups.newest_backup(path)
    with pytest.raises(ArchiveDamaged) as caught:
        open_archive(path)
    message = str(caught.value)
    assert "damaged" in message and str(newest) in message and "\n" not in message
