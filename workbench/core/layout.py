"""How an organisation lays out what it exports, and the pure text rules of official documents.

``ExportSettings`` belongs to an archive (an office's name, its seat, Decree 30 or Party layout,
the bulletin's licence), so it round-trips through ``to_dict``/``from_dict`` as string
key/value pairs. The helpers compose the fixed lines of a Vietnamese official document
(Decree 30/2020/NĐ-CP annex I; Hướng dẫn 36-HD/VPTW for Party bodies) and a safe file name.
Nothing here touches a file, Word or Qt.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from workbench.core.models import DocumentRef, Report
from workbench.core.text import to_new_style, to_old_style

LAYOUTS: tuple[str, ...] = ("government", "party")
TONE_STYLES: tuple[str, ...] = ("keep", "old", "new")
PAGE_SIZES: tuple[str, ...] = ("A4", "19x27")
#: Abbreviation of a press release (thông cáo) in a document number.
PRESS_RELEASE_KIND = "TC"

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
PARTY_NAME = "ĐẢNG CỘNG SẢN VIỆT NAM"


@dataclass
class ExportSettings:
    """Everything about the issuing office that an exported document shows.

    ``layout`` is "government" (Decree 30) or "party" (HD 36). ``tone_style`` is the house
    style for tone marks: "keep" the text as written, "old" (hòa, thủy) or "new" (hoà, thuỷ).
    ``bulletin_page_size`` is "A4" (default) or "19x27": the Press Law caps a bulletin at
    19×27 cm, A4 is what office printers take.
    """

    parent_body: str = ""
    issuing_body: str = ""
    abbreviation: str = ""
    place: str = "Hà Nội"
    layout: str = "government"
    contact_lines: list[str] = field(default_factory=list)
    tone_style: str = "keep"
    bulletin_name: str = ""
    publisher: str = ""
    licence_number: str = ""
    licence_date: str = ""  # ISO date, or free text as printed
    licence_issuer: str = ""
    frequency: str = ""
    printer: str = ""
    print_run: int = 0
    person_responsible: str = ""
    bulletin_page_size: str = "A4"

    def to_dict(self) -> dict[str, str]:
        """Every field as a string (lists joined by newlines), for a key/value table."""
        out: dict[str, str] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = "\n".join(value) if isinstance(value, list) else str(value)
        return out

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> ExportSettings:
        """Settings from ``to_dict`` output; unknown keys are ignored, bad values get defaults."""
        defaults = cls()
        kwargs: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in values or values[f.name] is None:
                continue
            kwargs[f.name] = _coerce(values[f.name], getattr(defaults, f.name))
        settings = cls(**kwargs)
        settings.layout = _choice(settings.layout, LAYOUTS)
        settings.tone_style = _choice(settings.tone_style, TONE_STYLES)
        settings.bulletin_page_size = _choice(settings.bulletin_page_size, PAGE_SIZES)
        return settings

    @property
    def is_party(self) -> bool:
        return self.layout == "party"


def _coerce(raw: Any, default: Any) -> Any:
    if isinstance(default, list):
        lines = raw if isinstance(raw, list) else str(raw).splitlines()
        return [nfc(str(line)).strip() for line in lines if str(line).strip()]
    if isinstance(default, int):
        try:
            return max(0, int(str(raw).strip() or 0))
        except ValueError:
            return default
    return nfc(str(raw)).strip()


def _choice(value: str, allowed: tuple[str, ...]) -> str:
    return value if value in allowed else allowed[0]


def nfc(text: str) -> str:
    """``text`` in Unicode NFC (precomposed letters)."""
    return unicodedata.normalize("NFC", text)


def house_text(text: str, tone_style: str) -> str:
    """``text`` in NFC and in the house tone-mark style ("keep", "old" or "new")."""
    text = nfc(text)
    if tone_style == "new":
        return nfc(to_new_style(text))
    if tone_style == "old":
        return nfc(to_old_style(text))
    return text


def upper_vi(text: str) -> str:
    """Capitals as official headers print them ("Đảng ủy" → "ĐẢNG ỦY"), in NFC."""
    return nfc(nfc(text).upper())


# --- dates and numbers -------------------------------------------------------------------


def _day_month(day: date) -> tuple[str, str]:
    """Decree 30: days 1-9 and months 1-2 get a leading zero; other months do not."""
    return f"{day.day:02d}", (f"{day.month:02d}" if day.month < 3 else str(day.month))


def decree_date(day: date, place: str = "") -> str:
    """The place-and-date line: ``Hà Nội, ngày 06 tháng 9 năm 2023``.

    Without a place the line starts with a capital: ``Ngày 05 tháng 01 năm 2020``.
    """
    dd, mm = _day_month(day)
    text = f"ngày {dd} tháng {mm} năm {day.year}"
    place = nfc(place).strip()
    return f"{place}, {text}" if place else text[0].upper() + text[1:]


def short_date(day: date) -> str:
    """A date as cited inside a text, with the same zero rule: ``03/6/2013``, ``07/01/2019``."""
    dd, mm = _day_month(day)
    return f"{dd}/{mm}/{day.year}"


def parse_day(value: str | None) -> date | None:
    """The date at the start of an ISO string ("2023-09-07T05:59" → 2023-09-07), else None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def report_day(report: Report, issued: date | None = None) -> date:
    """The date a release about ``report`` carries: event date, else published, else issued."""
    return parse_day(report.event_date) or parse_day(report.published_at) or issued or date.today()


def document_number(
    number: int | str | None,
    abbreviation: str = "",
    layout: str = "government",
    kind: str = PRESS_RELEASE_KIND,
) -> str:
    """The number line: ``Số: 12/TC-ĐUK`` (Decree 30) or ``Số 12-TC/ĐUK`` (Party, no colon).

    Numbers under 10 get a leading zero (``05``). Without a number the place is left blank
    for the clerk who registers the document: ``Số:      /TC-ĐUK``.
    """
    text = nfc(str(number)).strip() if number is not None else ""
    if text.isdigit():
        text = f"{int(text):02d}"
    abbreviation = nfc(abbreviation).strip()
    blank = " " * 6
    if layout == "party":
        code = f"{kind}/{abbreviation}" if abbreviation else kind
        return f"Số {text}-{code}" if text else f"Số {blank}-{code}"
    code = f"{kind}-{abbreviation}" if abbreviation else kind
    return f"Số: {text or blank}/{code}"


def end_mark(text: str) -> str:
    """The body's last line with the end mark ``./.`` (a final full stop becomes part of it)."""
    text = text.rstrip()
    return text + "/." if text.endswith(".") else text + "./."


# --- blocks of a press release --------------------------------------------------------------


def speaker_lines(report: Report) -> list[str]:
    """``– đồng chí X, title, title`` for each speaker the analysis found, in order."""
    lines = []
    for person in report.analysis.people:
        if person.role != "speaker" or not person.name.strip():
            continue
        parts = [f"đồng chí {person.name.strip()}", *(t.strip() for t in person.titles)]
        lines.append("– " + ", ".join(p for p in parts if p))
    return _punctuate(lines)


def document_line(ref: DocumentRef) -> str:
    """A cited document in full: ``Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Ban ...``."""
    text = f"{ref.kind.strip()} số {ref.number.strip()}".strip()
    day = parse_day(ref.date)
    if day is not None:
        text += f", ngày {short_date(day)}"
    if ref.issuer and ref.issuer.strip():
        text += f" của {ref.issuer.strip()}"
    return text


def document_lines(report: Report) -> list[str]:
    """``– <document in full>`` for each document the report cites, each once."""
    seen: set[str] = set()
    lines = []
    for ref in report.analysis.documents:
        key = ref.number.strip().casefold()
        if key and key not in seen:
            seen.add(key)
            lines.append("– " + document_line(ref))
    return _punctuate(lines)


def _punctuate(lines: list[str]) -> list[str]:
    """Items of a dash list end with ``;``, the last with ``.``."""
    return [line + (";" if i < len(lines) - 1 else ".") for i, line in enumerate(lines)]


def closing_lines(settings: ExportSettings) -> list[str]:
    """The Press Law's closing block of a bulletin; a missing value shows as ``…``."""
    missing = "…"
    licence = settings.licence_number or missing
    day = parse_day(settings.licence_date)
    issued = short_date(day) if day else (settings.licence_date or missing)
    issuer = f" của {settings.licence_issuer}" if settings.licence_issuer else ""
    run = f"{settings.print_run} bản" if settings.print_run else missing
    return [
        f"Giấy phép xuất bản số {licence}, ngày {issued}{issuer}",
        f"Định kỳ xuất bản: {settings.frequency or missing}",
        f"Chịu trách nhiệm xuất bản: {settings.person_responsible or missing}",
        f"In tại: {settings.printer or missing}",
        f"Số lượng in: {run}",
    ]


# --- file names ---------------------------------------------------------------------------

MAX_FILENAME_BYTES = 150
_FORBIDDEN = re.compile(r'[<>:"/\\|?*]')
_RESERVED = re.compile(
    r"^(CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|CLOCK\$|(COM|LPT)[0-9¹²³]) *(\..*)?$", re.IGNORECASE
)
_DROPPED_CATEGORIES = {"Cc", "Cf", "Cs", "Cn", "Co", "Zl", "Zp"}


def safe_filename(headline: str | None, fallback: str = "Thông cáo báo chí") -> str:
    """A file name stem made from ``headline`` that cannot escape its folder or upset a disk.

    Vietnamese letters are kept (NFC). Path separators, Windows-forbidden characters and
    control/format characters go; runs of spaces collapse; leading/trailing dots, dashes and
    spaces go; reserved Windows names (CON, NUL, COM1…) get a ``_`` prefix; the result is cut
    to at most 150 bytes of UTF-8 on a character boundary. Never empty, never "." or "..".
    """
    text = _clean_name(headline or "")
    if not text:
        text = _clean_name(fallback) or "export"
    if _RESERVED.match(text):
        text = "_" + text
    return text


def _clean_name(raw: str) -> str:
    text = nfc(raw)
    text = "".join(
        " " if unicodedata.category(ch).startswith("Z") else ch
        for ch in text
        if unicodedata.category(ch) not in _DROPPED_CATEGORIES
    )
    text = _FORBIDDEN.sub(" ", text)
    text = re.sub(r"\s+", " ", text)
    text = _trim(text)
    encoded = text.encode("utf-8")
    if len(encoded) > MAX_FILENAME_BYTES:
        text = _trim(encoded[:MAX_FILENAME_BYTES].decode("utf-8", errors="ignore"))
    return text


def _trim(text: str) -> str:
    return text.strip(" .-")
