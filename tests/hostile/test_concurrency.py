"""Two or three processes on one archive at the same moment: importing, creating, opening.

Children meet at one moment through a shared clock (each spins until the agreed time) or a
line on stdin; every write they make is real, into one archive file.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from pathlib import Path

from sqlite_utils import Database

from tests.hostile import makers as mk
from tests.hostile.children import IMPORT_CHILD, Child, consistent_archive
from workbench.services.importing import import_files
from workbench.storage import backups
from workbench.storage.db import open_archive

# --- two writers ----------------------------------------------------------------------------------


def test_two_processes_importing_into_one_archive_at_once(tmp_path: Path) -> None:
    own = [mk.write_reports(tmp_path / f"riêng {n}", 60, seed=10 + n) for n in range(2)]
    shared = mk.write_reports(tmp_path / "chung", 30, seed=20)
    archive = tmp_path / "kho.sqlite"
    open_archive(archive).close()
    children = []
    for files in own:
        paths = [str(p) for p, _ in files + shared]
        children.append(
            Child(IMPORT_CHILD, json.dumps({"archive": str(archive), "paths": paths, "wait": True}))
        )
    for child in children:
        child.wait_for(lambda line: line.startswith("ready"), "ready")
    for child in children:
        child.send("go")
    results = [child.result() for child in children]
    for child, result in zip(children, results, strict=True):
        assert result["failed"] == [], result["failed"]
        assert "locked" not in child.err
    shared_paths = {str(p) for p, _ in shared}
    imported = [p for r in results for p in r["imported"]]
    assert len(imported) == len(set(imported)) == 60 + 60 + 30
    duplicates = [p for r in results for p in r["duplicates"]]
    assert sorted(duplicates) == sorted(shared_paths)  # each shared file stored once
    codes = [code for files in [*own, shared] for _p, code in files]
    assert consistent_archive(archive, codes) == set(codes)


RACE_CHILD = """
import json, sys, time
from pathlib import Path
from workbench.storage.db import open_archive

start, period, stop, paths = float(sys.argv[1]), float(sys.argv[2]), Path(sys.argv[3]), sys.argv[4:]
errors = []
for number, path in enumerate(paths):
    while time.time() < start + number * period:
        pass
    if stop.exists():
        break
    try:
        open_archive(path).close()
    except Exception as error:
        errors.append(f"{type(error).__name__}: {error}")
        stop.touch()
print(json.dumps(errors))
"""


def test_processes_creating_the_same_new_archive_at_once(tmp_path: Path) -> None:
    """Three processes meet at the same moment (a shared clock) to create each of 80 new
    archives; the first failure stops them all."""
    paths = [str(tmp_path / f"mới {n}.sqlite") for n in range(80)]
    start = str(time.time() + 1.2)  # the children import first, then meet at each moment
    stop = str(tmp_path / "stop")
    children = [Child(RACE_CHILD, start, "0.05", stop, *paths) for _ in range(3)]
    errors = [error for child in children for error in child.result()]
    assert errors == []


BACKUP_RACE_CHILD = """
import json, sys, time
from workbench.services.archive import open_archive

start, period, paths = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3:]
errors = []
for number, path in enumerate(paths):
    while time.time() < start + number * period:
        pass
    try:
        open_archive(path).close()  # the first open of the day: check, then back up
    except Exception as error:
        errors.append(f"{type(error).__name__}: {error}")
print(json.dumps(errors))
"""


def test_processes_opening_one_archive_at_once_keep_one_whole_daily_backup(
    tmp_path: Path,
) -> None:
    """Three processes open each of 20 archives at the same moment (the first open of the
    day, when the service checks and backs the archive up)."""
    mk.write_reports(tmp_path / "in", 20, seed=40)
    source = tmp_path / "nguồn.sqlite"
    db = open_archive(source)
    import_files(db, [tmp_path / "in"])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    paths = []
    for number in range(20):
        paths.append(tmp_path / f"kho {number}.sqlite")
        shutil.copy(source, paths[-1])
    start = str(time.time() + 1.2)
    children = [Child(BACKUP_RACE_CHILD, start, "0.06", *map(str, paths)) for _ in range(3)]
    assert [error for child in children for error in child.result()] == []
    for path in paths:
        listed = backups.list_backups(path)
        leftovers = [p.name for p in backups.folder_of(path).iterdir() if p not in listed]
        assert listed and not leftovers, (path.name, [p.name for p in listed], leftovers)
        for copy in listed:
            whole = Database(sqlite3.connect(copy))
            assert whole.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert whole.execute("SELECT count(*) FROM reports").fetchone()[0] == 20
            whole.close()
