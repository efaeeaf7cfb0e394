"""Official documents a report cites: "Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Ban Chấp
hành Trung ương Đảng khóa XI", "Quyết định 58/2016/QĐ-TTg", "Chỉ thị 05".

A citation is a document kind followed (after an optional "số") by a number: a code
("25-NQ/TW", "35- NQ/TW", "30/2020/NĐ-CP") or, for the common kinds, a bare number ("Chỉ thị
05", "Nghị quyết số 39") that is not a count ("Kết luận 3 nội dung" is no document). Unnumbered
ones ("Nghị quyết Trung ương 4", "Luật BHYT") are left out. A bare number of the same kind and
leading number as a coded document refers back to it ("Nghị quyết 25" → 25-NQ/TW). The date
("ngày 03/6/2013") and issuer ("của Ban Bí thư") are read right after the number; without an
issuer in the text, the code's issuer part is looked up ("TTg" → "Thủ tướng Chính phủ").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.core.lexicon import lexicon
from workbench.core.models import DocumentRef, Span
from workbench.core.titles import extend_title, organisation_at
from workbench.core.tokens import key_of, tokenize

_KINDS = (
    "Thông báo kết luận",
    "Nghị quyết liên tịch",
    "Thông tư liên tịch",
    "Nghị quyết",
    "Nghị định",
    "Quyết định",
    "Chỉ thị",
    "Kết luận",
    "Thông tư",
    "Luật",
    "Pháp lệnh",
    "Công văn",
    "Thông báo",
    "Hướng dẫn",
    "Quy định",
    "Kế hoạch",
    "Tờ trình",
    "Báo cáo",
    "Đề án",
    "Công điện",
    "Quy chế",
    "Văn bản",
    "Lệnh",
)
_BARE_KINDS = frozenset(
    key_of(k) for k in ("Nghị quyết", "Nghị định", "Quyết định", "Chỉ thị", "Kết luận", "Thông tư")
)
_CANONICAL = {" ".join(key_of(w) for w in k.split()): k for k in _KINDS}
_CODE = r"\d{1,5}[a-z]?(?:/\d{4})?\s?[-/]\s?[A-ZĐ][A-Za-zĐđ0-9]*(?:[-/][A-Za-zĐđ0-9]+)*"
_CITATION = re.compile(
    rf"(?<![\w/])(?P<kind>{'|'.join(_KINDS)})\s+(?:số\s*:?\s*)?"
    rf"(?:(?P<code>{_CODE})|(?P<bare>\d{{1,4}})(?![\w/,.-]\d|[\w/-]))",
    re.IGNORECASE,
)
_BARE_FOLLOWERS = frozenset(
    key_of(w)
    for w in [
        "của",
        "về",
        "ngày",
        "và",
        "đã",
        "được",
        "khóa",
        "khoá",
        "nhằm",
        "trong",
        "thì",
        "là",
        "với",
        "cũng",
        "đang",
        "sẽ",
        "vẫn",
        "mà",
        "tại",
        "do",
        "đến",
        "này",
    ]
)
_DATE = re.compile(
    r"\s*,?\s*(?:ban hành\s+)?ngày\s+(?P<d>\d{1,2})(?:[/.-]|\s+tháng\s+)(?P<m>\d{1,2})"
    r"(?:[/.-]|\s+năm\s+)(?P<y>\d{4})"
)
_OF = re.compile(r"\s*,?\s*(?:của\s+)?")


@dataclass
class _Citation:
    kind: str
    number: str
    bare: bool
    span: Span
    date: str | None
    issuer: str | None


def _bare_is_number(text: str, end: int) -> bool:
    """Whether the bare number ending at ``end`` is a document number, not a count."""
    rest = text[end : end + 30]
    if not rest.strip() or not rest[0].isspace() or not rest.strip()[0].isalpha():
        return True
    return key_of(rest.split()[0]) in _BARE_FOLLOWERS


def _issuer(text: str, pos: int) -> tuple[str | None, int]:
    m = _OF.match(text, pos)
    start = m.end() if m else pos
    window = text[start : start + 160]
    tokens = tokenize(window)
    if not tokens or tokens[0].gap:
        return None, pos
    org_end = organisation_at(tokens, 0)
    capitalised = tokens[0].cap or tokens[0].upper
    if not org_end and not (capitalised and "của" in text[pos:start]):
        return None, pos
    end = extend_title(tokens, 0, len(tokens), frozenset(), 0)
    if end == org_end:  # exactly a known organisation: its proper spelling
        keys = tuple(t.key for t in tokens[:end])
        return lexicon().organisation_names[keys], start + tokens[end - 1].end
    return window[: tokens[end - 1].end], start + tokens[end - 1].end


def _date(text: str, pos: int) -> tuple[str | None, int]:
    m = _DATE.match(text, pos)
    if m is None:
        return None, pos
    day, month, year = int(m["d"]), int(m["m"]), int(m["y"])
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None, pos
    return f"{year:04d}-{month:02d}-{day:02d}", m.end()


def _code_issuer(number: str) -> str | None:
    codes = lexicon().document_codes
    tail = re.split(r"[-/]", number)[-1]
    return codes.get(tail.casefold()) or codes.get(re.sub(r"\d+$", "", tail).casefold())


def _citations(text: str) -> list[_Citation]:
    found: list[_Citation] = []
    for m in _CITATION.finditer(text):
        kind = _CANONICAL.get(" ".join(key_of(w) for w in m["kind"].split()), m["kind"])
        if m["bare"] and (
            " ".join(key_of(w) for w in kind.split()) not in _BARE_KINDS
            or not _bare_is_number(text, m.end())
        ):
            continue
        number = re.sub(r"\s+", "", m["code"] or m["bare"])
        pos = m.end()
        date, pos = _date(text, pos)
        issuer, pos = _issuer(text, pos)
        if date is None:
            date, pos = _date(text, pos)
        span = Span(m.start(), m.end())
        found.append(_Citation(kind, number, not m["code"], span, date, issuer))
    return found


def _leading(number: str) -> int:
    return int(re.match(r"\d+", number).group())


def find_documents(text: str) -> list[DocumentRef]:
    """The documents cited in ``text``, each once, with every mention, in order first cited."""
    citations = _citations(text)
    coded = [c for c in citations if not c.bare]
    docs: dict[tuple[str, str], DocumentRef] = {}
    for cit in citations:
        target = cit
        if cit.bare:
            target = next(
                (c for c in coded if c.kind == cit.kind and _leading(c.number) == int(cit.number)),
                cit,
            )
        key = (target.kind, target.number.casefold())
        doc = docs.setdefault(key, DocumentRef(target.kind, target.number))
        doc.mentions.append(cit.span)
        doc.date = doc.date or cit.date
        doc.issuer = doc.issuer or cit.issuer
    for doc in docs.values():
        if doc.issuer is None and not doc.number.isdigit():
            doc.issuer = _code_issuer(doc.number)
    return sorted(docs.values(), key=lambda d: d.mentions[0].start)
