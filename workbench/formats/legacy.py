"""Vietnamese legacy encodings: TCVN3 (ABC), VNI-Windows, VISCII and Windows-1258.

Decoders return NFC Unicode; encoders take Unicode (any normal form) and return bytes.

* **TCVN3** is read as TCVN 5712:1993 VN1, the superset glibc calls ``TCVN5712-1``: the 74
  letters of the ABC table (``.VnTime`` fonts) plus the toned capitals in 0x01–0x17, 0x80–0x9F
  and a few unused ABC positions, and five combining tone marks in 0xB0–0xB4. Files saved
  from Word with ``.VnTime`` fonts hold Windows-1252 punctuation (“ ” – …) in 0x80–0x9F
  instead; ``c1_as_punctuation=True`` reads them so. The charset table also writes a toned
  capital as the plain capital followed by the toned small letter ("Aµ" for "À"); the decoder
  accepts these pairs (a capital vowel followed by the same vowel toned is never Vietnamese).
* **VNI-Windows** writes most letters as a base letter plus a mark byte ("Vieät"); the mark
  bytes are decoded to combining marks and composed by NFC, so a mark byte counts only where
  it follows a letter it can sit on.
* **VISCII** is a 256-entry table (RFC 1456, checked against glibc ``VISCII``).
* **Windows-1258** writes toned letters as a base letter plus a combining tone byte; Python's
  ``cp1258`` codec decodes it, :func:`encode_cp1258` encodes it.

VNI and TCVN3 text inside a .docx is Unicode text equal to the Windows-1252 reading of the
legacy bytes ("Uû ban nh©n d©n"); :func:`convert_by_font` converts such runs by font name.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from functools import cache

from workbench.core.errors import WorkbenchError
from workbench.i18n import _
from workbench.paths import resource_path

__all__ = [
    "ENCODINGS",
    "LABELS",
    "UnencodableError",
    "canonical",
    "convert_by_font",
    "decode_legacy",
    "encode_cp1258",
    "encode_legacy",
    "font_encoding",
    "legacy_safe",
    "vietnamese_letters",
]

#: The legacy encodings this module converts, by their canonical label.
ENCODINGS: tuple[str, ...] = ("tcvn3", "vni", "viscii", "cp1258")

#: Names to show the user.
LABELS = {"tcvn3": "TCVN3", "vni": "VNI-Windows", "viscii": "VISCII", "cp1258": "Windows-1258"}

_ALIASES = {
    "tcvn3": "tcvn3", "tcvn": "tcvn3", "abc": "tcvn3", "tcvn5712-1": "tcvn3",
    "tcvn-5712": "tcvn3", "vn3": "tcvn3", "vni": "vni", "vni-windows": "vni",
    "viscii": "viscii", "cp1258": "cp1258", "windows-1258": "cp1258",
}  # fmt: skip

_TONES = "\u0300\u0301\u0303\u0309\u0323"

# TCVN 5712:1993 VN1 positions the ABC table leaves out: the toned capitals and five combining
# tone marks. Source: glibc localedata/charmaps/TCVN5712-1 (tests compare all 256 bytes).
_VN1_EXTRA: dict[int, str] = {
    **dict(zip((1, 2, 4, 5, 6, *range(0x11, 0x18)), "ÚỤỪỬỮỨỰỲỶỸÝỴ", strict=True)),
    **dict(zip(range(0x80, 0xA0), "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ", strict=True)),
    **dict(zip(range(0xB0, 0xB5), "\u0300\u0309\u0303\u0301\u0323", strict=True)),
    **dict(zip(range(0xC0, 0xC6), "ẮẦẨẪẤỀ", strict=True)),
    0xAF: "Ằ", 0xBA: "Ẳ", 0xBF: "Ẵ", 0xCD: "Ể", 0xD9: "Ễ", 0xDA: "Ế", 0xDB: "Ồ", 0xE0: "Ổ",
    0xF0: "Ỗ", 0xFF: "Ố",
}  # fmt: skip

# VISCII 1.1 (RFC 1456), checked against glibc VISCII: bytes 0x80-0xFF, then the six C0 letters.
_VISCII_HIGH = (
    "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲÕắằặấầẩậẽẹếềểễệốồổỗỠƠộờởịỰỨỪỬơớƯÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳĐứÒÓÔạỷừửÙ"
    "ÚỹỵÝỡưàáâãảăữẫèéêẻìíĩỉđựòóôõỏọụùúũủýợỮ"
)
_VISCII_LOW = {0x02: "Ẳ", 0x05: "Ẵ", 0x06: "Ẫ", 0x14: "Ỷ", 0x19: "Ỹ", 0x1E: "Ỵ"}

# The charset table's VNI entries for ỷ ỹ Ỷ Ỹ ("ë", "ì", "Ë", "Ì") collide with ì/Ì and with
# the breve-dot mark; VNI writes them as y + hook / tilde mark bytes (xvnkb vni.h: "YÛ", "YÕ").
_VNI_FIXES = {"ỷ": "yû", "ỹ": "yõ", "Ỷ": "YÛ", "Ỹ": "YÕ"}

# ASCII stand-ins for characters a legacy encoding may lack (used by legacy_safe).
_FALLBACK = {
    "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'",
    "‛": "'", "…": "...", "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "•": "*",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u00ad": "", "\u200b": "", "\ufeff": "",
}  # fmt: skip


class UnencodableError(WorkbenchError):
    """Text holds a character the chosen legacy encoding cannot represent."""

    def __init__(self, char: str, position: int, encoding: str) -> None:
        super().__init__(
            _(
                "{encoding} cannot represent {char} (U+{code}), found at position {position} "
                "of the text."
            ).format(
                encoding=LABELS.get(encoding, encoding),
                char=unicodedata.name(char, _("a character")),
                code=f"{ord(char):04X}",
                position=position,
            )
        )
        self.char, self.position, self.encoding = char, position, encoding


def canonical(encoding: str) -> str:
    """The canonical label of ``encoding`` ("TCVN3", "ABC", "VNI-Windows" …).

    Raises ValueError for an encoding this module does not handle.
    """
    try:
        return _ALIASES[encoding.strip().lower().replace("_", "-")]
    except KeyError:
        raise ValueError(f"Unknown legacy encoding: {encoding!r}.") from None


# --- the Windows-1252 reading of bytes -------------------------------------------------------


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81 0x8D 0x8F 0x90 0x9D: read as the C1 control
        return chr(byte)


_READING = "".join(_cp1252_char(b) for b in range(256))
_BYTES_TO_READING = {b: _READING[b] for b in range(0x80, 0xA0)}
_READING_TO_BYTES = {ord(_READING[b]): b for b in range(0x80, 0xA0)}


def _reading(data: bytes) -> str:
    return data.decode("latin-1").translate(_BYTES_TO_READING)


# --- tables ----------------------------------------------------------------------------------


@cache
def _rows() -> tuple[tuple[str, str, str], ...]:
    """(unicode, vni reading, tcvn3 reading) for the 134 letters of the shared charset table."""
    path = resource_path("data", "vietnamese-legacy-charsets.json")
    rows = json.loads(path.read_text(encoding="utf-8"))["rows"]
    out = []
    for uni, vni, tcvn, _viqr in rows:
        uni = unicodedata.normalize("NFC", uni)
        out.append((uni, _VNI_FIXES.get(uni, vni), tcvn))
    return tuple(out)


def vietnamese_letters() -> str:
    """The 134 Vietnamese letters with marks (67 small, 67 capital) of the charset table."""
    return "".join(row[0] for row in _rows())


@cache
def _tcvn3_bytes() -> dict[int, str]:
    """Byte → Unicode for all 256 TCVN3/VN1 bytes."""
    table = {b: chr(b) for b in range(256)}
    for uni, _vni, tcvn in _rows():
        if len(tcvn) == 1:
            table[tcvn.encode("cp1252")[0]] = uni
    table.update(_VN1_EXTRA)
    return table


@cache
def _tcvn3_decode_table(c1_as_punctuation: bool) -> dict[int, str]:
    table = {}
    for byte, uni in _tcvn3_bytes().items():
        if c1_as_punctuation and ord(_READING[byte]) > 0xFF:
            continue  # keep “ ” – … as Windows-1252 has them
        if uni != _READING[byte]:
            table[ord(_READING[byte])] = uni
    return table


@cache
def _tcvn3_pairs() -> tuple[re.Pattern[str], dict[str, str]]:
    """The table's two-character capitals, as they read after single-byte decoding."""
    singles = _tcvn3_decode_table(False)
    pairs = {tcvn.translate(singles): uni for uni, _v, tcvn in _rows() if len(tcvn) == 2}
    pattern = re.compile("|".join(map(re.escape, sorted(pairs))))
    return pattern, pairs


@cache
def _vni_decode_table() -> dict[int, str]:
    """VNI reading character → letter (single bytes) or combining marks (mark bytes)."""
    table: dict[int, str] = {}
    for uni, vni, _t in _rows():
        if len(vni) == 1:
            table[ord(vni)] = uni
    for uni, vni, _t in _rows():
        if len(vni) == 2:
            base = table.get(ord(vni[0]), vni[0])
            marks = unicodedata.normalize("NFD", uni)[len(unicodedata.normalize("NFD", base)) :]
            if table.setdefault(ord(vni[1]), marks) != marks:
                raise ValueError(f"VNI mark {vni[1]!r} has two meanings in the charset table.")
    return table


@cache
def _viscii_decode_table() -> dict[int, str]:
    return {**{0x80 + i: c for i, c in enumerate(_VISCII_HIGH)}, **_VISCII_LOW}


@cache
def _encoder(encoding: str) -> tuple[dict[int, str], re.Pattern[str]]:
    """Unicode → latin-1 string of the legacy bytes, and a pattern of what cannot be encoded."""
    letters: dict[str, bytes] = {}
    extra = ""
    if encoding == "tcvn3":
        for byte, uni in _tcvn3_bytes().items():
            if len(uni) == 1 and not uni.isascii() and unicodedata.combining(uni) == 0:
                letters[uni] = bytes([byte])
        plain = [chr(b) for b in range(128) if chr(b) == _tcvn3_bytes()[b]] + ["\xa0"]
    elif encoding == "viscii":
        letters = {uni: bytes([b]) for b, uni in _viscii_decode_table().items()}
        plain = [chr(b) for b in range(128) if b not in _VISCII_LOW]
    else:  # vni
        to_bytes = str.maketrans(_READING_TO_BYTES)
        letters = {u: v.translate(to_bytes).encode("latin-1") for u, v, _t in _rows()}
        used = {b for seq in letters.values() for b in seq}
        plain = [chr(b) for b in range(128)]
        extra = "".join(_READING[b] for b in range(128, 256) if b not in used)
    table = {ord(u): b.decode("latin-1") for u, b in letters.items() if len(u) == 1}
    table.update({ord(c): chr(_READING_TO_BYTES[ord(c)]) for c in extra if ord(c) > 0xFF})
    allowed = "".join(plain) + "".join(letters) + extra
    return table, re.compile(f"[^{re.escape(allowed)}]")


# --- public API ------------------------------------------------------------------------------


def decode_legacy(data: bytes | str, encoding: str, *, c1_as_punctuation: bool = False) -> str:
    """Decode legacy-encoded ``data`` to NFC Unicode.

    ``data`` is the bytes, or for TCVN3 and VNI the text those bytes show when read as
    Windows-1252 (a .docx run in a legacy font); characters outside that reading pass through.
    A str given for VISCII is read as Latin-1. ``c1_as_punctuation`` (TCVN3 only) reads bytes
    0x80–0x9F as Windows-1252 punctuation instead of VN1 capitals. Every byte has a meaning,
    so decoding never fails, except Windows-1258, which raises UnicodeDecodeError on its
    unassigned bytes (0x81, 0x8A, 0x8D–0x90, 0x9A, 0x9D, 0x9E) and accepts bytes only.
    Raises ValueError for an unknown encoding.
    """
    encoding = canonical(encoding)
    if encoding == "cp1258":
        if isinstance(data, str):
            raise ValueError("Windows-1258 text must be given as bytes.")
        return unicodedata.normalize("NFC", data.decode("cp1258"))
    if encoding == "viscii":
        text = data.decode("latin-1") if isinstance(data, bytes) else data
        return unicodedata.normalize("NFC", text.translate(_viscii_decode_table()))
    text = _reading(data) if isinstance(data, bytes) else data
    if encoding == "vni":
        return unicodedata.normalize("NFC", text.translate(_vni_decode_table()))
    text = text.translate(_tcvn3_decode_table(c1_as_punctuation))
    pattern, pairs = _tcvn3_pairs()
    return unicodedata.normalize("NFC", pattern.sub(lambda m: pairs[m[0]], text))


def encode_legacy(text: str, encoding: str, *, errors: str = "strict") -> bytes:
    """Encode Unicode ``text`` in TCVN3 (VN1, as glibc), VNI-Windows, VISCII or Windows-1258.

    With ``errors="strict"`` a character the encoding lacks raises :class:`UnencodableError`
    (naming it and its position); with ``errors="replace"`` it is first replaced as
    :func:`legacy_safe` does. Raises ValueError for an unknown encoding or errors value.
    """
    encoding = canonical(encoding)
    if errors not in ("strict", "replace"):
        raise ValueError(f"errors must be 'strict' or 'replace', not {errors!r}.")
    if encoding == "cp1258":
        return encode_cp1258(text, errors=errors)
    text = unicodedata.normalize("NFC", text)
    table, unencodable = _encoder(encoding)
    if errors == "replace":
        text = legacy_safe(text, encoding)
    elif bad := unencodable.search(text):
        raise UnencodableError(bad[0], bad.start(), encoding)
    return text.translate(table).encode("latin-1")


def legacy_safe(text: str, encoding: str) -> str:
    """``text`` (NFC) with every character ``encoding`` lacks replaced: typographic quotes,
    dashes, ellipsis and special spaces by ASCII equivalents, soft hyphens and zero-width
    characters removed, anything else by "?". Raises ValueError for an unknown encoding."""
    encoding = canonical(encoding)
    text = unicodedata.normalize("NFC", text)
    if encoding == "cp1258":
        return "".join(c if _cp1258_ok(c) else _fallback(c, _cp1258_ok) for c in text)
    unencodable = _encoder(encoding)[1]

    def ok(char: str) -> bool:
        return unencodable.match(char) is None

    return unencodable.sub(lambda m: _fallback(m[0], ok), text)


def _fallback(char: str, ok: Callable[[str], bool]) -> str:
    repl = _FALLBACK.get(char, "?")
    return repl if all(ok(c) for c in repl) else "?"


def _cp1258_ok(char: str) -> bool:
    return ord(char) in _cp1258_table() or _encodes(char, "cp1258")


def _encodes(char: str, codec: str) -> bool:
    try:
        char.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


@cache
def _cp1258_table() -> dict[int, str]:
    """Letters cp1258 lacks precomposed → base letter (precomposed if it can) + tone mark."""
    table = {}
    for uni in vietnamese_letters():
        if not _encodes(uni, "cp1258"):
            nfd = unicodedata.normalize("NFD", uni)
            tone = "".join(c for c in nfd if c in _TONES)
            base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))
            table[ord(uni)] = base + tone
    return table


def encode_cp1258(text: str, *, errors: str = "strict") -> bytes:
    """Encode ``text`` in Windows-1258: letters it has precomposed (â ê ô ơ ư đ ă, à á …) as one
    byte, other toned letters as the base letter plus a combining tone byte.

    Raises :class:`UnencodableError` for a character cp1258 lacks (``errors="strict"``), or
    replaces it as :func:`legacy_safe` does (``errors="replace"``).
    """
    text = unicodedata.normalize("NFC", text)
    if errors == "replace":
        text = legacy_safe(text, "cp1258")
    try:
        return text.translate(_cp1258_table()).encode("cp1258")
    except UnicodeEncodeError:
        position = next(i for i, c in enumerate(text) if not _cp1258_ok(c))
        raise UnencodableError(text[position], position, "cp1258") from None


def font_encoding(font_name: str | None) -> str | None:
    """The legacy encoding a font implies: "tcvn3" for ABC fonts (``.VnTime``, ``.VnTimeH``,
    ``.VnArial`` …), "vni" for VNI fonts (``VNI-Times`` …), None for any other font."""
    lowered = (font_name or "").strip().lower()
    if lowered.startswith(".vn"):
        return "tcvn3"
    if lowered.startswith("vni"):
        return "vni"
    return None


def convert_by_font(text: str, font_name: str | None) -> str | None:
    """Convert a .docx run written in a legacy font to NFC Unicode, or None for other fonts.

    The run's characters are the Windows-1252 reading of the legacy bytes ("Uû ban nh©n
    d©n" → "Uỷ ban nhân dân"). TCVN3 keeps Windows-1252 punctuation (“ ” – …) as it is; the
    ABC capital fonts, whose names end in "H" (``.VnTimeH``), show every letter as a capital,
    so their text is upper-cased. Adjacent runs in the same font should be joined first: a
    VNI mark byte at the start of a run cannot reach the letter at the end of the previous one.
    """
    encoding = font_encoding(font_name)
    if encoding is None:
        return None
    converted = decode_legacy(text, encoding, c1_as_punctuation=True)
    if encoding == "tcvn3" and (font_name or "").strip().endswith("H"):
        converted = unicodedata.normalize("NFC", converted.upper())
    return converted


def convert_run(text: str, font: str | None, encodings: set[str]) -> str:
    """A run of text in ``font`` as Unicode; a legacy font's label is added to ``encodings``.

    Text in an ordinary font (or with no font) comes back unchanged.
    """
    converted = convert_by_font(text, font) if font else None
    if converted is None:
        return text
    label = font_encoding(font)
    if label:
        encodings.add(label)
    return converted
