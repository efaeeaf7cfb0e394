"""The report body in a rich-text editor: block kinds shown, analysis highlighted.

Each block of the report is one paragraph of the QTextDocument, its kind kept in the block's
user state. Report offsets (into ``Report.text``, blocks joined by blank lines) and document
positions (blocks joined by one paragraph separator) are mapped both ways here and nowhere
else. Highlights are kept as QTextCursors, which Qt moves along as the text is edited, so they
follow the editor's changes.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QInputMethodEvent,
    QKeyEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from workbench.core.models import BLOCK_KINDS, BLOCK_SEPARATOR, Block, Span, place_blocks
from workbench.core.text import nfc

# Distinct, colour-blind-friendly backgrounds (Okabe-Ito, lightened).
HIGHLIGHT_COLOURS = {
    "speaker": "#cce6ff",
    "attendee": "#e0f0d0",
    "mentioned": "#eeeeee",
    "task": "#fff0c2",
    "document": "#f5d6e8",
}
SELECTED_COLOUR = "#ffb000"


@dataclass
class _Highlight:
    category: str
    cursor: QTextCursor


class BodyView(QTextEdit):
    """Shows and edits a report's blocks; knows nothing about storage."""

    body_edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("body_view")
        self.setAcceptRichText(False)
        self._highlights: list[_Highlight] = []
        self._selected: list[QTextCursor] = []
        self._loading = False
        self.document().contentsChanged.connect(self._on_contents_changed)

    # -- content ---------------------------------------------------------------------------
    def set_blocks(self, blocks: list[Block]) -> None:
        """Replace the whole body with ``blocks`` (clears highlights and the text's undo)."""
        self._loading = True
        try:
            self.clear()
            cursor = QTextCursor(self.document())
            for index, block in enumerate(blocks):
                if index:
                    cursor.insertBlock()
                cursor.setBlockFormat(_block_format(block.kind))
                cursor.setCharFormat(_char_format(block.kind))
                cursor.insertText(block.text)
                cursor.block().setUserState(_kind_index(block.kind))
            self.document().clearUndoRedoStacks()
            self._highlights.clear()
            self._selected.clear()
            self.setExtraSelections([])
        finally:
            self._loading = False

    # -- marks typed apart -------------------------------------------------------------------
    # Unikey's composed-marks mode types a letter then its marks; text from macOS comes
    # decomposed (NFD). The archive stores NFC, so the body composes them as they come in: a
    # paste in one step, a mark with the letter before it. Qt counts positions in UTF-16
    # units (an emoji is two), so letters are found by moving cursors, not by slicing.
    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText() and not unicodedata.is_normalized("NFC", source.text()):
            cursor = self.textCursor()
            cursor.insertFragment(QTextDocumentFragment.fromPlainText(nfc(source.text())))
            self.setTextCursor(cursor)
        else:
            super().insertFromMimeData(source)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._compose_with_letter_before(event.text()):
            super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        composing = self.textCursor().block().layout().preeditAreaText()
        if event.replacementLength() or event.preeditString() or composing:
            super().inputMethodEvent(event)  # Qt keeps the preedit; the commit is composed after
            self._compose_before_cursor(_units(event.commitString()))
        elif not self._compose_with_letter_before(event.commitString()):
            super().inputMethodEvent(event)

    def _compose_before_cursor(self, units: int) -> None:
        """Compose what was just put in before the cursor (``units`` long) with the letter
        before it, as a step of its own, when marks stand apart in it."""
        cursor = self.textCursor()
        block = cursor.block()
        if not units or cursor.hasSelection() or block.layout().preeditAreaText():
            return
        stretch = QTextCursor(cursor)
        stretch.setPosition(max(block.position(), cursor.position() - units))
        if stretch.position() > block.position():
            stretch.movePosition(QTextCursor.MoveOperation.PreviousCharacter)
        stretch.setPosition(cursor.position(), QTextCursor.MoveMode.KeepAnchor)
        text = stretch.selectedText()
        if not unicodedata.is_normalized("NFC", text):
            stretch.insertText(nfc(text))
            self.setTextCursor(stretch)

    def _compose_with_letter_before(self, typed: str) -> bool:
        """Put ``typed`` in, composed with the letter before the cursor, when it starts with a
        mark or holds marks apart; whether it did (False: Qt puts it in as it is)."""
        cursor = self.textCursor()
        if not typed or cursor.hasSelection():
            return False
        if not unicodedata.combining(typed[0]) and unicodedata.is_normalized("NFC", typed):
            return False
        letter = QTextCursor(cursor)
        letter.movePosition(
            QTextCursor.MoveOperation.PreviousCharacter, QTextCursor.MoveMode.KeepAnchor
        )
        before = letter.selectedText() if letter.block() == cursor.block() else ""
        composed = nfc(before + typed)
        if composed == before + typed:
            return False
        start, end = letter.selectionStart(), letter.selectionEnd()
        cursor.beginEditBlock()
        # in after the letter, then the letter out: a highlight starting at it keeps its start
        cursor.insertText(composed)
        if before:
            letter.setPosition(start)
            letter.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            letter.removeSelectedText()
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        return True

    def blocks(self) -> list[Block]:
        """The body as it stands now, with offsets into the joined text."""
        items = []
        block = self.document().firstBlock()
        while block.isValid():
            state = block.userState()
            kind = BLOCK_KINDS[state] if 0 <= state < len(BLOCK_KINDS) else "paragraph"
            items.append((kind, block.text()))
            block = block.next()
        return place_blocks(items)

    def compose_marks(self) -> None:
        """Compose marks apart from their letters that reached the body another way (as the
        archive stores text, NFC): the body then shows what is stored and need not be
        replaced after a save.

        Only the characters that change are replaced, as one step joined to the last edit
        block if there is one (a key composed by ``_compose_with_letter_before``), and the
        cursor and selection keep their places in the text; highlights elsewhere in the
        paragraph stay.
        """
        view = self.textCursor()
        ends = [(self.document().findBlock(p), p) for p in (view.anchor(), view.position())]
        places = [(block.blockNumber(), p - block.position()) for block, p in ends]
        edit = QTextCursor(self.document())
        block, changed = self.document().firstBlock(), False
        while block.isValid():
            text = block.text()
            if not unicodedata.is_normalized("NFC", text):
                if not changed:
                    edit.joinPreviousEditBlock()
                places = [
                    (
                        number,
                        _composed_units(text, units) if number == block.blockNumber() else units,
                    )
                    for number, units in places
                ]
                self._replace_changed(edit, block, text, nfc(text))
                changed = True
            block = block.next()
        if not changed:
            return
        edit.endEditBlock()
        anchor, position = (
            self.document().findBlockByNumber(number).position() + units for number, units in places
        )
        view.setPosition(anchor)
        view.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(view)

    def _replace_changed(self, edit: QTextCursor, block: QTextBlock, old: str, new: str) -> None:
        """Replace in ``block`` the stretch where ``old`` and ``new`` differ."""
        head = _same_start(old, new)
        tail = _same_start(old[head:][::-1], new[head:][::-1])
        edit.setPosition(block.position() + _units(old[:head]))
        end = block.position() + _units(old[: len(old) - tail])
        edit.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self._loading = True  # not the editor's edit: no body_edited, the save is under way
        try:
            edit.insertText(new[head : len(new) - tail])
        finally:
            self._loading = False

    def set_block_kind(self, kind: str) -> None:
        """Give the paragraph at the cursor another kind (heading, caption, ...)."""
        cursor = self.textCursor()
        cursor.block().setUserState(_kind_index(kind))
        cursor.setBlockFormat(_block_format(kind))
        self.body_edited.emit()

    # -- offsets -----------------------------------------------------------------------------
    def to_position(self, offset: int) -> int:
        """The document position of a ``Report.text`` offset."""
        block = self.document().firstBlock()
        start = 0
        while block.isValid():
            length = len(block.text())
            if offset <= start + length:
                return block.position() + max(0, offset - start)
            start += length + len(BLOCK_SEPARATOR)
            block = block.next()
        return max(0, self.document().characterCount() - 1)

    def to_offset(self, position: int) -> int:
        """The ``Report.text`` offset of a document position."""
        block = self.document().findBlock(position)
        start, walker = 0, self.document().firstBlock()
        while walker.isValid() and walker != block:
            start += len(walker.text()) + len(BLOCK_SEPARATOR)
            walker = walker.next()
        return start + position - block.position()

    def selected_span(self) -> Span | None:
        """The selection as a span of ``Report.text``, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return Span(self.to_offset(cursor.selectionStart()), self.to_offset(cursor.selectionEnd()))

    # -- highlights --------------------------------------------------------------------------
    def set_highlights(self, spans: dict[str, list[Span]]) -> None:
        """Highlight each category's spans in its colour (replaces earlier highlights)."""
        self._highlights = [
            _Highlight(category, self._cursor_for(span))
            for category, items in spans.items()
            for span in items
        ]
        self._refresh_selections()

    def highlighted_spans(self, category: str) -> list[Span]:
        """Where the highlights of ``category`` are now, after any edits."""
        return [
            Span(self.to_offset(h.cursor.selectionStart()), self.to_offset(h.cursor.selectionEnd()))
            for h in self._highlights
            if h.category == category
        ]

    def select_spans(self, spans: list[Span]) -> None:
        """Mark ``spans`` as the current selection and scroll the first into view."""
        self._selected = [self._cursor_for(span) for span in spans]
        self._refresh_selections()
        if self._selected:
            cursor = QTextCursor(self._selected[0])
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

    def _cursor_for(self, span: Span) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.to_position(span.start))
        cursor.setPosition(self.to_position(span.end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _refresh_selections(self) -> None:
        selections = []
        for item in self._highlights:
            selections.append(_selection(item.cursor, HIGHLIGHT_COLOURS.get(item.category)))
        for cursor in self._selected:
            selections.append(_selection(cursor, SELECTED_COLOUR))
        self.setExtraSelections(selections)

    def _on_contents_changed(self) -> None:
        if not self._loading:
            self._highlights = [h for h in self._highlights if h.cursor.hasSelection()]
            self._refresh_selections()
            self.body_edited.emit()


def _units(text: str) -> int:
    """The length of ``text`` as Qt counts it (UTF-16 code units: an emoji is two)."""
    return len(text.encode("utf-16-le")) // 2


def _composed_units(text: str, units: int) -> int:
    """Where the place ``units`` into ``text`` is once the text is composed (NFC)."""
    index, counted = 0, 0
    while index < len(text) and counted < units:
        counted += _units(text[index])
        index += 1
    return _units(nfc(text[:index]))


def _same_start(one: str, other: str) -> int:
    """How many characters ``one`` and ``other`` start with alike."""
    pairs = enumerate(zip(one, other, strict=False))
    return next((i for i, (a, b) in pairs if a != b), min(len(one), len(other)))


def _kind_index(kind: str) -> int:
    return BLOCK_KINDS.index(kind) if kind in BLOCK_KINDS else BLOCK_KINDS.index("paragraph")


def _block_format(kind: str) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setBottomMargin(8)
    if kind == "list_item":
        fmt.setLeftMargin(24)
    elif kind == "caption":
        fmt.setLeftMargin(36)
        fmt.setRightMargin(36)
    elif kind == "heading":
        fmt.setTopMargin(10)
    return fmt


def _char_format(kind: str) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if kind == "heading":
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setFontPointSize(13)
    elif kind == "caption":
        fmt.setFontItalic(True)
        fmt.setForeground(QColor("#444444"))
    return fmt


def _selection(cursor: QTextCursor, colour: str | None) -> QTextEdit.ExtraSelection:
    selection = QTextEdit.ExtraSelection()
    selection.cursor = cursor
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(colour or "#dddddd"))
    selection.format = fmt
    return selection
