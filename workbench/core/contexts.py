"""What stands around a name: titles before and after it, a form of address, a photo credit.

Vietnamese reports introduce people in a few fixed ways (DOMAIN.md §1):

* title(s) before the name: "Ủy viên Bộ Chính trị, Chủ tịch nước Nguyễn Xuân Phúc";
* title(s) after it, after a comma or a dash: "Nguyễn Văn Thể, Ủy viên Trung ương Đảng, Bí
  thư Đảng ủy Khối", "Trần Văn Chuyện - Phó Bí thư Tỉnh ủy", or in brackets "(đoàn Hải Dương)";
* a form of address: "đồng chí", "ông", "bà", "Đ/c" (not part of the name or the title);
* a group title over a list: "các Ủy viên Bộ Chính trị: Chủ tịch nước A, Thủ tướng B".

A title followed directly by another name belongs to that name ("A, Phó Thủ tướng B").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.core.names import NameSpan
from workbench.core.speech import reported_by_theo, speaks_after
from workbench.core.titles import TitleSpan, extend_title, head_at, title_at
from workbench.core.tokens import Token, breaks_before, key_of, text_keys

ADDRESS_WORDS = frozenset(text_keys("ông bà anh chị cô thầy Đ/c"))
_PLACE_WORDS = frozenset(
    text_keys("tỉnh thành phố TP huyện quận xã phường trấn thôn ấp làng đường phố sông núi đảo")
)
_FIRM_WORDS = frozenset(
    text_keys("ty TNHH CP phần đoàn HTX viện máy hàng sạn hiệu nhãn giải đài báo chí")
)
_CREDIT_WORDS = frozenset(text_keys("ảnh nguồn clip video"))
_COMRADE = text_keys("đồng chí")
_DELEGATION = key_of("đoàn")
_THE = key_of("các")
_MAX_CLAUSE = 24


@dataclass
class Occurrence:
    """One place where a name stands, with the titles and address around it."""

    name: NameSpan
    before: list[TitleSpan] = field(default_factory=list)
    after: list[TitleSpan] = field(default_factory=list)
    address: bool = False
    left: int = 0  # first token of the whole mention (address, titles, name)
    right: int = 0  # token after the mention and its titles
    credit: bool = False

    @property
    def titles(self) -> list[TitleSpan]:
        return self.before + self.after


def _opens_clause(tokens: list[Token], i: int) -> bool:
    return i == 0 or not tokens[i - 1].word or breaks_before(tokens[i])


def address_before(tokens: list[Token], i: int) -> int:
    """The index where a form of address ending just before ``tokens[i]`` starts, else ``i``.

    A capitalised "Anh", "Ông" inside a run of names ("Phạm Anh Tuấn") is no address: it must
    be lower-case or open a clause.
    """
    if i >= 2 and (tokens[i - 2].key, tokens[i - 1].key) == _COMRADE:
        start = i - 2
    elif i >= 1 and tokens[i - 1].key in ADDRESS_WORDS and tokens[i - 1].word:
        start = i - 1
    else:
        return i
    if tokens[start].lower or tokens[start].text == "đ/c" or _opens_clause(tokens, start):
        return start
    return i


def _clause_start(tokens: list[Token], q: int) -> int:
    c = q
    while c > 0 and q - c < _MAX_CLAUSE and tokens[c - 1].word and not breaks_before(tokens[c]):
        c -= 1
    return c


def _exact_title(tokens: list[Token], h: int, end: int, names: frozenset[int]) -> bool:
    head_end = head_at(tokens, h)
    return bool(head_end) and extend_title(tokens, head_end, end, names, h) == end


def titles_before(tokens: list[Token], q: int, names: frozenset[int]) -> list[TitleSpan]:
    """The chain of titles that ends right before the name starting at ``tokens[q]``."""
    c = _clause_start(tokens, q)
    found = next((h for h in range(c, q) if _exact_title(tokens, h, q, names)), None)
    if found is None and c >= 2 and tokens[c - 1].text == ",":
        # an organisation whose name holds a comma: "Bộ Văn hóa, Thể thao và Du lịch"
        wider = _clause_start(tokens, c - 1)
        found = next((h for h in range(wider, c - 1) if _exact_title(tokens, h, q, names)), None)
    if found is None:
        return []
    chain = [TitleSpan(found, q, head_at(tokens, found))]
    h = found
    while h >= 2 and tokens[h - 1].text == "," and not breaks_before(tokens[h - 1]):
        c = _clause_start(tokens, h - 1)
        if c == h - 1 or not _exact_title(tokens, c, h - 1, names):
            break
        chain.insert(0, TitleSpan(c, h - 1, head_at(tokens, c)))
        h = c
    return chain


def _bracketed(tokens: list[Token], p: int, names: frozenset[int]) -> TitleSpan | None:
    close = next((k for k in range(p + 1, min(len(tokens), p + 12)) if tokens[k].text == ")"), 0)
    if not close or close == p + 1:
        return None
    span = title_at(tokens, p + 1, names, limit=close)
    if span is not None and span.last == close:
        return span
    if tokens[p + 1].key == _DELEGATION and all(t.word for t in tokens[p + 1 : close]):
        return TitleSpan(p + 1, close, p + 2)
    return None


def titles_after(tokens: list[Token], p: int, names: frozenset[int]) -> tuple[list[TitleSpan], int]:
    """The titles after a name ending at ``tokens[p]``, and the token after the last one."""
    found: list[TitleSpan] = []
    n = len(tokens)
    while p < n and not breaks_before(tokens[p]):
        sep = tokens[p].text
        if sep == "(":
            span = _bracketed(tokens, p, names)
            if span is None:
                break
            found.append(span)
            p = span.last + 1
            continue
        if sep != "," and not (sep in "-–—" and not found):
            break
        span = title_at(tokens, p + 1, names) if p + 1 < n else None
        if span is None or span.last in names:
            break
        found.append(span)
        p = span.last
    return found, p


def is_credit(tokens: list[Token], i: int) -> bool:
    """Whether the words at ``tokens[i]`` follow "Ảnh:" or "Nguồn:" (a photo credit)."""
    for k in range(i - 1, max(-1, i - 4), -1):
        if breaks_before(tokens[k + 1]):
            return False
        if tokens[k].key in _CREDIT_WORDS and tokens[k + 1].text == ":":
            return True
    return False


def read_occurrence(tokens: list[Token], name: NameSpan, names: frozenset[int]) -> Occurrence:
    """The context of one name: titles, address, edges, credit."""
    before = titles_before(tokens, name.first, names)
    left = before[0].first if before else name.first
    address_start = address_before(tokens, left)
    after, right = titles_after(tokens, name.last, names)
    occurrence = Occurrence(name, before, after, address_start < left, address_start, right)
    occurrence.credit = is_credit(tokens, address_start)
    return occurrence


def _named_thing_before(tokens: list[Token], i: int) -> bool:
    """Whether a place or a firm's word stands right before ``tokens[i]`` ("tỉnh", "Công ty")."""
    return i > 0 and tokens[i - 1].key in _PLACE_WORDS | _FIRM_WORDS and tokens[i].gap == " "


def has_evidence(tokens: list[Token], occ: Occurrence) -> bool:
    """Whether this occurrence shows the name is a person's (title, address, speech)."""
    if occ.credit:
        return False
    if occ.name.size == 2 and _named_thing_before(tokens, occ.name.first):
        return False
    if occ.titles or occ.address:
        return True
    if occ.name.size < 3:
        return False
    return speaks_after(tokens, occ.right) or reported_by_theo(tokens, occ.left)


def group_titles(tokens: list[Token], names: frozenset[int]) -> list[tuple[TitleSpan, int, int]]:
    """Titles given to a whole list: "các Ủy viên Bộ Chính trị: A, B, C" → (title, from, to)."""
    groups: list[tuple[TitleSpan, int, int]] = []
    for i, token in enumerate(tokens[:-1]):
        if token.key != _THE:
            continue
        span = title_at(tokens, i + 1, names)
        if span is None or span.last >= len(tokens) or tokens[span.last].text != ":":
            continue
        end = span.last + 1
        while end < len(tokens) and tokens[end].text not in ".;" and not breaks_before(tokens[end]):
            end += 1
        groups.append((span, span.last + 1, end))
    return groups
