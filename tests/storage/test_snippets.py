from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.fold import strip_marks
from workbench.core.models import Span
from workbench.storage.query import parse_query
from workbench.storage.snippets import SNIPPET_CHARS, find_marks, make_snippet, matcher


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
