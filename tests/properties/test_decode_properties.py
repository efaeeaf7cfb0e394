"""``decode_bytes`` on any bytes: text fit for the archive, or a one-line ``ImportRefused``."""

from __future__ import annotations

import codecs
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.hostile import makers as mk
from workbench.core.errors import ImportRefused
from workbench.formats.encoding import decode, decode_bytes

ENCODINGS = {"utf-8", "utf-16", "utf-32", "cp1258", "tcvn3", "vni", "viscii"}
SAMPLE = mk.report_text()

corrupted = st.builds(
    lambda data, cuts: _damage(data, cuts),
    st.sampled_from(
        (
            SAMPLE.encode("utf-8"),
            SAMPLE.encode("utf-16-le"),
            codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"),
            codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
            mk.tcvn3(mk.TCVN3_LINES[0] + "\n" + mk.TCVN3_LINES[1]),
            unicodedata.normalize("NFD", SAMPLE).encode("utf-8"),
        )
    ),
    st.lists(st.tuples(st.integers(0, 2000), st.binary(max_size=4)), max_size=6),
)


def _damage(data: bytes, cuts: list[tuple[int, bytes]]) -> bytes:
    out = bytearray(data)
    for at, junk in cuts:
        at %= max(1, len(out))
        out[at : at + len(junk)] = junk
    return bytes(out)


prefixed = st.builds(
    lambda head, body: head + body,
    st.sampled_from(
        (
            b"",
            codecs.BOM_UTF8,
            codecs.BOM_UTF16_LE,
            codecs.BOM_UTF16_BE,
            codecs.BOM_UTF32_LE,
            b"\x89PNG",
            b"%PDF-",
            b"PK\x03\x04",
        )
    ),
    st.binary(max_size=600),
)


def check(data: bytes) -> None:
    try:
        text, encoding = decode_bytes(data, "tệp.txt")
    except ImportRefused as error:
        assert "\n" not in str(error) and "tệp.txt" in str(error)
        return
    assert encoding in ENCODINGS
    assert text.strip()
    text.encode("utf-8")  # no lone surrogates
    assert unicodedata.is_normalized("NFC", text)
    assert all("\n" not in warning for warning in decode(data, "tệp.txt").warnings)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.binary(max_size=800), corrupted, prefixed))
@example(b"\xed\xa0\x80\xed\xb0\x80")  # an encoded surrogate pair (CESU-8)
@example(b"\xc0\xaf\xe0\x80\xaf")  # overlong forms
@example(codecs.BOM_UTF16_LE + b"\x00\xd8")  # a lone high surrogate in UTF-16
@example(codecs.BOM_UTF32_LE + b"\x00\x00\x11\x00")  # past U+10FFFF
@example(b"\x00")
def test_decode_bytes_gives_clean_text_or_a_one_line_refusal(data: bytes) -> None:
    check(data)
