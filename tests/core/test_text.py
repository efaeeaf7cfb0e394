"""Character-level cleaning: NFC, whitespace, quotes, tone-mark styles."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.core.text import (
    fold_tone_style,
    nfc,
    normalize_quotes,
    normalize_whitespace,
    to_new_style,
    to_old_style,
)

VIETNAMESE = "aăâeêioôơuưyđAĂÂEÊIOÔƠUƯYĐqQhHkKtTnNgG \u0300\u0301\u0303\u0309\u0323"
vietnamese_text = st.text(alphabet=st.sampled_from(VIETNAMESE), max_size=40)
# Generic text, also NFD and odd combining sequences, to look for edge cases.
any_text = st.text(max_size=40)


def test_nfc_composes_nfd_input():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Văn Thể")
    assert len(decomposed) > len("Nguyễn Văn Thể")
    assert nfc(decomposed) == "Nguyễn Văn Thể"


def test_whitespace_from_corpus_000_line():
    # raw/000.txt line 46: an NBSP after the closing quote
    line = "hình mới”,\xa0Ban Thường vụ Đảng ủy Khối cùng các cấp ủy trong toàn Đảng bộ "
    assert normalize_whitespace(line) == (
        "hình mới”, Ban Thường vụ Đảng ủy Khối cùng các cấp ủy trong toàn Đảng bộ"
    )


def test_whitespace_collapses_tabs_newlines_and_wide_spaces():
    assert normalize_whitespace("\tHà\u2003Nội \n\n  ngày\u202f6/9 ") == "Hà Nội ngày 6/9"


def test_whitespace_drops_zero_width_and_controls_but_keeps_soft_hyphen():
    # raw/012.txt: "Thứ tư,\xad các đơn vị" — the gold keeps the soft hyphen verbatim
    assert (
        normalize_whitespace("Thứ tư,\xad các\u200b đơn\ufeff vị\x07") == "Thứ tư,\xad các đơn vị"
    )


def test_whitespace_keeps_zwj():
    assert "\u200d" in normalize_whitespace("a\u200db")


def test_quotes_kept_as_written_in_000():
    # structure/000.json keeps both forms
    assert normalize_quotes('mô hình "Dân vận khéo"') == 'mô hình "Dân vận khéo"'
    assert normalize_quotes("thi đua “Dân vận khéo”") == "thi đua “Dân vận khéo”"
    assert normalize_quotes("bản sắc 'cây tre Việt Nam'") == "bản sắc 'cây tre Việt Nam'"


def test_odd_quotes_mapped():
    assert normalize_quotes("''cây tre''") == '"cây tre"'
    assert normalize_quotes("``Dân vận khéo''") == '"Dân vận khéo"'
    assert normalize_quotes("„Dân vận khéo“") == "“Dân vận khéo“"
    assert normalize_quotes("`tre`") == "'tre'"
    assert normalize_quotes("＂tre＂") == '"tre"'


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Ủy viên Trung ương Đảng", "Uỷ viên Trung ương Đảng"),  # raw/000: both occur
        ("hòa bình, hòa hiếu", "hoà bình, hoà hiếu"),  # raw/021
        ("sức khỏe cộng đồng", "sức khoẻ cộng đồng"),  # raw/009
        ("Quốc hội khóa XV", "Quốc hội khoá XV"),  # raw/020 writes "khoá"
        ("tài khóa, tiền tệ", "tài khoá, tiền tệ"),  # raw/020 has both
        ("xã Canh Hòa", "xã Canh Hoà"),  # raw/013
        ("THỦY LỢI", "THUỶ LỢI"),
    ],
)
def test_tone_style_pairs(old, new):
    assert to_new_style(old) == new
    assert to_old_style(new) == old
    assert fold_tone_style(old) == fold_tone_style(new) == old


@pytest.mark.parametrize(
    "word",
    ["hoàn thành", "quý", "quỷ", "thuế", "mùa", "hoạch định", "khuya", "Nguyễn", "chuyển", "xoăn"],
)
def test_tone_style_leaves_other_rhymes(word):
    assert to_new_style(word) == word
    assert to_old_style(word) == word


def test_tone_style_accepts_nfd_input():
    assert to_new_style(unicodedata.normalize("NFD", "Ủy ban")) == "Uỷ ban"


@given(vietnamese_text)
def test_round_trip_through_old_style(text):
    assert to_new_style(to_old_style(text)) == to_new_style(text)
    assert to_old_style(to_new_style(text)) == to_old_style(text)


@given(any_text)
def test_round_trip_any_text(text):
    assert to_new_style(to_old_style(text)) == to_new_style(text)


@given(st.one_of(vietnamese_text, any_text))
def test_styles_keep_length_after_nfc(text):
    length = len(nfc(text))
    assert len(to_new_style(text)) == length
    assert len(to_old_style(text)) == length
    assert len(fold_tone_style(text)) == length


@given(st.one_of(vietnamese_text, any_text))
def test_styles_are_idempotent_and_nfc(text):
    once = to_new_style(text)
    assert to_new_style(once) == once
    assert nfc(once) == once
    assert to_old_style(to_old_style(text)) == to_old_style(text)


@given(any_text)
def test_whitespace_is_idempotent(text):
    once = normalize_whitespace(text)
    assert normalize_whitespace(once) == once
    assert "  " not in once
    assert once == once.strip()
