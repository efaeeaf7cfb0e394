"""What hostile and oversized files cost: wall time and peak memory of reading each one.

Prints one JSON object. Run: ``.venv/bin/python benchmarks/hostile_bench.py [--text-mb N]``.
Each file is generated (by ``tests/hostile/makers.py``) and read by ``read_report`` (or, for
the .docx bombs, by the .docx reader alone) in a fresh child process, which reports the growth
of its peak resident memory and the time taken. The hostile test suite asserts bounds on the
same measurements; this prints the figures.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hostile import makers as mk  # noqa: E402  (the repository root is on the path now)

CHILD = """
import json, resource, sys, time
from pathlib import Path
import workbench.formats.docx, workbench.formats.html, workbench.formats.text
from workbench.core.errors import WorkbenchError
from workbench.formats.registry import read_path
from workbench.services.importing import read_report

read = read_path if sys.argv[1] == "read" else read_report
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    read(Path(sys.argv[2]))
    outcome = "imported"
except WorkbenchError as error:
    outcome = "refused: " + str(error)[:80]
seconds = round(time.perf_counter() - start, 2)
grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
print(json.dumps({"outcome": outcome, "seconds": seconds, "peak_rss_growth_mb": round(grown, 1)}))
"""


def measure(stage: str, path: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, stage, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    return {"file_mb": round(path.stat().st_size / 1024 / 1024, 2), **figures}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--text-mb", type=int, default=15, help="size of the one-line .txt")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        unit = "Hội nghị tổng kết công tác dân vận năm 2023, "
        one_line = mk.write(
            folder, "one-line.txt", unit * (args.text_mb * 2**20 // len(unit.encode()))
        )
        rnd = random.Random(1)
        paragraphs = tuple(f"Đoạn {i}: {mk.random_paragraph(rnd, 12)}" for i in range(10_000))
        many = mk.write(folder, "10k.txt", mk.report_text(paragraphs=paragraphs))
        inputs = {
            "one_line_txt": ("report", one_line),
            "txt_10000_paragraphs": ("report", many),
            "docx_500000_runs_one_paragraph": (
                "read",
                mk.write_run_bomb(folder / "runs.docx", 500_000),
            ),
            "docx_spaces_bomb_200mb": ("read", mk.write_spaces_bomb(folder / "bomb.docx", 200)),
            "docx_lying_sizes_bomb": ("read", mk.write_lying_bomb(folder / "lying.docx", 200)),
            "docx_billion_laughs": (
                "read",
                mk.write(folder, "laughs.docx", mk.billion_laughs_docx()),
            ),
        }
        results = {label: measure(stage, path) for label, (stage, path) in inputs.items()}
    print(json.dumps({"benchmark": "hostile", "files": results}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
