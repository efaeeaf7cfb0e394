from __future__ import annotations

import multiprocessing
import os
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.archive_factory import report
from workbench.core.errors import ArchiveError
from workbench.storage import migrations, repository
from workbench.storage.db import backup, open_archive, transaction
from workbench.storage.search import search


def pragma(db: Database, name: str) -> object:
    return db.execute(f"PRAGMA {name}").fetchone()[0]


def test_new_archive_is_migrated_wal_with_foreign_keys(db: Database) -> None:
    assert pragma(db, "journal_mode") == "wal"
    assert pragma(db, "foreign_keys") == 1
    assert pragma(db, "busy_timeout") >= 5000
    assert pragma(db, "user_version") == migrations.SCHEMA_VERSION
    assert pragma(db, "application_id") == migrations.APPLICATION_ID
    assert migrations.applied_names(db) == migrations.known_names()
    assert {"reports", "people", "mentions", "reports_fts", "reports_exact", "decisions"} <= set(
        db.table_names()
    )


def test_reopening_applies_nothing(tmp_path: Path) -> None:
    open_archive(tmp_path / "a.sqlite").close()
    db = open_archive(tmp_path / "a.sqlite")
    assert len(migrations.applied_names(db)) == migrations.SCHEMA_VERSION
    db.close()


def test_empty_file_is_version_zero_and_upgrades(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")
    db = open_archive(path)
    assert pragma(db, "user_version") == migrations.SCHEMA_VERSION
    db.close()


def test_older_archive_upgrades_and_indexes_its_reports(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old = Database(path)
    migrations.MIGRATIONS.apply(old, stop_before="0002_search")
    old.execute(
        "INSERT INTO reports (title, content_hash, created_at, updated_at, text, blocks) "
        "VALUES ('Hội nghị', 'h1', 'now', 'now', 'Mô hình Dân vận khéo', '[]')"
    )
    old.close()
    db = open_archive(path)
    assert migrations.pending(db) == []
    assert [hit.report.id for hit in search(db, "dan van kheo").hits] == [1]
    assert db.execute("SELECT sketch IS NOT NULL FROM reports").fetchone()[0] == 1
    db.close()


def test_newer_archive_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    open_archive(path).close()
    raw = sqlite3.connect(path)
    raw.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('workbench', '0099_from_the_future', 'later')"
    )
    raw.commit()
    raw.close()
    with pytest.raises(ArchiveError, match="made by a newer version of Press Workbench"):
        open_archive(path)


def test_newer_user_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    open_archive(path).close()
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    raw.close()
    with pytest.raises(ArchiveError, match="newer version"):
        open_archive(path)


def test_not_a_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("Biên bản hội nghị", encoding="utf-8")
    with pytest.raises(ArchiveError, match="not a SQLite file"):
        open_archive(path)


def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE contacts (name TEXT)")
    raw.close()
    with pytest.raises(ArchiveError, match="another program"):
        open_archive(path)
    raw = sqlite3.connect(path)
    tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    journal = raw.execute("PRAGMA journal_mode").fetchone()[0]
    raw.close()
    assert tables == {"contacts"} and journal == "delete"


def test_missing_folder_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="does not exist"):
        open_archive(tmp_path / "nowhere" / "a.sqlite")
    with pytest.raises(ArchiveError, match="no archive"):
        open_archive(tmp_path / "a.sqlite", create=False)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through file permissions")
def test_read_only_location(tmp_path: Path) -> None:
    folder = tmp_path / "cdrom"
    folder.mkdir()
    open_archive(folder / "a.sqlite").close()
    folder.chmod(0o555)
    try:
        with pytest.raises(ArchiveError, match="read-only"):
            open_archive(folder / "a.sqlite")
        with pytest.raises(ArchiveError, match="read-only"):
            open_archive(folder / "b.sqlite")
    finally:
        folder.chmod(0o755)


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_cannot_create_in_a_read_only_place() -> None:
    with pytest.raises(ArchiveError, match="read-only"):
        open_archive("/proc/press-workbench-test.sqlite")


def test_transaction_rolls_back_everything(db: Database) -> None:
    with pytest.raises(RuntimeError), transaction(db):
        repository.insert(db, report("A", "Một"), "now")
        repository.insert(db, report("B", "Hai"), "now")
        raise RuntimeError("stop")
    assert repository.count(db) == 0
    assert not db.conn.in_transaction


def test_nested_transaction_is_a_savepoint(db: Database) -> None:
    with transaction(db):
        repository.insert(db, report("A", "Một"), "now")
        with pytest.raises(RuntimeError), transaction(db):
            repository.insert(db, report("B", "Hai"), "now")
            raise RuntimeError("inner")
    assert repository.count(db) == 1


def _writer(path: str, worker: int, count: int) -> None:
    from workbench.services.archive import store_report

    db = open_archive(path)
    for i in range(count):
        store_report(db, report(f"Báo cáo {worker}-{i}", f"Nội dung riêng {worker} số {i}."))
    db.close()


def test_two_processes_write_concurrently_without_losing_rows(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite"
    open_archive(path).close()
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_writer, args=(str(path), n, 40)) for n in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    assert [worker.exitcode for worker in workers] == [0, 0]
    db = open_archive(path)
    assert repository.count(db) == 80
    assert search(db, "noi dung rieng").total == 80
    db.close()


def test_backup_while_open(db: Database, tmp_path: Path) -> None:
    with transaction(db):
        repository.insert(db, report("Hội nghị", "Mô hình Dân vận khéo"), "now")
    source = Path(db.execute("PRAGMA database_list").fetchone()[2])
    copy = backup(source, tmp_path / "copy.sqlite")
    restored = open_archive(copy)
    assert search(restored, "dân vận").total == 1
    restored.close()
    with pytest.raises(ArchiveError, match="another file"):
        backup(source, source)
