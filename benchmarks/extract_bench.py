"""How fast reports are read, cleaned and analysed: reports/second over the shared corpus.

Prints one JSON object. Run: ``.venv/bin/python benchmarks/extract_bench.py [--rounds N]``.
The reading step (decode + HTML/Markdown sniffing), the cleaning step (build_report) and the
analysis step (people, tasks, documents) are timed apart, in process, best of N rounds.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from workbench.core.analysis import analyse
from workbench.core.structure import build_report
from workbench.formats.registry import read_path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "raw"


def timed(function, items) -> tuple[float, list]:
    start = time.perf_counter()
    results = [function(item) for item in items]
    return time.perf_counter() - start, results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    files = sorted(CORPUS.glob("*.txt"))
    total_bytes = sum(f.stat().st_size for f in files)
    read_times, build_times, analyse_times = [], [], []
    for _ in range(args.rounds):
        seconds, imported = timed(read_path, files)
        read_times.append(seconds)
        seconds, reports = timed(build_report, imported)
        build_times.append(seconds)
        seconds, _analyses = timed(analyse, reports)
        analyse_times.append(seconds)
    best = {
        "read": min(read_times),
        "clean": min(build_times),
        "analyse": min(analyse_times),
    }
    whole = sum(best.values())
    print(
        json.dumps(
            {
                "benchmark": "extract",
                "reports": len(files),
                "corpus_kb": round(total_bytes / 1024, 1),
                "rounds": args.rounds,
                "reports_per_second": round(len(files) / whole, 1),
                "ms_per_report": {k: round(v / len(files) * 1000, 2) for k, v in best.items()},
                "ms_per_report_total": round(whole / len(files) * 1000, 2),
                "median_round_s": round(
                    statistics.median(
                        r + b + a
                        for r, b, a in zip(read_times, build_times, analyse_times, strict=True)
                    ),
                    3,
                ),
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
