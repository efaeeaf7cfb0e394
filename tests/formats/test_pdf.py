"""Reading PDFs: real files written here byte by byte.

``make_pdf`` writes a minimal valid PDF: Vietnamese needs more than Latin-1, so the text is set
in a Type0 (CID) font with Identity-H encoding and a ToUnicode map, the way Word and
LibreOffice write it. When DejaVu Sans is on the machine it is embedded (FontFile2), its cmap
and widths read from the TrueType tables, so the files also render correctly; without it the
codes are the code points themselves and the font is not embedded (text extraction needs only
the ToUnicode map). pypdf itself writes the encrypted variants.
"""

from __future__ import annotations

import io
import re
import struct
import textwrap
import unicodedata
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from workbench.core.errors import ImportRefused
from workbench.formats import pdf as pdf_reader
from workbench.formats.pdf import read_pdf

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
FONT_FILES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
)


# --- a minimal PDF writer ----------------------------------------------------------------------


class TrueType:
    """The few TrueType tables a PDF font needs: the Unicode cmap and the advance widths."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        (count,) = struct.unpack_from(">H", data, 4)
        self.tables = {}
        for i in range(count):
            tag, _sum, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * i)
            self.tables[tag.decode("latin-1")] = offset
        (self.units,) = struct.unpack_from(">H", data, self.tables["head"] + 18)
        (self.metrics,) = struct.unpack_from(">H", data, self.tables["hhea"] + 34)
        self.cmap = self._unicode_cmap()

    def _unicode_cmap(self) -> dict[int, int]:
        """Format 4 subtable of platform 3, encoding 1 (Windows Unicode BMP)."""
        data, base = self.data, self.tables["cmap"]
        (count,) = struct.unpack_from(">H", data, base + 2)
        records = [struct.unpack_from(">HHI", data, base + 4 + 8 * i) for i in range(count)]
        at = base + next(off for pid, eid, off in records if (pid, eid) == (3, 1))
        (seg2,) = struct.unpack_from(">H", data, at + 6)
        n = seg2 // 2
        ends = struct.unpack_from(f">{n}H", data, at + 14)
        starts = struct.unpack_from(f">{n}H", data, at + 16 + seg2)
        deltas = struct.unpack_from(f">{n}h", data, at + 16 + 2 * seg2)
        ranges_at = at + 16 + 3 * seg2
        ranges = struct.unpack_from(f">{n}H", data, ranges_at)
        mapping = {}
        for i in range(n):
            for code in range(starts[i], min(ends[i], 0xFFFE) + 1):
                if ranges[i] == 0:
                    glyph = (code + deltas[i]) & 0xFFFF
                else:
                    where = ranges_at + 2 * i + ranges[i] + 2 * (code - starts[i])
                    (glyph,) = struct.unpack_from(">H", data, where)
                    glyph = (glyph + deltas[i]) & 0xFFFF if glyph else 0
                if glyph:
                    mapping[code] = glyph
        return mapping

    def width(self, glyph: int) -> int:
        at = self.tables["hmtx"] + 4 * min(glyph, self.metrics - 1)
        return struct.unpack_from(">H", self.data, at)[0] * 1000 // self.units


def system_font() -> TrueType | None:
    path = next((Path(p) for p in FONT_FILES if Path(p).is_file()), None)
    return TrueType(path.read_bytes()) if path else None


FONT = system_font()


@dataclass(frozen=True)
class Line:
    text: str
    x: float
    y: float


class Objects:
    """Numbered PDF objects and the file around them (header, xref table, trailer)."""

    def __init__(self) -> None:
        self.bodies: list[bytes] = []

    def add(self, body: bytes = b"") -> int:
        self.bodies.append(body)
        return len(self.bodies)

    def stream(self, entries: bytes, data: bytes) -> int:
        packed = zlib.compress(data)
        head = b"<< %s /Filter /FlateDecode /Length %d >>" % (entries, len(packed))
        return self.add(head + b"\nstream\n" + packed + b"\nendstream")

    def file(self, root: int) -> bytes:
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(self.bodies, start=1):
            offsets.append(len(out))
            out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
        out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
        out += b"trailer\n<< /Size %d /Root %d 0 R >>\n" % (len(offsets) + 1, root)
        out += b"startxref\n%d\n%%%%EOF\n" % xref
        return bytes(out)


def make_pdf(
    pages: list[list[Line]],
    *,
    size: int = 12,
    words_apart: bool = False,
    unicode_of=lambda char: char,
    images: frozenset[int] = frozenset(),
) -> bytes:
    """A PDF whose pages show ``pages``' lines at their positions (pages in ``images`` show
    only a picture). ``words_apart`` writes every word as its own positioned string, as some
    generators do; ``unicode_of`` is what the ToUnicode map says each character is."""
    pdf = Objects()
    catalog, tree = pdf.add(), pdf.add()
    used = sorted({c for lines in pages for line in lines for c in line.text} | {" "})

    def code(char: str) -> int:
        return FONT.cmap.get(ord(char), 0) if FONT else ord(char)

    def width(char: str) -> int:
        return FONT.width(code(char)) if FONT else 500

    entries = [f"<{code(c):04X}> <{unicode_of(c).encode('utf-16-be').hex().upper()}>" for c in used]
    blocks = "".join(
        f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar\n"
        for chunk in (entries[i : i + 100] for i in range(0, len(entries), 100))
    )
    to_unicode = pdf.stream(
        b"",
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        + blocks.encode()
        + b"endcmap CMapName currentdict /CMap defineresource pop end end\n",
    )
    embedded = b""
    if FONT:
        embedded = b" /FontFile2 %d 0 R" % pdf.stream(b"/Length1 %d" % len(FONT.data), FONT.data)
    descriptor = pdf.add(
        b"<< /Type /FontDescriptor /FontName /DejaVuSans /Flags 32 /ItalicAngle 0 /Ascent 928"
        b" /Descent -236 /CapHeight 729 /StemV 80 /FontBBox [-1021 -463 1793 1232]%s >>" % embedded
    )
    widths = " ".join(f"{code(c)} [{width(c)}]" for c in used).encode()
    cid_font = pdf.add(
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /DejaVuSans /CIDSystemInfo"
        b" << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R"
        b" /CIDToGIDMap /Identity /W [%s] >>" % (descriptor, widths)
    )
    font = pdf.add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /DejaVuSans /Encoding /Identity-H"
        b" /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid_font, to_unicode)
    )
    picture = pdf.stream(
        b"/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray"
        b" /BitsPerComponent 8",
        b"\x00\xff\xff\x00",
    )

    def shown(text: str) -> bytes:
        return b"<" + "".join(f"{code(c):04X}" for c in text).encode() + b">"

    kids = []
    for number, lines in enumerate(pages):
        if number in images:
            operations = [b"q 480 0 0 700 60 70 cm /Im1 Do Q"]
        else:
            operations = [b"BT /F1 %d Tf" % size]
            for line in lines:
                x, chunks = line.x, line.text.split(" ") if words_apart else [line.text]
                for chunk in chunks:
                    operations.append(b"1 0 0 1 %.2f %.2f Tm %s Tj" % (x, line.y, shown(chunk)))
                    x += sum(width(c) for c in chunk + " ") * size / 1000
            operations.append(b"ET")
        content = pdf.stream(b"", b"\n".join(operations))
        kids.append(
            pdf.add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R"
                b" /Resources << /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>"
                % (tree, content, font, picture)
            )
        )
    pdf.bodies[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        len(kids),
    )
    pdf.bodies[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    return pdf.file(catalog)


def typeset(
    paragraphs: list[str],
    *,
    header: str | None = None,
    page_numbers: bool = False,
    columns: int = 78,
    lines_per_page: int = 40,
) -> list[list[Line]]:
    """Paragraphs wrapped and laid out as Decree 30 asks: 30 mm left margin, first-line
    indent, space between paragraphs; optional running header and centred page numbers
    (written first in the content stream, as many generators do)."""
    pages: list[list[Line]] = []
    current: list[Line] = []
    y = 0.0

    def new_page() -> None:
        nonlocal current, y
        current = []
        pages.append(current)
        number = len(pages)
        if header:
            current.append(Line(header, 200, 805))
        if page_numbers and number > 1:
            current.append(Line(f"- {number} -", 285, 40))
        y = 770.0

    new_page()
    for paragraph in paragraphs:
        for index, text in enumerate(textwrap.wrap(paragraph, columns)):
            if y < 770 - 17 * lines_per_page:
                new_page()
            current.append(Line(text, 85 + (28 if index == 0 else 0), y))
            y -= 17
        y -= 8
    return pages


def report_000() -> list[str]:
    """Report 000's headline and paragraphs, its PDF line breaks joined back."""
    lines = (SHARED / "corpus" / "raw" / "000.txt").read_text(encoding="utf-8").splitlines()
    paragraphs = [" ".join(line.strip() for line in lines[:3])]
    current: list[str] = []
    for line in lines[5:]:
        if line.strip():
            current.append(line.strip())
        elif current and current[-1].endswith((".", ":", ";", "”")):
            paragraphs.append(" ".join(current))
            current = []
    return [" ".join(p.split()) for p in paragraphs if len(p) > 40]


def refusal(data: bytes, name: str = "report.pdf") -> str:
    with pytest.raises(ImportRefused) as caught:
        read_pdf(data, name)
    message = str(caught.value)
    assert name in message and "\n" not in message
    return message


def paragraphs_of(lines: list[str]) -> list[str]:
    """Blank-line separated paragraphs, lines joined by spaces (no reflow cleverness)."""
    text = "\n".join(lines)
    return [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]


# --- text --------------------------------------------------------------------------------------


@pytest.mark.parametrize("words_apart", [False, True], ids=["line-strings", "word-strings"])
def test_a_vietnamese_report_comes_back_line_by_line_with_paragraph_gaps(words_apart: bool):
    paragraphs = report_000()
    pages = typeset(paragraphs, header="ĐẢNG ỦY KHỐI CÁC CƠ QUAN TRUNG ƯƠNG", page_numbers=True)
    assert len(pages) >= 3
    imported = read_pdf(make_pdf(pages, words_apart=words_apart), "bao-cao.pdf")
    assert imported.format == "pdf" and imported.warnings == []
    lines = imported.lines or []

    wrapped = [text for p in paragraphs for text in textwrap.wrap(p, 78)]
    assert [line for line in lines if line] == wrapped  # no header, no page number, no loss
    assert paragraphs_of(lines) == paragraphs  # a blank line before each paragraph, only there
    assert all(unicodedata.is_normalized("NFC", line) for line in lines)


def test_a_sentence_running_over_a_page_break_is_not_cut():
    paragraph = " ".join(["Đảng ủy Khối các cơ quan Trung ương tổ chức hội nghị tổng kết"] * 12)
    pages = typeset([paragraph], lines_per_page=5)
    assert len(pages) == 2
    lines = read_pdf(make_pdf(pages), "a.pdf").lines
    assert lines == textwrap.wrap(paragraph, 78)


def test_a_page_break_between_paragraphs_is_an_empty_line():
    first = "Hội nghị đã thành công tốt đẹp. " * 4
    second = "Ngày 06/9/2023, tại Hà Nội, Đảng ủy Khối tổ chức hội nghị."
    pages = [
        typeset([first.strip()])[0],
        [Line(second, 113, 770)],
    ]
    lines = read_pdf(make_pdf(pages), "a.pdf").lines
    assert lines == [*textwrap.wrap(first.strip(), 78), "", second]


def test_decomposed_unicode_in_the_text_layer_comes_out_nfc():
    nfd = lambda char: unicodedata.normalize("NFD", char)  # noqa: E731
    pages = [[Line("Nguyễn Thị Hồng, Thống đốc Ngân hàng Nhà nước", 85, 770)]]
    lines = read_pdf(make_pdf(pages, unicode_of=nfd), "a.pdf").lines
    assert lines == ["Nguyễn Thị Hồng, Thống đốc Ngân hàng Nhà nước"]
    assert unicodedata.is_normalized("NFC", lines[0])


def test_a_second_column_starts_a_new_paragraph():
    pages = [
        [
            Line("Cột một dòng một", 60, 770),
            Line("cột một dòng hai", 60, 753),
            Line("Cột hai dòng một", 320, 770),
            Line("cột hai dòng hai", 320, 753),
        ]
    ]
    lines = read_pdf(make_pdf(pages), "a.pdf").lines
    assert lines == [
        "Cột một dòng một",
        "cột một dòng hai",
        "",
        "Cột hai dòng một",
        "cột hai dòng hai",
    ]


def test_a_scanned_page_among_text_pages_gives_a_warning():
    pages = typeset(report_000()[:6], lines_per_page=20)
    pages.insert(1, [])
    imported = read_pdf(make_pdf(pages, images=frozenset({1})), "mixed.pdf")
    assert imported.lines
    assert imported.warnings == ["mixed.pdf: pages 2 have no text (scanned?); they were left out."]


# --- refused files -----------------------------------------------------------------------------


def sample_pdf() -> bytes:
    return make_pdf(typeset(report_000()[:3]))


def test_an_image_only_pdf_needs_ocr():
    data = make_pdf([[], []], images=frozenset({0, 1}))
    assert len(PdfReader(io.BytesIO(data)).pages) == 2
    assert "no text layer (a scanned document): it needs OCR first" in refusal(data)


def test_a_password_protected_pdf_is_refused():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(sample_pdf())))
    writer.encrypt(user_password="mat-khau", owner_password="chu", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert "password-protected" in refusal(buffer.getvalue(), "mat.pdf")


def test_an_owner_password_alone_does_not_stop_reading():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(sample_pdf())))
    writer.encrypt(user_password="", owner_password="chu", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    lines = read_pdf(buffer.getvalue(), "khoa.pdf").lines or []
    assert lines[0].startswith("Công tác dân vận đã góp phần quan trọng")


def test_a_truncated_pdf_is_refused():
    data = sample_pdf()
    assert "incomplete" in refusal(data[: len(data) * 2 // 3])


def test_empty_and_non_pdf_files_are_refused():
    assert "empty" in refusal(b"")
    assert "not a PDF" in refusal("Hội nghị tổng kết".encode())
    assert "not a PDF" in refusal(b"PK\x03\x04" + bytes(2000))


def break_xref(data: bytes) -> bytes:
    start, end = data.rfind(b"xref\n0 "), data.rfind(b"trailer")
    table = re.sub(rb"\d{10} 00000 n", b"0000000777 00000 n", data[start:end])
    return data[:start] + table + data[end:]


def break_catalog(data: bytes) -> bytes:
    return data.replace(b"/Type /Catalog /Pages", b"/Type /Catalog /Pagez")


def break_streams(data: bytes) -> bytes:
    return re.sub(rb"stream\n.{20}", b"stream\n" + bytes(20), data, flags=re.DOTALL)


def test_a_broken_cross_reference_table_is_rebuilt():
    expected = read_pdf(sample_pdf(), "a.pdf").lines
    assert read_pdf(break_xref(sample_pdf()), "a.pdf").lines == expected


def test_a_broken_catalog_is_refused_as_damaged():
    assert "damaged" in refusal(break_catalog(sample_pdf()))


def test_undecodable_page_content_is_not_called_a_scan():
    message = refusal(break_streams(sample_pdf()))
    assert "contains no text" in message and "scanned" not in message


@pytest.mark.parametrize("seed", range(6))
def test_randomly_damaged_pdfs_are_read_or_refused_never_crash(seed: int):
    data = bytearray(sample_pdf())
    step = len(data) // 7
    for at in range(200 + seed * 37, len(data) - 200, step):
        data[at : at + 40] = bytes((at * 31 + i * seed) % 256 for i in range(40))
    try:
        imported = read_pdf(bytes(data), "hong.pdf")
    except ImportRefused as refused:
        assert "hong.pdf" in str(refused)
    else:
        assert imported.lines is not None


def test_a_text_layer_without_a_unicode_map_is_refused():
    private = lambda char: chr(0xE000 + ord(char) % 0x1000)  # noqa: E731
    data = make_pdf(typeset(report_000()[:2]), unicode_of=private)
    assert "does not decode" in refusal(data)


def test_too_many_pages_are_refused_before_extraction():
    count = pdf_reader.MAX_PAGES + 1
    data = make_pdf([[Line("1", 85, 770)]] * count)
    assert f"{count:,} pages" in refusal(data, "dai.pdf")
