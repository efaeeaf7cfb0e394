"""Key tasks: the enumerated directives of a report ("Một là, ...", "Thứ nhất, ...", "1.", "–").

Markers are recognised at the start of a block and, for the spelled-out ordinals, also inside a
flattened paragraph after a sentence end ("... sau: Một là ... Hai là ..."). A list is two or
more items in order: "Một là" then "Hai là", "1." then "2.", "a)" then "b)", or dash items in
consecutive blocks (captions between items are skipped).

Not every list is a list of tasks: the sentence that introduces it decides. Its last cue word
wins: "nhiệm vụ", "giải pháp", "yêu cầu", "đề nghị", "trọng tâm" make tasks; "bài học", "kết
quả", "chính sách", "dự thảo" (lessons, achievements, the policies of a draft law) do not. With
no cue at all, the items must read as directives (most open with a directive verb).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from workbench.core.models import Block, KeyTask
from workbench.core.tokens import key_of, text_keys

_SPELLED = {
    w: n
    for n, w in enumerate(
        ["một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"], 1
    )
}
_NTH = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8}
_NTH.update({"chín": 9, "mười": 10})
_WORDS = "Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười"
_NTHS = "nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười"
_INLINE = re.compile(
    rf"(?:^|(?<=[.:;!?…”\"]\s)|(?<=[.:;!?…]\s\s))"
    rf"(?:(?P<la>(?:{_WORDS})\s+là)\b|(?P<thu>Thứ\s+(?:{_NTHS}))\b)[,:]?[\s\u00ad]*"
)
_AT_START = re.compile(r"(?P<num>\d{1,2})[.)]\s+|(?P<letter>[a-zđ])\)\s+|(?P<dash>[-–—•+*])\s+")
_EMPHASIS = re.compile(r"^[*_]+|[*_]+$")

_POSITIVE = (
    "nhiệm vụ",
    "giải pháp",
    "biện pháp",
    "yêu cầu",
    "đề nghị",
    "trọng tâm",
    "kiến nghị",
    "đề xuất",
    "chỉ đạo",
    "định hướng",
    "phương hướng",
    "công việc",
    "lưu ý",
    "cần",
    "phải",
)
_NEGATIVE = (
    "bài học",
    "kết quả",
    "thành tích",
    "thành tựu",
    "chính sách",
    "dự thảo",
    "nguyên nhân",
    "hạn chế",
    "tồn tại",
    "khó khăn",
    "ưu điểm",
    "điểm mới",
    "thách thức",
    "lý do",
)
_DIRECTIVE_VERBS = frozenset(
    text_keys(
        "tiếp tục tăng cường đẩy mạnh nâng cao tập trung chú trọng thực hiện xây dựng hoàn thiện "
        "rà soát chỉ đạo kiểm tra bảo đảm đảm bảo phát huy đổi mới quán triệt triển khai khẩn "
        "trương nghiên cứu tổ chức phối hợp quan tâm làm tốt siết chặt củng cố kiện toàn"
    )
)


@dataclass(frozen=True)
class Marker:
    """One list marker: its family, ordinal, text, where it and its item's content start."""

    family: str  # "la" | "thu" | "num" | "letter" | "dash"
    ordinal: int
    label: str
    start: int
    content: int
    block: int
    at_block_start: bool


def _inline_markers(block: Block, index: int) -> list[Marker]:
    found = []
    for m in _INLINE.finditer(block.text):
        family = "la" if m.group("la") else "thu"
        label = m.group(family)
        word = key_of(label.split()[0] if family == "la" else label.split()[-1])
        ordinal = (_SPELLED if family == "la" else _NTH).get(word, 0)
        start = block.start + m.start()
        found.append(
            Marker(family, ordinal, label, start, block.start + m.end(), index, not m.start())
        )
    return found


_LETTERS = "abcdđeghiklmn"  # Vietnamese list letters: no f, j, w, z


def _start_marker(block: Block, index: int) -> Marker | None:
    m = _AT_START.match(block.text)
    if m is None:
        return None
    family = m.lastgroup or "dash"
    value = m.group(family)
    if family == "num":
        ordinal, label = int(value), value + m.group()[len(value)]
    elif family == "letter":
        ordinal, label = _LETTERS.find(value) + 1, value + ")"
    else:
        ordinal, label = 0, value
    return Marker(family, ordinal, label, block.start, block.start + m.end(), index, True)


def find_markers(blocks: list[Block]) -> list[Marker]:
    """Every list marker of the report, in order."""
    markers: list[Marker] = []
    for index, block in enumerate(blocks):
        marker = _start_marker(block, index)
        if marker is not None:
            markers.append(marker)
        markers.extend(_inline_markers(block, index))
    return markers


def _next_block(blocks: list[Block], a: int, b: int) -> bool:
    """Whether block ``b`` follows block ``a`` with only captions between them."""
    return all(blocks[k].kind == "caption" for k in range(a + 1, b))


def _follows(prev: Marker, cur: Marker, blocks: list[Block]) -> bool:
    if cur.family != prev.family:
        return False
    if cur.family == "dash":
        return cur.block > prev.block and _next_block(blocks, prev.block, cur.block)
    if cur.ordinal != prev.ordinal + 1:
        return False
    if cur.block == prev.block:
        return True
    return cur.at_block_start and _next_block(blocks, prev.block, cur.block)


def find_lists(blocks: list[Block]) -> list[list[Marker]]:
    """Runs of two or more markers that follow each other (1, 2, 3... or dash, dash...)."""
    lists: list[list[Marker]] = []
    current: list[Marker] = []
    for marker in find_markers(blocks):
        if current and _follows(current[-1], marker, blocks):
            current.append(marker)
            continue
        if len(current) >= 2:
            lists.append(current)
        starts_list = marker.family == "dash" or marker.ordinal == 1
        current = [marker] if starts_list else []
    if len(current) >= 2:
        lists.append(current)
    return lists


SpeakerLookup = Callable[[int, int], "str | None"]
_SENTENCE_END = re.compile(r"[.!?…][\"”’)]*\s+(?=[\"“‘(]?[^\W\d_])")


def _first_sentence_end(text: str, start: int, end: int, *, quote_only: bool = False) -> int:
    """Where the first sentence after ``start`` ends (only before a quotation if asked)."""
    for m in _SENTENCE_END.finditer(text, start, end):
        opener = text[m.end()]
        if opener in '"“' or (not quote_only and opener.isupper()):
            return m.start() + 1
    return end


def _last_sentence_start(text: str, start: int, end: int) -> int:
    last = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.end() < end and text[m.end()].isupper():
            last = m.end()
    return last


def _item_spans(markers: list[Marker], blocks: list[Block], text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for k, marker in enumerate(markers):
        nxt = markers[k + 1] if k + 1 < len(markers) else None
        end = nxt.start if nxt and nxt.block == marker.block else blocks[marker.block].end
        spans.append((marker.start, len(text[:end].rstrip())))
    if len(spans) >= 2:
        start, end = spans[-1]
        longest = max(e - s for s, e in spans[:-1])
        flattened = not markers[-1].at_block_start or end - start > 2 * longest
        cut = _first_sentence_end(text, markers[-1].content, end, quote_only=not flattened)
        spans[-1] = (start, cut)
    return spans


def intro_span(markers: list[Marker], blocks: list[Block], text: str) -> tuple[int, int] | None:
    """The sentence that introduces a list: the one right before its first marker."""
    first = markers[0]
    block = blocks[first.block]
    if first.start > block.start:
        start, end = block.start, first.start
    else:
        k = first.block - 1
        while k >= 0 and blocks[k].kind == "caption":
            k -= 1
        if k < 0:
            return None
        start, end = blocks[k].start, blocks[k].end
    end = len(text[:end].rstrip())
    return _last_sentence_start(text, start, end), end


def _last_cue(keys: tuple[str, ...]) -> bool | None:
    best, verdict = -1, None
    for polarity, phrases in ((True, _CUES_POS), (False, _CUES_NEG)):
        for phrase in phrases:
            n = len(phrase)
            for i in range(len(keys) - n + 1):
                if keys[i : i + n] == phrase and i + n > best:
                    best, verdict = i + n, polarity
    return verdict


_CUES_POS = tuple(text_keys(p) for p in _POSITIVE)
_CUES_NEG = tuple(text_keys(p) for p in _NEGATIVE)


def is_task_list(intro: str | None, items: list[str]) -> bool:
    """Whether a list introduced by ``intro`` with these ``items`` is a list of directives."""
    verdict = _last_cue(text_keys(intro)) if intro else None
    if verdict is not None:
        return verdict
    openers = [text_keys(_strip_marker(item))[:1] for item in items]
    directive = sum(1 for keys in openers if keys and keys[0] in _DIRECTIVE_VERBS)
    return directive * 2 > len(items)


def _strip_marker(item: str) -> str:
    m = _INLINE.match(item)
    return item[m.end() :] if m else item


def _item_text(marker: Marker, span: tuple[int, int], text: str) -> str:
    start = span[0] if marker.family in ("la", "thu") else marker.content
    body = " ".join(text[start : span[1]].split())
    return _EMPHASIS.sub("", body).strip()


def find_tasks(
    blocks: list[Block], text: str, speaker_at: SpeakerLookup | None = None
) -> list[KeyTask]:
    """The key tasks of a report whose ``text`` is made of ``blocks``.

    ``speaker_at(start, end)`` names the person reported speaking between two offsets (the
    sentence that introduces a list); without it, tasks get no speaker.
    """
    tasks: list[KeyTask] = []
    for markers in find_lists(blocks):
        spans = _item_spans(markers, blocks, text)
        items = [_item_text(m, s, text) for m, s in zip(markers, spans, strict=True)]
        intro = intro_span(markers, blocks, text)
        if not is_task_list(text[intro[0] : intro[1]] if intro else None, items):
            continue
        speaker = speaker_at(*intro) if speaker_at and intro else None
        for k, (marker, span, item) in enumerate(zip(markers, spans, items, strict=True), 1):
            ordinal = k if marker.family == "dash" else marker.ordinal
            tasks.append(KeyTask(ordinal, marker.label, item, span[0], span[1], speaker))
    return tasks
