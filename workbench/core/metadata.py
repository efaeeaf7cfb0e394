"""Metadata lines of news reports: published time, author, source, byline, dateline.

Each parser takes one cleaned line (or paragraph) and answers for the whole of it, so a body
sentence that merely contains a date is never taken for a timestamp. Times are local
(Vietnam, UTC+7, no daylight saving): explicit offsets are converted to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

__all__ = [
    "Byline",
    "find_dateline",
    "find_document_date",
    "parse_author_line",
    "parse_author_time",
    "parse_byline",
    "parse_date_value",
    "parse_place_date",
    "parse_published",
    "parse_source_line",
    "split_source_prefix",
]

VIETNAM = timezone(timedelta(hours=7))

_DATE = r"(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4}|\d{2})"
_TIME = r"(?P<h>\d{1,2})\s*[:hg]\s*(?P<mi>\d{2})(?::\d{2})?(?:\s*(?P<ap>AM|PM|SA|CH))?"
_WEEKDAY = r"(?:(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật|cn|t[2-7])\s*[,-]?\s*)"
_TZ = r"(?:\(?\s*(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?\s*\)?|\(?ICT\)?)"
_LEAD = (
    r"(?:(?:cập nhật|đăng|ngày đăng|thời gian|xuất bản|posted|published|updated)"
    r"(?:\s+(?:lúc|ngày|vào))?\s*:?\s*)"
)
_GLUE = r"\s*(?:[,|–-]\s*)?(?:lúc\s+|ngày\s+)?"
_TIMESTAMPS = (
    re.compile(rf"^{_LEAD}?{_WEEKDAY}?{_DATE}(?:{_GLUE}{_TIME})?\s*{_TZ}?\s*$", re.IGNORECASE),
    re.compile(rf"^{_LEAD}?{_TIME}{_GLUE}{_WEEKDAY}?{_DATE}\s*{_TZ}?\s*$", re.IGNORECASE),
)
_ISO = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$"
)

_NO_AUTHOR = re.compile(
    r"^(?:đang cập nhật|chưa cập nhật|không rõ|ẩn danh|admin|administrator|quản trị(?: viên)?"
    r"|n/?a|-+)\.?$",
    re.IGNORECASE,
)
_AUTHOR = re.compile(
    r"^(?:tác giả|người viết|phóng viên|bài(?:\s*(?:và|,|&)\s*ảnh)?|tin(?:\s*(?:và|,|&)\s*ảnh)?"
    r"|thực hiện|author|by)\s*:\s*(?P<v>.+?)\s*$",
    re.IGNORECASE,
)
_SOURCE = re.compile(r"^(?:theo|nguồn|source)\s*:\s*(?P<v>.+?)\s*\.?$", re.IGNORECASE)
_SOURCE_BARE = re.compile(r"^(?:theo|nguồn)\s+(?P<v>[^,;:!?]{2,60}?)\s*\.?$", re.IGNORECASE)
_OUTLET_WORD = re.compile(
    r"^(?:báo|trang|tạp chí|cổng|đài|kênh|thông tấn|website)\b|\w\.\w{2,}|^[A-ZĐ]{2,}\b",
    re.IGNORECASE,
)
_PAREN_SOURCE = re.compile(r"^\(\s*(?P<v>[^()]{2,40}?)\s*\)\.?$")
_PHOTO = re.compile(r"^(?:ảnh|photo|video)\b", re.IGNORECASE)
_SOURCE_PREFIX = re.compile(r"^\(\s*(?P<v>[^()]{2,40}?)\s*\)\s*[-–—:]\s*(?=\S)")

_UPPER = "A-ZĐÀ-ỸÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĨŨƠƯẠ-Ỹ"
_NAME_WORD = rf"(?:[{_UPPER}][^\W\d_]*|[{_UPPER}]\.(?:\s?[{_UPPER}]\.)*\s?[{_UPPER}][^\W\d_]*)"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}"
_BYLINE = re.compile(
    rf"^(?P<a>{_NAME}(?:\s*(?:[-–,&]|và)\s*{_NAME})*)"
    rf"(?:\s*(?:/|\(|-|–)\s*(?P<s>[A-ZĐ][\w.]{{1,24}})\)?)?\s*\.?$"
)
_AUTHOR_TIME = re.compile(rf"^(?P<a>{_NAME})\s*[-–|]\s*(?P<t>.+)$")

_TIME_OF_DAY = r"(?:sáng|chiều|tối|trưa|đêm|khuya)(?:\s+nay)?(?:\s*,?\s*ngày)?"
_DAY_MONTH = (
    r"(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})(?:\s*(?P=sep)\s*(?P<y>\d{4}))?"
    r"(?![\d/.-]*\d)"
)
_DAY_MONTH_WORDS = r"(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})(?:\s*(?:,\s*)?năm\s+(?P<y2>\d{4}))?"
_DATELINE_START = re.compile(
    rf"^(?:{_TIME_OF_DAY}|ngày|hôm nay\s*,?\s*(?:ngày)?|vào\s+(?:{_TIME_OF_DAY}|ngày))\s*"
    rf"(?:{_DAY_MONTH}|{_DAY_MONTH_WORDS})",
    re.IGNORECASE,
)
_DATELINE_INNER = re.compile(
    rf"(?<!\w)(?:{_TIME_OF_DAY}|vào\s+ngày)\s*(?:{_DAY_MONTH}|{_DAY_MONTH_WORDS})",
    re.IGNORECASE,
)
_PLACE = re.compile(
    r"^\s*,?\s*(?:tại|ở)\s+(?P<p>(?:[^,.;:()\"“”]|\.(?=[^\s.,])|(?<=TP)\.\s){2,80})"
)
_PLACE_STOP = re.compile(r"\s+(?:và|với|để|nhằm|do|dưới|cùng|trong|theo)\s+.*$")
_PLACE_NOUN = re.compile(
    r"^(?:trụ sở|hội trường|nhà|trung tâm|thành phố|tỉnh|huyện|quận|thị xã|xã|phường|thị trấn"
    r"|khu|cụm|điểm cầu)\s",
)
_DOCUMENT_DAY = r",\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})"
_PLACE_DATE = re.compile(rf"^(?P<p>[^\d,]{{2,40}}){_DOCUMENT_DAY}\.?$", re.IGNORECASE)
_DOCUMENT_DATE = re.compile(_DOCUMENT_DAY, re.IGNORECASE)
_EVENT_WORDS = re.compile(
    r"^(?:hội nghị|hội thảo|kỳ họp|kì họp|lễ|phiên|đại hội|buổi|cuộc|chương trình|diễn đàn"
    r"|tọa đàm|toạ đàm|sự kiện|họp)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Byline:
    """A signature line: the author(s) and, when given, the outlet ("Văn Hiếu – Lại Hoa/VOV")."""

    author: str | None
    source: str | None = None


def _year(text: str) -> int:
    value = int(text)
    return value if len(text) == 4 else (2000 + value if value < 70 else 1900 + value)


def _iso(day: int, month: int, year: int, hour: int | None = None, minute: int = 0) -> str | None:
    try:
        moment = date(year, month, day)
    except ValueError:
        return None
    if not 1900 <= year <= 2100:
        return None
    if hour is None:
        return moment.isoformat()
    if not (0 <= hour < 24 and 0 <= minute < 60):
        return None
    return f"{moment.isoformat()}T{hour:02d}:{minute:02d}"


def parse_published(line: str) -> str | None:
    """The ISO time of a line that is only a timestamp, else None.

    "05:59 07/09/2023" → "2023-09-07T05:59"; "14/12/21 12:22 GMT+7" → "2021-12-14T12:22";
    "Thứ hai, 22/04/2024 10:27 (GMT+7)" → "2024-04-22T10:27"; "Cập nhật: 07/09/2023" →
    "2023-09-07". ISO forms are accepted too (see ``parse_date_value``).
    """
    text = line.strip()
    match = _TIMESTAMPS[0].match(text) or _TIMESTAMPS[1].match(text)
    if match is None:
        return parse_date_value(text) if _ISO.match(text) else None
    hour = int(match["h"]) if match["h"] else None
    if hour is not None and (match["ap"] or "").upper() in ("PM", "CH") and hour < 12:
        hour += 12
    minute = int(match["mi"]) if match["mi"] else 0
    return _iso(int(match["d"]), int(match["m"]), _year(match["y"]), hour, minute)


def parse_date_value(value: str) -> str | None:
    """A machine-written date (front matter): ISO 8601 or RFC 2822, in Vietnam time.

    "2020-03-05T02:00:00.000Z" → "2020-03-05T09:00"; "Mon, 22 Apr 2024 02:00:00 +0700" →
    "2024-04-22T02:00"; "2024-04-22" → "2024-04-22". Anything else → None.
    """
    text = value.strip()
    if not text:
        return None
    moment: datetime | None = None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if moment is None:
        return None
    if len(text) == 10 and text[4] == "-":
        return moment.date().isoformat()
    if moment.tzinfo is not None:
        moment = moment.astimezone(VIETNAM)
    return moment.strftime("%Y-%m-%dT%H:%M")


def parse_author_line(line: str) -> tuple[bool, str | None]:
    """``(True, author)`` for an author line ("Tác giả: X" → X; "Tác giả: Đang cập nhật" →
    None, "being updated"), ``(False, None)`` for any other line."""
    match = _AUTHOR.match(line.strip())
    if match is None:
        return False, None
    value = match["v"].strip()
    return True, None if _NO_AUTHOR.match(value) else value


def parse_source_line(line: str, *, at_end: bool = False) -> str | None:
    """The outlet named by a source line: "Theo: dukcqtw.dcs.vn" → "dukcqtw.dcs.vn",
    "Nguồn: X" → X. With ``at_end`` (the last lines of a report) also "Theo báo Nhân Dân",
    "Theo VOV" and "(TTXVN)". Else None."""
    text = line.strip()
    match = _SOURCE.match(text)
    if match:
        return match["v"]
    if not at_end:
        return None
    match = _PAREN_SOURCE.match(text)
    if match and _looks_like_outlet(match["v"]):
        return match["v"]
    match = _SOURCE_BARE.match(text)
    if match and len(match["v"].split()) <= 8 and _OUTLET_WORD.search(match["v"]):
        return match["v"]
    return None


def _looks_like_outlet(value: str) -> bool:
    words = value.split()
    if ":" in value or _PHOTO.match(value):
        return False
    return 0 < len(words) <= 4 and (
        "." in value or all(word[:1].isupper() for word in words) or value.isupper()
    )


def split_source_prefix(text: str) -> tuple[str | None, str]:
    """A lead's "(Outlet) - " prefix taken off: "(Chinhphu.vn) - Chủ tịch nước ..." →
    ("Chinhphu.vn", "Chủ tịch nước ..."); "(BĐ) - Chiều 22.4, ..." → ("BĐ", "Chiều 22.4, ...").
    Text without such a prefix comes back unchanged with None."""
    match = _SOURCE_PREFIX.match(text)
    if match is None or not _looks_like_outlet(match["v"]):
        return None, text
    return match["v"], text[match.end() :]


def parse_byline(line: str) -> Byline | None:
    """A signature line at the end of a report, or None.

    "Hải Liên" → author; "Văn Hiếu – Lại Hoa/VOV" → author "Văn Hiếu – Lại Hoa", source
    "VOV"; "T.SỸ" → author; "PHẠM ĐÔNG - Thứ hai, 22/04/2024 10:27 (GMT+7)" is an author-time
    line (see ``parse_author_time``), not a byline. A name is 1-5 capitalised words; a single
    word must be initials ("T.SỸ"); a lone all-capitals word is an outlet ("TTXVN" → source),
    except "PV" (the reporter).
    """
    text = line.strip()
    if len(text) > 60 or any(ch.isdigit() for ch in text):
        return None
    match = _BYLINE.match(text)
    if match is None:
        return None
    author = match["a"].strip()
    words = author.split()
    if len(words) == 1 and "." not in author:
        if not author.isupper() or match["s"]:
            return None
        # "PV" (phóng viên) signs as a reporter; another lone acronym is an outlet ("TTXVN")
        return Byline(author, None) if author == "PV" else Byline(None, author)
    if len(words) > 8:
        return None
    return Byline(author, match["s"])


def parse_author_time(line: str) -> tuple[str, str] | None:
    """("PHẠM ĐÔNG", "2024-04-22T10:27") from "PHẠM ĐÔNG - Thứ hai, 22/04/2024 10:27 (GMT+7)"."""
    match = _AUTHOR_TIME.match(line.strip())
    if match is None:
        return None
    published = parse_published(match["t"])
    return (match["a"].strip(), published) if published else None


def find_dateline(text: str, published_at: str | None = None) -> tuple[str | None, str | None]:
    """The event date and place a lead paragraph opens with, or mentions with a time of day.

    "Ngày 06/9/2023, tại Hà Nội, ..." → ("2023-09-06", "Hà Nội"); "Sáng 14/12 tại Hà Nội"
    with ``published_at`` "2021-12-14T12:22" → ("2021-12-14", "Hà Nội"). A date without a year
    takes the published year (the year before when that would put it after publication); with
    no published date it gives no event date. The place must follow "tại"/"ở" directly and is
    not an event ("tại Kỳ họp ..." gives no place).
    """
    match = _DATELINE_START.match(text) or _DATELINE_INNER.search(text[:1500])
    if match is None:
        return None, None
    day = int(match["d"] or match["d2"])
    month = int(match["m"] or match["m2"])
    year_text = match["y"] or match["y2"]
    event = _event_date(day, month, int(year_text) if year_text else None, published_at)
    return event, _place(text[match.end() :])


def _event_date(day: int, month: int, year: int | None, published_at: str | None) -> str | None:
    if year is not None:
        return _iso(day, month, year)
    if not published_at:
        return None
    published = date.fromisoformat(published_at[:10])
    event = _iso(day, month, published.year)
    if event and date.fromisoformat(event) > published + timedelta(days=7):
        event = _iso(day, month, published.year - 1)
    return event


def _place(rest: str) -> str | None:
    match = _PLACE.match(rest)
    if match is None:
        return None
    place = _PLACE_STOP.sub("", match["p"]).strip()
    if not (place[:1].isupper() or _PLACE_NOUN.match(place)):
        return None
    if _EVENT_WORDS.match(place) or len(place.split()) > 8:
        return None
    return place


def parse_place_date(line: str) -> tuple[str, str] | None:
    """The place and ISO date of an official document's date line: "Hà Nội, ngày 06 tháng 9
    năm 2023" → ("Hà Nội", "2023-09-06"). Anything else → None."""
    match = _PLACE_DATE.match(line.strip())
    if match is None:
        return None
    iso = _iso(int(match["d"]), int(match["m"]), int(match["y"]))
    return (match["p"].strip(), iso) if iso else None


def find_document_date(text: str) -> str | None:
    """The ISO date of ", ngày 06 tháng 9 năm 2023" anywhere in ``text`` (an official header
    row may hold "Số: 05/BNV-VP" and the place-and-date line side by side)."""
    match = _DOCUMENT_DATE.search(text)
    return _iso(int(match["d"]), int(match["m"]), int(match["y"])) if match else None
