"""``build_report`` never raises and its offsets always slice ``report.text`` exactly; the
analysis built on it never raises and points inside the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.properties.strategies import line, lines
from workbench.core.analysis import analyse
from workbench.core.models import BLOCK_KINDS, Imported, RawBlock, Report
from workbench.core.structure import build_report

FLOWING = ("text", "markdown", "pdf")
STRUCTURED = ("docx", "html")
HINTS = (None, None, "heading", "title", "caption", "list_item", "paragraph", "image", "odd")

raw_blocks = st.lists(
    st.builds(RawBlock, line(), st.sampled_from(HINTS)),
    max_size=25,
)
front_matter = st.sampled_from(
    (
        [],
        ["---", "title: Hội nghị tổng kết", "date: 2023-09-07", "---"],
        ["---", "title: ", "date: không phải ngày", "---"],
        ["---", "---"],
        ["---"],
        ["+++", 'title = "x"', "+++"],
    )
)
header = st.lists(
    st.sampled_from(
        (
            "05:59 07/09/2023",
            "Tác giả: Đang cập nhật",
            "Theo: dukcqtw.dcs.vn",
            "Nguồn: TTXVN",
            "Trang chủ > Tin tức",
            "(Ảnh: TTXVN)",
            "Tin liên quan",
            "Từ khóa: dân vận",
            "Nơi nhận:",
            "![ảnh](anh.jpg)",
            "<p>",
        )
    ),
    max_size=4,
)


def assert_consistent(report: Report) -> None:
    text = report.text
    position = 0
    for block in report.blocks:
        assert block.kind in BLOCK_KINDS
        assert block.start == position
        assert text[block.start : block.end] == block.text
        position = block.end + 2
    assert "\n" not in (report.title or "")


def assert_analysis_inside(report: Report) -> None:
    text = report.text
    analysis = analyse(report)
    for task in analysis.key_tasks:
        # A task's offsets are those of its block(s); its text is the item without the list
        # marker's dash and with white space joined, so it lies inside that stretch.
        assert 0 <= task.start <= task.end <= len(text)
        assert " ".join(task.text.split()) in " ".join(text[task.start : task.end].split())
    spans = [s for p in analysis.people for s in p.mentions]
    spans += [s for d in analysis.documents for s in d.mentions]
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FLOWING), front_matter, header, lines, header)
def test_flowing_sources_give_exact_offsets(
    format: str, front: list[str], top: list[str], body: list[str], bottom: list[str]
) -> None:
    source = [*front, *top, *body, *bottom]
    report = build_report(Imported(format, b"", "utf-8", lines=source))
    assert_consistent(report)
    assert_analysis_inside(report)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(STRUCTURED),
    raw_blocks,
    st.dictionaries(st.sampled_from(("date", "title")), line()),
)
def test_structured_sources_give_exact_offsets(
    format: str, blocks: list[RawBlock], meta: dict[str, str]
) -> None:
    report = build_report(Imported(format, b"", None, blocks=blocks, meta=meta))
    assert_consistent(report)
    assert_analysis_inside(report)
