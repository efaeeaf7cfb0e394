"""Child processes doing real work, and checks of what they leave behind.

``Child`` runs a ``python -c`` child whose stdout is read line by line (to wait for a state,
not for a time), with a hang guard; ``kill_9`` sends SIGKILL. ``consistent_archive`` opens an
archive after a fault and checks it whole.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import subprocess
import threading
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from tests.hostile.conftest import archive_state, fts_consistent, start_child
from workbench.services.searching import search_reports
from workbench.storage.db import open_archive

HANG_GUARD = 90  # seconds; a child alive after this is killed and the test fails

IMPORT_CHILD = """
import json, sys
from pathlib import Path
from workbench.services.archive import open_archive
from workbench.services.importing import import_files

job = json.loads(sys.argv[1])

class Progress:
    def report(self, done, total, label=""):
        print("progress", done, total, flush=True)

print("ready", flush=True)
if job.get("wait"):
    sys.stdin.readline()
db = open_archive(job["archive"])  # as the window and the CLI open it: backups, checks
summary = import_files(db, [Path(p) for p in job["paths"]], Progress())
db.close()
print(json.dumps({
    "imported": [str(p) for p, _ in summary.imported],
    "duplicates": [str(p) for p, _ in summary.duplicates],
    "failed": [[str(p), m] for p, m in summary.failed],
}), flush=True)
"""


class Child:
    """A running ``python -c`` child whose stdout is read line by line, with a hang guard."""

    def __init__(self, code: str, *args: str) -> None:
        self.process = start_child(code, *args, stdin=subprocess.PIPE)
        self.lines: list[str] = []
        self.err = ""
        self._done = False
        self._guard = threading.Timer(HANG_GUARD, self.process.kill)
        self._guard.start()

    def wait_for(self, predicate: Callable[[str], bool], what: str) -> str:
        """The first stdout line satisfying ``predicate``; fails if the child ends first."""
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)
            if predicate(line):
                return line
        self.finish()
        pytest.fail(f"child ended before {what} ({self.process.returncode}): {self.err[-3000:]}")

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def kill_9(self) -> bool:
        """SIGKILL the child; whether it was still running (the kill really interrupted it)."""
        running = self.process.poll() is None
        if running:
            os.kill(self.process.pid, signal.SIGKILL)
        self.finish()
        return running and self.process.returncode == -signal.SIGKILL

    def finish(self) -> str:
        """Wait for the end (once); the rest of stdout (stderr goes to ``self.err``)."""
        if self._done:
            return ""
        out, err = self.process.communicate()
        self._done = True
        self._guard.cancel()
        self.err += err
        self.lines += out.splitlines(keepends=True)
        return out

    def result(self) -> dict:
        """The JSON object on the last line of a child that ended well."""
        out = self.finish()
        assert self.process.returncode == 0, f"child failed: {self.err[-3000:]}"
        assert "Traceback" not in self.err, self.err[-3000:]
        return json.loads(out.strip().splitlines()[-1])


def progress_at_least(count: int) -> Callable[[str], bool]:
    return lambda line: line.startswith("progress") and int(line.split()[1]) >= count


# --- archive and export checks -------------------------------------------------------------------

_CODE = re.compile(r"mã[a-z]+zq")


def consistent_archive(path: Path, codes: Iterable[str]) -> set[str]:
    """Open the archive and check it whole: integrity, both FTS indexes, and that the index
    agrees with the reports table (every stored report is found by its code word, exactly
    once; codes not stored find nothing). Returns the codes stored."""
    db = open_archive(path)
    try:
        state = archive_state(db)  # asserts PRAGMA integrity_check == ok
        fts_consistent(db)
        titles = dict(db.execute("SELECT id, title FROM reports").fetchall())
        stored = {}
        for report_id, title in titles.items():
            [code] = _CODE.findall(title)
            assert code not in stored, f"{code} stored twice"
            stored[code] = report_id
        for code in codes:
            found = [hit.report.id for hit in search_reports(db, code + " ", limit=5).hits]
            assert found == ([stored[code]] if code in stored else []), code
        assert search_reports(db, "", limit=1).total == state["reports"] == len(stored)
        unindexed = db.execute("SELECT count(*) FROM reports WHERE search_rowid IS NULL")
        assert unindexed.fetchone()[0] == 0
        return set(stored)
    finally:
        db.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def export_number(path: Path) -> str:
    """The number line of an exported press release ("Số: 104/TC" → "104"); the file must be a
    complete .docx (zip CRCs good, document.xml parses)."""
    with zipfile.ZipFile(path) as package:
        assert package.testzip() is None
        xml = package.read("word/document.xml").decode("utf-8")
    text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    match = re.search(r"Số: (\w+)/TC", text)
    assert match, "no number line in the export"
    return match.group(1)
