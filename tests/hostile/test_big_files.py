"""Big and explosive files: the size limit, zip bombs and memory measured in a child process.

Each file is read by ``read_report`` in a fresh ``python -c`` child that reports the growth of
its peak resident memory (``ru_maxrss`` after the read minus before it, with every reader
module already imported). The child's wall-clock limit is a hang guard only.

Figures seen when this suite was written (2 cores, Python 3.11, lxml 6.1): the refused bombs
below grew the peak by < 5 MB together; a 15 MB one-line text file took ~11 s and ~900 MB
without a budget (the test gives it 375 MB and stops it there); a
0.6 MB .docx holding one paragraph of 500,000 runs took ~130 MB in ``read_docx`` alone, against
10 MB for a normal .docx of 10,000 paragraphs (a 3.3 MB one of 2,700,000 runs: ~10 s, ~1 GB).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.hostile import makers as mk
from tests.hostile.conftest import assert_one_line, run_child
from workbench.core.errors import ImportRefused
from workbench.formats.registry import MB, reader_for
from workbench.services.importing import import_files, read_report

MEASURE = """
import json, resource, sys
from pathlib import Path
import workbench.formats.docx, workbench.formats.html, workbench.formats.pdf
import workbench.formats.text
from workbench.core.errors import WorkbenchError
from workbench.formats.registry import read_path
from workbench.services.importing import read_report

def virtual_size():
    with open("/proc/self/status") as status:
        return next(int(l.split()[1]) * 1024 for l in status if l.startswith("VmSize:"))

budget = int(sys.argv[2]) * 1024 * 1024  # 0: none; else a cap on growth (fail fast)
if budget:
    resource.setrlimit(resource.RLIMIT_AS, (virtual_size() + budget, resource.RLIM_INFINITY))
results = []
for name in sys.argv[3:]:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        if sys.argv[1] == "read":  # the format's reader alone, no cleaning or analysis
            imported = read_path(Path(name))
            result = {"outcome": "imported", "blocks": len(imported.blocks or [])}
        else:
            report = read_report(Path(name))
            words = len(((report.title or "") + " " + report.text).split())
            result = {"outcome": "imported", "words": words}
    except WorkbenchError as error:
        result = {"outcome": "refused", "message": str(error)}
    except MemoryError:
        result = {"outcome": "out of memory: the budget was exceeded"}
    result["grown_mb"] = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    results.append(result)
print(json.dumps(results))
"""


def measure(
    *paths: Path, stage: str = "report", budget_mb: int = 0, timeout: float = 120
) -> list[dict]:
    """Peak-memory growth of ``read_report`` (``stage="report"``) or of the format's reader
    alone (``"read"``) on each path, in one fresh child. With ``budget_mb`` the child's address
    space may grow by that much only (``RLIMIT_AS``): a file that needs more fails fast with
    the outcome "out of memory" instead of running to its peak."""
    args = [stage, str(budget_mb), *map(str, paths)]
    return run_child(MEASURE, *args, timeout=timeout)  # type: ignore[return-value]


def test_zip_bombs_and_entity_bombs_are_refused_with_little_memory(tmp_path: Path) -> None:
    bombs = [
        mk.write_spaces_bomb(tmp_path / "bom khoảng trắng.docx", 200),  # ratio ~1000:1
        mk.write_lying_bomb(tmp_path / "bom nói dối.docx", 200),  # headers claim 4 KB
        mk.write(tmp_path, "cười tỷ lần.docx", mk.billion_laughs_docx()),
        mk.write(tmp_path, "xxe.docx", mk.xxe_docx()),
    ]
    results = measure(*bombs)
    for path, result in zip(bombs, results, strict=True):
        assert result["outcome"] == "refused", (path.name, result)
        assert_one_line(result["message"], path.name)
    assert "zip bomb" in results[0]["message"]
    assert "damaged" in results[1]["message"]
    grown = sum(result["grown_mb"] for result in results)
    print(f"peak RSS growth over the four bombs: {grown:.1f} MB")
    assert grown < 50


@pytest.mark.slow
def test_a_docx_paragraph_of_500_000_runs_is_refused_or_read_in_bounded_memory(
    tmp_path: Path,
) -> None:
    path = mk.write_run_bomb(tmp_path / "năm trăm nghìn đoạn chạy.docx", 500_000)
    assert path.stat().st_size < 2 * MB  # a small file, under every zip check
    [result] = measure(path, stage="read")
    print(f"{path.stat().st_size / MB:.1f} MB .docx: {result}")
    assert result["outcome"] == "refused", result
    assert_one_line(result["message"], path.name)
    assert result["grown_mb"] < 64  # the cap on document.xml; streaming should stay far below


def test_a_normal_docx_of_2000_paragraphs_is_read_well_within_that_bound(tmp_path: Path) -> None:
    """The control for the test above: the bound is not tight for honest files."""
    rnd = random.Random(5)
    paragraphs = tuple(mk.random_paragraph(rnd, 40) for _ in range(2000))
    path = mk.write(tmp_path, "bình thường.docx", mk.docx_bytes(paragraphs=paragraphs))
    [result] = measure(path, stage="read")
    assert result == {"outcome": "imported", "blocks": 2001, "grown_mb": result["grown_mb"]}
    assert result["grown_mb"] < 32


def test_a_50_mb_text_file_is_refused_by_the_size_limit_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "năm mươi MB.txt"
    line = ("Hội nghị tổng kết công tác dân vận năm 2023, " * 1000).encode()
    with path.open("wb") as handle:
        for _ in range(50 * MB // len(line) + 1):
            handle.write(line)
    reader = reader_for(path)
    assert reader is not None and path.stat().st_size > reader.max_bytes
    with pytest.raises(ImportRefused) as caught:
        read_report(path)
    message = str(caught.value)
    assert_one_line(message, path.name)
    assert "too large" in message and f"{reader.max_bytes // MB} MB" in message


def test_a_50_mb_file_refused_leaves_the_archive_unchanged(tmp_path: Path, archive) -> None:
    path = tmp_path / "lớn.html"
    with path.open("wb") as handle:
        handle.truncate(50 * MB)  # the size alone decides; nothing is read
    summary = import_files(archive, [path])
    assert [failed for failed, _message in summary.failed] == [path]
    assert "too large" in summary.failed[0][1]
    assert archive.execute("SELECT count(*) FROM reports").fetchone()[0] == 0


@pytest.mark.slow
def test_a_15_mb_one_line_text_file_is_refused_or_imported_in_bounded_memory(
    tmp_path: Path,
) -> None:
    path = tmp_path / "một dòng.txt"
    unit = "Hội nghị tổng kết công tác dân vận năm 2023, "
    count = 15 * MB // len(unit.encode())
    path.write_text(unit * count, encoding="utf-8")
    budget = round(25 * path.stat().st_size / MB)  # 25 bytes of memory per byte of file
    [result] = measure(path, budget_mb=budget, timeout=180)  # a hang guard, no more
    print(f"15 MB one line, budget {budget} MB: {result}")
    assert result["outcome"] in ("refused", "imported"), result
    if result["outcome"] == "refused":
        assert_one_line(result["message"], path.name)
    else:
        assert result["words"] == count * len(unit.split())  # nothing lost
    assert result["grown_mb"] < budget
