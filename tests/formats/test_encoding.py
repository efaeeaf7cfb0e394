"""Decoding text files: every corpus report in every encoding comes back, bad input is refused."""

from __future__ import annotations

import codecs
import random
import unicodedata
from pathlib import Path

import pytest

from workbench.core.errors import ImportRefused
from workbench.formats.encoding import (
    Decoded,
    decode,
    decode_bytes,
    is_vietnamese_syllable,
    vietnamese_words,
)
from workbench.formats.legacy import encode_cp1258, encode_legacy, legacy_safe

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
RAW = sorted((SHARED / "corpus" / "raw").glob("*.txt"))
IDS = [p.stem for p in RAW]


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# name → (encoder, label); each encoder gets the corpus text, NFC as stored.
UNICODE_VARIANTS = {
    "utf-8": (lambda t: t.encode(), "utf-8"),
    "utf-8-bom": (lambda t: codecs.BOM_UTF8 + t.encode(), "utf-8"),
    "utf-8-nfd": (lambda t: nfd(t).encode(), "utf-8"),
    "utf-16-le-bom": (lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16"),
    "utf-16-be-bom": (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16"),
    "utf-16-be": (lambda t: t.encode("utf-16-be"), "utf-16"),
    "utf-16-le": (lambda t: t.encode("utf-16-le"), "utf-16"),
    "utf-16-le-nfd": (lambda t: nfd(t).encode("utf-16-le"), "utf-16"),
}


@pytest.mark.parametrize("path", RAW, ids=IDS)
@pytest.mark.parametrize("variant", UNICODE_VARIANTS)
def test_corpus_in_unicode_encodings(path, variant):
    text = path.read_text(encoding="utf-8")
    encode, label = UNICODE_VARIANTS[variant]
    assert decode_bytes(encode(text), path.name) == (text, label)


@pytest.mark.parametrize("path", RAW, ids=IDS)
@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "viscii", "cp1258"])
def test_corpus_in_legacy_encodings(path, encoding):
    text = legacy_safe(path.read_text(encoding="utf-8"), encoding)
    assert decode(encode_legacy(text, encoding), path.name) == Decoded(text, encoding)


@pytest.mark.parametrize("path", RAW, ids=IDS)
def test_corpus_in_cp1258_written_from_decomposed_text(path):
    """Python's cp1258 encoder needs decomposed input; recompose what cp1258 has whole."""
    text = legacy_safe(path.read_text(encoding="utf-8"), "cp1258")
    data = encode_cp1258(text)
    assert data == _cp1258_by_hand(text)
    assert decode_bytes(data, path.name) == (text, "cp1258")


def _cp1258_by_hand(text: str) -> bytes:
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = nfd(char)
            tones = [m for m in marks if m in "\u0300\u0301\u0303\u0309\u0323"]
            rest = [m for m in marks if m not in tones]
            out += unicodedata.normalize("NFC", base + "".join(rest)).encode("cp1258")
            out += "".join(tones).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize("path", RAW, ids=IDS)
@pytest.mark.parametrize(("glibc", "label"), [("TCVN5712-1", "tcvn3"), ("VISCII", "viscii")])
def test_corpus_converted_by_glibc_iconv(iconv, path, glibc, label):
    text = legacy_safe(path.read_text(encoding="utf-8"), label)
    data = iconv(text.encode(), "UTF-8", glibc)
    assert data == encode_legacy(text, label)
    assert decode_bytes(data, path.name) == (text, label)


def test_plain_ascii_is_utf_8():
    assert decode_bytes(b"Hello, world\r\n") == ("Hello, world\r\n", "utf-8")
    assert decode_bytes(b"a") == ("a", "utf-8")


def test_soft_hyphen_in_utf_8_is_kept():
    assert decode_bytes("Thứ tư,\u00ad các".encode()) == ("Thứ tư,\u00ad các", "utf-8")


def test_tcvn3_as_word_saves_it_keeps_curly_quotes():
    data = "“Uû ban nh©n d©n” tØnh – ®· häp…".encode("cp1252")
    assert decode_bytes(data) == ("“Uỷ ban nhân dân” tỉnh – đã họp…", "tcvn3")


@pytest.mark.parametrize(
    "text",
    ["Xin chào các bạn", "Uỷ ban nhân dân", "người", "ở", "Chủ tịch nước", "Tiếng Việt"],
)
@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "viscii", "cp1258"])
def test_short_snippets(text, encoding):
    """A few words give little evidence; frequent syllables break the ties (VISCII "người" is
    even valid UTF-8, U+07F6)."""
    assert decode_bytes(encode_legacy(text, encoding)) == (text, encoding)


@pytest.mark.parametrize(
    "data",
    [b"", b" ", b"\r\n\t  \n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")],
)
def test_empty_files_are_refused(data):
    with pytest.raises(ImportRefused, match=r"^notes\.txt is empty\.$"):
        decode(data, "notes.txt")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x00", "looks like a binary file, not text"),
        (b"Hello\x00world", "looks like a binary file, not text"),
        (random.Random(20240601).randbytes(4096), "looks like a binary file, not text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "looks like a PNG image, not text"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "looks like a PDF document, not text"),
        (b"PK\x03\x04\x14\x00\x06\x00", "looks like a ZIP archive, not text"),
        (bytes(range(1, 32)) * 20 + b"some text", "looks like a binary file, not text"),
    ],
    ids=["nul", "nul-in-text", "random", "png", "pdf", "zip", "controls"],
)
def test_binary_files_are_refused(data, message):
    with pytest.raises(ImportRefused) as caught:
        decode(data, "report.txt")
    assert str(caught.value) == f"report.txt {message}."


def test_random_high_bytes_are_in_no_known_encoding():
    noise = random.Random(7)
    data = bytes(noise.randrange(0x80, 0x100) for _ in range(4096))
    with pytest.raises(ImportRefused, match=r"^scan\.txt is in no text encoding"):
        decode(data, "scan.txt")


def test_one_non_ascii_byte_still_gives_text():
    decoded = decode(b"\xe9")
    assert len(decoded.text) == 1 and decoded.encoding in {"cp1258", "tcvn3", "vni", "viscii"}


def test_truncated_utf_16_keeps_what_is_whole_and_says_so():
    text = "Hội nghị triển khai nhiệm vụ năm 2024 🎉"
    decoded = decode((codecs.BOM_UTF16_LE + text.encode("utf-16-le"))[:-1], "a.txt")
    assert decoded.encoding == "utf-16"
    assert decoded.text == text[:-1] + "\ufffd"
    assert decoded.warnings == (
        "a.txt ends in the middle of a character; the last bytes were dropped.",
        "a.txt is not entirely valid UTF-16: bytes that could not be decoded show as � (1 in all).",
    )


def test_utf_16_that_is_garbage_is_refused():
    data = codecs.BOM_UTF16_LE + b"\x00\xd8" * 300 + b"a\x00" * 100  # lone surrogates
    with pytest.raises(ImportRefused, match=r"^x\.txt is not valid UTF-16 text\.$"):
        decode(data, "x.txt")


def test_utf_8_with_a_few_bad_bytes_is_kept_with_a_warning():
    text = RAW[0].read_text(encoding="utf-8")
    lines = text.split("\n")
    data = "\n".join(lines[:10]).encode() + b"\n\xe9\n" + "\n".join(lines[10:]).encode()
    decoded = decode(data, "000.txt")
    assert decoded.encoding == "utf-8"
    assert decoded.text == "\n".join([*lines[:10], "\ufffd", *lines[10:]])
    assert decoded.warnings == (
        "000.txt is not entirely valid UTF-8: bytes that could not be decoded show as � "
        "(1 in all, the first on line 11).",
    )


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "viscii", "cp1258"])
def test_utf_8_lines_mixed_with_legacy_lines(encoding):
    lines = RAW[0].read_text(encoding="utf-8").split("\n")
    middle = len(lines) // 2
    head, tail = "\n".join(lines[:middle]), legacy_safe("\n".join(lines[middle:]), encoding)
    decoded = decode(head.encode() + b"\n" + encode_legacy(tail, encoding), "mixed.txt")
    assert decoded.text == head + "\n" + tail
    assert decoded.encoding == "utf-8"
    (warning,) = decoded.warnings
    assert warning.startswith("mixed.txt mixes encodings:")
    assert f"the first is line {middle + 1}" in warning


def test_french_in_windows_1252_is_read_with_a_warning():
    decoded = decode("Le café était très bon, à côté de l'église.".encode("cp1252"), "fr.txt")
    assert decoded.text == "Le café était très bon, à côté de l'église."
    assert decoded.encoding == "cp1258"
    assert decoded.warnings == (
        "fr.txt is in no encoding recognised with confidence; it was read as Windows-1258. "
        "Check the Vietnamese letters.",
    )


def test_greek_and_cyrillic_utf_8_stay_utf_8():
    """Letters in U+0370–U+07FF make the decoder compare with the legacy readings (short
    VISCII snippets can be valid UTF-8); real Greek or Russian must not lose."""
    text = "Привет, мир. Ελληνικά κείμενα. Hà Nội.\n" * 3
    assert decode_bytes(text.encode()) == (text, "utf-8")


def test_utf_32_with_bom():
    text = "Đảng Cộng sản Việt Nam"
    assert decode_bytes(codecs.BOM_UTF32_LE + text.encode("utf-32-le")) == (text, "utf-32")


@pytest.mark.parametrize(
    "word",
    ["hoà", "hòa", "Quốc", "NGUYỄN", "khuya", "xoong", "người", "giữ", "quýt", "uỷ", "Ủy",
     "khuỷu", "thuở", "rượu", "huých", "oanh", "yêu", "ạ", "đường"],
)  # fmt: skip
def test_valid_syllables(word):
    assert is_vietnamese_syllable(word)


@pytest.mark.parametrize(
    "word",
    ["Tieáng", "Viờũt", "thàc", "tap", "đ", "nh©n", "hoàà", "ă", "fố", "ngưêi", "việtt", "ôà"],
)
def test_invalid_syllables(word):
    assert not is_vietnamese_syllable(word)


def test_vietnamese_words_counts_only_words_with_non_ascii_letters():
    stats = vietnamese_words("Hội nghị (HĐND) của “tỉnh” bƠn Tieáng test 2024")
    assert stats == (4, 4, 7)  # hội nghị của tỉnh are valid and frequent; HĐND bƠn Tieáng fail
