"""Report files for the import benchmarks: the corpus texts in turn, each made unique."""

from __future__ import annotations

from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "raw"


def make_files(folder: Path, count: int) -> list[Path]:
    """``count`` .txt files in ``folder``: corpus reports with a numbered last line."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    paths = []
    for index in range(count):
        path = folder / f"bai-{index:04d}.txt"
        path.write_text(texts[index % len(texts)] + f"\n\nBản tin số {index}.\n", "utf-8")
        paths.append(path)
    return paths
