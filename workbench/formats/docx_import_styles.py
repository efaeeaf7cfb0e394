"""What a .docx's styles say about a paragraph (its kind) and a run (its fonts).

Word resolves a run's font slot by slot (``w:ascii`` for ASCII characters, ``w:hAnsi`` for
the rest of Latin) from the run's own ``w:rFonts``, then its character style, then the
paragraph's style, then the document defaults, each style following its ``w:basedOn`` chain.
A theme attribute (``w:asciiTheme``) overrides the named font of the same slot; theme fonts
are never legacy fonts, so they resolve to :data:`THEME_FONT`.

Also the hardened XML parsing shared by the .docx reader.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import IO

from lxml import etree

from workbench.core.errors import ImportRefused, display_name
from workbench.formats.safezip import SafeZip
from workbench.i18n import _

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
#: Largest styles or relationships part inflated.
MAX_SMALL_PART = 16 * 1024 * 1024
#: The font name given to slots that follow the theme (never a legacy font).
THEME_FONT = ""
#: Longest ``w:basedOn`` chain followed (Word allows no cycles; a crafted file may have one).
MAX_CHAIN = 32

_REL_STYLES = "/styles"
_OFF = ("0", "false", "off")


@dataclass(frozen=True)
class RunFonts:
    """A run's resolved fonts (None when nothing sets them) and whether it is hidden."""

    ascii: str | None
    hansi: str | None
    hidden: bool


@dataclass(frozen=True)
class _Style:
    name: str
    based_on: str | None
    ascii: str | None
    hansi: str | None
    hidden: bool | None
    numbered: bool
    outline: int | None


def attr(element: etree._Element, name: str) -> str:
    """An attribute's value, ``""`` when absent."""
    return element.get(name) or ""


def is_on(element: etree._Element | None) -> bool:
    """Whether an OOXML on/off property element (``<w:vanish/>``, ``w:val="false"``) is on."""
    return element is not None and attr(element, W + "val").lower() not in _OFF


def syntax_error(name: str, part: str, error: etree.XMLSyntaxError) -> ImportRefused:
    """The refusal for a part that is not well-formed XML (or trips a parser limit)."""
    return ImportRefused(
        _("{name} is damaged: its part {part} is not valid XML ({error}).").format(
            name=name, part=display_name(part), error=error.msg if hasattr(error, "msg") else error
        )
    )


def hardened_iterparse(stream: IO[bytes], **options: object) -> etree.iterparse:
    """``lxml.etree.iterparse`` that resolves no entity, loads no DTD, fetches nothing and
    keeps libxml2's size limits; every Office XML part is read through it."""
    return etree.iterparse(
        stream,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        **options,
    )


def parse_xml_part(package: SafeZip, part: str, cap: int = MAX_SMALL_PART) -> etree._Element:
    """Parse a small XML part with a hardened parser and return its root element.

    No entity is resolved, no DTD loaded, nothing fetched; the part is inflated through a
    bounded reader. Raises :class:`ImportRefused` for a DOCTYPE, malformed XML or a part
    larger than ``cap``.
    """
    with package.open(part, cap) as stream:
        events = hardened_iterparse(stream, events=("start",))
        try:
            for index, (_event, element) in enumerate(events):
                if index == 0 and element.getroottree().docinfo.doctype:
                    raise ImportRefused(
                        _(
                            "{name} was refused: its part {part} declares a DOCTYPE, which "
                            "Word never writes (a sign of a crafted, possibly hostile file)."
                        ).format(name=package.name, part=display_name(part))
                    )
        except etree.XMLSyntaxError as error:
            raise syntax_error(package.name, part, error) from error
        return events.root


def parse_styles(package: SafeZip, main_part: str) -> Styles:
    """The styles of the document whose main part is ``main_part`` (empty if it has none)."""
    part = _styles_part(package, main_part)
    if part is None:
        return Styles({}, RunFonts(None, None, False), None, None)
    root = parse_xml_part(package, part)
    styles: dict[str, _Style] = {}
    default_paragraph = default_character = None
    for element in root.iterchildren(W + "style"):
        style_id = attr(element, W + "styleId")
        if not style_id:
            continue
        styles[style_id] = _read_style(element)
        if attr(element, W + "default") in ("1", "true", "on"):
            if attr(element, W + "type") == "paragraph":
                default_paragraph = default_paragraph or style_id
            elif attr(element, W + "type") == "character":
                default_character = default_character or style_id
    rpr = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    ascii_font, hansi_font = _fonts(rpr)
    defaults = RunFonts(ascii_font, hansi_font, False)
    return Styles(styles, defaults, default_paragraph, default_character)


class Styles:
    """Style lookups for paragraphs and runs, cached per style."""

    def __init__(
        self,
        styles: dict[str, _Style],
        defaults: RunFonts,
        default_paragraph: str | None,
        default_character: str | None,
    ) -> None:
        self._styles = styles
        self._defaults = defaults
        self._default_paragraph = default_paragraph
        self._default_character = default_character
        self._chain_cache: dict[str | None, tuple[_Style, ...]] = {}

    def paragraph_style_id(self, paragraph: etree._Element) -> str | None:
        """The paragraph's style id, or the default paragraph style's."""
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        value = attr(style, W + "val") if style is not None else ""
        return value or self._default_paragraph

    def paragraph_kind(self, paragraph: etree._Element, style_id: str | None) -> str | None:
        """``"title"``, ``"heading"``, ``"caption"``, ``"list_item"`` or None.

        Style names (Word writes the English built-in names whatever the UI language) and
        outline levels decide first, along the ``basedOn`` chain; then numbering, on the
        paragraph or its style, makes a list item.
        """
        ppr = paragraph.find(W + "pPr")
        if _outline(ppr) is not None:
            return "heading"
        chain = self._chain(style_id)
        for style in chain:
            kind = _kind_from_name(style.name)
            if kind is None and style.outline is not None:
                kind = "heading"
            if kind:
                return kind
        numbered = ppr is not None and _numbered(ppr)
        if numbered or any(style.numbered for style in chain):
            return "list_item"
        return None

    def run_fonts(self, run: etree._Element, paragraph_style: str | None) -> RunFonts:
        """The run's ASCII and high-Latin fonts and hidden flag, resolved through its
        character style, the paragraph style and the document defaults."""
        rpr = run.find(W + "rPr")
        ascii_font, hansi_font = _fonts(rpr)
        hidden = _hidden(rpr)
        char_style = None
        if rpr is not None and (ref := rpr.find(W + "rStyle")) is not None:
            char_style = attr(ref, W + "val") or None
        layers = [*self._chain(char_style or self._default_character)]
        layers += self._chain(paragraph_style)
        for style in layers:
            ascii_font = style.ascii if ascii_font is None else ascii_font
            hansi_font = style.hansi if hansi_font is None else hansi_font
            hidden = style.hidden if hidden is None else hidden
        ascii_font = self._defaults.ascii if ascii_font is None else ascii_font
        hansi_font = self._defaults.hansi if hansi_font is None else hansi_font
        return RunFonts(ascii_font, hansi_font, bool(hidden))

    def _chain(self, style_id: str | None) -> tuple[_Style, ...]:
        """The style and its ``basedOn`` ancestors, nearest first, cycles cut."""
        if style_id in self._chain_cache:
            return self._chain_cache[style_id]
        chain: list[_Style] = []
        seen: set[str] = set()
        current = style_id
        while current and current not in seen and len(chain) < MAX_CHAIN:
            seen.add(current)
            style = self._styles.get(current)
            if style is None:
                break
            chain.append(style)
            current = style.based_on
        result = tuple(chain)
        self._chain_cache[style_id] = result
        return result


def _styles_part(package: SafeZip, main_part: str) -> str | None:
    folder, base = posixpath.split(main_part)
    rels = posixpath.join(folder, "_rels", base + ".rels")
    if package.has(rels):
        for rel in parse_xml_part(package, rels):
            if attr(rel, "Type").endswith(_REL_STYLES) and attr(rel, "TargetMode") != "External":
                target = attr(rel, "Target")
                path = (
                    target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
                )
                path = posixpath.normpath(path)
                if package.has(path):
                    return path
    fallback = posixpath.join(folder, "styles.xml")
    return fallback if package.has(fallback) else None


def _read_style(element: etree._Element) -> _Style:
    name_element = element.find(W + "name")
    based_on = element.find(W + "basedOn")
    rpr = element.find(W + "rPr")
    ppr = element.find(W + "pPr")
    ascii_font, hansi_font = _fonts(rpr)
    return _Style(
        name=attr(name_element, W + "val").strip().lower() if name_element is not None else "",
        based_on=(attr(based_on, W + "val") or None) if based_on is not None else None,
        ascii=ascii_font,
        hansi=hansi_font,
        hidden=_hidden(rpr),
        numbered=ppr is not None and _numbered(ppr),
        outline=_outline(ppr),
    )


def _fonts(rpr: etree._Element | None) -> tuple[str | None, str | None]:
    """The ASCII and hAnsi font names set by ``rPr/rFonts`` (None where not set)."""
    fonts = rpr.find(W + "rFonts") if rpr is not None else None
    if fonts is None:
        return None, None
    return _slot(fonts, "ascii"), _slot(fonts, "hAnsi")


def _slot(fonts: etree._Element, slot: str) -> str | None:
    if fonts.get(W + slot + "Theme"):
        return THEME_FONT
    value = fonts.get(W + slot)
    return value.strip() if value else None


def _hidden(rpr: etree._Element | None) -> bool | None:
    vanish = rpr.find(W + "vanish") if rpr is not None else None
    return None if vanish is None else is_on(vanish)


def _numbered(ppr: etree._Element) -> bool:
    num_id = ppr.find(f"{W}numPr/{W}numId")
    return num_id is not None and attr(num_id, W + "val") not in ("", "0")


def _outline(ppr: etree._Element | None) -> int | None:
    level = ppr.find(W + "outlineLvl") if ppr is not None else None
    if level is None:
        return None
    try:
        value = int(attr(level, W + "val"))
    except ValueError:
        return None
    return value if 0 <= value <= 8 else None


def _kind_from_name(name: str) -> str | None:
    if name == "title":
        return "title"
    if name.startswith("heading"):
        return "heading"
    if name == "caption":
        return "caption"
    if name.startswith("list"):
        return "list_item"
    return None
