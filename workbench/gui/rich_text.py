"""Rich text for list rows: search hits with their matched words marked, and a delegate that
paints such rows.

The HTML is built from plain values (pure functions, run on the database thread with the page
of results), so the GUI thread only lays out what is visible.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from workbench.core.models import Span

MARK_OPEN = '<span style="background-color:#ffe27a; color:#000000"><b>'
MARK_CLOSE = "</b></span>"
MARGIN = 3
_SPACES = re.compile(r"\s+")


def marked_html(text: str, marks: Iterable[Span], offset: int = 0) -> str:
    """``text`` as HTML with each mark (a span of the text ``offset`` characters before
    ``text`` starts) in bold on a highlight; whitespace runs become one space."""
    out, pos = [], 0
    for mark in sorted(marks, key=lambda span: span.start):
        start, end = max(pos, mark.start - offset), min(len(text), mark.end - offset)
        if end <= start:
            continue
        out += [_plain(text[pos:start]), MARK_OPEN, _plain(text[start:end]), MARK_CLOSE]
        pos = end
    out.append(_plain(text[pos:]))
    return "".join(out)


def _plain(text: str) -> str:
    return html.escape(_SPACES.sub(" ", text), quote=False)


def hit_html(
    title: str,
    title_marks: Iterable[Span],
    meta: str,
    snippet: str,
    snippet_start: int,
    snippet_marks: Iterable[Span],
) -> str:
    """Three parts of one search hit: the headline (wrapped: a long one is read whole, the
    snippet gives up lines for it), a grey line (date · source) and the snippet, matched words
    marked in the headline and the snippet."""
    lead = "… " if snippet_start > 0 else ""
    meta_html = html.escape(meta, quote=False) or "&nbsp;"  # an empty line keeps its height
    return (
        f"<div><b>{marked_html(title, title_marks)}</b></div>"
        f'<div style="color:#777777; white-space:nowrap">{meta_html}</div>'
        f"<div>{lead}{marked_html(snippet, snippet_marks, snippet_start)} …</div>"
    )


class RichTextDelegate(QStyledItemDelegate):
    """Paints the HTML of a role (by default ``DisplayRole``) in each cell, in ``lines`` lines
    of the view's font; what does not fit is cut off."""

    def __init__(self, role: int, lines: int = 5, parent=None) -> None:
        super().__init__(parent)
        self._role = role
        self._lines = lines
        self._heights: dict[str, int] = {}

    def _document(self, option: QStyleOptionViewItem, text: str, width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(MARGIN)
        document.setHtml(text)
        document.setTextWidth(width)
        return document

    def paint(self, painter, option: QStyleOptionViewItem, index) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        text = str(index.data(self._role) or "")
        item.text = ""
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        document = self._document(item, text, item.rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        if item.state & QStyle.StateFlag.State_Selected:
            colour = item.palette.color(QPalette.ColorRole.HighlightedText)
            context.palette.setColor(QPalette.ColorRole.Text, colour)
        painter.save()
        painter.translate(item.rect.topLeft())
        clip = QRectF(0, 0, item.rect.width(), item.rect.height() - MARGIN)  # whole lines only
        painter.setClipRect(clip)
        context.clip = clip
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        key = option.font.key()
        if key not in self._heights:  # the height of ``lines`` lines as the document sets them
            sample = hit_html("Đg", [], "Đg", "@", 0, [])
            sample = sample.replace("@ …", "<br>".join(["Đg"] * max(1, self._lines - 2)))
            self._heights[key] = int(self._document(option, sample, 400).size().height()) + 1
        return QSize(1, self._heights[key])  # as wide as the view: the text wraps, never scrolls


def plain_tooltip(*lines: str | None) -> str:
    """A tooltip of the non-empty lines."""
    return "\n".join(line for line in lines if line)
