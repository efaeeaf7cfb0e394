"""Web-page debris that copies of news articles carry: navigation, counters, share buttons,
image placeholders, "related news" boxes, tag lists and teaser repeats.

Rules are about the *shape* of a line (a counter is a number and a counted noun; a tag list is
a run of short Title-Case phrases), plus one list of interface words in Vietnamese and English.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = [
    "duplicate_of_earlier",
    "is_counter",
    "is_image_marker",
    "is_junk_line",
    "is_nav_line",
    "is_page_number",
    "is_recipients",
    "is_related_header",
    "is_tag_header",
    "is_tag_like",
    "teasers",
]

_IMAGE_MARKER = re.compile(
    r"^(?:\[(?:img|image|ảnh|hình|hình ảnh|photo|picture)(?:\s*\d+)?\]|<img[^>]*>|\(ảnh\))$",
    re.IGNORECASE,
)
_INTERFACE = re.compile(
    r"^(?:rate this post|chia sẻ|chia sẻ bài viết|share|tweet|in bài(?: viết)?|in|lưu|lưu bài"
    r"|lưu tin|bình luận|gửi bình luận|ý kiến bạn đọc|xem thêm|đọc thêm|đọc tiếp|xem tiếp"
    r"|quay lại|trở về|trở lại|về đầu trang|lên đầu trang|gốc|xem gốc|bài gốc|xem bài gốc|video"
    r"|clip|podcast|infographic|emagazine|e-magazine|longform|theo dõi|follow|like|thích"
    r"|báo lỗi|print|email|e-mail|facebook|zalo|twitter|copy link|sao chép liên kết|cỡ chữ"
    r"|font size|nghe đọc bài|nghe bài viết|nghe|tải về|download|tin mới|tin nổi bật|mới nhất"
    r"|xem nhiều|đọc nhiều|quảng cáo|advertisement|loading\.*|đang tải\.*)\s*[.:]?$",
    re.IGNORECASE,
)
_COUNTER = re.compile(
    r"^\d[\d.,]*\s*[kKmM]?\s+(?:đăng lại|liên quan|bình luận|lượt xem|lượt đọc|lượt thích"
    r"|thích|chia sẻ|lượt chia sẻ|lượt nghe|views?|comments?|shares?|likes?|reads?)$",
    re.IGNORECASE,
)
_RELATED = re.compile(
    r"^(?:(?:tin|bài|bài viết|tin bài)\s+(?:liên quan|cùng chuyên mục|khác|mới hơn|cũ hơn"
    r"|đã đưa|mới)|(?:các|những)\s+(?:tin|bài)\s+khác|xem thêm|related(?: news| articles)?"
    r"|read also|có thể bạn quan tâm|bạn có thể quan tâm)\s*[:.]?$",
    re.IGNORECASE,
)
_TAGS = re.compile(r"^(?:từ khóa|từ khoá|tags?|thẻ|chủ đề|keywords?)\s*:", re.IGNORECASE)
_RECIPIENTS = re.compile(r"^nơi nhận\s*:", re.IGNORECASE)
_PAGE_NUMBER = re.compile(
    r"^(?:trang|page)?\s*[-–]?\s*\d{1,4}\s*(?:(?:/|of|trên)\s*\d{1,4})?\s*[-–]?$", re.I
)
_WORDS = re.compile(r"\S+")
_TAG_WORD = re.compile(r"^[^\W\d_][^\W_]*$")
_ELLIPSIS_TAIL = re.compile(r"[\s\-–—:]*(?:…|\.{3,})[\s\-–—]*$")
_TEASER_HEAD = re.compile(r"^(?:more|xem thêm|đọc thêm|read more)\s*", re.IGNORECASE)
# A teaser's tail must recur elsewhere: its last 80 characters, or all of a shorter tail of
# at least 40. (40 alone dropped a real paragraph of corpus 004 that ended in "trên địa
# bàn..." because "chương trình xây dựng nông thôn mới trên địa bàn" recurs in the report.)
_TEASER_PROBE = 80
_TEASER_MIN = 40


def is_image_marker(text: str) -> bool:
    """A placeholder where a photo stood: "[img]", "[ảnh]", "<img ...>"."""
    return bool(_IMAGE_MARKER.match(text.strip()))


def is_counter(text: str) -> bool:
    """A page counter: "7 đăng lại", "63 liên quan", "1.2K lượt xem"."""
    return bool(_COUNTER.match(text.strip()))


def is_junk_line(text: str) -> bool:
    """An interface word or counter standing alone ("Rate this post", "Gốc", "VIDEO",
    "Chia sẻ", "7 đăng lại")."""
    stripped = text.strip()
    return bool(_INTERFACE.match(stripped) or _COUNTER.match(stripped))


def is_nav_line(text: str) -> bool:
    """A short navigation label: at most 3 words and 25 characters, no digit, no sentence
    punctuation ("Xã hội", "Thời sự"). Only meaningful in the header of a page."""
    stripped = text.strip()
    return (
        0 < len(stripped) <= 25
        and len(stripped.split()) <= 3
        and not any(ch.isdigit() for ch in stripped)
        and not any(ch in '.,;:!?…"“”()' for ch in stripped)
    )


def is_page_number(text: str) -> bool:
    """A PDF page number line: "12", "- 3 -", "Trang 4", "3/10"."""
    return bool(_PAGE_NUMBER.match(text.strip()))


def is_recipients(text: str) -> bool:
    """The distribution list that closes an official document: "Nơi nhận:"."""
    return bool(_RECIPIENTS.match(text.strip()))


def is_related_header(text: str) -> bool:
    """The header of a related-news box: "Tin liên quan", "Bài viết liên quan", "Xem thêm:"."""
    return bool(_RELATED.match(text.strip()))


def is_tag_header(text: str) -> bool:
    """A keyword line or its header: "Từ khóa: ...", "Tags: ..."."""
    return bool(_TAGS.match(text.strip()))


def is_tag_like(text: str) -> bool:
    """A keyword of a tag list: 1-5 words of letters and digits only, each capitalised or a
    number, at most 40 characters ("Tổng Bí Thư", "Thời Đại Hồ Chí Minh")."""
    words = _WORDS.findall(text)
    return (
        0 < len(words) <= 5
        and len(text) <= 40
        and all(_TAG_WORD.match(word) and word[:1].isupper() for word in words)
    )


def _probe(text: str) -> str | None:
    match = _ELLIPSIS_TAIL.search(text)
    if match is None:
        return None
    body = _TEASER_HEAD.sub("", text[: match.start()]).strip()
    if len(body) < _TEASER_MIN:
        return None
    return body[-_TEASER_PROBE:]


def teasers(texts: Sequence[str]) -> set[int]:
    """Indexes of teaser repeats: blocks cut off with "…" or "..." whose last 80 characters
    (all, if 40 to 80) before the ellipsis occur in another block (a summary or "more..."
    link repeating the article, corpus 104 and 111)."""
    found: set[int] = set()
    joined = "\n".join(texts)
    starts = []
    position = 0
    for text in texts:
        starts.append(position)
        position += len(text) + 1
    for index, text in enumerate(texts):
        probe = _probe(text)
        if probe is None:
            continue
        hit = joined.find(probe)
        while hit != -1:
            if not starts[index] <= hit < starts[index] + len(text):
                found.add(index)
                break
            hit = joined.find(probe, hit + 1)
    return found


def duplicate_of_earlier(texts: Sequence[str], *, min_length: int = 40) -> set[int]:
    """Indexes of blocks at least ``min_length`` characters long that repeat an earlier block
    word for word (a summary repeated as the first paragraph, corpus 025)."""
    seen: set[str] = set()
    found: set[int] = set()
    for index, text in enumerate(texts):
        if len(text) < min_length:
            continue
        if text in seen:
            found.add(index)
        seen.add(text)
    return found
