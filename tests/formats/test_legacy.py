"""Legacy Vietnamese encodings: the shared charset table, glibc iconv and the corpus agree."""

from __future__ import annotations

import json
import string
import unicodedata
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from workbench.formats.legacy import (
    UnencodableError,
    canonical,
    convert_by_font,
    decode_legacy,
    encode_cp1258,
    encode_legacy,
    font_encoding,
    legacy_safe,
    vietnamese_letters,
)
from workbench.paths import resource_path

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
RAW = sorted((SHARED / "corpus" / "raw").glob("*.txt"))
ROWS = json.loads(resource_path("data", "vietnamese-legacy-charsets.json").read_text("utf-8"))[
    "rows"
]
# Rows of the table whose VNI entries are wrong (they collide with ì/Ì and a mark byte).
VNI_TABLE_ERRORS = {"ỷ": "ë", "ỹ": "ì", "Ỷ": "Ë", "Ỹ": "Ì"}
LEGACY = ("tcvn3", "vni", "viscii", "cp1258")


def test_the_shared_table_and_the_resource_copy_agree():
    shared = json.loads((SHARED / "data" / "vietnamese-legacy-charsets.json").read_text("utf-8"))
    assert shared["rows"] == ROWS
    assert len(vietnamese_letters()) == len(set(vietnamese_letters())) == 134


@pytest.mark.parametrize(("unicode", "vni", "tcvn3", "_viqr"), ROWS, ids=[r[0] for r in ROWS])
def test_every_table_row_decodes_from_text_and_from_bytes(unicode, vni, tcvn3, _viqr):
    assert decode_legacy(tcvn3, "tcvn3") == unicode
    assert decode_legacy(tcvn3.encode("cp1252"), "tcvn3") == unicode
    if unicode in VNI_TABLE_ERRORS:
        assert vni == VNI_TABLE_ERRORS[unicode]
        vni = {"ỷ": "yû", "ỹ": "yõ", "Ỷ": "YÛ", "Ỹ": "YÕ"}[unicode]  # xvnkb vni.h
    assert decode_legacy(vni, "vni") == unicode
    assert decode_legacy(vni.encode("cp1252"), "vni") == unicode
    assert encode_legacy(unicode, "vni") == vni.encode("cp1252")


@pytest.mark.parametrize("letter", vietnamese_letters())
@pytest.mark.parametrize("encoding", LEGACY)
def test_every_letter_round_trips(letter, encoding):
    assert decode_legacy(encode_legacy(letter, encoding), encoding) == letter
    decomposed = unicodedata.normalize("NFD", letter)
    assert encode_legacy(decomposed, encoding) == encode_legacy(letter, encoding)


def test_examples_from_the_domain_notes():
    assert decode_legacy("Uû ban nh©n d©n", "tcvn3") == "Uỷ ban nhân dân"
    assert decode_legacy("TiÕng ViÖt", "tcvn3") == "Tiếng Việt"
    assert decode_legacy(b"\xae\xb5i truy\xd2n h\xd7nh", "tcvn3") == "đài truyền hình"
    assert decode_legacy("Tieáng Vieät", "vni") == "Tiếng Việt"
    assert decode_legacy("Ñaûng Coäng saûn", "vni") == "Đảng Cộng sản"
    assert decode_legacy(b"Vi\xaet", "viscii") == "Việt"
    assert decode_legacy(b"Vi\xea\xf2t", "cp1258") == "Việt"


def test_vni_y_with_hook_and_tilde_use_mark_bytes_not_the_table_typo():
    assert decode_legacy("quyû, kyõ, ì", "vni") == "quỷ, kỹ, ì"
    assert encode_legacy("Ỷ Ỹ ỵ", "vni") == "YÛ YÕ î".encode("cp1252")


def test_tcvn3_capitals_from_vn1_bytes_and_from_the_tables_pairs():
    assert decode_legacy(b"\x9ey ban", "tcvn3") == "Ủy ban"
    assert decode_legacy("Aµ ¢Ê ¦ø", "tcvn3") == "À Ấ Ứ"
    assert encode_legacy("ĐẢNG CỘNG SẢN", "tcvn3") == b"\xa7\x81NG C\x97NG S\x81N"


def test_tcvn3_bytes_0x80_to_0x9f_as_capitals_or_as_word_punctuation():
    data = b"\x93U\xfb ban\x94 \x96 \x85"
    assert decode_legacy(data, "tcvn3") == "ỎUỷ banÕ Ọ Ặ"
    assert decode_legacy(data, "tcvn3", c1_as_punctuation=True) == "“Uỷ ban” – …"


@pytest.mark.parametrize(("encoding", "glibc"), [("tcvn3", "TCVN5712-1"), ("viscii", "VISCII")])
def test_all_256_bytes_decode_as_glibc_does(iconv, encoding, glibc):
    for byte in range(256):
        expected = unicodedata.normalize("NFC", iconv(bytes([byte]), glibc, "UTF-8").decode())
        assert decode_legacy(bytes([byte]), encoding) == expected, hex(byte)


@pytest.mark.parametrize("path", RAW, ids=[p.stem for p in RAW])
@pytest.mark.parametrize(("encoding", "glibc"), [("tcvn3", "TCVN5712-1"), ("viscii", "VISCII")])
def test_encoder_matches_glibc_on_the_corpus(iconv, path, encoding, glibc):
    text = legacy_safe(path.read_text(encoding="utf-8"), encoding)
    ours = encode_legacy(text, encoding)
    assert ours == iconv(text.encode(), "UTF-8", glibc)
    assert decode_legacy(ours, encoding) == text


@pytest.mark.parametrize("path", RAW, ids=[p.stem for p in RAW])
@pytest.mark.parametrize("encoding", LEGACY)
def test_corpus_round_trips(path, encoding):
    original = path.read_text(encoding="utf-8")
    text = legacy_safe(original, encoding)
    assert decode_legacy(encode_legacy(text, encoding), encoding) == text
    letters = set(vietnamese_letters() + string.ascii_letters + string.digits)
    assert [c for c in original if c in letters] == [c for c in text if c in letters]


def test_legacy_safe_replaces_only_what_the_encoding_lacks():
    text = "“Hà Nội” – 5\xa0km… a\xadb ₫ 中"
    assert legacy_safe(text, "tcvn3") == '"Hà Nội" - 5\xa0km... ab ? ?'
    assert legacy_safe(text, "viscii") == '"Hà Nội" - 5 km... ab ? ?'
    assert legacy_safe(text, "vni") == "“Hà Nội” – 5\xa0km… a\xadb ? ?"
    assert legacy_safe(text, "cp1258") == "“Hà Nội” – 5\xa0km… a\xadb ₫ ?"
    for encoding in LEGACY:
        assert legacy_safe(vietnamese_letters(), encoding) == vietnamese_letters()


@pytest.mark.parametrize("encoding", LEGACY)
def test_unencodable_characters_raise_a_clear_error_or_are_replaced(encoding):
    with pytest.raises(UnencodableError) as caught:
        encode_legacy("Hà Nội 中", encoding)
    assert caught.value.char == "中" and caught.value.position == 7
    assert "CJK UNIFIED IDEOGRAPH-4E2D" in str(caught.value)
    assert decode_legacy(encode_legacy("Hà Nội 中", encoding, errors="replace"), encoding) == (
        "Hà Nội ?"
    )


def test_vni_keeps_windows_1252_punctuation_its_fonts_do_not_use():
    assert encode_legacy("“Việt”", "vni") == b"\x93Vie\xe4t\x94"
    with pytest.raises(UnencodableError):
        encode_legacy("Señor", "vni")  # ñ is the VNI byte of đ: it would come back as "Seđor"


def test_cp1258_uses_precomposed_letters_and_combining_tones():
    assert encode_cp1258("à â ấ ệ Ỳ đ") == b"\xe0 \xe2 \xe2\xec \xea\xf2 Y\xcc \xf0"
    assert decode_legacy(encode_cp1258("Nguyễn"), "cp1258") == "Nguyễn"
    with pytest.raises(ValueError, match="bytes"):
        decode_legacy("text", "cp1258")


def test_names_of_encodings():
    assert canonical("ABC") == canonical("TCVN5712-1") == "tcvn3"
    assert canonical("VNI-Windows") == "vni" and canonical("windows_1258") == "cp1258"
    with pytest.raises(ValueError, match="Unknown legacy encoding"):
        decode_legacy(b"x", "koi8-r")
    with pytest.raises(ValueError, match="errors"):
        encode_legacy("x", "vni", errors="ignore")


@pytest.mark.parametrize(
    ("font", "encoding"),
    [(".VnTime", "tcvn3"), (".VnTimeH", "tcvn3"), (" .VnArial Narrow", "tcvn3"),
     ("VNI-Times", "vni"), ("VNI-Helve-Condense", "vni"), ("Times New Roman", None),
     ("Arial", None), ("", None), (None, None)],
)  # fmt: skip
def test_font_encoding(font, encoding):
    assert font_encoding(font) == encoding


def test_convert_by_font():
    assert convert_by_font("Uû ban nh©n d©n “tØnh”", ".VnTime") == "Uỷ ban nhân dân “tỉnh”"
    assert convert_by_font("Uû ban nh©n d©n", ".VnTimeH") == "UỶ BAN NHÂN DÂN"
    assert convert_by_font("Chuû tòch nöôùc", "VNI-Times") == "Chủ tịch nước"
    assert convert_by_font("Uû ban", "Times New Roman") is None
    assert convert_by_font("Uû ban", None) is None
    assert convert_by_font("Việt", ".VnTime") == "Việt"  # ệ is no cp1252 reading: kept


def test_viscii_text_is_read_as_latin_1():
    assert decode_legacy("Vi\xaet Nam", "viscii") == "Việt Nam"


LETTERS = vietnamese_letters() + string.ascii_letters
TEXT = st.text(alphabet=st.sampled_from([*LETTERS, " ", "\n", ",", ".", "-"]), max_size=80)


@pytest.mark.parametrize("encoding", ["vni", "viscii", "cp1258"])
@given(text=TEXT)
def test_random_text_round_trips(encoding, text):
    assert decode_legacy(encode_legacy(text, encoding), encoding) == text


# The table writes a toned capital as the capital plus the toned small letter ("Aµ" = "À"), so
# "Aà" cannot come back; such a pair never occurs in a Vietnamese word.
TCVN3_PAIRS = [
    decode_legacy(t[0], "tcvn3") + decode_legacy(t[1], "tcvn3")
    for _u, _v, t, _q in ROWS
    if len(t) > 1
]


@given(text=TEXT)
def test_random_text_round_trips_in_tcvn3(text):
    assume(not any(pair in text for pair in TCVN3_PAIRS))
    assert decode_legacy(encode_legacy(text, "tcvn3"), "tcvn3") == text
