from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.fold import (
    fold_key,
    fold_letters,
    fold_name,
    fold_search,
    has_marks,
    strip_marks,
    word_spans,
    words,
)
from workbench.core.text import fold_tone_style

VIETNAMESE = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
ALPHABET = VIETNAMESE + VIETNAMESE.upper() + "qkh ,.-/\n"
nfc_text = st.text(alphabet=ALPHABET, max_size=60).map(lambda s: unicodedata.normalize("NFC", s))


def test_fold_search_swaps_only_d_bar() -> None:
    assert fold_search("Đảng ủy đồng chí") == "Dảng ủy dồng chí"


def test_fold_search_normalises_nfd_input() -> None:
    nfd = unicodedata.normalize("NFD", "Thể")
    assert fold_search(nfd) == "Thể"


@given(nfc_text)
def test_fold_search_and_tone_style_keep_offsets(text: str) -> None:
    assert len(fold_search(text)) == len(text)
    assert len(fold_tone_style(text)) == len(text)
    assert len(fold_letters(text)) == len(text)


def test_tone_style_old_and_new_fold_to_one_form() -> None:
    pairs = [("hoà", "hòa"), ("khoẻ", "khỏe"), ("thuỷ", "thủy"), ("Uỷ viên", "Ủy viên")]
    for new, old in pairs:
        assert fold_tone_style(new) == old
        assert fold_tone_style(old) == old
    assert fold_tone_style("UỶ BAN") == "ỦY BAN"


def test_tone_style_leaves_other_rhymes() -> None:
    for word in ["quý", "hoàn", "hoặc", "thuế", "mùa", "khuya"]:
        assert fold_tone_style(word) == word


def test_strip_marks_folds_every_mark_and_d_bar() -> None:
    assert strip_marks("Đảng ủy Khối Nguyễn Thị Hồng") == "dang uy khoi nguyen thi hong"


@given(nfc_text)
def test_fold_letters_words_equal_strip_marks_words(text: str) -> None:
    assert words(fold_letters(text).lower()) == [strip_marks(w) for w in words(text)]


def test_fold_key_compares_case_spacing_and_tone_style() -> None:
    assert fold_key("  Uỷ viên   Trung ương ") == fold_key("ủy viên trung ương")
    assert fold_key("Nguyễn", keep_marks=False) == "nguyen"


def test_fold_name_keeps_marks_and_drops_forms_of_address() -> None:
    assert fold_name("Đồng chí Nguyễn Văn Thể") == "nguyễn văn thể"
    assert fold_name("ông Phạm Tất Thắng") == "phạm tất thắng"
    assert fold_name("Nguyễn Văn Thể") != fold_name("Nguyễn Văn Thế")
    assert fold_name("Nguyễn Văn Thể", keep_marks=False) == "nguyen van the"


def test_word_spans_split_like_unicode61() -> None:
    text = "Số 25-NQ/TW, e-mail"
    assert [text[s:e] for s, e in word_spans(text)] == ["Số", "25", "NQ", "TW", "e", "mail"]


def test_has_marks() -> None:
    assert has_marks("Đảng") and has_marks("đang") and has_marks("ủy")
    assert not has_marks("dang") and not has_marks("DANG UY") and not has_marks("25-NQ")
