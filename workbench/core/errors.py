"""Errors whose message is meant for the editor: shown as one line, never as a traceback.

File names go into those messages through :func:`display_name`.
"""

from __future__ import annotations

import os
import unicodedata


class WorkbenchError(Exception):
    """A problem the user can understand and act on. ``str(error)`` is the message to show."""


class ImportRefused(WorkbenchError):
    """A file that cannot become a report (empty, binary, corrupt, too large, hostile)."""


class ArchiveError(WorkbenchError):
    """The archive file cannot be opened or written as asked."""


class ArchiveDamaged(ArchiveError):
    """The archive file is corrupt: SQLite cannot read it or its integrity check fails."""


class ExportFailed(WorkbenchError):
    """A .docx could not be written."""


class Cancelled(WorkbenchError):
    """The user stopped a long job; what it finished stays done."""


#: Longest file name or path put into a message; longer ones lose their middle.
MAX_SHOWN_CHARS = 200
_SHOWN_HEAD = 60
#: Characters that would break a one-line message or disguise a name: line breaks and other
#: controls, undecodable bytes (lone surrogates from the file system) and bidi overrides.
_UNSAFE_CATEGORIES = frozenset(("Cc", "Cs", "Zl", "Zp"))
_BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def display_name(path: str | os.PathLike[str]) -> str:
    """``path`` (a file name or a whole path) as it may appear in a one-line message.

    Newlines, other control characters, undecodable bytes and bidi controls are shown as
    Python escapes: a newline becomes the two characters backslash and "n". A name longer
    than :data:`MAX_SHOWN_CHARS` keeps its start and its end (the extension) around "…".
    """
    text = "".join(
        ascii(char)[1:-1]
        if char in _BIDI_CONTROLS or unicodedata.category(char) in _UNSAFE_CATEGORIES
        else char
        for char in os.fspath(path)
    )
    if len(text) <= MAX_SHOWN_CHARS:
        return text
    return text[:_SHOWN_HEAD] + "…" + text[len(text) - (MAX_SHOWN_CHARS - _SHOWN_HEAD - 1) :]
