"""Vietnamese personal names in a token list.

A name is 2-4 capitalised syllables on one line, the first a common surname ("Nguyễn Văn Thể",
"Tô Lâm"). In a longer run of capitalised words the name is the tail that starts with a surname
and has 2-4 syllables ("Hà Nội Nguyễn Đức Chung" → "Nguyễn Đức Chung"). Runs glued to a slash
("Đỗ Trưởng/TTXVN", "VGP/Quang Hiếu") are photo credits, not names. Place names that start with
a surname-like syllable ("Lâm Đồng"), historical figures ("Hồ Chí Minh") and the names of
lunar years ("Đinh Dậu") are never people.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.core.lexicon import Phrase, lexicon
from workbench.core.tokens import Token, breaks_before, text_keys, word_keys

_STEMS = frozenset(
    word_keys(w)[0]
    for w in ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"]
)
_PLACE_WORDS = frozenset(text_keys("tỉnh thành phố TP huyện quận xã phường thị trấn"))
_BRANCHES = frozenset(
    word_keys(w)[0]
    for w in [
        "Tý",
        "Sửu",
        "Dần",
        "Mão",
        "Mẹo",
        "Thìn",
        "Tỵ",
        "Tị",
        "Ngọ",
        "Mùi",
        "Thân",
        "Dậu",
        "Tuất",
        "Hợi",
    ]
)


@dataclass(frozen=True)
class NameSpan:
    """A name found at tokens ``[first, last)``."""

    first: int
    last: int
    keys: Phrase

    @property
    def size(self) -> int:
        return self.last - self.first


def _runs(tokens: list[Token]) -> list[tuple[int, int]]:
    """Maximal runs ``[i, j)`` of capitalised words joined by plain spaces on one line."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(tokens)
    while i < n:
        if not tokens[i].cap:
            i += 1
            continue
        j = i + 1
        while j < n and tokens[j].cap and _plain_space(tokens[j]):
            j += 1
        runs.append((i, j))
        i = j
    return runs


def _plain_space(token: Token) -> bool:
    return bool(token.gap) and not token.gap.strip() and not breaks_before(token)


def is_lunar_year(keys: Phrase) -> bool:
    """Whether ``keys`` name a year of the sexagenary cycle ("Đinh Dậu", "Giáp Thìn")."""
    return len(keys) == 2 and keys[0] in _STEMS and keys[1] in _BRANCHES


def is_never_a_person(keys: Phrase) -> bool:
    """Whether ``keys`` are a known place, a historical figure or a lunar year."""
    lex = lexicon()
    if keys in lex.historical or is_lunar_year(keys):
        return True
    return any(keys[: len(p)] == p for p in lex.places_by_first.get(keys[0], ()))


def _place_end(tokens: list[Token], i: int, j: int) -> int:
    """The index after a known place (or a place after "tỉnh", "huyện"...) opening the run."""
    places = lexicon().places_by_first.get(tokens[i].key, ())
    if places:
        keys = tuple(t.key for t in tokens[i:j])
        for place in places:
            if keys[: len(place)] == place:
                return i + len(place)
    if i > 0 and tokens[i - 1].key in _PLACE_WORDS and j - i > 4:
        return i + 2  # "tỉnh Lâm Đồng Trần Văn Hiệp": a place name has two syllables
    return i


def _name_in_run(tokens: list[Token], i: int, j: int) -> NameSpan | None:
    surnames = lexicon().surnames
    for k in range(_place_end(tokens, i, j), j - 1):
        if tokens[k].key not in surnames or not 2 <= j - k <= 4:
            continue
        keys = tuple(t.key for t in tokens[k:j])
        if is_never_a_person(keys):
            continue
        return NameSpan(k, j, keys)
    return None


def _glued_to_slash(tokens: list[Token], i: int, j: int) -> bool:
    before = tokens[i - 1] if i > 0 else None
    after = tokens[j] if j < len(tokens) else None
    if before is not None and before.text == "/" and not tokens[i].gap:
        return True
    if "/" in tokens[j - 1].text or "/" in tokens[i].text:
        return True
    return after is not None and after.text == "/" and not after.gap


def find_names(tokens: list[Token]) -> list[NameSpan]:
    """Every name-shaped stretch of ``tokens``, in order (not yet known to be a person)."""
    names: list[NameSpan] = []
    for i, j in _runs(tokens):
        if _glued_to_slash(tokens, i, j):
            continue
        name = _name_in_run(tokens, i, j)
        if name is not None:
            names.append(name)
    return names


def display_name(tokens: list[Token], name: NameSpan) -> str:
    """The name as written at this place in the text."""
    return " ".join(t.text for t in tokens[name.first : name.last])
