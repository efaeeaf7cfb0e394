"""Block kinds: heading, caption, list item or paragraph, decided from a block's own shape and
its neighbours; and inline enumerations ("... sau: Một là, ... Hai là, ...") split into items.

* **list_item**: opens with a list marker (``listmarks``).
* **caption**: a photo caption. It names the photo's credit ("Ảnh: T.SỸ", "(Ảnh: Kim Anh)"),
  or follows an image placeholder and is short, or it has no final punctuation and shows a
  person ("Đồng chí Nguyễn Văn Thể, ..., phát biểu kết luận hội nghị") or a scene ("Toàn cảnh
  hội nghị").
* **heading**: a short block with no final punctuation that starts with a capital letter and
  is followed by more text ("Tạo chuyển biến trong nhận thức và hành động về công tác dân vận").
* **paragraph**: everything else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.core.listmarks import list_marker, ordinal_value

__all__ = ["classify", "is_caption", "is_heading", "shows_person", "split_inline_list"]

HEADING_MAX_CHARS = 160
HEADING_MAX_WORDS = 25
CAPTION_MAX_CHARS = 400
CAPTION_AFTER_IMAGE_MAX_CHARS = 300

_FINAL_PUNCT = re.compile(r"[.,;:!?…](?:[\"'”’»)\]]*)$")
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’»)]*\s+\S")
_PHOTO_CREDIT = re.compile(
    r"(?:^|[\s.(\-–])(?:ảnh|photo|nguồn ảnh|ảnh minh họa|ảnh minh hoạ)\s*:\s*\S"
    r"|\(\s*ảnh\s*:[^)]*\)\s*$|ảnh minh h[oọ]ạ?\s*\.?$",
    re.IGNORECASE,
)
_SCENE = re.compile(
    r"^(?:toàn cảnh|quang cảnh|cảnh|các đại biểu|đại biểu|hình ảnh|một góc|không khí)\b",
    re.IGNORECASE,
)
_SURNAMES = (
    "Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đinh|Đoàn|Trương"
    "|Lương|Mai|Cao|Lâm|Trịnh|Tô|Hà|Tạ|Quách|Chu|Vương|Phùng|Thái|Lưu|Châu|Kiều|Triệu|Đào|Tăng"
    "|Khúc|Lại|Mạc|Nông|Thân|Tống|Từ|Giáp|Kim|La|Lã|Lò|Âu|Diệp|Doãn|Hứa|Khổng|Lục|Ông|Quan"
    "|Tôn|Văn|Viên|Y"
)
_UPPER_WORD = r"[A-ZĐÀ-ỸÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĨŨƠƯẠ-Ỹ][^\W\d_]*"
_NAME = rf"(?:{_SURNAMES})(?:\s+{_UPPER_WORD}){{1,3}}\b"
_ADDRESSED = re.compile(rf"(?:đồng chí|đ/c|ông|bà|anh|chị)\s+{_NAME}", re.IGNORECASE)
_TITLED = re.compile(
    r"(?:bí thư|chủ tịch|thủ tướng|bộ trưởng|thứ trưởng|giám đốc|trưởng ban|chủ nhiệm"
    r"|tổng biên tập|thống đốc|đại biểu|đại tá|thượng tá|trung tá|thiếu tá|tướng|viện trưởng"
    r"|hiệu trưởng|trưởng phòng|trưởng đoàn|phó|ủy viên|uỷ viên|tổng thư ký|chánh văn phòng"
    r"|thương binh|bà mẹ|cụ)\b",
    re.IGNORECASE,
)
_NAME_RE = re.compile(_NAME)
_INLINE_MARKER = re.compile(
    r"(?:^|(?<=[.:;!?…\"”’)]\s)|(?<=[.:;!?…\"”’)]\s\s))"
    r"(?=(?:Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười)\s+là\b"
    r"|Thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)(?:\s*[,:]|\s+là\b))"
)


def shows_person(text: str) -> bool:
    """Whether ``text`` names a person as captions do: a form of address or a title before a
    full name ("Đồng chí Phạm Tất Thắng", "Thứ trưởng Nguyễn Văn Sơn")."""
    if _ADDRESSED.search(text):
        return True
    title = _TITLED.search(text)
    return bool(title and _NAME_RE.search(text, title.end()))


def is_caption(text: str, *, after_image: bool = False) -> bool:
    """Whether ``text`` is a photo caption (see the module docstring)."""
    if len(text) <= CAPTION_MAX_CHARS and _PHOTO_CREDIT.search(text):
        return True
    open_end = not _FINAL_PUNCT.search(text)
    if after_image and len(text) <= CAPTION_AFTER_IMAGE_MAX_CHARS:
        one_sentence = text.endswith(".") and not _SENTENCE_BREAK.search(text)
        return open_end or one_sentence
    if not open_end or len(text) > CAPTION_MAX_CHARS or _SENTENCE_BREAK.search(text):
        return False
    return shows_person(text) or bool(_SCENE.match(text) and len(text) <= HEADING_MAX_CHARS)


def is_heading(text: str) -> bool:
    """Whether ``text`` has the shape of a section heading: short, one phrase, no final
    punctuation, starting with a capital letter or a digit."""
    return (
        len(text) <= HEADING_MAX_CHARS
        and len(text.split()) <= HEADING_MAX_WORDS
        and (text[:1].isupper() or text[:1].isdigit())
        and not _FINAL_PUNCT.search(text)
        and not _SENTENCE_BREAK.search(text)
    )


def classify(
    texts: Sequence[str], after_image: Sequence[bool], hints: Sequence[str | None]
) -> list[str]:
    """The kind of each block. A hint from the source's own structure (a Word heading style)
    wins; a heading needs some block after it, so a short last line is a paragraph."""
    kinds = []
    for index, text in enumerate(texts):
        hint = hints[index]
        if hint in ("heading", "caption", "list_item", "paragraph"):
            kinds.append(hint)
        elif list_marker(text):
            kinds.append("list_item")
        elif is_caption(text, after_image=after_image[index]):
            kinds.append("caption")
        elif index + 1 < len(texts) and is_heading(text):
            kinds.append("heading")
        else:
            kinds.append("paragraph")
    return kinds


def split_inline_list(text: str) -> list[str]:
    """``text`` cut before each item of an enumeration it holds inline: word ordinals at
    sentence starts that count 1, 2, 3 ... ("Một là", "Hai là"; "Thứ nhất,", "Thứ hai,").
    Fewer than two such items in sequence leave the text whole.
    """
    cuts: list[int] = []
    expected = 1
    for match in _INLINE_MARKER.finditer(text):
        marker = list_marker(text[match.start() :])
        value = ordinal_value(marker) if marker else None
        if value == expected:
            cuts.append(match.start())
            expected += 1
        elif value == 1 and expected > 1 and len(cuts) < 2:
            cuts, expected = [match.start()], 2
    if len(cuts) < 2:
        return [text]
    pieces = [
        text[start:end].strip() for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True)
    ]
    return [piece for piece in pieces if piece]
