"""Faults in the middle of real work: kill -9 during an import, an export and a schema
upgrade; read-only places; full disks.

Nothing is simulated. The work runs in ``python -c`` children killed with SIGKILL at a random
moment (seeded), or held by ``strace`` at one system call and killed there; a full disk is
``RLIMIT_FSIZE`` set in the child (SIGXFSZ ignored, so writes fail with EFBIG) or a real tmpfs
of a few hundred KB; a read-only place is a tmpfs remounted read-only (as root, chmod stops
nothing). Waits are for lines the child prints or files it writes, not for time, except the
random delay before a kill. Two writers are in ``test_concurrency.py``, damaged archives in
``test_damaged_archive.py``.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.hostile import makers as mk
from tests.hostile.children import (
    IMPORT_CHILD,
    Child,
    consistent_archive,
    digest,
    export_number,
    progress_at_least,
)
from tests.hostile.conftest import (
    ROOT,
    assert_one_line,
    child_env,
    remount_read_only,
    run_child,
    tmpfs,
)
from workbench.core.errors import ArchiveError, ExportFailed
from workbench.core.layout import ExportSettings
from workbench.formats.export_docx import write_press_release
from workbench.services import archive as archive_service
from workbench.services.archive import backup_archive
from workbench.services.importing import import_files, read_report
from workbench.storage import backups, migrations
from workbench.storage.db import open_archive

# --- kill -9 during an import ---------------------------------------------------------------------


def test_kill_9_during_a_long_import_then_a_rerun_stores_the_rest_once(tmp_path: Path) -> None:
    files = mk.write_reports(tmp_path / "in", 300)
    codes = [code for _path, code in files]
    archive = tmp_path / "kho.sqlite"
    open_archive(archive).close()
    job = json.dumps({"archive": str(archive), "paths": [str(tmp_path / "in")]})
    rnd = random.Random(9)
    stored: set[str] = set()
    for kill_after in (40, 120):
        child = Child(IMPORT_CHILD, job)
        child.wait_for(progress_at_least(kill_after), f"{kill_after} files")
        time.sleep(rnd.uniform(0, 0.02))
        assert child.kill_9(), "the import ended before the kill"
        stored = consistent_archive(archive, codes)
        assert kill_after <= len(stored) < len(files)
    db = open_archive(archive)
    summary = import_files(db, [tmp_path / "in"])
    db.close()
    assert summary.failed == []
    assert len(summary.duplicates) == len(stored)
    assert len(summary.imported) == len(files) - len(stored)
    assert consistent_archive(archive, codes) == set(codes)


# --- kill -9 during an export ---------------------------------------------------------------------

EXPORT_CHILD = """
import sys
from pathlib import Path
from workbench.core.layout import ExportSettings
from workbench.formats.export_docx import write_press_release
from workbench.services.importing import read_report

report = read_report(Path(sys.argv[1]))
number = 100
while True:
    write_press_release(report, ExportSettings(), Path(sys.argv[2]), number=str(number))
    print(number, flush=True)
    number += 1
"""


def test_kill_9_during_exports_leaves_the_old_or_a_complete_new_file(tmp_path: Path) -> None:
    """Whatever the moment of the kill, the file at the export path is a complete .docx: the
    previous export or one of the new ones. ``save_atomic`` writes a hidden ``.wb-*.tmp`` and
    renames it; a kill between the two leaves that temporary file behind (reported here)."""
    rnd = random.Random(4)
    source = mk.write(
        tmp_path,
        "nguồn.txt",
        mk.report_text(paragraphs=tuple(mk.random_paragraph(rnd, 80) for _ in range(150))),
    )
    out = tmp_path / "xuất"
    out.mkdir()
    target = out / "Thông cáo.docx"
    write_press_release(read_report(source), ExportSettings(), target, number="OLD")
    assert export_number(target) == "OLD"
    strays: list[str] = []
    last = 99
    for _round in range(3):
        child = Child(EXPORT_CHILD, str(source), str(target))
        child.wait_for(lambda line: line.strip().isdigit(), "a first export")
        time.sleep(rnd.uniform(0, 0.25))
        assert child.kill_9(), "the export loop ended by itself"
        written = [int(line) for line in child.lines if line.strip().isdigit()]
        number = export_number(target)
        assert number.isdigit() and written[0] <= int(number) <= written[-1] + 1
        last = max(last, int(number))
        strays += [p.name for p in out.iterdir() if p != target]
    print(f"exports killed 3 times; temporary files left behind: {strays}")
    assert all(re.fullmatch(r"\.wb-[0-9a-f]{12}\.tmp", name) for name in strays), strays


ONE_EXPORT_CHILD = """
import os, sys
from pathlib import Path
from workbench.core.layout import ExportSettings
from workbench.formats.export_docx import write_press_release
from workbench.services.importing import read_report

Path(sys.argv[3]).write_text(str(os.getpid()))
write_press_release(read_report(Path(sys.argv[1])), ExportSettings(), Path(sys.argv[2]))
"""


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status and "\nState:\tX" not in status


@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace to hold the child")
def test_kill_9_between_writing_and_renaming_keeps_the_old_file(tmp_path: Path) -> None:
    """``strace`` holds the child at its ``fsync`` (fault injection on the real process),
    so the kill lands exactly between writing the temporary file and renaming it: the old
    export is untouched; the hidden ``.wb-*.tmp`` is left behind, and a later export to that
    folder removes it once it is an hour old (a younger one may be another export's)."""
    source = mk.write(tmp_path, "nguồn.txt", mk.report_text())
    out = tmp_path / "xuất"
    out.mkdir()
    target = out / "Thông cáo.docx"
    write_press_release(read_report(source), ExportSettings(), target, number="OLD")
    before = digest(target)
    strace = shutil.which("strace")
    assert strace is not None
    held = "inject=fsync:delay_enter=60000000"
    pid_file = tmp_path / "pid"
    tracer = subprocess.Popen(
        [strace, "-f", "-qq", "-o", os.devnull, "-e", "trace=fsync", "-e", held,
         sys.executable, "-c", ONE_EXPORT_CHILD, str(source), str(target), str(pid_file)],
        cwd=ROOT, env=child_env(),
    )  # fmt: skip
    try:
        for _ in range(1200):  # wait for the state "temporary file written", not for a time
            temporary = [p for p in out.iterdir() if p.name.startswith(".wb-")]
            if pid_file.exists() and temporary and temporary[0].stat().st_size > 1000:
                break
            time.sleep(0.05)
        else:
            pytest.fail("the export never reached its temporary file")
        child = int(pid_file.read_text())
        os.kill(child, signal.SIGKILL)  # pending while strace holds it in the fsync ...
        tracer.kill()  # ... and delivered the moment strace lets go: fsync never runs
        tracer.wait(timeout=30)
        while _alive(child):  # a zombie nobody reaps counts as dead
            time.sleep(0.02)
    finally:
        if tracer.poll() is None:
            tracer.kill()
            tracer.wait()
    assert digest(target) == before and export_number(target) == "OLD"
    leftovers = [p.name for p in out.iterdir() if p != target]
    print(f"left after a kill inside save_atomic: {leftovers}")
    assert len(leftovers) == 1 and re.fullmatch(r"\.wb-[0-9a-f]{12}\.tmp", leftovers[0])
    stale, young = out / leftovers[0], out / ".wb-0123456789ab.tmp"
    young.write_bytes(b"another export, being written")
    write_press_release(read_report(source), ExportSettings(), target, number="NEW")
    assert stale.exists()  # minutes old: it may be another export's
    an_hour_ago = time.time() - 3700
    os.utime(stale, (an_hour_ago, an_hour_ago))
    write_press_release(read_report(source), ExportSettings(), target, number="NEWER")
    assert sorted(p.name for p in out.iterdir()) == sorted([target.name, young.name])


# --- kill -9 during a migration -------------------------------------------------------------------

MIGRATE_CHILD = """
import sys
from workbench.services.archive import open_archive
print("opening", flush=True)
db = open_archive(sys.argv[1])
print("opened", flush=True)
db.close()
"""
OLD_REPORTS = 1500


@pytest.fixture(scope="module")
def old_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive at schema 0001 (before the search index) holding ``OLD_REPORTS`` reports:
    upgrading it indexes every report, which takes long enough to be killed."""
    path = tmp_path_factory.mktemp("old") / "cũ.sqlite"
    db = Database(path)
    migrations.apply(db, stop_before="0002_search")
    rnd = random.Random(2)
    rows = [
        (
            f"Hội nghị {mk.code_word(n)} năm 2023",
            f"h{n}",
            "2023-09-06",
            "2023-09-07",
            "2023-09-07",
            " ".join(rnd.choices(mk.SYLLABLES, k=300)),
            "[]",
        )
        for n in range(OLD_REPORTS)
    ]
    with db.conn:
        db.conn.executemany(
            "INSERT INTO reports (title, content_hash, event_date, created_at, updated_at, text, "
            "blocks) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    db.close()
    return path


def test_kill_9_during_a_schema_upgrade_then_the_archive_opens_whole(
    old_archive: Path, tmp_path: Path
) -> None:
    """The service backs the archive up, then upgrades it in one transaction; a kill at any
    moment leaves the old schema or the new one, never half, and every backup listed opens."""
    codes = [mk.code_word(n) for n in range(OLD_REPORTS)]
    all_names = migrations.known_names()
    rnd = random.Random(6)
    hits, strays = 0, []
    for attempt in range(4):
        path = tmp_path / f"thử {attempt}.sqlite"
        shutil.copy(old_archive, path)
        child = Child(MIGRATE_CHILD, str(path))
        child.wait_for(lambda line: line.startswith("opening"), "the upgrade")
        time.sleep(rnd.uniform(0.05, 0.6))
        killed = child.kill_9() and not any(line.startswith("opened") for line in child.lines)
        hits += killed
        raw = Database(sqlite3.connect(path))
        applied = migrations.applied_names(raw)
        raw.close()
        assert applied in (all_names[:1], all_names), applied  # all or nothing
        for copy in backups.list_backups(path):  # every backup listed is a whole archive
            old = Database(sqlite3.connect(copy))
            assert old.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert old.execute("SELECT count(*) FROM reports").fetchone()[0] == OLD_REPORTS
            old.close()
        folder = backups.folder_of(path)
        listed = set(backups.list_backups(path))
        strays += [p.name for p in folder.iterdir() if p not in listed] if folder.is_dir() else []
        sample = codes[:: OLD_REPORTS // 15] + codes[-1:]
        assert consistent_archive(path, sample) == set(codes)
        db = open_archive(path)
        assert migrations.pending(db) == []
        assert db.execute("SELECT count(*) FROM reports WHERE sketch IS NULL").fetchone()[0] == 0
        db.close()
        if hits:
            break
    print(f"upgrade killed after {attempt + 1} attempt(s); unlisted files in .backups: {strays}")
    assert all(name.endswith(".part") for name in strays), strays
    assert hits, "no kill landed during the backup or the upgrade in 4 attempts"


# --- read-only places -----------------------------------------------------------------------------


def test_a_read_only_place_is_refused_in_one_line_and_nothing_is_written(tmp_path: Path) -> None:
    source = mk.write(tmp_path, "nguồn.txt", mk.report_text())
    report = read_report(source)
    with tmpfs(tmp_path / "đĩa chỉ đọc", "4m") as folder:
        existing = folder / "kho.sqlite"
        db = open_archive(existing)
        import_files(db, [source])
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        old_export = folder / "cũ.docx"
        write_press_release(report, ExportSettings(), old_export)
        before = {p.name: digest(p) for p in folder.iterdir()}
        remount_read_only(folder)
        attempts: list[tuple[type[Exception], Callable[[], object]]] = [
            (ArchiveError, lambda: archive_service.open_archive(existing)),
            (ArchiveError, lambda: archive_service.open_archive(folder / "mới.sqlite")),
            (ExportFailed, lambda: write_press_release(report, ExportSettings(), old_export)),
            (ExportFailed, lambda: write_press_release(report, ExportSettings(), folder / "x")),
            (ArchiveError, lambda: backup_archive(tmp_path / "none.sqlite", folder / "b")),
        ]
        for kind, attempt in attempts:
            with pytest.raises(kind) as caught:
                attempt()
            assert_one_line(str(caught.value))
            assert "read-only" in str(caught.value).lower() or "no archive" in str(caught.value)
        assert {p.name: digest(p) for p in folder.iterdir()} == before


# --- full disks -----------------------------------------------------------------------------------

FULL_EXPORT_CHILD = """
import json, resource, signal, sys
from pathlib import Path
from workbench.core.errors import WorkbenchError
from workbench.core.layout import ExportSettings
from workbench.formats.export_docx import write_press_release
from workbench.services.importing import read_report

report = read_report(Path(sys.argv[1]))
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = int(sys.argv[3])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
try:
    write_press_release(report, ExportSettings(), Path(sys.argv[2]))
    print(json.dumps({"outcome": "written"}))
except WorkbenchError as error:
    print(json.dumps({"outcome": type(error).__name__, "message": str(error)}))
"""


def _big_source(folder: Path) -> Path:
    rnd = random.Random(8)
    paragraphs = tuple(mk.random_paragraph(rnd, 80) for _ in range(300))
    return mk.write(folder, "dài.txt", mk.report_text(paragraphs=paragraphs))


def test_disk_full_during_an_export_keeps_the_previous_file(tmp_path: Path) -> None:
    """RLIMIT_FSIZE in the child: the new file cannot grow past 8 KB."""
    source = _big_source(tmp_path)
    out = tmp_path / "xuất"
    out.mkdir()
    target = out / "Thông cáo.docx"
    write_press_release(
        read_report(mk.write(tmp_path, "ngắn.txt", mk.report_text())), ExportSettings(), target
    )
    before = digest(target)
    result = run_child(FULL_EXPORT_CHILD, str(source), str(target), str(8 * 1024))
    assert result["outcome"] == "ExportFailed", result
    assert_one_line(result["message"], str(target))
    assert "too large" in result["message"].lower()
    assert digest(target) == before
    assert [p.name for p in out.iterdir()] == [target.name]  # no temporary file left


def test_a_full_tmpfs_during_an_export_keeps_the_previous_file(tmp_path: Path) -> None:
    report = read_report(_big_source(tmp_path))
    with tmpfs(tmp_path / "đĩa nhỏ", "256k") as folder:
        target = folder / "Thông cáo.docx"
        write_press_release(
            read_report(mk.write(tmp_path, "ngắn.txt", mk.report_text())), ExportSettings(), target
        )
        before = digest(target)
        filler = os.open(folder / "đầy", os.O_WRONLY | os.O_CREAT)
        try:
            with pytest.raises(OSError, match="No space"):
                while True:
                    os.write(filler, b"\0" * 4096)
        finally:
            os.close(filler)
        with pytest.raises(ExportFailed) as caught:
            write_press_release(report, ExportSettings(), target)
        assert_one_line(str(caught.value), str(target))
        assert "space" in str(caught.value)
        assert digest(target) == before
        assert sorted(p.name for p in folder.iterdir()) == sorted([target.name, "đầy"])


FULL_IMPORT_CHILD = """
import json, resource, signal, sys
from pathlib import Path
from workbench.core.errors import WorkbenchError
from workbench.services.importing import import_files
from workbench.storage.db import open_archive

db = open_archive(sys.argv[1])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = int(sys.argv[3])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
try:
    summary = import_files(db, [Path(sys.argv[2])])
    result = {"outcome": "done", "imported": len(summary.imported), "failed": summary.failed}
except Exception as error:
    result = {"outcome": "raised", "type": type(error).__name__,
              "module": type(error).__module__, "message": str(error),
              "workbench_error": isinstance(error, WorkbenchError)}
print(json.dumps(result, default=str))
"""


@pytest.fixture(scope="module")
def full_disk_import(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path, list[str]]:
    """An import into an archive whose files may not grow by more than ~300 KB (RLIMIT_FSIZE in
    the child): the result, the archive, and the codes of the files offered."""
    tmp = tmp_path_factory.mktemp("full")
    files = mk.write_reports(tmp / "in", 150, seed=3)
    archive = tmp / "kho.sqlite"
    db = open_archive(archive)
    import_files(db, [path for path, _ in files[:10]])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    limit = archive.stat().st_size + 300_000
    result = run_child(FULL_IMPORT_CHILD, str(archive), str(tmp / "in"), str(limit))
    print(f"import on a full disk: {result}")
    return result, archive, [code for _path, code in files]


def test_disk_full_during_an_import_leaves_a_consistent_archive(full_disk_import) -> None:
    result, archive, codes = full_disk_import
    assert result["outcome"] == "raised" or result["failed"], "the disk never filled"
    stored = consistent_archive(archive, codes)
    assert set(codes[:10]) <= stored  # what was there before is intact
    db = open_archive(archive)  # and the archive takes the rest once there is room
    summary = import_files(db, [archive.parent / "in"])
    db.close()
    assert summary.failed == []
    assert consistent_archive(archive, codes) == set(codes)


def test_disk_full_during_an_import_is_reported_in_one_line(full_disk_import) -> None:
    result, _archive, _codes = full_disk_import
    if result["outcome"] == "raised":
        assert result["workbench_error"], result
        assert_one_line(result["message"])
    else:
        for _path, message in result["failed"]:
            assert_one_line(message)
