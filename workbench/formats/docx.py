"""Read a Word .docx into raw blocks: paragraphs in body order with style hints.

The package is checked by :mod:`workbench.formats.safezip` before anything is inflated, and
the XML parts are read here with lxml directly rather than through python-docx:

* ``word/document.xml`` is streamed (``iterparse``) and each paragraph is dropped once read,
  so memory stays flat whatever the paragraph count; the part is inflated through a bounded
  reader, so a lying size header cannot push it past :data:`MAX_DOCUMENT_XML`.
* The parser never resolves entities, loads a DTD or touches the network, and a part that
  declares a DOCTYPE is refused outright: Office never writes one (ECMA-376 part 2 forbids
  DTDs in packages), so one is a sign of a crafted file.
* python-docx (which does parse with ``resolve_entities=False``) loads every part whole, sees
  only direct run fonts and knows nothing of text boxes or ``mc:AlternateContent``; the font
  lookup for legacy encodings needs the style chain (run → character style → paragraph style
  → document defaults), which is simpler to follow on the raw XML.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from workbench.core.errors import ImportRefused, display_name
from workbench.core.models import Imported, RawBlock
from workbench.formats import legacy
from workbench.formats.breaks import BR, split_on_breaks
from workbench.formats.docx_import_styles import (
    MC_FALLBACK,
    Styles,
    W,
    attr,
    hardened_iterparse,
    parse_styles,
    parse_xml_part,
    syntax_error,
)
from workbench.formats.safezip import SafeZip, open_package
from workbench.formats.text import MAX_TEXT_CHARS, too_long
from workbench.i18n import _

#: Largest ``word/document.xml`` inflated (a 300-page report is ~10 MB of XML).
MAX_DOCUMENT_XML = 64 * 1024 * 1024
#: Most paragraphs (empty ones included) read before the file is refused.
MAX_PARAGRAPHS = 100_000
#: Most runs (pieces of differently formatted text) in one paragraph; Word writes dozens.
MAX_RUNS_PER_PARAGRAPH = 20_000

_MAIN_PART = "word/document.xml"
_REL_OFFICE_DOCUMENT = "/officeDocument"

_PRUNED = frozenset(
    W + tag for tag in ("p", "del", "moveFrom", "txbxContent", "pPr", "rPr", "instrText", "delText")
) | {MC_FALLBACK}


def read_docx(data: bytes, name: str) -> Imported:
    """Read a .docx into ``Imported(format="docx", blocks=[...], original=data)``.

    Paragraphs come in body order, table cells and text boxes included (a text box's
    paragraphs come just before the paragraph that anchors it); headers, footers, footnotes,
    comments and deleted text are not read. Kind hints come from the
    paragraph style: Heading N / outline levels → ``"heading"``, Caption → ``"caption"``,
    List styles and numbered paragraphs → ``"list_item"``, others ``None``. Paragraphs in the
    Title style become one ``"heading"`` block placed first, as the headline. Runs set in
    legacy fonts (.VnTime, VNI-*) are converted to Unicode with
    :func:`workbench.formats.legacy.convert_by_font`, and ``encoding`` names the legacy
    encoding found ("tcvn3" or "vni"). A single line break (Shift+Enter) becomes a space; two
    or more in a row split the paragraph. Text is NFC, whitespace collapsed.

    Raises :class:`ImportRefused` for anything that is not a readable Word document: empty,
    not a zip, an old .doc, password-protected, a zip bomb, a missing or malformed part, a
    DOCTYPE in a part, more than :data:`MAX_PARAGRAPHS` paragraphs or
    :data:`MAX_TEXT_CHARS` characters, or no text at all.
    """
    with open_package(data, name, required=("[Content_Types].xml",)) as package:
        main = _main_part(package)
        styles = parse_styles(package, main)
        reader = _ParagraphReader(styles)
        blocks = list(_read_blocks(package, main, reader))
    if not any(block.text for block in blocks):
        raise ImportRefused(_("{name} contains no text.").format(name=name))
    encoding = sorted(reader.encodings)[0] if reader.encodings else None
    return Imported(format="docx", original=data, encoding=encoding, blocks=_headline_first(blocks))


def _main_part(package: SafeZip) -> str:
    """The main document part named by ``_rels/.rels``, else ``word/document.xml``."""
    target = None
    if package.has("_rels/.rels"):
        root = parse_xml_part(package, "_rels/.rels")
        for rel in root:
            if attr(rel, "Type").endswith(_REL_OFFICE_DOCUMENT):
                target = attr(rel, "Target").lstrip("/")
                break
    if target and package.has(target):
        return target
    if package.has(_MAIN_PART):
        return _MAIN_PART
    raise ImportRefused(
        _("{name} is not {label}: the part {part} is missing.").format(
            name=package.name, label=_("a Word document (.docx)"), part=_MAIN_PART
        )
    )


def _read_blocks(package: SafeZip, part: str, reader: _ParagraphReader) -> Iterator[RawBlock]:
    """Stream the body's paragraphs, dropping each one from the tree once read."""
    name = package.name
    count = chars = runs = 0
    saw_document = False
    with package.open(part, MAX_DOCUMENT_XML) as stream:
        events = hardened_iterparse(
            stream, events=("start", "end"), tag=(W + "document", W + "p", W + "r")
        )
        try:
            for event, element in events:
                if event == "start":
                    if element.tag == W + "document":
                        saw_document = True
                        _refuse_doctype(element, name, part)
                    continue
                if element.tag == W + "r":
                    runs += 1  # a paragraph's tree is built whole: bound it while it grows
                    if runs > MAX_RUNS_PER_PARAGRAPH:
                        raise ImportRefused(
                            _(
                                "{name} has a paragraph of more than {limit} pieces of "
                                "formatting; it was refused."
                            ).format(name=name, limit=f"{MAX_RUNS_PER_PARAGRAPH:,}")
                        )
                    continue
                runs = 0
                count += 1
                if count > MAX_PARAGRAPHS:
                    raise ImportRefused(
                        _("{name} has more than {limit} paragraphs; it was refused.").format(
                            name=name, limit=f"{MAX_PARAGRAPHS:,}"
                        )
                    )
                if next(element.iterancestors(MC_FALLBACK), None) is None:
                    for block in reader.read(element):
                        chars += len(block.text)
                        yield block
                if chars > MAX_TEXT_CHARS:
                    raise too_long(name)
                _drop_read(element)
        except etree.XMLSyntaxError as error:
            raise syntax_error(name, part, error) from error
    if not saw_document:
        raise ImportRefused(
            _("{name} is not {label}: its main part is not a Word document body.").format(
                name=name, label=_("a Word document (.docx)")
            )
        )


def _refuse_doctype(element: etree._Element, name: str, part: str) -> None:
    if element.getroottree().docinfo.doctype:
        raise ImportRefused(
            _(
                "{name} was refused: its part {part} declares a DOCTYPE, which Word never "
                "writes (a sign of a crafted, possibly hostile file)."
            ).format(name=name, part=display_name(part))
        )


def _drop_read(element: etree._Element) -> None:
    """Free a paragraph already read and the siblings before it (tables, properties)."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


class _ParagraphReader:
    """Turns one ``w:p`` into blocks, converting legacy-font runs."""

    def __init__(self, styles: Styles) -> None:
        self.styles = styles
        self.encodings: set[str] = set()

    def read(self, paragraph: etree._Element) -> list[RawBlock]:
        """The blocks of one paragraph: usually one; none if empty; several if it holds
        double line breaks."""
        style_id = self.styles.paragraph_style_id(paragraph)
        kind = self.styles.paragraph_kind(paragraph, style_id)
        pieces = self._pieces(paragraph, style_id)
        return [RawBlock(text, kind) for text in split_on_breaks(pieces)]

    def _pieces(self, paragraph: etree._Element, style_id: str | None) -> list[object]:
        """Text pieces (converted, one per run of the same font) and line-break markers."""
        pieces: list[object] = []
        segment_font: str | None = None
        segment: list[str] = []

        def flush() -> None:
            if segment:
                pieces.append(self._convert("".join(segment), segment_font))
                segment.clear()

        for run in _runs(paragraph):
            fonts = self.styles.run_fonts(run, style_id)
            if fonts.hidden:
                continue
            for item in _run_content(run):
                if item is BR:
                    flush()
                    pieces.append(BR)
                    continue
                text = str(item)
                font = fonts.hansi if any(ord(c) > 127 for c in text) else fonts.ascii
                if font != segment_font:
                    flush()
                    segment_font = font
                segment.append(text)
        flush()
        return pieces

    def _convert(self, text: str, font: str | None) -> str:
        return legacy.convert_run(text, font, self.encodings)


def _runs(paragraph: etree._Element) -> Iterator[etree._Element]:
    """The paragraph's own ``w:r`` in order, inside hyperlinks, fields, insertions and content
    controls; not in nested paragraphs (text boxes), deletions or fallback content."""
    walker = etree.iterwalk(paragraph, events=("start",))
    for _event, element in walker:
        if element is paragraph:
            continue
        tag = element.tag
        if tag == W + "r":
            yield element
            walker.skip_subtree()
        elif tag in _PRUNED or not isinstance(tag, str):
            walker.skip_subtree()


def _run_content(run: etree._Element) -> Iterator[object]:
    """A run's text pieces in order, with ``BR`` for line breaks."""
    for child in run:
        tag = child.tag
        if tag == W + "t":
            if child.text:
                yield child.text
        elif tag in (W + "tab", W + "ptab"):
            yield "\t"
        elif tag == W + "br":
            yield " " if attr(child, W + "type") == "page" else BR
        elif tag == W + "cr":
            yield BR
        elif tag == W + "noBreakHyphen":
            yield "-"


def _headline_first(blocks: list[RawBlock]) -> list[RawBlock]:
    """Join the first run of Title paragraphs into one heading block and put it first."""
    first = next((i for i, b in enumerate(blocks) if b.kind == "title"), None)
    if first is None:
        return blocks
    end = first
    while end < len(blocks) and blocks[end].kind == "title":
        end += 1
    headline = RawBlock(" ".join(b.text for b in blocks[first:end]), "heading")
    rest = blocks[:first] + blocks[end:]
    return [headline] + [RawBlock(b.text, "heading") if b.kind == "title" else b for b in rest]
