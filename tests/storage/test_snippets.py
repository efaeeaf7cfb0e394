from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.fold import fold_letters, strip_marks
from workbench.core.models import Span
from workbench.storage.query import parse_query
from workbench.storage.snippets import (
    MAX_MARKS,
    SNIPPET_CHARS,
    Snippet,
    find_marks,
    make_snippet,
    matcher,
    snippet,
)


def marks_for(query: str, text: str) -> list[str]:
    pattern = matcher(*parse_query(query).highlight_words())
    return [text[span.start : span.end] for span in find_marks(text, pattern)]


def test_folded_words_are_found_with_their_marks() -> None:
    text = "Đảng ủy Khối, đang KHẨN trương; dạng. ĐẢNG bộ"
    assert marks_for("dang uy", text) == ["Đảng", "ủy", "đang", "dạng", "ĐẢNG"]
    assert marks_for("Đảng kh", text) == ["Đảng", "Khối", "đang", "KHẨN", "dạng", "ĐẢNG"]


def test_whole_words_only() -> None:
    assert marks_for("an ", "Ban an toàn, bạn ăn") == ["an", "ăn"]


def test_document_number_marks_each_part() -> None:
    assert marks_for("25-NQ/TW ", "Nghị quyết số 25-NQ/TW") == ["25", "NQ", "TW"]


def test_snippet_window_holds_the_densest_marks() -> None:
    text = "mở đầu " * 100 + "dân vận khéo là dân vận tốt " + "kết thúc " * 100
    pattern = matcher(*parse_query("dân vận ").highlight_words())
    snippet = make_snippet(text, find_marks(text, pattern))
    assert len(snippet.marks) == 4
    assert snippet.text == text[snippet.start : snippet.end]
    assert len(snippet.text) <= SNIPPET_CHARS + 10
    assert "[dân] [vận] khéo là [dân] [vận]" in snippet.marked()


def test_snippet_window_prefers_every_word_to_more_marks() -> None:
    text = (
        "Công tác dân vận, dân vận chính quyền và dân vận của Mặt trận. "
        + "Ở giữa là những câu khác. " * 30
        + "Phong trào “Dân vận khéo” được nhân rộng. "
        + "Cuối bài. " * 30
    )
    pattern = matcher(*parse_query("dan van kheo").highlight_words())
    snippet = make_snippet(text, find_marks(text, pattern))
    assert "[Dân] [vận] [khéo]" in snippet.marked()


def test_corpus_000_snippet_for_dan_van_kheo_opens_on_the_phrase(corpus_dir) -> None:
    """The list shows a snippet's first lines: the phrase must be there, not after a "dân"
    of "nhân dân" a line earlier."""
    text = (corpus_dir / "raw" / "000.txt").read_text(encoding="utf-8")
    for typed in ("dan van kheo", "dan van kheo "):  # the last word as a prefix, and whole
        found = snippet(text, matcher(*parse_query(typed).highlight_words()))
        assert 0 < found.marked().index("[Dân] [vận] [khéo]") <= 80


def test_snippet_stops_reading_a_snippet_past_where_the_words_first_stand_together() -> None:
    text = (
        "Dân là gốc. " * 5
        + "Phong trào dân vận khéo, dân vận giỏi, lại dân vận. "  # together, then more marks
        + "Câu khác. " * 40
        + "dân vận "  # together again, later: the first place is shown
        + "Câu cuối. " * 40
    )
    pattern = matcher(*parse_query("dân vận ").highlight_words())
    early = snippet(text, pattern)
    assert "Phong trào [dân] [vận] khéo, [dân] [vận] giỏi, lại [dân] [vận]." in early.marked()
    every = make_snippet(text, find_marks(text, pattern))  # reads the whole text
    assert every.marks == early.marks and every.start == early.start


@given(
    st.lists(
        st.sampled_from(["dân", "dân,", "vận", "Vận", "khác", "câu", "nữa.", "và"] + ["câu"] * 8),
        max_size=160,
    ),
    st.integers(min_value=80, max_value=240),
)
def test_a_snippet_marks_every_query_word_inside_it(words: list[str], width: int) -> None:
    """Read only up to where the words first stand together, a snippet still marks each
    query word of the stretch it shows (a tighter pair further on can open it later)."""
    assert_marks_inside(" ".join(words), width)


def test_a_tighter_pair_further_on_keeps_the_marks_past_the_first() -> None:
    fill = "Câu khác nữa. "
    text = "Bàn về dân, vận động. " + fill * 6 + "Phong trào dân vận khéo. " + fill * 10
    shown = assert_marks_inside(text + "Nhân dân và công tác vận động. " + fill * 20)
    assert shown.marked().endswith("Nhân [dân] và công tác [vận]")


def test_past_the_most_marks_read_a_snippet_still_marks_its_whole_stretch() -> None:
    text = "dân " * (MAX_MARKS - 10) + "dân, vận " + "x " * 50 + "dân vận " + "dân " * 80
    shown = snippet(text, matcher(*parse_query("dân vận ").highlight_words()))
    assert "[dân] [vận]" in shown.marked() and " dân " not in shown.marked()


def assert_marks_inside(text: str, width: int = SNIPPET_CHARS) -> Snippet:
    pattern = matcher(*parse_query("dân vận ").highlight_words())
    shown = snippet(text, pattern, width)
    inside = [m for m in find_marks(text, pattern) if shown.start <= m.start and m.end <= shown.end]
    assert list(shown.marks) == inside
    return shown


def test_no_marks_gives_the_opening() -> None:
    snippet = make_snippet("Một hai ba bốn năm", [], width=8)
    assert snippet.start == 0 and snippet.text == "Một hai ba" and snippet.marks == ()


@given(st.text(alphabet="dđĐaàảạăênghuủy ,.", max_size=80))
def test_every_mark_folds_to_a_query_word(text: str) -> None:
    pattern = matcher({"dang", "uy"}, None)
    for span in find_marks(text, pattern):
        assert strip_marks(text[span.start : span.end]) in {"dang", "uy"}
    snippet = make_snippet(text, find_marks(text, pattern))
    assert all(isinstance(mark, Span) for mark in snippet.marks)


def _fold_char(char: str) -> str:
    folded = fold_letters(char).lower()
    return folded if len(folded) == 1 else char


def reference_marks(text: str, words: set[str], prefix: str | None) -> list[tuple[int, int]]:
    """The definition the pattern implements: every whole word (a run of letters and digits)
    whose letters, each folded, spell a query word, or start with the prefix."""
    found = []
    for match in re.finditer(r"[^\W_]+", text):
        folded = "".join(_fold_char(char) for char in match[0])
        if folded in words or (prefix and folded.startswith(prefix)):
            found.append(match.span())
    return found[:MAX_MARKS]


VIETNAMESE = "dđĐDaàảạăâấAÀẢnNgGhuưủỦyýoôơờÔtT1_\u0301 ,.-\n"


@given(
    st.text(alphabet=VIETNAMESE, max_size=120),
    st.lists(st.text(alphabet=VIETNAMESE, min_size=1, max_size=6), max_size=4),
    st.one_of(st.none(), st.text(alphabet=VIETNAMESE, min_size=1, max_size=4)),
)
def test_marks_are_the_words_that_fold_to_the_query(
    text: str, typed: list[str], typed_prefix: str | None
) -> None:
    words = {w for word in typed for w in re.findall(r"[^\W_]+", strip_marks(word))}
    prefixes = re.findall(r"[^\W_]+", strip_marks(typed_prefix or ""))
    prefix = prefixes[0] if prefixes else None
    pattern = matcher(words, prefix)
    spans = [(span.start, span.end) for span in find_marks(text, pattern)]
    assert spans == reference_marks(text, words, prefix)
    marks = find_marks(text, pattern)
    assert snippet(text, pattern) == make_snippet(text, marks)


def test_patterns_are_compiled_once_per_query() -> None:
    assert matcher({"dang", "uy"}, "kh") is matcher({"uy", "dang"}, "kh")
    assert matcher(set(), None) is None and matcher({""}, "") is None
