"""Hypothesis strategies for Vietnamese report text: words, marks, markers, whitespace, junk.

Examples are drawn mostly from the shapes real reports have (DOMAIN.md §1), with a share of
arbitrary Unicode so that nothing is assumed about the input.
"""

from __future__ import annotations

import unicodedata

from hypothesis import strategies as st

TONES = "\u0300\u0301\u0303\u0309\u0323"
VOWELS = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
TONED = "".join(unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES)

_WORD_TEXT = (
    "Hội nghị tổng kết công tác dân vận Đảng ủy Khối cơ quan Trung ương đồng chí "
    "Nguyễn Quang Trường Phó Bí thư phát biểu nhấn mạnh đề nghị hòa hoà khỏe khoẻ thủy thuỷ "
    "Ủy Uỷ quý Quý QUÝ thuế hoàn tỉnh,thành 25-NQ/TW 30/2020/NĐ-CP 03/6/2013 e-mail TP.HCM "
    '26 tập thể xuất sắc. cho biết, khẳng định: nội dung; “Dân vận khéo” "Dân vận khéo" '
    "(Ảnh: TTXVN) ./. … – — - kinh tế - xã hội thực\u00ad hiện"
)
WORDS = _WORD_TEXT.split()
MARKERS = (
    "-", "–", "—", "•", "*", "+", "1.", "2)", "a)", "đ)", "Một là,", "Hai là,", "Thứ nhất,",
    "Thứ hai,", "I.", "IV.", "#", "##", ">", "1.1.", "(1)", "25-", "NQ/TW",
)  # fmt: skip
SPACES = (" ", "  ", "\t", "\u00a0", "\u2009", "\u3000", "\u200b", "\ufeff")

vietnamese_word = st.sampled_from(WORDS)
odd_word = st.text(
    alphabet=st.sampled_from(VOWELS + TONED + TONES + "qQđĐhnt-–'’\"“”.,;:!?()/0123456789"),
    min_size=1,
    max_size=8,
)
any_word = st.text(min_size=1, max_size=6).filter(lambda w: w.strip() == w and w)


@st.composite
def line(draw: st.DrawFn) -> str:
    """One line of a report as a copy may give it: words, maybe a marker first, odd spaces."""
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return draw(st.sampled_from(("", " ", "\t", "\u00a0", "  \u200b ")))
    if kind == 1:
        return draw(st.text(max_size=40))
    words = draw(
        st.lists(
            st.one_of(vietnamese_word, vietnamese_word, odd_word, any_word), min_size=1, max_size=14
        )
    )
    if draw(st.booleans()):
        words.insert(0, draw(st.sampled_from(MARKERS)))
    glue = [draw(st.sampled_from(SPACES[:4] if draw(st.booleans()) else SPACES)) for _ in words]
    text = "".join(g + w for g, w in zip(glue, words, strict=True))
    return text + draw(st.sampled_from(("", "", " ", ".", ",", "-", "\u00ad", ":")))


lines = st.lists(line(), max_size=30)

tone_text = st.one_of(
    st.text(
        alphabet=st.sampled_from(VOWELS + TONED + TONES + "qQhHkKtTđ ,.-_1\u00a0\n"),
        max_size=40,
    ),
    st.lists(st.one_of(vietnamese_word, odd_word), max_size=10).map(" ".join),
    st.text(max_size=40),
)
