"""The benchmark report runs end to end (``run_all.py --quick``) and its figures are well formed.

Only the shape and the arithmetic are checked: speed is measured by the benchmarks, never
asserted by tests. The 1,000-report archive is built in the tests' throwaway cache folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "benchmarks"


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory) -> tuple[dict, Path]:
    saved = tmp_path_factory.mktemp("bench") / "latest.json"
    out = subprocess.run(
        [sys.executable, str(BENCH / "run_all.py"), "--quick", "--json", "--save", str(saved)],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=600,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    printed = json.loads(out.stdout)
    assert printed == json.loads(saved.read_text(encoding="utf-8"))
    return printed, saved


@pytest.mark.slow
def test_every_figure_has_a_value_unit_baseline_and_ratio(quick_run) -> None:
    figures, _saved = quick_run
    for name, f in figures.items():
        assert set(f) == {"value", "unit", "baseline", "ratio"}, name
        assert isinstance(f["value"], int | float) and f["value"] >= 0, name
        if not f["baseline"]:  # none, or a bare query rounded to 0.0 ms: no ratio to take
            assert f["ratio"] is None, name
        elif f["unit"].endswith("/s"):  # a rate: the ratio is the baseline's rate over ours
            assert f["ratio"] == pytest.approx(f["baseline"] / f["value"], abs=0.01), name
        else:
            assert f["ratio"] == pytest.approx(f["value"] / f["baseline"], abs=0.01), name


@pytest.mark.slow
def test_the_quick_run_covers_every_benchmark_with_its_baseline(quick_run) -> None:
    figures, _saved = quick_run
    with_baseline = {
        "import_files_per_s",
        "search_1000_one_word_p95_ms",
        "search_1000_three_words+person_p95_ms",
        "search_1000_no_diacritics_p95_ms",
        "export_press_release_ms",
        "export_bulletin_10_reports_ms",
        "gui_start_ms",
        "gui_start_1000_ms",
        "gui_window_rss_1000_mb",
    }
    for name in with_baseline:
        assert figures[name]["baseline"], name
    for name in (
        "extract_reports_per_s",
        "gui_import_longest_stall_ms",
        "gui_typing_3_words_1000_longest_stall_ms",
    ):
        assert figures[name]["value"] > 0, name
    assert not any("100000" in name for name in figures)  # --quick stays at 1,000 reports


@pytest.mark.slow
def test_the_report_draws_the_plot_and_the_table(quick_run, tmp_path) -> None:
    figures, saved = quick_run
    png = tmp_path / "search.png"
    out = subprocess.run(
        [sys.executable, str(BENCH / "report.py"), str(saved), "--plot", str(png), "--table"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    image = QImage(str(png))
    assert (image.width(), image.height()) == (800, 500)
    assert out.count("\n| `") == len(figures)
    assert (
        f"| `search_1000_one_word_p95_ms` | {figures['search_1000_one_word_p95_ms']['value']} |"
        in out
    )
