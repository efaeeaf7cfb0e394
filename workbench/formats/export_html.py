"""A report as a standalone HTML page for the office's website.

One UTF-8 file that needs nothing else: the style sheet is inline, there is no script, no
image, no font or link to fetch, and a Content-Security-Policy that forbids loading anything
should a site's template add it. Every text is escaped, so a report holding ``<script>`` or
``"onload=`` shows it as text. Web addresses in a report stay text, as in the .docx.
"""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from workbench.core.layout import ExportSettings
from workbench.core.models import Report
from workbench.formats.article import Article, article
from workbench.formats.docx_document import write_atomic

#: Nothing may be fetched or run; only the page's own <style> applies.
CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
STYLE = """
body { font-family: "Times New Roman", Times, serif; font-size: 14pt; line-height: 1.4;
       color: #000; background: #fff; max-width: 40em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.3em; text-align: center; }
h2 { font-size: 1em; }
p { text-align: justify; margin: 0 0 0.5em; }
.dateline { font-style: italic; text-align: center; margin-bottom: 1.5em; }
.lead { font-weight: bold; }
.caption { font-style: italic; text-align: center; font-size: 0.93em; }
.source { font-style: italic; text-align: right; margin-top: 1.5em; }
ul { list-style: none; padding-left: 0; }
li::before { content: "– "; }
"""
_BLOCK_TAGS = {
    "lead": ('<p class="lead">', "</p>"),
    "heading": ("<h2>", "</h2>"),
    "caption": ('<p class="caption">', "</p>"),
    "list_item": ('<p class="list-item">', "</p>"),
}


def _esc(text: str) -> str:
    return escape(text, quote=True)


def html_text(report: Report, settings: ExportSettings, *, issued: date | None = None) -> str:
    """The HTML page of ``report`` (see the module docstring); ends with a newline.

    The dateline and text rules are :func:`~workbench.formats.article.article`'s.
    """
    art = article(report, settings, issued)
    lines = [
        "<!DOCTYPE html>",
        '<html lang="vi">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{_esc(art.headline)}</title>",
    ]
    if art.author:
        lines.append(f'<meta name="author" content="{_esc(art.author)}">')
    lines += [f"<style>{STYLE}</style>", "</head>", "<body>", "<article>"]
    lines += _article_lines(art)
    lines += ["</article>", "</body>", "</html>"]
    return "\n".join(lines) + "\n"


def _article_lines(art: Article) -> list[str]:
    lines = [
        f"<h1>{_esc(art.headline)}</h1>",
        f'<p class="dateline"><time datetime="{art.day.isoformat()}">'
        f"{_esc(art.dateline)}</time></p>",
    ]
    for kind, text in art.blocks:
        start, end = _BLOCK_TAGS.get(kind, ("<p>", "</p>"))
        lines.append(f"{start}{_esc(text)}{end}")
    for label, items in art.lists():
        lines += [f"<h2>{_esc(label)}</h2>", "<ul>"]
        lines += [f"<li>{_esc(item)}</li>" for item in items]
        lines.append("</ul>")
    if art.source_line:
        lines.append(f'<p class="source">{_esc(art.source_line)}</p>')
    return lines


def write_html(
    report: Report, settings: ExportSettings, path: Path, *, issued: date | None = None
) -> Path:
    """Write :func:`html_text` of ``report`` to ``path`` as UTF-8 (no BOM); return ``path``.

    The file is replaced atomically. Raises :class:`~workbench.core.errors.ExportFailed`
    when it cannot be written.
    """
    return write_atomic(html_text(report, settings, issued=issued).encode("utf-8"), path)
