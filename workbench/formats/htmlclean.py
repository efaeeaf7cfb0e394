"""Strip a parsed web page down to its article: junk removal and main-content choice.

Generic rules only, no site list:

* elements that never hold article text (scripts, styles, forms, navigation, asides, footers,
  page headers outside the article, hidden elements, ``javascript:`` links) go;
* elements whose class or id names navigation, menus, breadcrumbs, sharing, comments, related
  news, tags, advertising … go, unless they hold most of the page's paragraph text (a
  ``<div class="main has-sidebar">`` wrapper is not a sidebar);
* a "related news" box goes with its heading ("Tin liên quan", "Tin cùng chuyên mục",
  "Bài viết liên quan", …) and the link lists after it;
* the main container is the ``<article>`` holding most paragraph text, else the element
  holding most ``<p>`` text, widened while its parent adds only a little non-link text (the
  headline, the lead paragraph, the date);
* inside it, lists and boxes made mostly of links are dropped.

Every walk is iterative (lxml's C iterators); nothing here recurses in Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from workbench.formats.breaks import normalise

Element = etree._Element

DROP_TAGS = frozenset(
    (
        *("script", "style", "noscript", "template", "iframe", "frame", "frameset", "object"),
        *("embed", "applet", "svg", "math", "canvas", "form", "button", "select", "input"),
        *("textarea", "nav", "aside", "dialog", "menu", "audio", "video", "map", "head"),
        *("title", "meta", "link", "base"),
    )
)
#: Words of a class or id that mark page furniture, matched whole after splitting on - _ .
JUNK_WORDS = frozenset(
    (
        *("nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs"),
        *("breadcrum", "share", "sharing", "social", "sociallinks", "comment", "comments"),
        *("binhluan", "related", "relate", "relates", "relatednews", "lienquan", "tinlienquan"),
        *("tinkhac", "xemthem", "docthem", "cungchuyenmuc", "sidebar", "widget", "widgets"),
        *("ads", "ad", "adv", "advert", "advertisement", "advertising", "quangcao", "banner"),
        *("popup", "modal", "cookie", "cookies", "newsletter", "subscribe", "pagination"),
        *("pager", "tags", "tag", "toolbar", "rating", "promo", "sponsor", "sponsored"),
        *("topbar", "mostread", "mostviewed", "docnhieu", "print", "sitemap"),
    )
)
#: Headings of "related news" boxes, compared lower-cased without punctuation.
RELATED_HEADINGS = frozenset(
    (
        "tin liên quan",
        "tin cùng chuyên mục",
        "bài viết liên quan",
        "bài liên quan",
        "tin bài liên quan",
        "tin khác",
        "các tin khác",
        "tin bài khác",
        "bài viết khác",
        "xem thêm",
        "đọc thêm",
        "có thể bạn quan tâm",
        "bạn có thể quan tâm",
        "tin mới",
        "tin mới nhất",
        "tin mới hơn",
        "tin cũ hơn",
        "tin đọc nhiều",
        "đọc nhiều nhất",
        "tin nổi bật",
        "bình luận",
        "ý kiến bạn đọc",
        "từ khóa",
        "từ khoá",
        "related",
        "related articles",
        "related news",
        "read more",
        "more news",
        "see also",
    )
)
KEEP_TAGS = frozenset(("html", "body", "article", "main"))
#: Page headers and footers (tags, or class/id words): junk outside ``<article>``/``<main>``,
#: kept inside (an article's own header holds its headline, its footer the source line).
_PAGE_FRAME = frozenset(("header", "footer", "masthead"))
_WORD_SPLIT = re.compile(r"[-_.:\s]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SCRIPT_URL = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.IGNORECASE)
_PUNCTUATION = re.compile(r"[\s:»«>›‹|•·\-–—()\[\]]+")
_LINKY_TAGS = frozenset(["ul", "ol", "dl", "div", "section", "table", "aside"])
#: Share of a container's text in links above which it is a list of links, not prose.
LINK_DENSITY = 0.6
#: Most "related news" boxes looked for, and how far up from its heading a box may reach
#: (bounds the work on a page crafted with thousands of such headings).
MAX_RELATED_BOXES = 50
MAX_BOX_DEPTH = 6
#: Pages with more elements get the tag rules only: each density pass costs a few
#: microseconds per element (real news pages have 2,000-30,000 elements).
MAX_ANALYSED_ELEMENTS = 100_000
#: A container keeps its junk-named or link-heavy descendants that hold this share of text.
PROTECTED_SHARE = 0.5


@dataclass
class Measure:
    """Visible characters (whitespace excluded) in an element's subtree."""

    text: int = 0
    links: int = 0
    paragraphs: int = 0


def measure(root: Element) -> dict[Element, Measure]:
    """Text, link text and ``<p>`` text of every element, in one pass."""
    sizes: dict[Element, Measure] = {}
    stack: list[Measure] = [Measure()]
    in_link = in_paragraph = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag
        if event == "start":
            in_link += tag == "a"
            in_paragraph += tag == "p"
            own = Measure()
            if element.text:
                size = len("".join(element.text.split()))
                own.text = size
                own.links = size if in_link else 0
                own.paragraphs = size if in_paragraph else 0
            stack.append(own)
            continue
        own = stack.pop()
        sizes[element] = own
        in_link -= tag == "a"
        in_paragraph -= tag == "p"
        parent = stack[-1]
        parent.text += own.text
        parent.links += own.links
        parent.paragraphs += own.paragraphs
        if element.tail:
            size = len("".join(element.tail.split()))
            parent.text += size
            parent.links += size if in_link else 0
            parent.paragraphs += size if in_paragraph else 0
    return sizes


def text_of(element: Element) -> str:
    """All the text inside ``element`` (not its tail)."""
    return "".join(element.itertext())


def drop_tree(element: Element) -> None:
    """Remove ``element`` and its content, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def article(body: Element) -> Element:
    """Drop the page furniture from ``body`` (in place) and return the element that holds
    the article. Pages of more than :data:`MAX_ANALYSED_ELEMENTS` elements get the tag rules
    only, and the whole body is the article."""
    _drop([el for el in body.iter() if _always_junk(el)])
    if sum(1 for _el in body.iter()) > MAX_ANALYSED_ELEMENTS:
        return body
    remove_junk(body)
    container = main_container(body)
    drop_link_lists(container)
    return container


def remove_junk(body: Element) -> None:
    """Drop elements named like furniture and "related news" boxes from ``body``."""
    sizes = measure(body)
    page = sizes.get(body, Measure())
    named = [el for el in body.iter() if el.tag not in KEEP_TAGS and _junk_name(el)]
    _drop([el for el in named if not _protected(sizes.get(el), page)])
    _drop_related_boxes(body)


def main_container(body: Element) -> Element:
    """The element that holds the article (``body`` when nothing better stands out)."""
    sizes = measure(body)
    total = _weight(sizes[body])
    if total == 0:
        return body
    best = None
    for candidates in (
        [el for el in body.iter("article") if el.get("itemprop") != "articleBody"]
        + [el for el in body.iter() if el.get("itemprop") == "articleBody"],
        [el for el in body.iter("main") if el is not body]
        + [el for el in body.iter() if el.get("role") == "main"],
    ):
        heaviest = max(candidates, key=lambda el: _weight(sizes[el]), default=None)
        if heaviest is not None and _weight(sizes[heaviest]) >= 0.3 * total:
            best = heaviest
            break
    if best is None:
        best = _densest(body, sizes)
        while best is not body and _weight(sizes[best]) < 0.6 * total:
            best = best.getparent()
    return _widen(best, body, sizes)


def drop_link_lists(container: Element) -> None:
    """Drop lists and boxes inside ``container`` whose text is mostly links."""
    sizes = measure(container)
    whole = sizes[container]
    doomed = []
    for element in container.iter(*_LINKY_TAGS):
        size = sizes.get(element)
        if element is container or size is None or size.text == 0:
            continue
        if size.links > LINK_DENSITY * size.text and not _protected(size, whole):
            doomed.append(element)
    _drop(doomed)


def _always_junk(element: Element) -> bool:
    tag = element.tag
    if not isinstance(tag, str):
        return True  # comments and processing instructions left by the parser
    if tag in DROP_TAGS:
        return True
    if tag in _PAGE_FRAME or _PAGE_FRAME.intersection(_words(element)):
        return next(element.iterancestors("article", "main"), None) is None
    if tag == "a" and _SCRIPT_URL.match(element.get("href") or ""):
        return True
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    return bool(_HIDDEN_STYLE.search(element.get("style") or ""))


def _junk_name(element: Element) -> bool:
    return not _words(element).isdisjoint(JUNK_WORDS)


def _words(element: Element) -> set[str]:
    """The words of an element's class, id and role ("box-tin_lienquan" → box, tin, lienquan)."""
    names = f"{element.get('class') or ''} {element.get('id') or ''} {element.get('role') or ''}"
    return {word for word in _WORD_SPLIT.split(names.lower()) if word}


def _weight(size: Measure) -> int:
    """Paragraph text if the page uses ``<p>``, else all text."""
    return size.paragraphs or size.text


def _protected(size: Measure | None, whole: Measure) -> bool:
    """Whether an element holds too much of ``whole``'s text to be junk: its paragraph text
    when the page has paragraphs, else its text."""
    if size is None:
        return False
    if whole.paragraphs:
        return size.paragraphs >= PROTECTED_SHARE * whole.paragraphs
    return whole.text > 0 and size.text >= PROTECTED_SHARE * whole.text


def _drop(elements: list[Element]) -> None:
    for element in elements:
        drop_tree(element)


def heading_key(text: str) -> str:
    """Text compared against :data:`RELATED_HEADINGS`: lower case, punctuation dropped."""
    return _PUNCTUATION.sub(" ", normalise(text).lower()).strip()


def _drop_related_boxes(body: Element) -> None:
    sizes = measure(body)
    page = sizes[body]
    headings = []
    for element in body.iter():
        size = sizes.get(element)
        if size is None or not 0 < size.text <= 40:
            continue
        key = heading_key(text_of(element))
        if key in RELATED_HEADINGS and not any(h in headings for h in element.iterancestors()):
            headings.append(element)
            if len(headings) >= MAX_RELATED_BOXES:
                break
    for heading in headings:
        if heading.getparent() is None:
            continue
        box = _related_box(heading, sizes, page)
        if box is not heading:
            _drop([box])
            continue
        following = []
        for sibling in heading.itersiblings():
            size = sizes.get(sibling)
            if size is None or (size.text and size.links < LINK_DENSITY * size.text):
                break
            following.append(sibling)
        _drop([heading, *following])


def _related_box(heading: Element, sizes: dict[Element, Measure], page: Measure) -> Element:
    """The widest ancestor that starts with the heading and is mostly links."""
    box = heading
    key = heading_key(text_of(heading))
    for depth, parent in enumerate(heading.iterancestors()):
        size = sizes.get(parent)
        if depth >= MAX_BOX_DEPTH:
            break
        if parent.tag in KEEP_TAGS or size is None or _protected(size, page):
            break
        if not heading_key(text_of(parent)).startswith(key):
            break
        rest = size.text - sizes[heading].text
        if rest and size.links - sizes[heading].links < LINK_DENSITY * rest:
            break
        box = parent
    return box


def _densest(body: Element, sizes: dict[Element, Measure]) -> Element:
    """The element whose ``<p>`` children (and half their grandchildren's) hold most text."""
    scores: dict[Element, float] = {}
    for paragraph in body.iter("p", "pre", "blockquote"):
        weight = sizes[paragraph].text
        parent = paragraph.getparent()
        if parent is None or not weight:
            continue
        scores[parent] = scores.get(parent, 0) + weight
        grandparent = parent.getparent()
        if grandparent is not None:
            scores[grandparent] = scores.get(grandparent, 0) + weight / 2
    if not scores:
        return body
    return max(scores, key=lambda el: scores[el])


def _widen(best: Element, body: Element, sizes: dict[Element, Measure]) -> Element:
    """Climb to the parent while it adds little text and that text is not mostly links."""
    while best is not body:
        parent = best.getparent()
        if parent is None:
            break
        extra = sizes[parent].text - sizes[best].text
        extra_links = sizes[parent].links - sizes[best].links
        if extra > 0.3 * sizes[best].text or (extra and extra_links > 0.5 * extra):
            break
        best = parent
    return best
