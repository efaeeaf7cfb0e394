"""Spans follow their words when the text around them is edited."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.offsets import move_item, span_mover

TEXT = "Đồng chí Nguyễn Văn Thể phát biểu. Đồng chí Phạm Tất Thắng chủ trì hội nghị."


def span_of(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


def test_a_span_moves_with_text_inserted_or_removed_before_it() -> None:
    for new in ("Hà Nội, ngày 6/9. " + TEXT, TEXT.replace("Đồng chí Nguyễn", "Nguyễn", 1)):
        move = span_mover(TEXT, new)
        start, end = move(*span_of(TEXT, "Phạm Tất Thắng"))
        assert new[start:end] == "Phạm Tất Thắng"


def test_text_inserted_at_a_span_edge_stays_outside_it() -> None:
    start, end = span_of(TEXT, "Nguyễn Văn Thể")
    new = TEXT[:start] + "ông " + TEXT[start:end] + " (Bí thư)" + TEXT[end:]
    moved = span_mover(TEXT, new)(start, end)
    assert moved is not None and new[moved[0] : moved[1]] == "Nguyễn Văn Thể"


def test_a_span_whose_words_were_replaced_is_gone_and_an_edited_inside_one_spans_the_edit() -> None:
    span = span_of(TEXT, "Phạm Tất Thắng")
    assert span_mover(TEXT, TEXT.replace("Phạm Tất Thắng", "X"))(*span) is None
    new = TEXT.replace("Phạm Tất Thắng", "Phạm Thắng")
    moved = span_mover(TEXT, new)(*span)
    assert moved is not None and new[moved[0] : moved[1]] == "Phạm Thắng"


def test_an_items_spans_are_moved_and_the_ones_edited_away_dropped() -> None:
    first, second = span_of(TEXT, "Đồng chí"), span_of(TEXT, "Đồng chí", 5)
    person = {
        "name": "Nguyễn Văn Thể",
        "mentions": [{"start": s, "end": e} for s, e in (first, second)],
    }
    new = "Chiều nay, " + TEXT.replace("Đồng chí Phạm", "Ông Phạm")
    moved = move_item(person, span_mover(TEXT, new))
    assert [new[m["start"] : m["end"]] for m in moved["mentions"]] == ["Đồng chí"]
    task = {"ordinal": 1, "text": "chủ trì", "start": second[0], "end": TEXT.index("chủ trì")}
    moved_task = move_item(task, span_mover(TEXT, new))
    assert new[moved_task["start"] : moved_task["end"]].endswith("Phạm Tất Thắng ")


def test_words_edited_all_through_a_report_leave_every_name_found(corpus_dir) -> None:
    """Corpus 000 (12,000 characters) with "công tác" made "nhiệm vụ" 36 times."""
    text = (corpus_dir / "raw" / "000.txt").read_text(encoding="utf-8")
    new = text.replace("công tác", "nhiệm vụ")
    move = span_mover(text, new)
    names = list(re.finditer(r"Nguyễn Văn Thể|Lê Quốc Minh|Phạm Tất Thắng|Nghị quyết", text))
    assert len(names) > 10
    for name in names:
        moved = move(*name.span())
        assert moved is not None and new[moved[0] : moved[1]] == name.group()
    edited = re.search("công tác", text)
    assert edited is not None and move(*edited.span()) is None  # those words are gone


WORD = st.text(alphabet="abcđ", min_size=1, max_size=4)
NEW_WORD = st.text(alphabet="xyz", min_size=1, max_size=4)  # an edit the diff cannot mistake


@given(
    st.lists(WORD, max_size=12, unique=True),  # repeated words make any diff ambiguous
    st.integers(0, 12),
    st.integers(0, 3),
    st.lists(NEW_WORD, max_size=3),
)
def test_words_outside_an_edit_keep_their_text(
    words: list[str], at: int, cut: int, inserted: list[str]
) -> None:
    """Whatever words an edit replaces, a span of the words before or after it still marks them."""
    at = min(at, len(words))
    new_words = words[:at] + inserted + words[at + cut :]
    text, new = " ".join(words), " ".join(new_words)
    move = span_mover(text, new)
    starts = [sum(len(w) + 1 for w in words[:k]) for k in range(len(words))]
    for first in range(len(words)):
        for last in range(first, len(words)):
            if last < at or first >= at + cut:  # words wholly before or after the edit
                start, end = starts[first], starts[last] + len(words[last])
                moved = move(start, end)
                assert moved is not None and new[moved[0] : moved[1]] == text[start:end]
