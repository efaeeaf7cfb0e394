"""Importing files into an archive: files/second through the workbench against bare FTS5.

Prints one JSON object. Run: ``.venv/bin/python benchmarks/import_bench.py [--files N]``.
N corpus reports (each made unique) are imported by ``services.importing.import_files`` into a
new archive: read, decode, clean, analyse, duplicate and near-duplicate checks, store, index
(folded and exact), one transaction per file, as ``workbench import FOLDER`` does. The
baseline, in the same run, reads the same files' bytes, decodes them as UTF-8 and inserts each
into a plain FTS5 table (``unicode61 remove_diacritics 2``) in its own transaction: the least a
searchable archive of these files costs.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
import time
from pathlib import Path

from corpus_files import make_files

from workbench.services.archive import open_archive
from workbench.services.importing import import_files


def bare_import(paths: list[Path], archive: Path) -> float:
    """Seconds to store ``paths`` in a bare FTS5 table, a transaction per file."""
    conn = sqlite3.connect(archive, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(
        "CREATE VIRTUAL TABLE t USING fts5(text, tokenize='unicode61 remove_diacritics 2')"
    )
    started = time.perf_counter()
    for path in paths:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t(text) VALUES (?)", [path.read_bytes().decode("utf-8")])
        conn.execute("COMMIT")
    seconds = time.perf_counter() - started
    conn.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "bai"
        folder.mkdir()
        paths = make_files(folder, args.files)
        db = open_archive(Path(tmp) / "archive.sqlite3")
        started = time.perf_counter()
        summary = import_files(db, [folder])
        seconds = time.perf_counter() - started
        db.close()
        bare_seconds = bare_import(paths, Path(tmp) / "bare.sqlite3")
    figures = {
        "files": args.files,
        "imported": len(summary.imported),
        "failed": len(summary.failed),
        "seconds": round(seconds, 2),
        "files_per_s": round(args.files / seconds, 1),
        "bare_files_per_s": round(args.files / bare_seconds, 1),
    }
    print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
