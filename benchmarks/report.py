"""Turn a saved ``run_all.py`` result into the pictures and table of docs/performance.md.

    .venv/bin/python benchmarks/report.py docs/performance/latest.json \
        --plot docs/performance/search-latency.png --table

``--plot`` draws the p95 search latency of a few query kinds against archive size (log-log),
the workbench's as solid lines and the bare FTS5 query's as dashed lines of the same colour,
with the 30 ms target. ``--table`` prints every figure as a Markdown table. Needs matplotlib
(``pip install -e '.[bench]'``; ``make bench`` installs it).
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

KINDS = {
    "one_word": "one common word",
    "three_words": "three words",
    "no_diacritics": "typed without diacritics",
    "prefix_typing": "prefix, while typing",
    "three_words+person": "three words + person filter",
}
TARGET_MS = 30
SEARCH = re.compile(r"search_(\d+)_(.+)_p95_ms")


def search_series(figures: dict) -> dict[str, dict[int, tuple[float, float | None]]]:
    """``{kind: {size: (p95, bare p95)}}`` for the kinds in ``KINDS`` (as imported)."""
    series: dict[str, dict[int, tuple[float, float | None]]] = {kind: {} for kind in KINDS}
    for name, value in figures.items():
        match = SEARCH.fullmatch(name)
        if match and match[2] in series:
            series[match[2]][int(match[1])] = (value["value"], value["baseline"])
    return series


def plot(figures: dict, out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    fig, ax = plt.subplots(figsize=(8, 5), dpi=100)
    series = search_series(figures)
    sizes_seen = sorted({size for points in series.values() for size in points})
    for (kind, label), colour in zip(KINDS.items(), plt.get_cmap("tab10").colors, strict=False):
        points = sorted(series[kind].items())
        if not points:
            continue
        sizes = [size for size, _ in points]
        ax.plot(sizes, [p for _, (p, _b) in points], "o-", color=colour, label=label)
        bare = [(size, b) for size, (_p, b) in points if b]
        if bare:
            ax.plot(*zip(*bare, strict=True), "x--", color=colour, alpha=0.6)
    ax.axhline(TARGET_MS, color="grey", linewidth=1, label=f"target: {TARGET_MS} ms")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xticks(sizes_seen, [f"{size:,}" for size in sizes_seen])
    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _pos: f"{y:g}"))
    ax.set_xlabel("reports in the archive")
    ax.set_ylabel("p95 latency, ms (log)")
    ax.set_title(
        "Search p95: the workbench (solid, a 20-hit page with snippets)\n"
        "and the bare FTS5 query (dashed)"
    )
    ax.legend(fontsize="small")
    ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out)


def table(figures: dict) -> str:
    rows = ["| figure | value | unit | baseline | ratio |", "|---|---:|---|---:|---:|"]
    for name, f in figures.items():
        baseline = "" if f["baseline"] is None else f["baseline"]
        ratio = "" if f["ratio"] is None else f["ratio"]
        rows.append(f"| `{name}` | {f['value']} | {f['unit']} | {baseline} | {ratio} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("results", type=Path, help="JSON saved by run_all.py --save")
    parser.add_argument("--plot", type=Path, help="write the search latency plot (PNG) here")
    parser.add_argument("--table", action="store_true", help="print a Markdown table")
    args = parser.parse_args()
    figures = json.loads(args.results.read_text(encoding="utf-8"))
    if args.plot:
        plot(figures, args.plot)
    if args.table:
        print(table(figures))


if __name__ == "__main__":
    main()
