"""The report open in the window: loads it, shows it, and turns the editor's actions into
undoable edits on the archive.

Everything that touches the archive runs as an ``Op`` on the database thread; this object
only keeps what the widgets show and what an edit needs to know (the values before it).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from workbench.core.edits import SetDecision, UpdateReport, decision_label
from workbench.core.models import KeyTask, Person, Span, item_to_dict
from workbench.core.review import Decision, Review, ReviewItem, item_key
from workbench.core.text import nfc
from workbench.gui.ops import Op, Runner
from workbench.gui.panels.review_panel import ReviewPanel
from workbench.gui.report_editor import ReportEditor
from workbench.i18n import _
from workbench.services.editing import ReportView, apply_edit, load_report_view, revert_edit

TEXT_SAVE_DELAY_MS = 1200
REPORT_FIELDS = ("title", "published_at", "event_date", "place", "source", "author")


class ReportSession(QObject):
    """Connects the editor and the three review panels to one report of the archive."""

    report_loaded = Signal(object)  # ReportView
    failed = Signal(str)
    changes_applied = Signal(object)  # services.changes.Changes

    def __init__(
        self,
        runner: Runner,
        undo_stack: QUndoStack,
        editor: ReportEditor,
        panels: dict[str, ReviewPanel],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._undo = undo_stack
        self._editor = editor
        self._panels = panels
        self.view: ReportView | None = None
        for panel in panels.values():
            panel.decision_made.connect(self._on_panel_decision_made)
            panel.item_selected.connect(self._on_panel_item_selected)
            panel.edit_requested.connect(self.edit_item)
        editor.field_edited.connect(self._on_editor_field_edited)
        self._text_timer = QTimer(self)  # the body is saved once typing pauses
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TEXT_SAVE_DELAY_MS)
        self._text_timer.timeout.connect(self.save_text)
        editor.body.body_edited.connect(self._text_timer.start)

    @property
    def report_id(self) -> int | None:
        return self.view.report_id if self.view else None

    def open(self, report_id: int) -> None:
        """Load report ``report_id`` and show it (typing not yet saved is saved first)."""
        if self._text_timer.isActive():
            self.save_text()
        Op(self._runner, lambda db: load_report_view(db, report_id)).success(self._show).failure(
            self._fail
        ).run()

    def reload(self) -> None:
        if self.view is not None:
            self.open(self.view.report_id)

    def _show(self, view: ReportView) -> None:
        first_time = self.view is None or self.view.report_id != view.report_id
        self.view = view
        report = view.report
        fields = _stored_fields(view)
        if not first_time:  # after an edit or an undo: only what changed and is not being typed
            inputs = self._editor.inputs
            fields = {
                name: value
                for name, value in fields.items()
                if not inputs[name].hasFocus() and inputs[name].text() != (value or "")
            }
        self._editor.set_fields(fields)
        self._editor.set_similar(view.similar)
        shown = [(b.kind, b.text) for b in self._editor.body.blocks()]
        stored = [(b.kind, b.text) for b in report.blocks]
        if first_time or (shown != stored and not self._text_timer.isActive()):
            self._editor.set_blocks(report.blocks)
        self._show_review(view.review)
        self.report_loaded.emit(view)

    def save_text(self) -> None:
        """Save the body as it stands now, as one undoable edit, if it changed (marks typed
        apart are composed in the body first, as the archive stores them)."""
        self._text_timer.stop()
        if self.view is None:
            return
        before = [(b.kind, b.text) for b in self.view.report.blocks]
        self._editor.body.compose_marks()
        after = [(b.kind, b.text) for b in self._editor.body.blocks()]
        if [(kind, nfc(text)) for kind, text in before] != after:  # not marks composed alone
            self._push(
                UpdateReport(
                    self.view.report_id, {"blocks": before}, {"blocks": after}, _("Edit the text")
                )
            )

    def _show_review(self, review: Review) -> None:
        for kind, panel in self._panels.items():
            current = panel.current_item()
            panel.set_items(review.items(kind), keep_key=current.key if current else None)
        self._editor.body.set_highlights(highlights(review))

    def _fail(self, error: BaseException) -> None:
        self.failed.emit(str(error))

    def _edit_refused(self, error: BaseException) -> None:
        self._fail(error)
        if self.view is not None:  # nothing was written: the fields show what is stored again
            self._editor.set_fields(_stored_fields(self.view))

    # -- edits --------------------------------------------------------------------------------
    def push_decision(self, decision: Decision, name: str) -> None:
        """Record ``decision`` as an undoable edit."""
        if self.view is None:
            return
        before = self.view.decisions.get(decision.key)
        edit = SetDecision(
            self.view.report_id,
            decision.key,
            before,
            decision,
            label=decision_label(decision.action, name),
        )
        self._push(edit)

    def _push(self, edit) -> None:
        from workbench.gui.undo import EditCommand

        self._undo.push(
            EditCommand(
                edit, self._runner, apply_edit, revert_edit, self._on_edit_done, self._edit_refused
            )
        )

    def _on_edit_done(self, changes) -> None:
        self.changes_applied.emit(changes)
        self.reload()

    def _on_panel_decision_made(self, decision: Decision) -> None:
        item = self._find(decision.key)
        self.push_decision(decision, item_name(item) if item else decision.key)

    def edit_item(self, item: ReviewItem, dialog_factory=None) -> None:
        """Open the edit form for ``item``; an accepted form becomes an undoable edit."""
        from workbench.gui.dialogs.item_dialog import ItemDialog

        dialog = (dialog_factory or ItemDialog)(item.item, self._editor)
        if dialog.exec() != ItemDialog.DialogCode.Accepted:
            return
        edited = dialog.edited_item()
        if edited != item.item:
            self.push_decision(
                Decision(item.key, "edited", item_to_dict(edited)), item_name(edited)
            )

    def _on_panel_item_selected(self, item: ReviewItem | None) -> None:
        if item is not None:
            self._editor.body.select_spans(item_spans(item))

    def _on_editor_field_edited(self, name: str, before, after) -> None:
        if self.view is None:
            return
        label = _("Edit {item}").format(item=_(name_label(name)))
        self._push(UpdateReport(self.view.report_id, {name: before}, {name: after}, label))

    def tag_selection(self, kind: str) -> bool:
        """Tag the selected text as a speaker ("person") or key task ("task"); False if none."""
        span = self._editor.body.selected_span()
        if self.view is None or span is None:
            return False
        text = self.view.report.text[span.start : span.end].strip()
        if not text:
            return False
        if kind == "person":
            item = Person(text, [], "speaker", [Span(span.start, span.end)])
        else:
            ordinal = len(self.view.review.key_tasks) + 1
            item = KeyTask(ordinal, "", text, span.start, span.end)
        key = item_key(kind, item)
        self.push_decision(Decision(key, "added", item_to_dict(item)), item_name(item))
        return True

    def tag_all_occurrences(self) -> bool:
        """Add every occurrence of the current person's name as a mention of that person."""
        panel = self._panels["person"]
        item = panel.current_item()
        if self.view is None or item is None:
            return False
        spans = find_all(self.view.report.text, item.item.name)
        if set(spans) <= set(item.item.mentions):
            return False
        person = replace(
            item.item,
            mentions=sorted(set(item.item.mentions) | set(spans), key=lambda s: (s.start, s.end)),
        )
        self.push_decision(Decision(item.key, "edited", item_to_dict(person)), person.name)
        return True

    def _find(self, key: str) -> ReviewItem | None:
        if self.view is None:
            return None
        for kind in ("person", "task", "document"):
            for item in self.view.review.items(kind):
                if item.key == key:
                    return item
        return None


def item_name(item) -> str:
    value = item.item if isinstance(item, ReviewItem) else item
    if isinstance(value, Person):
        return value.name
    if isinstance(value, KeyTask):
        return value.marker or value.text[:30]
    return getattr(value, "number", "")


def _stored_fields(view: ReportView) -> dict[str, str | None]:
    """The editor's fields as the archive holds them (a time shown after a space, not a T)."""
    fields = {name: getattr(view.report, name) for name in REPORT_FIELDS}
    if fields.get("published_at"):
        fields["published_at"] = fields["published_at"].replace("T", " ")
    return fields | {"tags": ", ".join(view.tags)}


def item_spans(item: ReviewItem) -> list[Span]:
    value = item.item
    if isinstance(value, KeyTask):
        return [Span(value.start, value.end)]
    return list(getattr(value, "mentions", []))


def highlights(review: Review) -> dict[str, list[Span]]:
    """The spans to colour, by category, for every item not rejected."""
    spans: dict[str, list[Span]] = {}
    for item in review.people:
        if item.status != "rejected":
            spans.setdefault(item.item.role, []).extend(item.item.mentions)
    spans["task"] = [
        Span(i.item.start, i.item.end) for i in review.key_tasks if i.status != "rejected"
    ]
    spans["document"] = [
        m for i in review.documents if i.status != "rejected" for m in i.item.mentions
    ]
    return spans


def find_all(text: str, needle: str) -> list[Span]:
    """Every occurrence of ``needle`` in ``text`` (tone-mark styles folded, same length)."""
    from workbench.core.fold import fold_tone_style

    haystack, target = fold_tone_style(text).casefold(), fold_tone_style(needle).casefold()
    spans, start = [], 0
    while target and (found := haystack.find(target, start)) >= 0:
        spans.append(Span(found, found + len(target)))
        start = found + len(target)
    return spans


def name_label(field: str) -> str:
    from workbench.gui.report_editor import FIELDS

    return next((label for name, label, _p in FIELDS if name == field), field)
