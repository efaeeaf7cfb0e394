"""A report as Markdown (CommonMark) for the office's website.

``# headline``, the place-and-date line in italics, the lead in bold, ``##`` headings, captions
in italics, key tasks as the literal paragraphs they are ("Một là, ..."), the speakers and the
cited documents as ``-`` lists, the source in italics. The report's own text is escaped, so
none of it turns into markup, HTML or links on the website: a ``<script>`` in a report stays
text.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from workbench.core.layout import ExportSettings
from workbench.core.models import Report
from workbench.formats.article import article
from workbench.formats.docx_document import write_atomic

# Characters with a meaning anywhere in a line (emphasis, code, links, raw HTML, tables,
# strikethrough, a heading's closing #). "&" only where it would start an entity (&amp;).
_INLINE = re.compile(r"[\\`*_\[\]<>|~#]|&(?=#?[0-9A-Za-z]+;)")
# What would start a block at the beginning of a line: quote, list item, rule.
_LINE_START = re.compile(r"^([>+-])|^(\d{1,9})([.)])")


def escape(text: str) -> str:
    """``text`` as a line of Markdown that renders as exactly this text (CommonMark
    backslash escapes); leading and trailing white space is dropped."""
    text = _INLINE.sub(lambda m: "\\" + m.group(0), text.strip())
    return _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text, count=1)


_BLOCK_FORMATS = {
    "lead": "**{}**",
    "heading": "## {}",
    "caption": "*{}*",
}


def markdown_text(report: Report, settings: ExportSettings, *, issued: date | None = None) -> str:
    """The Markdown of ``report`` (see the module docstring); ends with a newline.

    The dateline and text rules are :func:`~workbench.formats.article.article`'s.
    """
    art = article(report, settings, issued)
    parts = [f"# {escape(art.headline)}", f"*{escape(art.dateline)}*"]
    for kind, text in art.blocks:
        parts.append(_BLOCK_FORMATS.get(kind, "{}").format(escape(text)))
    for label, lines in art.lists():
        parts.append(f"## {escape(label)}")
        parts.append("\n".join(f"- {escape(line)}" for line in lines))
    if art.source_line:
        parts.append(f"*{escape(art.source_line)}*")
    return "\n\n".join(parts) + "\n"


def write_markdown(
    report: Report, settings: ExportSettings, path: Path, *, issued: date | None = None
) -> Path:
    """Write :func:`markdown_text` of ``report`` to ``path`` as UTF-8 (no BOM); return ``path``.

    The file is replaced atomically. Raises :class:`~workbench.core.errors.ExportFailed`
    when it cannot be written.
    """
    return write_atomic(markdown_text(report, settings, issued=issued).encode("utf-8"), path)
