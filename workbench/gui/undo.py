"""Undo for the editor's edits: each core ``Edit`` wrapped in a thin QUndoCommand.

``redo()`` and ``undo()`` queue the edit's apply or revert on the database thread (FIFO keeps
the order of a quick undo-redo-undo); when the archive has changed, ``on_done(changes)`` runs on
the GUI thread so the window refreshes what changed. Modelled on orange-canvas-core's commands.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from workbench.core.edits import Edit
from workbench.gui.ops import Op, Runner


class EditCommand(QUndoCommand):
    """One edit on the undo stack."""

    def __init__(
        self,
        edit: Edit,
        runner: Runner,
        apply: Callable[[Any, Edit], Any],
        revert: Callable[[Any, Edit], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        super().__init__(edit.label)
        self.edit = edit
        self._runner = runner
        self._apply, self._revert = apply, revert
        self._on_done, self._on_error = on_done, on_error

    def redo(self) -> None:
        edit, apply = self.edit, self._apply
        Op(self._runner, lambda db: apply(db, edit)).success(self._on_done).failure(
            self._refused
        ).run()

    def _refused(self, error: BaseException) -> None:
        """The edit was refused (nothing was written): it leaves the stack at the next undo."""
        self.setObsolete(True)
        self._on_error(error)

    def undo(self) -> None:
        edit, revert = self.edit, self._revert
        Op(self._runner, lambda db: revert(db, edit)).success(self._on_done).failure(
            self._on_error
        ).run()


class ServiceCommand(QUndoCommand):
    """An undoable change made of two service calls, for an edit with no ``core.edits`` class
    (splitting a person): ``do(db)`` and ``undo(db)`` each return the ``Changes``."""

    def __init__(
        self,
        label: str,
        runner: Runner,
        do: Callable[[Any], Any],
        undo: Callable[[Any], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        super().__init__(label)
        self._runner = runner
        self._do, self._undo = do, undo
        self._on_done, self._on_error = on_done, on_error

    def redo(self) -> None:
        Op(self._runner, self._do).success(self._on_done).failure(self._on_error).run()

    def undo(self) -> None:
        Op(self._runner, self._undo).success(self._on_done).failure(self._on_error).run()
