"""Titles of office: where they start, where they end, and when two spellings are one title.

A title starts with a head from ``titles.json`` ("Phó Bí thư", "Thứ trưởng", "Trung tướng"),
optionally after a modifier ("nguyên"), and goes on over the organisation that follows: capitalised
words and abbreviations ("Đảng ủy Khối", "UBND TP"), a known organisation read whole ("Bộ Văn
hóa, Thể thao và Du lịch"), the lower-case syllable of a capitalised word ("Tài chính"), and the
lower-case words listed in ``titles.json`` ("các cơ quan", "tỉnh", "thường trực"). It stops at
punctuation, at a name, at a speech verb and at the small words that start a predicate ("đã",
"cũng", "tại", "trao").

Two titles of one person are the same when they start with the same head and the words of the
shorter, abbreviations written out, appear in order in the longer ("Ủy viên Trung ương Đảng" ⊂
"Ủy viên Ban Chấp hành Trung ương Đảng" = "Ủy viên BCH TW Đảng"); the fuller form is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from workbench.core.lexicon import Phrase, expand, lexicon
from workbench.core.speech import speech_verb_at
from workbench.core.tokens import Token, breaks_before, key_of, text_keys, tokenize

MAX_TITLE_TOKENS = 18
_STOP = frozenset(
    text_keys(
        "đã cũng đang sẽ vừa vẫn còn lại thì mới đều luôn từng được bị có là không chưa rất "
        "với tại trong về để khi đến từ cho theo trao tặng thăm dự làm giao dẫn nói hỏi đi tới "
        "ra vào lên xuống này đó kia ấy nay thay cùng như mà nhưng hoặc nên vì do bởi nếu sau "
        "trước ngày sáng chiều tối năm tháng ông bà anh chị chủ tổ ký phát chỉ khai bế chứng "
        "tiếp đón gồm là"
    )
)
_ADDRESS = text_keys("đồng chí")
_DANGLING = frozenset(text_keys("các của và cấp"))
_AND = key_of("và")


@dataclass(frozen=True)
class TitleSpan:
    """A title at tokens ``[first, last)``; ``head_end`` is where its head word(s) end."""

    first: int
    last: int
    head_end: int


def head_at(tokens: list[Token], i: int) -> int:
    """The index after the head starting at ``tokens[i]`` (modifier included), 0 if none."""
    lex = lexicon()
    start = i
    if i < len(tokens) and tokens[i].key in lex.modifiers:
        i += 1
    if i >= len(tokens):
        return 0
    for phrase in lex.heads.get(tokens[i].key, ()):
        end = i + len(phrase)
        if (
            end <= len(tokens)
            and all(tokens[i + k].key == key for k, key in enumerate(phrase))
            and all(not breaks_before(tokens[k]) for k in range(start + 1, end))
        ):
            return end
    return 0


def organisation_at(tokens: list[Token], i: int) -> int:
    """The index after the known organisation starting at ``tokens[i]``, 0 if none."""
    for phrase in lexicon().organisations.get(tokens[i].key, ()):
        end = i + len(phrase)
        if end <= len(tokens) and all(tokens[i + k].key == key for k, key in enumerate(phrase)):
            return end
    return 0


def _continues(tokens: list[Token], j: int, first: int, names: frozenset[int]) -> bool:
    token, previous = tokens[j], tokens[j - 1]
    if not token.word or token.digit or breaks_before(token) or j in names:
        return False
    if token.cap or token.upper:
        return True
    if token.key in _STOP or speech_verb_at(tokens, j):
        return False
    if tuple(t.key for t in tokens[j : j + 2]) == _ADDRESS:
        return False
    if token.key == _AND:
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        return bool(nxt and (nxt.cap or nxt.upper) and j + 1 not in names)
    if token.bare in lexicon().lowercase:
        return True
    return j - 1 >= first and capitalised_end(previous)


def capitalised_end(token: Token) -> bool:
    """Whether ``token`` is, or ends in, a capitalised word ("Tài", "UBND", "chính-Ngân")."""
    if token.cap or token.upper:
        return True
    tail = token.text.rsplit("-", 1)[-1] if token.word else ""
    return "-" in token.text and tail[:1].isupper()


def extend_title(
    tokens: list[Token], head_end: int, limit: int, names: frozenset[int], first: int
) -> int:
    """The index where the title whose head ends at ``head_end`` ends (before ``limit``)."""
    j = head_end
    while j < min(limit, len(tokens), first + MAX_TITLE_TOKENS):
        org_end = organisation_at(tokens, j) if tokens[j].word else 0
        if org_end and org_end <= limit and not names.intersection(range(j, org_end)):
            j = org_end
        elif _continues(tokens, j, first, names):
            j += 1
        else:
            break
    while j > head_end and tokens[j - 1].key in _DANGLING:
        j -= 1
    return j


def title_at(
    tokens: list[Token], i: int, names: frozenset[int], limit: int | None = None
) -> TitleSpan | None:
    """The title starting at ``tokens[i]``, or None when no head starts there."""
    head_end = head_at(tokens, i)
    if not head_end:
        return None
    end = extend_title(tokens, head_end, limit or len(tokens), names, i)
    return TitleSpan(i, end, head_end)


def span_text(text: str, tokens: list[Token], first: int, last: int) -> str:
    """The text of tokens ``[first, last)`` as written."""
    return text[tokens[first].start : tokens[last - 1].end]


_LETTERS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=4096)
def title_keys(title: str) -> Phrase:
    """Comparison keys of a title: abbreviations written out, one key per syllable."""
    keys = expand(tuple(t.key for t in tokenize(title) if t.word))
    return tuple(part for key in keys for part in _LETTERS.findall(key))


@lru_cache(maxsize=4096)
def head_keys(title: str) -> Phrase:
    """The keys of the head a title starts with (``()`` when it starts with none)."""
    tokens = [t for t in tokenize(title) if t.word]
    end = head_at(tokens, 0)
    return tuple(t.key for t in tokens[:end])


def _in_order(short: Phrase, long: Phrase) -> bool:
    it = iter(long)
    return all(key in it for key in short)


def _same_head(a: str, b: str) -> bool:
    ha, hb = head_keys(a), head_keys(b)
    k = min(len(ha), len(hb))
    return k > 0 and ha[:k] == hb[:k]


def same_title(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are spellings of one title (see the module docstring)."""
    if not _same_head(a, b):
        return False
    ka, kb = title_keys(a), title_keys(b)
    short, long = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    return _in_order(short, long)


def _fuller(a: str, b: str) -> str:
    ka, kb = title_keys(a), title_keys(b)
    if len(kb) != len(ka):
        return b if len(kb) > len(ka) else a
    return b if len(tokenize(b)) > len(tokenize(a)) else a


def merge_titles(titles: list[str]) -> list[str]:
    """``titles`` (in order first seen) with spellings of one title merged into the fullest."""
    merged: list[str] = []
    for title in titles:
        for k, kept in enumerate(merged):
            if same_title(kept, title):
                merged[k] = _fuller(kept, title)
                break
        else:
            merged.append(title)
    return merged


@lru_cache(maxsize=4096)
def _generic(mention: str, title: str) -> bool:
    """Whether the mention writes lower-case a word the title capitalises ("Giám đốc sở")."""
    skip = max(len(head_keys(mention)), len(head_keys(title)))
    words_m = [t for t in tokenize(mention) if t.word][skip:]
    words_t = [t for t in tokenize(title) if t.word][skip:]
    return any(m.lower and (t.cap or t.upper) for m, t in zip(words_m, words_t, strict=False))


def refers_to(mention: str, title: str) -> bool:
    """Whether a title used alone (``mention``) can refer to a holder of ``title``.

    True when the mention is the title or its beginning ("Thứ trưởng" → "Thứ trưởng Bộ Công
    an"), or when it adds to a title that already names an organisation ("Bí thư Thành ủy
    TP.HCM" → "Bí thư Thành ủy").
    """
    km, kt = title_keys(mention), title_keys(title)
    if not km or not _same_head(mention, title) or _generic(mention, title):
        return False
    if kt[: len(km)] == km:
        return True
    return len(kt) > len(head_keys(title)) and km[: len(kt)] == kt
