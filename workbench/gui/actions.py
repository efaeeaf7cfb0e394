"""Every action of the main window, declared once: id, text, shortcut, tooltip.

Texts are translated when the actions are created (``N_`` marks them here).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from workbench.i18n import N_, _


class ActionId(StrEnum):
    IMPORT = "import"
    IMPORT_FOLDER = "import_folder"
    OPEN_SAMPLE = "open_sample"
    PASTE_REPORT = "paste_report"
    OPEN_ARCHIVE = "open_archive"
    QUIT = "quit"
    FIND = "find"
    TAG_SPEAKER = "tag_speaker"
    TAG_TASK = "tag_task"
    TAG_ALL = "tag_all"
    SHOW_ORIGINAL = "show_original"
    SEARCH_ARCHIVE = "search_archive"
    PEOPLE_DIRECTORY = "people_directory"
    EXPORT_PRESS_RELEASE = "export_press_release"
    COMPOSE_BULLETIN = "compose_bulletin"
    PREFERENCES = "preferences"
    ABOUT = "about"


@dataclass(frozen=True)
class ActionSpec:
    text: str
    shortcut: QKeySequence.StandardKey | str | None = None
    tip: str = ""


SPECS: dict[ActionId, ActionSpec] = {
    ActionId.IMPORT: ActionSpec(
        N_("&Import files…"), "Ctrl+I", N_("Import reports from files or folders")
    ),
    ActionId.IMPORT_FOLDER: ActionSpec(
        N_("Import a &folder…"), "Ctrl+Shift+I", N_("Import every report in a folder")
    ),
    ActionId.OPEN_SAMPLE: ActionSpec(
        N_("Open the &sample report"), None, N_("Import the sample report to see how it is read")
    ),
    ActionId.PASTE_REPORT: ActionSpec(
        N_("&Paste as new report"), "Ctrl+Shift+V", N_("Make a new report from the clipboard")
    ),
    ActionId.OPEN_ARCHIVE: ActionSpec(
        N_("&Open archive…"), QKeySequence.StandardKey.Open, N_("Open another archive file")
    ),
    ActionId.QUIT: ActionSpec(N_("&Quit"), "Ctrl+Q", N_("Close the window; everything is saved")),
    ActionId.FIND: ActionSpec(
        N_("&Find in report…"), QKeySequence.StandardKey.Find, N_("Find text in this report")
    ),
    ActionId.TAG_SPEAKER: ActionSpec(
        N_("Tag as &speaker"), "Ctrl+Shift+S", N_("Make the selected name a speaker")
    ),
    ActionId.TAG_TASK: ActionSpec(
        N_("Tag as &key task"), "Ctrl+Shift+K", N_("Make the selected paragraphs a key task")
    ),
    ActionId.TAG_ALL: ActionSpec(
        N_("Tag all &occurrences"),
        "Ctrl+Shift+A",
        N_("Mark every occurrence of the selected person's name as a mention"),
    ),
    ActionId.SHOW_ORIGINAL: ActionSpec(
        N_("Show &original"), "Ctrl+U", N_("The report as it was imported")
    ),
    ActionId.SEARCH_ARCHIVE: ActionSpec(
        N_("&Search the archive…"),
        "Ctrl+Shift+F",
        N_("Find reports in the whole archive, with or without diacritics"),
    ),
    ActionId.PEOPLE_DIRECTORY: ActionSpec(
        N_("&People directory"),
        "Ctrl+Shift+D",
        N_("Everyone in the archive: their reports and titles; merge, split, rename"),
    ),
    ActionId.EXPORT_PRESS_RELEASE: ActionSpec(
        N_("&Export press release…"),
        "Ctrl+E",
        N_("Write the open report as a press release (.docx)"),
    ),
    ActionId.COMPOSE_BULLETIN: ActionSpec(
        N_("Compose a &bulletin…"),
        "Ctrl+Shift+B",
        N_("Put reports chosen in the archive browser together as one bulletin (.docx)"),
    ),
    ActionId.PREFERENCES: ActionSpec(
        N_("Pre&ferences…"),
        "Ctrl+,",
        N_("Organisation settings, templates, layout, tone marks, language"),
    ),
    ActionId.ABOUT: ActionSpec(N_("&About Press Workbench"), None, N_("The version and licence")),
}


def create_actions(parent: QWidget) -> dict[ActionId, QAction]:
    """One QAction per ActionId, translated, with its shortcut and tooltip."""
    actions = {}
    for action_id, spec in SPECS.items():
        action = QAction(_(spec.text), parent)
        action.setObjectName(f"action_{action_id.value}")
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        if spec.tip:
            action.setToolTip(_(spec.tip))
            action.setStatusTip(_(spec.tip))
        actions[action_id] = action
    return actions
