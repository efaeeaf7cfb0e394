"""Read a saved web page (or an HTML fragment) into raw blocks: the article's text only.

Parsing uses lxml's HTML parser with no network, comments and processing instructions
dropped, and ``huge_tree`` on: libxml2's default limits would cut a text node at 10 MB and drop
it with everything after it, without a word. That is safe here: the input is bounded first
(:data:`MAX_HTML_BYTES`, and the text by :data:`~workbench.formats.text.MAX_TEXT_CHARS`), HTML
declares no entities (lxml decodes HTML's own named and numeric ones, nothing expands), and
every walk over the tree is iterative. Nesting then stops at 2,048 levels; a page the parser
still cannot read whole (any libxml2 resource limit) is read again, flat, by the standard
library's tokenizer (no tree, no recursion), so its text is not lost.

The headline becomes the first block. When it is an ``<h1>`` of the page it keeps the kind
"heading" (a true structural hint, like a Title paragraph in Word); when it only comes from
``og:title`` or ``<title>`` (metadata, often with the site's name) it gets kind ``None`` and
the cleaner decides, as it does for the first line of a plain-text file.
"""

from __future__ import annotations

import codecs
import re

from lxml import etree

from workbench.core.errors import ImportRefused
from workbench.core.models import Imported, RawBlock
from workbench.formats.breaks import normalise
from workbench.formats.encoding import refuse_binary
from workbench.formats.htmlblocks import Walk, flat_blocks, tree_blocks
from workbench.formats.htmlclean import article, text_of
from workbench.formats.text import refuse_long_text
from workbench.i18n import _

#: Largest page read (the registry refuses larger files first).
MAX_HTML_BYTES = 20 * 1024 * 1024

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_SINGLE_BYTE_LATIN = frozenset(("cp1252", "iso8859-1", "ascii", "iso8859-15"))
# cp1258 writes tones as combining bytes right after a vowel (also after â ê ô ă ơ ư).
_CP1258_TONE = re.compile(
    rb"[aeiouyAEIOUY\xe2\xea\xf4\xe3\xf5\xfd\xc2\xca\xd4\xc3\xd5\xdd]"
    rb"[\xcc\xec\xd2\xde\xf2]"
)


def read_html(data: bytes, name: str) -> Imported:
    """Read a saved web page into ``Imported(format="html", blocks=[...])``.

    Bytes are decoded by :func:`decode_html`; ``encoding`` records the codec used. Blocks
    come from :func:`html_to_blocks`. Raises :class:`ImportRefused` for an empty file, a file
    over :data:`MAX_HTML_BYTES`, or a page with no readable text.
    """
    if not data.strip():
        raise ImportRefused(_("{name} is empty (0 bytes).").format(name=name))
    refuse_binary(data, name, nul_is_text=data.startswith(_UNICODE_BOMS) or _looks_utf16(data))
    if len(data) > MAX_HTML_BYTES:
        raise ImportRefused(
            _("{name} is too large for a web page ({size} MB).").format(
                name=name, size=round(len(data) / 1024 / 1024, 1)
            )
        )
    text, encoding = decode_html(data)
    walk, flat = _extract(text)
    blocks = walk.blocks
    if not blocks:
        raise ImportRefused(_("{name} contains no readable text.").format(name=name))
    refuse_long_text("\n".join(block.text for block in blocks), name)
    warnings = []
    if flat:
        warnings.append(
            _(
                "{name} is nested too deeply to read its layout: its text was kept, "
                "menus and page furniture may remain."
            ).format(name=name)
        )
    if walk.encodings:
        encoding = sorted(walk.encodings)[0]
    return Imported(
        format="html", original=data, encoding=encoding, blocks=blocks, warnings=warnings
    )


_UNICODE_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _looks_utf16(data: bytes) -> bool:
    """Markup saved as UTF-16 without a BOM: every other byte of its ASCII is NUL."""
    head = data[:200]
    return len(head) >= 2 and head.count(0) >= len(head) // 3


def html_to_blocks(markup: str) -> list[RawBlock]:
    """The article text of an HTML page or fragment as raw blocks (empty list if none).

    Page furniture is dropped (:mod:`workbench.formats.htmlclean`), the main container is
    chosen by text density, ``<h1>``–``<h6>`` give "heading", ``<figcaption>`` and
    caption-classed elements "caption", ``<li>`` "list_item", other text ``None``. One ``<br>``
    is a space, two in a row split a paragraph. Entities are decoded, whitespace collapsed,
    text NFC. The headline (an ``<h1>``, else ``og:title``, else ``<title>``) comes first.
    Never raises for odd markup: what cannot be parsed is read flat.
    """
    walk, _flat = _extract(markup)
    return walk.blocks


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode a page's bytes; return the text and the codec's name.

    A BOM wins; then ``<meta charset>`` (or an XML declaration) in the first 8 KB; a page
    declared as Windows-1252/Latin-1 that is valid UTF-8 is read as UTF-8 (mislabelled pages
    are common); otherwise UTF-8, else Windows-1258 when its tone bytes show, else
    Windows-1252. Undecodable bytes become U+FFFD; never raises.
    """
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace"), codec
    declared = _declared_codec(data[:8192])
    if declared and declared not in _SINGLE_BYTE_LATIN and declared != "utf-8":
        try:
            return data.decode(declared, errors="replace"), declared
        except (LookupError, UnicodeError, ValueError, TypeError):
            declared = None  # "charset=base64": a codec, but not a text encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared == "utf-8":
        return data.decode("utf-8", errors="replace"), "utf-8"
    if len(_CP1258_TONE.findall(data[:200_000])) >= 3:
        return data.decode("cp1258", errors="replace"), "cp1258"
    # HTML reads the Latin-1 and ASCII labels as Windows-1252.
    return data.decode("cp1252", errors="replace"), "cp1252"


def _declared_codec(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii", errors="replace")
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A page that could declare itself in ASCII is not UTF-16/32 (HTML reads those as UTF-8).
    return "utf-8" if name.startswith(("utf-16", "utf-32")) else name


def _extract(markup: str) -> tuple[Walk, bool]:
    """The page's walk and whether it had to be read flat (the tree would be cut short)."""
    if not markup.strip():
        return Walk(), False
    parser = etree.HTMLParser(
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )
    try:
        root = etree.fromstring(markup.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    limits = etree.ErrorTypes.ERR_RESOURCE_LIMIT
    if root is None or any(error.type == limits for error in parser.error_log):
        walk = flat_blocks(markup)
        title = strip_site_name(walk.title)
        walk.blocks = _headline_first(walk.blocks, [title] if title else [], [])
        return walk, True
    body = root.find("body")
    body = root if body is None else body
    titles = _meta_titles(root)
    page_h1 = [text for h1 in body.iter("h1") if (text := normalise(text_of(h1)))]
    walk = tree_blocks(article(body))
    walk.blocks = _headline_first(walk.blocks, titles, page_h1)
    return walk, False


def _meta_titles(root: etree._Element) -> list[str]:
    """``og:title`` and the ``<title>`` without the site's name."""
    candidates = []
    for meta in root.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() == "og:title":
            candidates.append(normalise(meta.get("content") or ""))
    title = root.find(".//title")
    if title is not None:
        candidates.append(strip_site_name(normalise(text_of(title))))
    return [c for c in candidates if c]


def strip_site_name(title: str) -> str:
    """A ``<title>`` without the site name after " | ", or after " - " / " – " when that tail
    looks like a site: a domain, one word or an acronym ("VOV"), "Báo …", "Cổng …"."""
    for separator in (" | ", " – ", " — ", " - ", " :: "):
        head, found, tail = title.rpartition(separator)
        if not found or len(head) < 15:
            continue
        words = tail.split()
        site_like = "." in tail or len(words) == 1 or tail.isupper()
        if separator == " | " or site_like or words[0].lower() in _SITE_WORDS:
            return strip_site_name(head)
    return title


_SITE_WORDS = frozenset(("báo", "cổng", "trang", "tạp", "đài", "kênh", "website", "news"))


def _headline_first(
    blocks: list[RawBlock], titles: list[str], page_h1: list[str]
) -> list[RawBlock]:
    """Put the headline first.

    In order: a heading block matching ``og:title``/``<title>``; a heading block that is one
    of the page's ``<h1>``; a page ``<h1>`` matching the metadata (it sat outside the article
    container) as a new "heading" block; the metadata title as a new block of kind None;
    the page's first ``<h1>`` as a new "heading" block.
    """
    headings = [i for i, b in enumerate(blocks) if b.kind == "heading"]
    match = next((i for i in headings if _matches(blocks[i].text, titles)), None)
    if match is None:
        match = next((i for i in headings if blocks[i].text in page_h1), None)
    if match is not None:
        return [blocks[match], *blocks[:match], *blocks[match + 1 :]]
    if blocks and _matches(blocks[0].text, titles):
        return blocks
    outside = next((h1 for h1 in page_h1 if _matches(h1, titles)), None)
    if outside:
        return [RawBlock(outside, "heading"), *blocks]
    if titles:
        return [RawBlock(titles[0], None), *blocks]
    if page_h1:
        return [RawBlock(page_h1[0], "heading"), *blocks]
    return blocks


def _matches(text: str, titles: list[str]) -> bool:
    """Whether ``text`` is one of the titles, or starts one (the rest a site name) or is
    started by one, the shorter 15+ characters and the longer at most 60 more."""
    text = text.casefold()
    for title in titles:
        title = title.casefold()
        short, long = sorted((text, title), key=len)
        if text == title or (
            len(short) >= 15 and len(long) <= len(short) + 60 and long.startswith(short)
        ):
            return True
    return False
