"""Every benchmark of the project in one run: one JSON object of figures against baselines.

    .venv/bin/python benchmarks/run_all.py [--quick] [--json] [--save FILE]

Each benchmark script runs in its own process (so memory and start-up figures are its own)
and prints JSON; this collects the figures into ``{name: {"value", "unit", "baseline",
"ratio"}}``. A baseline is measured in the same run, by the same script, on the same machine:
bare FTS5 (search, import), a bare python-docx document (export), a bare ``QMainWindow``
(start-up time and memory). ``ratio`` is the workbench's cost over the baseline's (time over
time, or baseline rate over workbench rate): 2.0 means twice the bare cost. A figure with no
bare counterpart (extraction, GUI stalls) has ``baseline`` and ``ratio`` null.

The full run searches archives of 1,000, 10,000 and 100,000 reports (built once by
``benchmarks/search.py`` and cached; the first build of 100,000 takes ~20 minutes), as
imported and after ``index.optimize`` (``search_<size>_merged_...``), and opens the window on
the 100,000-report archive. ``--quick`` uses 1,000 reports, fewer rounds, and finishes within
a minute once that archive is cached (~15 s to build). Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
Figures = dict[str, dict[str, object]]


def run(script: str, *args: str) -> dict:
    """Run ``benchmarks/<script>`` with ``args``; the JSON object it printed."""
    print(f"[run_all] {script} {' '.join(args)}", file=sys.stderr, flush=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, str(HERE / script), *args],
        stdout=subprocess.PIPE,
        env=env,
        check=True,
        text=True,
    ).stdout
    return json.loads(out)


def figure(value: float, unit: str, baseline: float | None = None, *, rate: bool = False) -> dict:
    """One figure; ``rate`` marks a higher-is-better value (its ratio is baseline / value)."""
    ratio = None  # none for no baseline or one rounded to 0 ms, nor for a rate of 0
    if baseline and (value or not rate):
        ratio = round(baseline / value if rate else value / baseline, 2)
    return {"value": value, "unit": unit, "baseline": baseline, "ratio": ratio}


def extraction(quick: bool) -> Figures:
    result = run("extract_bench.py", "--rounds", "1" if quick else "5")
    return {"extract_reports_per_s": figure(result["reports_per_second"], "reports/s")}


def importing(quick: bool) -> Figures:
    files = "60" if quick else "300"
    result = run("import_bench.py", "--files", files)
    gui = run("gui_import_bench.py", "--files", files)
    return {
        "import_files_per_s": figure(
            result["files_per_s"], "files/s", result["bare_files_per_s"], rate=True
        ),
        "gui_import_longest_stall_ms": figure(gui["longest_stall_ms"], "ms"),
    }


def searching(sizes: list[int], quick: bool) -> tuple[Figures, dict[str, Path]]:
    """p95 of every query kind at every size (and of the count that follows a page that left
    it), and each size's archive (for the GUI figures)."""
    args = ["--sizes", ",".join(map(str, sizes)), "--json"]
    args += ["--repeat", "3", "--as-imported-only"] if quick else []
    result = run("search.py", *args)
    figures: Figures = {}
    for size, measured in result["sizes"].items():
        figures[f"search_{size}_file_mb"] = figure(measured["file_mb"], "MB")
        runs = {"": measured["queries"]}
        if "merged" in measured:
            runs["merged_"] = measured["merged"]["queries"]
        for prefix, queries in runs.items():
            for kind, q in queries.items():
                figures[f"search_{size}_{prefix}{kind}_p95_ms"] = figure(
                    q["p95_ms"], "ms", q.get("bare_p95_ms")
                )
                if "count_p95_ms" in q:  # the total, counted after the page
                    figures[f"search_{size}_{prefix}{kind}_count_p95_ms"] = figure(
                        q["count_p95_ms"], "ms"
                    )
    archives = {size: Path(measured["archive"]) for size, measured in result["sizes"].items()}
    return figures, archives


def exporting(quick: bool) -> Figures:
    args = ["--rounds", "2", "--reports", "10"] if quick else ["--rounds", "5", "--reports", "50"]
    result = run("export_bench.py", *args)
    release, bulletin = result["press_release"], result["bulletin"]
    return {
        "export_press_release_ms": figure(release["layout_ms"], "ms", release["bare_ms"]),
        f"export_bulletin_{bulletin['reports']}_reports_ms": figure(
            bulletin["layout_ms"], "ms", bulletin["bare_ms"]
        ),
    }


def window(archive: Path, size: int, quick: bool) -> Figures:
    rounds = "2" if quick else "5"
    empty = run("gui_start_bench.py", "--rounds", rounds)
    big = run("gui_start_bench.py", "--rounds", rounds, "--archive", str(archive))
    typing = run("gui_search_bench.py", str(archive))
    return {
        "gui_start_ms": figure(empty["start_ms"], "ms", empty["bare_start_ms"]),
        f"gui_start_{size}_ms": figure(big["start_ms"], "ms", big["bare_start_ms"]),
        f"gui_window_rss_{size}_mb": figure(big["rss_mb"], "MB", big["bare_rss_mb"]),
        f"gui_typing_3_words_{size}_longest_stall_ms": figure(typing["longest_stall_ms"], "ms"),
        f"gui_typing_3_words_{size}_results_after_last_key_ms": figure(
            typing["last_key_to_results_ms"], "ms"
        ),
    }


def run_all(quick: bool) -> Figures:
    """Every figure, by name."""
    started = time.perf_counter()
    sizes = [1000] if quick else [1000, 10000, 100000]
    figures: Figures = {}
    figures |= extraction(quick)
    figures |= importing(quick)
    search_figures, archives = searching(sizes, quick)
    figures |= search_figures
    figures |= exporting(quick)
    biggest = max(sizes)
    figures |= window(archives[str(biggest)], biggest, quick)
    figures["run_all_seconds"] = figure(round(time.perf_counter() - started, 1), "s")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="1,000 reports, fewer rounds")
    parser.add_argument("--json", action="store_true", help="print JSON (the only output)")
    parser.add_argument("--save", type=Path, help="also write the JSON to this file")
    args = parser.parse_args()
    print(
        f"[run_all] Python {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"{platform.platform()}",
        file=sys.stderr,
    )
    result = run_all(args.quick)
    text = json.dumps(result, ensure_ascii=False, indent=1)
    if args.save:
        args.save.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
