"""Turn the bytes of a text file into NFC text and name the encoding they were in.

Order of decisions (:func:`decode`):

1. Nothing but whitespace → refused as empty.
2. A byte-order mark decides: UTF-8 → "utf-8", UTF-16 LE/BE → "utf-16", UTF-32 → "utf-32".
3. A known binary signature (PNG, JPEG, GIF, PDF, ZIP, OLE) → refused as binary.
4. UTF-16 without a BOM: NUL bytes in most of one byte position and almost none in the other.
5. Any other NUL byte, or more than 10 % control bytes → refused as binary.
6. Strict UTF-8 → "utf-8" (plain ASCII included), unless it shows letters of U+0370–U+07FF
   that a short VISCII/TCVN3 snippet can form and a legacy reading is far more Vietnamese.
   If UTF-8 fails in a few places only (≥ 99 % of the non-ASCII characters valid), the bad
   bytes become U+FFFD, with a warning naming the first line. If lines that are valid UTF-8
   and hold Vietnamese letters make up ≥ 10 % of the lines with non-ASCII bytes, the file
   mixes encodings line by line: the other lines are read with the best legacy encoding
   (step 7), with a warning.
7. Otherwise each legacy candidate (Windows-1258, TCVN3 in its VN1 and its Word/ABC reading,
   VNI, VISCII) decodes a sample of the file and is scored by the share of its non-ASCII words
   that are valid Vietnamese syllables (:func:`is_vietnamese_syllable`), plus a small bonus
   for byte signatures (VNI: a mark byte right after a vowel; TCVN3: â ê ô ơ ư đ ă as single
   bytes 0xA8–0xAE, among them ® = đ and 0xAD = ư) and for very frequent syllables, which
   break ties on short texts. U+00AD is never stripped before this. Large files are scored
   on three 16 KiB windows, then decoded whole.
8. No candidate convincing → Windows-1258 with a warning if it decodes, else refused.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from workbench.core.errors import ImportRefused
from workbench.core.syllables import SYLLABLE
from workbench.formats.legacy import LABELS, decode_legacy, vietnamese_letters
from workbench.i18n import N_, _

__all__ = [
    "Decoded",
    "WordStats",
    "decode",
    "decode_bytes",
    "is_vietnamese_syllable",
    "vietnamese_words",
]


@dataclass(frozen=True)
class Decoded:
    """Decoded text (NFC), its encoding label and one-line warnings for the user."""

    text: str
    encoding: str  # "utf-8" | "utf-16" | "utf-32" | "cp1258" | "tcvn3" | "vni" | "viscii"
    warnings: tuple[str, ...] = ()


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
_MAGIC = (
    (b"\x89PNG", N_("a PNG image")), (b"\xff\xd8\xff", N_("a JPEG image")),
    (b"GIF8", N_("a GIF image")), (b"%PDF-", N_("a PDF document")),
    (b"PK\x03\x04", N_("a ZIP archive")),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", N_("an old Office document")),
)  # fmt: skip
_CONTROL = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)
_VIETNAMESE_LETTER = re.compile(
    "[\u00c0-\u00c3\u00c8-\u00ca\u00cc\u00cd\u00d2-\u00d5\u00d9\u00da\u00dd\u00e0-\u00e3"
    "\u00e8-\u00ea\u00ec\u00ed\u00f2-\u00f5\u00f9\u00fa\u00fd\u0102\u0103\u0110\u0111"
    "\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u0300\u0301\u0303\u0309\u0323"
    "\u1ea0-\u1ef9]"
)
_NON_LATIN_2BYTE = re.compile("[\u0370-\u07ff]")
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffd]")
# Legacy candidates in order of preference when scores tie: (encoding, c1_as_punctuation).
_CANDIDATES = (("cp1258", False), ("tcvn3", True), ("tcvn3", False), ("vni", False),
               ("viscii", False))  # fmt: skip
_VNI_SIGNATURE = re.compile(rb"[aeouyAEOUY\xd4\xd6\xf4\xf6][\xc0-\xc5\xc8-\xcb\xcf\xd5\xd8-\xdc"
                            rb"\xe0-\xe5\xe8-\xeb\xef\xf5\xf8-\xfc]")  # fmt: skip
_TCVN3_SIGNATURE = re.compile(rb"[\xa8-\xae]")
_C1_BYTE = re.compile(rb"[\x80-\x9f]")
_SAMPLE = 16384
_HIGH = bytes(range(0x80, 0x100))


def decode_bytes(data: bytes, name: str = "") -> tuple[str, str]:
    """(NFC text, encoding label) of ``data``; see :func:`decode`, which also gives warnings.

    Raises ImportRefused (naming ``name``) for empty, binary or undecodable data.
    """
    decoded = decode(data, name)
    return decoded.text, decoded.encoding


def decode(data: bytes, name: str = "") -> Decoded:
    """Decode the bytes of a text file following the steps in the module docstring.

    ``name`` (the file name) is used in messages. Raises ImportRefused when ``data`` is empty
    or whitespace only, looks like a binary file, or is in no encoding recognised.
    """
    label = name or _("The file")
    if not data.strip():
        raise ImportRefused(_("{name} is empty.").format(name=label))
    for bom, codec, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_unicode(data[len(bom) :], codec, encoding, label), label)
    refuse_binary(data, label, nul_is_text=True)  # signatures first: a zip is full of NULs
    if codec := _utf16_without_bom(data):
        return _checked(_unicode(data, codec, "utf-16", label), label)
    refuse_binary(data, label)
    try:
        text = _nfc(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        first_bad = error.start
    else:
        return _checked(_utf8_or_legacy(data, text, label), label)
    return _checked(_mostly_utf8(data, label, first_bad) or _legacy(data, label), label)


# --- Unicode encodings ----------------------------------------------------------------------


def _unicode(data: bytes, codec: str, encoding: str, label: str) -> Decoded:
    """Decode a UTF-8/16/32 body; a cut-off last character or bad units become warnings."""
    warnings = []
    unit = 4 if encoding == "utf-32" else 2 if encoding == "utf-16" else 1
    if len(data) % unit:
        data = data[: len(data) - len(data) % unit]
        warnings.append(
            _("{name} ends in the middle of a character; the last bytes were dropped.").format(
                name=label
            )
        )
    text = data.decode(codec, "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode(codec))
    if bad > 0.01 * max(len(text), 100):
        raise ImportRefused(
            _("{name} is not valid {encoding} text.").format(name=label, encoding=encoding.upper())
        )
    if bad:
        warnings.append(_replaced(label, bad, encoding))
    return Decoded(_nfc(text), encoding, tuple(warnings))


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when NULs fill one byte position of most characters."""
    sample = data[: min(len(data), 1 << 16) // 2 * 2]
    pairs = len(sample) // 2
    if not pairs:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= 0.3 * pairs and even <= 0.1 * odd:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= 0.1 * even:
        return "utf-16-be"
    return None


def _utf8_or_legacy(data: bytes, text: str, label: str) -> Decoded:
    """Valid UTF-8, unless it shows letters of scripts in U+0370–U+07FF (Greek to NKo, which
    short VISCII or TCVN3 snippets can form) and a legacy encoding gives far better Vietnamese."""
    utf8 = Decoded(text, "utf-8")
    if not _NON_LATIN_2BYTE.search(text, 0, 1 << 16):
        return utf8
    try:
        legacy = _legacy(data, label)
    except ImportRefused:
        return utf8
    score = _score(legacy.text, b"")
    if legacy.warnings or score < 0.7 or score < _score(text, b"") + 0.3:
        return utf8
    return legacy


def _mostly_utf8(data: bytes, label: str, first_bad: int) -> Decoded | None:
    """UTF-8 with a few bad bytes (→ U+FFFD, ≥ 99 % of the non-ASCII characters valid), or
    UTF-8 lines mixed with lines in a legacy encoding; None when the file is not UTF-8."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if non_ascii - bad >= 0.99 * non_ascii:
        line = data.count(b"\n", 0, first_bad) + 1
        where = _(
            "{name} is not entirely valid UTF-8: bytes that could not be decoded show as � "
            "({count} in all, the first on line {line})."
        ).format(name=label, count=bad, line=line)
        return Decoded(_nfc(text), "utf-8", (where,))
    lines: list[str | bytes] = []
    utf8_lines = 0
    for raw in data.split(b"\n"):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            lines.append(raw)
            continue
        lines.append(line)
        utf8_lines += bool(_VIETNAMESE_LETTER.search(line))
    legacy_lines = [line for line in lines if isinstance(line, bytes)]
    if utf8_lines < max(2, 0.1 * (utf8_lines + len(legacy_lines))):
        return None
    legacy = _legacy(b"\n".join(legacy_lines), label)
    first = next(i for i, line in enumerate(lines) if isinstance(line, bytes)) + 1
    message = _(
        "{name} mixes encodings: {count} lines are not UTF-8 and were read as {encoding}, "
        "the first is line {line}. Check them."
    ).format(name=label, count=len(legacy_lines), encoding=LABELS[legacy.encoding], line=first)
    legacy_text = iter(legacy.text.split("\n"))
    joined = "\n".join(line if isinstance(line, str) else next(legacy_text) for line in lines)
    return Decoded(_nfc(joined), "utf-8", (*legacy.warnings, message))


def _replaced(label: str, count: int, encoding: str) -> str:
    return _(
        "{name} is not entirely valid {encoding}: bytes that could not be decoded show as � "
        "({count} in all)."
    ).format(name=label, encoding=encoding.upper(), count=count)


def refuse_binary(data: bytes, name: str, *, nul_is_text: bool = False) -> None:
    """Raise ImportRefused when ``data`` is not text at all: a known binary signature (PNG,
    JPEG, GIF, PDF, ZIP, OLE), or, unless ``nul_is_text`` (UTF-16), a NUL byte or over 10 %
    control bytes."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise ImportRefused(
                _("{name} looks like {kind}, not text.").format(name=name, kind=_(kind))
            )
    if nul_is_text:
        return
    if b"\x00" in data or _control_count(data) > 0.1 * len(data):
        raise ImportRefused(_binary_message().format(name=name))


def _binary_message() -> str:
    return _("{name} looks like a binary file, not text.")


# --- legacy encodings -----------------------------------------------------------------------


def _legacy(data: bytes, label: str) -> Decoded:
    """The best-scoring legacy decoding of ``data``, or Windows-1258 with a warning."""
    sample = _sample(data)
    has_c1 = _C1_BYTE.search(sample) is not None
    ranked = []
    for rank, (encoding, c1) in enumerate(_CANDIDATES):
        if encoding == "tcvn3" and c1 and not has_c1:
            continue
        try:
            text = decode_legacy(sample, encoding, c1_as_punctuation=c1)
        except UnicodeDecodeError:
            continue
        ranked.append((_score(text, sample, encoding), -rank, encoding, c1))
    for score, _rank, encoding, c1 in sorted(ranked, reverse=True):
        if score < 0.5:
            break
        try:
            return Decoded(decode_legacy(data, encoding, c1_as_punctuation=c1), encoding)
        except UnicodeDecodeError:
            continue
    try:
        text = decode_legacy(data, "cp1258")
    except UnicodeDecodeError:
        raise ImportRefused(
            _(
                "{name} is in no text encoding the workbench can read (tried UTF-8, UTF-16, "
                "Windows-1258, TCVN3, VNI and VISCII)."
            ).format(name=label)
        ) from None
    warning = _(
        "{name} is in no encoding recognised with confidence; it was read as Windows-1258. "
        "Check the Vietnamese letters."
    ).format(name=label)
    return Decoded(text, "cp1258", (warning,))


def _score(text: str, raw: bytes, encoding: str = "") -> float:
    """Share of valid Vietnamese words (smoothed so that few words say little) plus a small
    bonus for the encoding's byte signature."""
    valid, common, counted = vietnamese_words(text)
    score = (valid + 1 + 0.25 * common) / (counted + 2)
    high = len(raw) - len(raw.translate(None, _HIGH)) if encoding else 0
    if high and encoding == "vni":
        score += 0.02 * min(1.0, len(_VNI_SIGNATURE.findall(raw)) / high)
    elif high and encoding == "tcvn3":
        score += 0.02 * min(1.0, len(_TCVN3_SIGNATURE.findall(raw)) / high)
    return score


def _sample(data: bytes) -> bytes:
    """All of small data; three windows (start, middle, end) of large data, cut at spaces."""
    if len(data) <= 4 * _SAMPLE:
        return data
    windows = []
    for start in (0, len(data) // 2, len(data) - _SAMPLE):
        window = data[start : start + _SAMPLE]
        first = window.find(b" ") + 1 if start else 0
        windows.append(window[first : window.rfind(b" ")])
    return b"\n".join(windows)


def _control_count(data: bytes) -> int:
    return len(data.translate(None, _NOT_CONTROL))


def _checked(decoded: Decoded, label: str) -> Decoded:
    """Refuse decoded text that is empty or mostly control characters."""
    text = decoded.text
    if not text.strip():
        raise ImportRefused(_("{name} is empty.").format(name=label))
    if len(_CONTROL_CHARS.findall(text, 0, 1 << 16)) > 0.1 * min(len(text), 1 << 16):
        raise ImportRefused(_binary_message().format(name=label))
    return decoded


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# --- Vietnamese syllables (DOMAIN.md §6) --------------------------------------------------------

_SHARP = "\ue001"  # acute or dot below: the only tones a syllable ending in c/ch/p/t takes
_OTHER = "\ue002"  # grave, hook above, tilde
# Words: split at whitespace and ASCII punctuation; quotes and dashes are then stripped from
# their ends only, so symbols a wrong decoding leaves inside a word ("Ỵ•Ỵ»") make it invalid.
_WORD = re.compile(r"[^\s!-/:-@\[-`{-~]+")
_EDGE_PUNCTUATION = "“”‘’„‟‚‛«»‹›…–—―•·¡¿"
# Very frequent syllables of Vietnamese news prose with a non-ASCII letter; they break ties
# between decodings that all give valid syllables ("nhân" vs "nhõn").
_COMMON_WORDS = """
    của và các có được người trong một những là không với đã này để năm về đến từ ở công nhà đó
    cũng như trên sẽ tại đồng việc nước phải hiện thể động hội đại nhiều chính phát lại quốc
    hành triển tế sự thành làm biết điều tỉnh dân nhân đầu thời tác ngày đề bộ lý mới tổ
    chức học đảng ủy uỷ tiếp thực cần ương trưởng thủ tướng phó tịch chủ địa phương xã
    hướng nghị quyết cơ sở pháp luật dụng vụ nhiệm cấp giải đạo lãnh kết quả tình hình đơn vị
    đội ngũ cán thông số trình kế hoạch cường tăng tốt đánh giá chương mục tiêu yêu cầu rõ hơn
    nhất vì nên thì mà nào ông bà chí hiệu lực phòng văn bản tư tưởng trọng tâm nhận thức hợp
    tổng kỳ khác sản xuất bảo vệ xây dựng hệ thống nội dung
"""
_COMMON = frozenset(_COMMON_WORDS.split())


@cache
def _tone_table() -> dict[int, str]:
    """Small toned letter → the letter without its tone + a tone marker."""
    table = {}
    for letter in vietnamese_letters():
        nfd = unicodedata.normalize("NFD", letter.lower())
        tones = [c for c in nfd if c in "\u0300\u0301\u0303\u0309\u0323"]
        if tones:
            base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in tones))
            table[ord(letter.lower())] = base + (_SHARP if tones[0] in "\u0301\u0323" else _OTHER)
    return table


class WordStats(NamedTuple):
    """Counts over the words of a text that hold a non-ASCII character."""

    valid: int  # valid Vietnamese syllables, written in lower case, Capitalised or ALL CAPS
    common: int  # of those, among the most frequent Vietnamese syllables
    counted: int


def vietnamese_words(text: str) -> WordStats:
    """Count the words of ``text`` (split at whitespace and punctuation) that hold a non-ASCII
    character: how many are valid Vietnamese syllables and how many are frequent ones."""
    valid = common = counted = 0
    table = _tone_table()
    for token in _WORD.findall(text):
        word = token.strip(_EDGE_PUNCTUATION)
        if word.isascii():
            continue
        counted += 1
        lower = word.lower()
        if (word[1:] == lower[1:] or word.isupper()) and _valid(lower.translate(table)):
            valid += 1
            common += lower in _COMMON
    return WordStats(valid, common, counted)


def is_vietnamese_syllable(word: str) -> bool:
    """Whether ``word`` (any case, NFC) is a possible Vietnamese syllable: onset, vowel
    nucleus and coda, at most one tone, and only a sharp or dot tone after c/ch/p/t."""
    return _valid(unicodedata.normalize("NFC", word).lower().translate(_tone_table()))


def _valid(word: str) -> bool:
    tones = word.count(_SHARP) + word.count(_OTHER)
    if tones > 1:
        return False
    match = SYLLABLE.fullmatch(word.replace(_SHARP, "").replace(_OTHER, ""))
    return bool(match) and (not match["stop"] or _SHARP in word)
