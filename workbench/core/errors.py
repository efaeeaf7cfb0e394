"""Errors whose message is meant for the editor: shown as one line, never as a traceback."""


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
