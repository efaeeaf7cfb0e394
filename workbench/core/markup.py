"""Pure-string cleanup of Markdown and front matter, for reports that arrive as Markdown.

Headings, emphasis, links and images are reduced to their text (images to an image marker
line, which the structure step reads as "a caption may follow"); list markers are kept as text,
because "- ..." and "1. ..." items are part of what an editor reads. Front matter (YAML ``---``,
``---json``, TOML ``+++``) is taken apart into metadata: its title may become the report's
headline. Nothing here reads files or knows about blocks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = [
    "IMAGE_MARKER",
    "FrontMatter",
    "MarkdownText",
    "clean_inline",
    "clean_markdown",
    "front_matter_title",
    "looks_like_markdown",
    "split_front_matter",
]

IMAGE_MARKER = "[img]"

_FENCE_OPEN = re.compile(r"^\s*(---|\+\+\+)\s*(json|yaml|yml|toml)?\s*$", re.IGNORECASE)
_YAML_KEY = re.compile(r"^([A-Za-z_][\w.-]*)\s*[:=]\s?(.*)$")
_MAX_BEFORE = 2  # non-blank lines allowed before the opening fence (a title line, corpus 028)
_MAX_FRONT = 200  # lines of front matter at most

_ATX = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(={2,}|-{2,})\s*$")
_THEMATIC = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_CODE_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_LINK_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$")
_LIST_START = re.compile(r"^\s*(?:[-*+•–]\s|\d{1,3}[.)]\s)")

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_CALL_TO_ACTION = re.compile(
    r"^\s*(?:xem (?:chi tiết|thêm|tiếp|bài gốc)|đọc (?:thêm|tiếp)|chi tiết|tại đây|ở đây"
    r"|read more|more|click here)\b.*$",
    re.IGNORECASE,
)
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])")
_EM_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]*?[^\s_])_(?![\w_])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_CODE = re.compile(r"`([^`\n]+)`")
_SHORTCODE = re.compile(r":[a-z0-9_+-]{2,30}:")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # CommonMark: any ASCII punctuation
_PROTECT = 0xE000  # escaped characters wait in the private use area while emphasis is undone
_PROTECTED = re.compile("[\ue000-\ue07f]")
_COMMENT = re.compile(r"<!--.*?-->")
_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_BRACKET_LABEL = re.compile(r"^\s*\[[^\]]{1,80}\]\s*(?=\S)")

_MD_SIGNALS = (
    re.compile(r"^\s{0,3}#{1,6}\s+\S", re.MULTILINE),  # ATX heading
    re.compile(r"^[^\n]*\S[^\n]*\n\s{0,3}(?:={3,}|-{3,})\s*$", re.MULTILINE),  # setext
    re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__"),  # strong emphasis
    re.compile(r"^\s{0,3}```", re.MULTILINE),  # code fence
)
_HTML_BLOCK = re.compile(r"<(?:p|div|span|br|table|tr|td|li|ul|ol|h[1-6]|img)\b", re.IGNORECASE)
_MD_STRONG_SIGNALS = (
    re.compile(r"!\[[^\]\n]*\]\([^)\s]+\)"),  # image
    re.compile(r"\[[^\]\n]+\]\((?:https?://|/|\./|#)[^)\s]*\)"),  # inline link
)


@dataclass
class FrontMatter:
    """A text taken apart: ``before`` the opening fence, ``meta`` inside, ``body`` after.

    Without front matter, ``meta`` is empty, ``before`` is empty and ``body`` is every line.
    """

    meta: dict[str, str] = field(default_factory=dict)
    before: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)


@dataclass
class MarkdownText:
    """Lines of cleaned Markdown and which of them were headings (ATX or setext)."""

    lines: list[str]
    headings: frozenset[int] = frozenset()


def _scalar(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _yaml_value(raw: str) -> str:
    value = raw.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        try:
            return str(json.loads(value))
        except ValueError:
            return value[1:-1]
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return value


def _parse_front(content: list[str], lang: str | None) -> dict[str, str] | None:
    text = "\n".join(content).strip()
    if lang == "json" or text.startswith("{"):
        try:
            data = json.loads(text or "{}")
        except ValueError:
            return None
        if not isinstance(data, dict):
            return None
        return {str(k): v for k, raw in data.items() if (v := _scalar(raw)) is not None}
    meta: dict[str, str] = {}
    for line in content:
        if not line.strip() or line.lstrip().startswith("#") or line[:1].isspace():
            continue
        match = _YAML_KEY.match(line)
        if match is None:
            if not line.lstrip().startswith("-"):
                return None
            continue
        meta[match.group(1)] = _yaml_value(match.group(2))
    return meta or None


def split_front_matter(lines: Sequence[str]) -> FrontMatter:
    """Find front matter at the top of ``lines``: a ``---``/``---json``/``+++`` fence, at most
    two non-blank lines after the start (a title line may precede it), a closing fence, and
    ``key: value`` lines or a JSON object in between. Only top-level scalar values are kept.
    """
    seen = 0
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        opening = _FENCE_OPEN.match(line)
        if opening:
            found = _close_front(lines, index, opening.group(1), (opening.group(2) or "").lower())
            if found is not None:
                return found
        seen += 1
        if seen > _MAX_BEFORE:
            break
    return FrontMatter(body=list(lines))


def _close_front(lines: Sequence[str], start: int, fence: str, lang: str) -> FrontMatter | None:
    closers = ("---", "...") if fence == "---" else ("+++",)
    for end in range(start + 1, min(len(lines), start + _MAX_FRONT)):
        if lines[end].strip() in closers:
            meta = _parse_front(list(lines[start + 1 : end]), lang or None)
            if meta is None:
                return None
            if start > 0 and not lang and len(meta) < 2:
                return None  # "text\n---" is a setext heading, not front matter
            return FrontMatter(meta, list(lines[:start]), list(lines[end + 1 :]))
    return None


def front_matter_title(meta: dict[str, str]) -> str | None:
    """The ``title`` of front matter, trimmed, without a leading "[label]" tag
    ("[Chủ tịch Quốc hội] Chủ tịch Quốc hội ... chủ trì họp" → "Chủ tịch Quốc hội ... họp")."""
    title = meta.get("title") or meta.get("Title") or ""
    title = " ".join(clean_inline(title).split())
    title = _BRACKET_LABEL.sub("", title, count=1)
    return title or None


def looks_like_markdown(text: str) -> bool:
    """Whether ``text`` (a .txt file's content) is Markdown: front matter at the very top, a
    Markdown image or link, or two different kinds of weaker signs (``#`` headings, ``===``
    underlines, ``**strong**``, code fences). HTML with JSON front matter after a title line
    (corpus 028) is not Markdown by this test.
    """
    lines = text[:20000].splitlines()
    first = next((line for line in lines if line.strip()), "")
    front = split_front_matter(lines)
    if front.meta and _FENCE_OPEN.match(first):
        return True
    body = "\n".join(front.body)
    if len(_HTML_BLOCK.findall(body)) >= 3:
        return False
    if any(signal.search(body) for signal in _MD_STRONG_SIGNALS):
        return True
    return sum(1 for signal in _MD_SIGNALS if signal.search(body)) >= 2


def clean_inline(text: str) -> str:
    """One line of Markdown as plain text: images dropped, links and emphasis reduced to their
    text, call-to-action links ("Xem chi tiết ở đây") dropped, ``:emoji:`` codes and escapes
    removed. List markers and everything else are kept."""
    text = _ESCAPE.sub(lambda m: chr(_PROTECT + ord(m.group(1))), text)
    text = _COMMENT.sub("", text)
    text = _BREAK_TAG.sub(" ", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(_link_text, text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _EM_STAR.sub(r"\1", text)
    text = _EM_UNDERSCORE.sub(r"\1", text)
    text = _STRIKE.sub(r"\1", text)
    return _PROTECTED.sub(lambda m: chr(ord(m.group(0)) - _PROTECT), text)


def _link_text(match: re.Match[str]) -> str:
    label = _SHORTCODE.sub("", match.group(1) if match.group(1) is not None else match.group(2))
    return "" if _CALL_TO_ACTION.match(label) else label


def clean_markdown(lines: Sequence[str]) -> MarkdownText:
    """Markdown lines as plain lines: headings (``#`` or underlined) stand alone between blank
    lines and are listed in ``headings``; a line holding only images becomes ``IMAGE_MARKER``;
    thematic breaks, code fences, link definitions and blockquote markers are dropped.
    """
    out: list[str] = []
    headings: set[int] = set()
    source = list(lines)
    index = 0
    while index < len(source):
        line = source[index]
        following = source[index + 1] if index + 1 < len(source) else ""
        atx = _ATX.match(line)
        if atx or (line.strip() and _SETEXT.match(following) and not _LIST_START.match(line)):
            text = clean_inline(atx.group(2) if atx else line).strip()
            if text:
                out.extend(["", text, ""])
                headings.add(len(out) - 2)
            index += 1 if atx else 2
            continue
        index += 1
        if _THEMATIC.match(line) or _CODE_FENCE.match(line) or _LINK_DEF.match(line):
            out.append("")
            continue
        stripped = _QUOTE.sub("", line)
        if _IMAGE.search(stripped) and not _LINK.sub("", _IMAGE.sub("", stripped)).strip():
            out.extend(["", IMAGE_MARKER, ""])
            continue
        out.append(clean_inline(stripped))
    return MarkdownText(out, frozenset(headings))
