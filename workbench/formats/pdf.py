"""Read the text layer of a PDF into lines for the reflow.

Extraction uses pypdf's default ("plain") mode, not "layout": plain mode returns each line's
text once, in the content stream's order (column by column for most generators), with no
padding, while layout mode re-creates the page on a character grid, so two-column pages come
out interleaved line by line and justified lines carry runs of spaces. What layout mode gives
on top, the blank line at a paragraph's vertical gap and the first-line indent, is recovered
here from the line positions that pypdf's text visitor reports:

* a blank line goes before a line that sits clearly lower than the page's usual line spacing,
  that jumps back up (a new column or text box), or that starts indented while the line
  before did not (Decree 30's first-line indent);
* page numbers ("3", "- 3 -", "Trang 3", "3/10") and headers or footers repeated on most pages
  are dropped from the top and bottom edges of each page;
* a page break is an empty line, unless the text evidently runs on: the page's last line is
  full width, ends mid-sentence, and the next page does not open with an indented line.
"""

from __future__ import annotations

import io
import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError

from workbench.core.errors import ImportRefused
from workbench.core.models import Imported
from workbench.formats.text import MAX_TEXT_CHARS, too_long
from workbench.i18n import _

#: Most pages read; a longer file is refused before any text is extracted.
MAX_PAGES = 2_000
#: A vertical step this many times the usual line spacing starts a new paragraph.
PARAGRAPH_GAP = 1.25
#: A change of font size by more than this share starts a paragraph (headline, then body).
SIZE_CHANGE = 0.15
#: Share of a page's widest lines a line must reach to count as full width.
FULL_LINE = 0.85

_PAGE_NUMBER = re.compile(
    r"^(?:trang|page|tr\.)?\s*[-–—(\[]?\s*\d{1,4}\s*(?:(?:/|của|of)\s*\d{1,4})?\s*[-–—)\]]?$",
    re.IGNORECASE,
)
_OPEN_END = re.compile(r"[\w,\-–\u00ad]$")
_EDGE_LINES = 2


@dataclass
class _Line:
    text: str
    x: float | None = None
    y: float | None = None
    size: float = 10.0


def read_pdf(data: bytes, name: str) -> Imported:
    """Read a PDF's text layer into ``Imported(format="pdf", lines=[...])``, NFC.

    Pages are joined with an empty line (see the module docstring for when it is left out);
    paragraph gaps become empty lines; page numbers and running headers are dropped. Pages
    without text (scanned) among pages with text give a warning.

    Raises :class:`ImportRefused` when the file is empty, not a PDF, cut short, damaged,
    password-protected (no empty user password), encrypted with AES where the ``cryptography``
    package is missing, longer than :data:`MAX_PAGES` pages or :data:`MAX_TEXT_CHARS`
    characters, without a text layer (a scan: it needs OCR first), or with a text layer that
    does not decode to readable characters.
    """
    _check_bytes(data, name)
    reader = _open(data, name)
    pages, unreadable = _extract(reader, name)
    texts = [line.text for page in pages for line in page]
    if not "".join(texts).strip():
        if unreadable:
            raise _damaged(name)
        if any(_has_images(page) for page in reader.pages):
            raise ImportRefused(
                _("{name} has no text layer (a scanned document): it needs OCR first.").format(
                    name=name
                )
            )
        raise ImportRefused(
            _("{name} contains no text: its pages are blank or cannot be read.").format(name=name)
        )
    if _garbled("".join(texts)):
        raise ImportRefused(
            _(
                "{name} has a text layer that does not decode to readable characters "
                "(its fonts carry no Unicode map): it needs OCR first."
            ).format(name=name)
        )
    warnings = _warnings(name, pages, unreadable)
    return Imported(format="pdf", original=data, lines=_join_pages(pages), warnings=warnings)


def _check_bytes(data: bytes, name: str) -> None:
    if not data:
        raise ImportRefused(_("{name} is empty (0 bytes).").format(name=name))
    if b"%PDF-" not in data[:1024]:
        raise ImportRefused(_("{name} is not a PDF file.").format(name=name))
    if b"%%EOF" not in data.rstrip(b"\0 \t\r\n")[-8192:]:
        raise ImportRefused(
            _("{name} is incomplete: the file was cut short (no end-of-file marker).").format(
                name=name
            )
        )


def _damaged(name: str) -> ImportRefused:
    return ImportRefused(
        _("{name} is damaged: its content cannot be read as a PDF.").format(name=name)
    )


def _aes(name: str) -> ImportRefused:
    return ImportRefused(
        _(
            "{name} is protected with AES encryption, which this installation cannot open "
            "without the 'cryptography' package: save an unprotected copy and import that."
        ).format(name=name)
    )


def _open(data: bytes, name: str) -> PdfReader:
    """Open and, when encrypted, try the empty user password (owner-only protection)."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
        if encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise ImportRefused(
                _(
                    "{name} is password-protected: open it with its password, save an "
                    "unprotected copy and import that."
                ).format(name=name)
            )
        count = len(reader.pages)
    except ImportRefused:
        raise
    except DependencyError as error:
        raise _aes(name) from error
    except Exception as error:  # pypdf raises many types on malformed input
        raise _damaged(name) from error
    if count > MAX_PAGES:
        raise ImportRefused(
            _("{name} has {count} pages, more than the {limit} a report may have.").format(
                name=name, count=f"{count:,}", limit=f"{MAX_PAGES:,}"
            )
        )
    return reader


def _extract(reader: PdfReader, name: str) -> tuple[list[list[_Line]], list[int]]:
    """The positioned lines of every page and the numbers of pages that failed to read."""
    pages: list[list[_Line]] = []
    unreadable: list[int] = []
    chars = 0
    for number, page in enumerate(reader.pages, start=1):
        try:
            lines = _page_lines(page)
        except DependencyError as error:
            raise _aes(name) from error
        except Exception:  # one broken page should not lose the others
            unreadable.append(number)
            lines = []
        chars += sum(len(line.text) for line in lines)
        if chars > MAX_TEXT_CHARS:
            raise too_long(name)
        pages.append(lines)
    return pages, unreadable


def _page_lines(page: object) -> list[_Line]:
    """The page's lines in plain-mode order, each with the position of its first chunk."""
    lines: list[_Line] = []
    current: list[str] = []
    start: list[_Line] = [_Line("")]

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        pieces = text.split("\n")
        for index, piece in enumerate(pieces):
            if index:
                lines.append(_Line("".join(current), start[0].x, start[0].y, start[0].size))
                current.clear()
                start[0] = _Line("")
            if piece and not "".join(current).strip():
                start[0] = _position(cm, tm, size) if index == 0 else _Line("")
            current.append(piece)

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    lines.append(_Line("".join(current), start[0].x, start[0].y, start[0].size))
    result = []
    for line in lines:
        text = unicodedata.normalize("NFC", line.text).strip()
        if text:
            result.append(_Line(text, line.x, line.y, line.size))
    return result


def _position(cm: list[float], tm: list[float], size: float) -> _Line:
    """Where text space's origin lands on the page (text matrix, then the CTM)."""
    x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
    y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
    scale = abs(tm[0] * tm[3] - tm[1] * tm[2]) ** 0.5 * abs(cm[0] * cm[3] - cm[1] * cm[2]) ** 0.5
    return _Line("", x, y, max(size * scale, 1.0) if size else 10.0)


def _has_images(page: object) -> bool:
    """Whether the page draws a picture (a scan shows as one image per page)."""
    try:
        objects = page["/Resources"]["/XObject"]  # type: ignore[index]
        return any(ref.get_object().get("/Subtype") == "/Image" for ref in objects.values())
    except Exception:  # no resources, no XObjects, or a broken dictionary
        return False


def _garbled(text: str) -> bool:
    """Whether most characters are control, private-use or unassigned code points."""
    sample = [c for c in text[:50_000] if not c.isspace()]
    if not sample:
        return False
    bad = sum(1 for c in sample if unicodedata.category(c) in ("Cc", "Co", "Cn", "Cs"))
    return bad > 0.3 * len(sample)


def _warnings(name: str, pages: list[list[_Line]], unreadable: list[int]) -> list[str]:
    warnings = []
    empty = [n for n, lines in enumerate(pages, start=1) if not lines and n not in unreadable]
    if empty:
        warnings.append(
            _("{name}: pages {pages} have no text (scanned?); they were left out.").format(
                name=name, pages=", ".join(map(str, empty))
            )
        )
    if unreadable:
        warnings.append(
            _("{name}: pages {pages} are damaged and were left out.").format(
                name=name, pages=", ".join(map(str, unreadable))
            )
        )
    return warnings


def _join_pages(pages: list[list[_Line]]) -> list[str]:
    """All pages' lines, furniture dropped, blank lines at paragraph gaps and page breaks."""
    pages = _drop_furniture(pages)
    out: list[str] = []
    previous: list[_Line] = []
    for lines in pages:
        if not lines:
            continue
        if previous and not _runs_on(previous, lines):
            out.append("")
        out.extend(_page_text(lines))
        previous = lines
    while out and not out[-1]:
        out.pop()
    return out


def _page_text(lines: list[_Line]) -> list[str]:
    """The page's lines with a blank line before each line that starts a paragraph."""
    spacing = _line_spacing(lines)
    margin = _margin(lines)
    out: list[str] = []
    for index, line in enumerate(lines):
        if index and out[-1] and _starts_paragraph(lines[index - 1], line, spacing, margin):
            out.append("")
        out.append(line.text)
    return out


def _starts_paragraph(
    before: _Line, line: _Line, spacing: float | None, margin: float | None
) -> bool:
    if before.y is not None and line.y is not None:
        step = before.y - line.y
        if step < -0.5 * line.size:
            return True  # moved up: a new column or a text box
        if abs(line.size - before.size) > SIZE_CHANGE * max(line.size, before.size):
            return True  # a headline in a larger font, then the body
        if spacing and step > PARAGRAPH_GAP * spacing * max(line.size, before.size) + 0.5:
            return True
    return _indented(line, margin) and not _indented(before, margin, line.x)


def _indented(line: _Line, margin: float | None, than: float | None = None) -> bool:
    """Whether the line starts right of the margin (or no further left than ``than``)."""
    if line.x is None or margin is None:
        return False
    if than is not None:
        return line.x >= than - 0.8 * line.size and line.x - margin >= 0.8 * line.size
    return line.x - margin >= 0.8 * line.size


def _line_spacing(lines: list[_Line]) -> float | None:
    """The usual step from one line to the next, as a multiple of the font size (so a
    headline in a larger font, with larger steps, is not read as a row of paragraphs)."""
    steps = [
        (a.y - b.y) / b.size
        for a, b in pairwise(lines)
        if a.y is not None and b.y is not None and 0.5 * b.size < a.y - b.y < 4 * b.size
    ]
    return statistics.median(steps) if steps else None


def _margin(lines: list[_Line]) -> float | None:
    xs = Counter(round(line.x) for line in lines if line.x is not None)
    return float(xs.most_common(1)[0][0]) if xs else None


def _runs_on(before: list[_Line], after: list[_Line]) -> bool:
    """Whether the text evidently runs on across a page break."""
    last, first = before[-1].text, after[0]
    widest = sorted(len(line.text) for line in before)[int(0.9 * (len(before) - 1))]
    full = len(last) >= FULL_LINE * widest and len(before) > 2
    return full and bool(_OPEN_END.search(last)) and not _indented(first, _margin(after))


def _drop_furniture(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Drop page numbers and lines repeated on most pages from each page's edges."""
    edges = [_edge_indexes(lines) for lines in pages]
    counts: Counter[str] = Counter()
    for lines, indexes in zip(pages, edges, strict=True):
        counts.update({_furniture_key(lines[i].text) for i in indexes})
    with_text = sum(1 for lines in pages if lines)
    repeated = {key for key, n in counts.items() if with_text >= 3 and n >= max(3, 0.5 * with_text)}
    kept = []
    for lines, indexes in zip(pages, edges, strict=True):
        drop = {
            i
            for i in indexes
            if _PAGE_NUMBER.match(lines[i].text) or _furniture_key(lines[i].text) in repeated
        }
        kept.append([line for i, line in enumerate(lines) if i not in drop])
    return kept


def _edge_indexes(lines: list[_Line]) -> set[int]:
    """The lines at the top and bottom of the page (by position, else by order)."""
    if not lines:
        return set()
    order = list(range(len(lines)))
    if all(line.y is not None for line in lines):
        order.sort(key=lambda i: -(lines[i].y or 0.0))
    return set(order[:_EDGE_LINES]) | set(order[-_EDGE_LINES:])


def _furniture_key(text: str) -> str:
    """A header/footer line with its numbers blanked ("Trang 3" and "Trang 4" match)."""
    return re.sub(r"\d+", "#", " ".join(text.split()).casefold())
