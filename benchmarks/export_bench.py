"""What the official-document layout costs: a press release and a 50-report bulletin against a
bare python-docx document of the same text (prints JSON).

Run: ``.venv/bin/python benchmarks/export_bench.py [--rounds N] [--reports N] [--pdf]``.
Reports come from the shared corpus through the real import path (read, clean, analyse):
report 000 for the press release; the corpus reports in turn, 000 first, for the bulletin.
Each export writes a real file; the bare document gets the exported document's paragraph
texts (header table cells included, as paragraphs) in a blank ``docx.Document()`` with no
style, page, table, field or font work, and is saved to a file too. Best of N rounds; the
ratio is layout / bare. ``--pdf`` also times the PDF export through LibreOffice (one round:
every conversion starts LibreOffice with a fresh profile).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from importlib.metadata import version
from pathlib import Path

import docx

from workbench.core.analysis import analyse
from workbench.core.layout import ExportSettings
from workbench.core.models import Report
from workbench.core.structure import build_report
from workbench.formats.bulletin import write_bulletin
from workbench.formats.export_docx import write_press_release
from workbench.formats.export_pdf import pdf_available, write_bulletin_pdf, write_pdf
from workbench.formats.text import read_text

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "raw"
ISSUED = date(2023, 9, 8)
SETTINGS = ExportSettings(
    parent_body="Đảng bộ Khối các cơ quan Trung ương",
    issuing_body="Đảng ủy Khối các cơ quan Trung ương",
    abbreviation="ĐUK",
    contact_lines=["Văn phòng Đảng ủy Khối", "Điện thoại: 024 0000 0000"],
    bulletin_name="Thông tin Dân vận",
    licence_number="12/GP-XBBT",
    print_run=500,
)


def corpus_reports() -> list[Report]:
    """Every raw corpus report, imported and analysed as the program does, 000 first."""
    reports = []
    for path in sorted(CORPUS.glob("*.txt")):
        report = build_report(read_text(path.read_bytes(), path.name))
        report.analysis = analyse(report)
        reports.append(report)
    return reports


def paragraph_texts(path: Path) -> list[str]:
    """The texts of every paragraph of the .docx at ``path``, in the body's order."""
    body = docx.Document(str(path)).element.body
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    return ["".join(t.text or "" for t in p.iter(f"{w}t")) for p in body.iter(f"{w}p")]


def write_bare(texts: list[str], path: Path) -> Path:
    """The same text as plain paragraphs of python-docx's blank document."""
    doc = docx.Document()
    for text in texts:
        doc.add_paragraph(text)
    doc.save(str(path))
    return path


def best_of(rounds: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def compare(rounds: int, export: Callable[[Path], Path], folder: Path) -> dict:
    """Time ``export`` and the bare document of its text."""
    layout = best_of(rounds, lambda: export(folder / "layout.docx"))
    texts = paragraph_texts(folder / "layout.docx")
    bare = best_of(rounds, lambda: write_bare(texts, folder / "bare.docx"))
    return {
        "paragraphs": len(texts),
        "characters": sum(len(t) for t in texts),
        "layout_ms": round(layout * 1000, 1),
        "bare_ms": round(bare * 1000, 1),
        "ratio": round(layout / bare, 2),
        "layout_kb": round((folder / "layout.docx").stat().st_size / 1024, 1),
        "bare_kb": round((folder / "bare.docx").stat().st_size / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--reports", type=int, default=50, help="reports in the bulletin")
    parser.add_argument("--pdf", action="store_true", help="also time the PDF export")
    args = parser.parse_args()
    corpus = corpus_reports()
    release = corpus[0]
    bulletin = [corpus[i % len(corpus)] for i in range(args.reports)]
    result: dict = {
        "benchmark": "export",
        "rounds": args.rounds,
        "python": sys.version.split()[0],
        "python_docx": version("python-docx"),
    }
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        result["press_release"] = compare(
            args.rounds,
            lambda p: write_press_release(release, SETTINGS, p, number="12", issued=ISSUED),
            folder,
        )
        result["bulletin"] = {
            "reports": args.reports,
            **compare(
                args.rounds,
                lambda p: write_bulletin(bulletin, SETTINGS, p, number=1, issued=ISSUED),
                folder,
            ),
        }
        if args.pdf and pdf_available():
            release_pdf = best_of(1, lambda: write_pdf(release, SETTINGS, folder / "r.pdf"))
            bulletin_pdf = best_of(
                1, lambda: write_bulletin_pdf(bulletin, SETTINGS, folder / "b.pdf")
            )
            result["pdf_ms"] = {
                "press_release": round(release_pdf * 1000),
                "bulletin": round(bulletin_pdf * 1000),
            }
    print(json.dumps(result, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
