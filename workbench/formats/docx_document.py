"""Open a template, write paragraphs with its named styles, save atomically.

Shared by the press release and the bulletin exporters. The template's styles, section
settings and header/footer definitions are kept; only its body is cleared.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import secrets
import time
import zipfile
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import OpcError
from docx.oxml.ns import qn
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from lxml import etree

from workbench.core.errors import ExportFailed, ImportRefused, display_name
from workbench.core.layout import house_text
from workbench.formats.docx_layout import (
    add_page_numbers,
    enforce_fonts,
    has_page_field,
    set_page,
    styles_in_use,
)
from workbench.formats.docx_styles import (
    PAGE_HEADER,
    REPORT_TITLE,
    TOC_ENTRY,
    ensure_styles,
)
from workbench.formats.safezip import open_package
from workbench.i18n import _
from workbench.paths import resource_path

#: A template larger than this is refused before it is read (a styled template is ~40 KB).
MAX_TEMPLATE_BYTES = 20 * 1024 * 1024
#: Word's own styles among those the exporters use: a template may leave them undefined.
WORD_BUILT_IN = frozenset({"Normal", PAGE_HEADER, REPORT_TITLE, TOC_ENTRY})
#: The message about missing styles names this many, then counts the rest.
MAX_NAMED_STYLES = 5
_DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_DOTX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_R_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_BODY_ONLY_RELS = (
    "/image",
    "/hyperlink",
    "/oleObject",
    "/package",
    "/chart",
    "/comments",
    "/diagramData",
    "/diagramLayout",
    "/diagramQuickStyle",
    "/diagramColors",
    "/diagramDrawing",
)
# Characters XML 1.0 cannot hold (lxml refuses them): C0 controls but tab/newline, and
# the non-characters U+FFFE/U+FFFF and lone surrogates.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def packaged_template(name: str) -> Path:
    """The template shipped with the program, e.g. ``press_release.docx``."""
    return resource_path("templates", name)


def open_template(
    template: Path | None, packaged: str, required: Iterable[str] = ()
) -> DocxDocument:
    """The template as a document with an empty body (styles, sections, headers kept).

    ``template`` None means the packaged one. A Word template (.dotx) is accepted too.
    ``required`` names the styles the exporter writes with (see :func:`check_styles`).
    Raises :class:`ExportFailed` when the file is missing, unreadable, too large, not a
    Word document, or lacks one of the ``required`` styles. A chosen template that fails is an
    error, not a silent fallback: the office picked it for its house style, so a document in
    another style must not go out unnoticed.
    """
    path = Path(template) if template is not None else packaged_template(packaged)
    name = display_name(path.name)
    try:
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise ExportFailed(_("The template {name} is too large.").format(name=name))
        data = path.read_bytes()
    except OSError as error:
        raise ExportFailed(
            _("The template {path} cannot be read: {reason}").format(
                path=display_name(path), reason=error.strerror or error
            )
        ) from error
    doc = _load(data, name)
    check_styles(doc, required, name)
    clear_body(doc)
    return doc


def check_styles(doc: DocxDocument, names: Iterable[str], template_name: str) -> None:
    """Raise :class:`ExportFailed` naming each style of ``names`` the template lacks.

    The office restyles our "WB …" styles in Word; one it deleted is not put back with the
    packaged look, since the document would then silently differ from the house style. Word's
    built-in styles (:data:`WORD_BUILT_IN`) are exempt: Word itself supplies them when a file
    does not define them, and so does :func:`prepare`.
    """
    missing = [name for name in names if name not in WORD_BUILT_IN and not _usable(doc, name)]
    if not missing:
        return
    shown = ", ".join(f"«{name}»" for name in missing[:MAX_NAMED_STYLES])
    if len(missing) > MAX_NAMED_STYLES:
        shown += _(" and {count} more").format(count=len(missing) - MAX_NAMED_STYLES)
    if len(missing) == 1:
        message = _(
            "The template {name} has no style {styles}; restore it in Word or choose another "
            "template."
        )
    else:
        message = _(
            "The template {name} has no styles {styles}; restore them in Word or choose another "
            "template."
        )
    raise ExportFailed(message.format(name=template_name, styles=shown))


def _usable(doc: DocxDocument, name: str) -> bool:
    """Whether the writer finds a paragraph style called exactly ``name`` (as python-docx
    looks it up: a style renamed "wb lead" is not "WB Lead")."""
    try:
        return doc.styles[name].type == WD_STYLE_TYPE.PARAGRAPH
    except KeyError:
        return False


def _load(data: bytes, name: str) -> DocxDocument:
    required = ("[Content_Types].xml", "word/document.xml", "word/styles.xml")
    try:
        with open_package(data, name, required) as package:
            types = package.read("[Content_Types].xml", 1024 * 1024)
        if _DOTX_MAIN.encode() in types:
            data = _as_document(data, types.replace(_DOTX_MAIN.encode(), _DOCX_MAIN.encode()))
        doc = Document(io.BytesIO(data))
        _check_structure(doc)
        return doc
    except ImportRefused as error:
        raise ExportFailed(
            _("The template cannot be used: {reason}").format(reason=error)
        ) from error
    except (zipfile.BadZipFile, KeyError, ValueError, etree.LxmlError, OpcError) as error:
        raise ExportFailed(
            _("The template {name} is not a usable Word document ({reason}).").format(
                name=name, reason=str(error).splitlines()[0] if str(error) else type(error).__name__
            )
        ) from error


def _check_structure(doc: DocxDocument) -> None:
    """Refuse a package whose main parts are not what Word writes (checked before use)."""
    if doc.element.tag != qn("w:document") or doc.element.find(qn("w:body")) is None:
        raise ValueError("word/document.xml has no document body")
    if doc.styles.element.tag != qn("w:styles"):
        raise ValueError("word/styles.xml holds no styles")


def _as_document(data: bytes, content_types: bytes) -> bytes:
    """A .dotx package re-labelled as a .docx (same parts, the main part's type changed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = content_types if info.filename == "[Content_Types].xml" else src.read(info)
            dst.writestr(info.filename, body, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def clear_body(doc: DocxDocument) -> None:
    """Remove the template's sample content but keep the final section properties.

    Relationships only the body used (pictures, hyperlinks, embedded objects) go with it, so
    they are not carried into every export.
    """
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    if body.find(qn("w:sectPr")) is None:  # a template without page settings gets Decree 30's
        body.get_or_add_sectPr()
        set_page(doc.sections[-1])
    referenced = {
        value for el in body.iter() for key, value in el.attrib.items() if key.startswith(_R_NS)
    }
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith(_BODY_ONLY_RELS) and rid not in referenced:
            del doc.part.rels[rid]


def xml_safe(text: str) -> str:
    """``text`` without the characters an XML document cannot hold."""
    return _NOT_XML.sub("", text)


class Writer:
    """Writes paragraphs in the house tone-mark style, NFC and XML-safe."""

    def __init__(self, doc: DocxDocument, tone_style: str = "keep") -> None:
        self.doc = doc
        self.tone_style = tone_style
        self._style_ids: dict[str, str] = {}

    def text(self, value: str) -> str:
        """``value`` as it will be written."""
        return xml_safe(house_text(value, self.tone_style))

    def para(self, text: str, style: str, where: _Cell | None = None) -> Paragraph:
        """A paragraph with ``style`` at the end of the body (or of the cell ``where``)."""
        container = where if where is not None else self.doc
        if where is not None and _is_fresh_cell(where):
            paragraph = where.paragraphs[0]
            if text:
                paragraph.add_run(self.text(text))
        else:
            paragraph = container.add_paragraph(self.text(text))
        paragraph._p.style = self.style_id(style)
        return paragraph

    def style_id(self, name: str) -> str:
        """The id of the paragraph style ``name``, looked up once per document (python-docx
        looks a name up with an XPath over every style: 77% of a 50-report bulletin's time)."""
        if name not in self._style_ids:
            self._style_ids[name] = self.doc.styles[name].style_id
        return self._style_ids[name]

    def paras(self, items: Iterable[tuple[str, str]]) -> list[Paragraph]:
        """One paragraph per ``(style, text)``."""
        return [self.para(text, style) for style, text in items]


def _is_fresh_cell(cell: _Cell) -> bool:
    """A new cell holds one empty paragraph; the first write fills it instead of adding."""
    paragraphs = cell.paragraphs
    return (
        len(paragraphs) == 1
        and not paragraphs[0].text
        and paragraphs[0]._p.pPr is None
        and not list(paragraphs[0]._p.iter(qn("w:fldChar")))
    )


def set_properties(doc: DocxDocument, title: str, author: str, subject: str) -> None:
    """Document properties an archive or a search sees; nothing about the program's template."""
    props = doc.core_properties
    now = datetime.now().replace(microsecond=0)
    props.title, props.subject = title[:255], subject[:255]
    props.author = props.last_modified_by = author[:255]
    props.comments = props.keywords = props.category = ""
    props.created = props.modified = now
    props.revision = 1


def save_atomic(doc: DocxDocument, path: Path) -> Path:
    """Write ``doc`` to ``path`` through a temporary file in the same folder and os.replace.

    A failure (disk full, no permission, folder gone) leaves any previous file at ``path``
    untouched and no temporary file behind. Raises :class:`ExportFailed`
    ("Could not write …: reason").
    """
    buffer = io.BytesIO()
    doc.save(buffer)
    return write_atomic(buffer.getvalue(), path)


def write_atomic(data: bytes, path: Path) -> Path:
    """Write ``data`` to ``path`` as :func:`save_atomic` does (every exporter's last step).

    Raises :class:`ExportFailed` ("Could not write …: reason"); a previous file at ``path``
    is then untouched and no temporary file is left behind.
    """
    path = Path(path)
    tmp = path.parent / f".wb-{secrets.token_hex(6)}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise ExportFailed(
            _("Could not write {path}: {reason}").format(
                path=display_name(path), reason=error.strerror or error
            )
        ) from error
    _sweep_stale_temporaries(path.parent)
    return path


_TEMPORARY = re.compile(r"\.wb-[0-9a-f]{12}\.tmp")
STALE_AFTER_S = 3600


def _sweep_stale_temporaries(folder: Path) -> None:
    """Delete this program's temporary files in ``folder`` older than an hour: what an export
    killed between writing and renaming left behind (a running export's is seconds old)."""
    cutoff = time.time() - STALE_AFTER_S
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if _TEMPORARY.fullmatch(entry.name) and entry.stat().st_mtime < cutoff:
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def prepare(doc: DocxDocument, styles: tuple[str, ...]) -> None:
    """Define the built-in styles of ``styles`` the template leaves to Word (the others were
    checked by :func:`open_template`) and number pages from page 2.

    A template whose header or footer already shows a PAGE field keeps its own numbering.
    """
    ensure_styles(doc, styles)
    section = doc.sections[-1]
    if not has_page_field(section):
        add_page_numbers(section, PAGE_HEADER)


def finish(doc: DocxDocument, *, title: str, author: str, subject: str) -> None:
    """Fonts on every style in use, no outside references, clean document properties."""
    enforce_fonts(doc, styles_in_use(doc))
    drop_external_references(doc)
    set_properties(doc, title=title, author=author, subject=subject)


_R_ATTRS = tuple(f"{_R_NS}{name}" for name in ("id", "link", "embed"))


def drop_external_references(doc: DocxDocument) -> int:
    """Remove every relationship to an outside target, and what points at it; returns the count.

    A hyperlink keeps its text; ``w:attachedTemplate`` (Word's ``Normal.dotm``) goes; any other
    element loses the attribute (a linked picture shows nothing rather than fetch a file).
    """
    removed = 0
    for part in list(doc.part.package.iter_parts()):
        external = [rid for rid, rel in part.rels.items() if rel.is_external]
        root = getattr(part, "_element", None)
        for rid in external:
            if root is not None:
                _unlink(root, rid)
            del part.rels[rid]
            removed += 1
    return removed


def _unlink(root: etree._Element, rid: str) -> None:
    for el in list(root.iter()):
        if not any(el.get(a) == rid for a in _R_ATTRS):
            continue
        parent = el.getparent()
        if el.tag == qn("w:hyperlink") and parent is not None:
            for child in list(el):
                el.addprevious(child)
            parent.remove(el)
        elif el.tag == qn("w:attachedTemplate") and parent is not None:
            parent.remove(el)
        else:
            for a in _R_ATTRS:
                if el.get(a) == rid:
                    del el.attrib[a]
