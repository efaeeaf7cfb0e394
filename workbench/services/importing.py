"""Getting reports in: files, folders and the clipboard become analysed reports.

Reading and analysing touch no database, so they may run anywhere (the GUI runs them off its
database thread); storing goes through ``services.archive``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from sqlite_utils import Database

from workbench.core.analysis import analyse
from workbench.core.errors import Cancelled, ImportRefused, WorkbenchError, display_name
from workbench.core.models import Imported, Report
from workbench.core.structure import build_report
from workbench.formats.encoding import decode
from workbench.formats.registry import READERS, iter_folder, read_path
from workbench.formats.registry import supported_extensions as supported_extensions
from workbench.i18n import _
from workbench.services.archive import StoreResult, store_report
from workbench.services.changes import NOTHING, REPORT_CONTENT, Changes
from workbench.services.guard import archive_errors

MAX_PASTE_CHARS = 2_000_000


def analysed(imported: Imported) -> Report:
    """The cleaned report for ``imported``, with the program's analysis filled in."""
    report = build_report(imported)
    report.analysis = analyse(report)
    return report


def read_report(path: Path) -> Report:
    """Read, clean and analyse one file; nothing is stored.

    Raises ImportRefused with a one-line message when the file cannot become a report.
    """
    return analysed(read_path(path))


def report_from_clipboard(text: str | None, html: str | None = None) -> Report:
    """A report from pasted content: the HTML flavour when present, else the plain text.

    Raises ImportRefused when the clipboard holds no text.
    """
    from workbench.formats.html import html_to_blocks

    if html and html.strip():
        blocks = html_to_blocks(html[:MAX_PASTE_CHARS])
        if blocks:
            return analysed(Imported("html", html.encode("utf-8"), "utf-8", blocks=blocks))
    if not text or not text.strip():
        raise ImportRefused(_("The clipboard holds no text to make a report from."))
    if len(text) > MAX_PASTE_CHARS:
        raise ImportRefused(
            _("The pasted text is too long for a report ({count} characters).").format(
                count=len(text)
            )
        )
    return analysed(Imported("text", text.encode("utf-8"), "utf-8", lines=text.splitlines()))


def original_text(report: Report) -> str:
    """The report's original as it came in, decoded for reading ("Show original").

    Text, Markdown and HTML originals are their decoded bytes (legacy encodings converted);
    a .docx or .pdf shows the text its reader took out, before any cleaning.
    """
    if not report.original:
        return report.text
    if report.format in ("text", "markdown", "html"):
        return decode(report.original).text
    reader = next((r for r in READERS if r.format == report.format), None)
    if reader is None:
        return report.text
    imported = reader.load()(report.original, report.title or "")
    if imported.blocks is not None:
        return "\n\n".join(block.text for block in imported.blocks)
    return "\n".join(imported.lines or [])


@dataclass
class FileResult:
    """What became of one file of an import."""

    path: Path
    report: Report | None = None
    error: str | None = None


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given and every importable file inside the folders given, in order."""
    files: list[Path] = []
    for path in paths:
        files.extend(iter_folder(path) if path.is_dir() else [path])
    return files


def read_many(
    paths: Iterable[Path], on_progress: Callable[[int, int, str], None] | None = None
) -> Iterator[FileResult]:
    """Read each file (folders expanded); a file that fails is reported and the rest go on."""
    files = expand_paths(paths)
    for done, path in enumerate(files):
        if on_progress is not None:
            on_progress(done, len(files), display_name(path.name))
        try:
            yield FileResult(path, report=read_report(path))
        except WorkbenchError as error:
            yield FileResult(path, error=str(error))


@dataclass
class ImportSummary:
    """What a batch import did: stored reports, duplicates skipped, files that failed and why.

    ``near_duplicates`` pairs a newly stored report with a similar one already in the archive
    (the same event from another outlet). ``cancelled`` is set when the user stopped the batch;
    what was stored until then stays stored.
    """

    imported: list[tuple[Path, int]] = field(default_factory=list)
    duplicates: list[tuple[Path, int]] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    near_duplicates: list[tuple[int, int]] = field(default_factory=list)
    cancelled: bool = False

    @property
    def changes(self) -> Changes:
        return REPORT_CONTENT if self.imported else NOTHING


class ProgressSink(Protocol):
    """Where a long job reports progress; ``report`` raises to cancel (see gui.ops.Progress)."""

    def report(self, done: int, total: int, label: str = "") -> None: ...


@archive_errors
def import_files(
    db: Database, paths: Iterable[Path], progress: ProgressSink | None = None
) -> ImportSummary:
    """Read, analyse and store every file (folders expanded), each in its own transaction.

    A file that cannot be read is listed with its reason and the batch goes on; a file whose
    content is already stored is listed as a duplicate. Cancelling (``progress.report``
    raising ``Cancelled``) stops before the next file.
    """
    summary = ImportSummary()
    files = expand_paths(paths)
    try:
        for done, path in enumerate(files):
            if progress is not None:
                progress.report(done, len(files), display_name(path.name))
            _import_one(db, path, summary)
    except Cancelled:
        summary.cancelled = True
    if progress is not None and not summary.cancelled:
        progress.report(len(files), len(files), "")
    return summary


def _import_one(db: Database, path: Path, summary: ImportSummary) -> None:
    try:
        report = read_report(path)
    except WorkbenchError as error:
        summary.failed.append((path, str(error)))
        return
    result = store_report(db, report)
    if result.duplicate:
        summary.duplicates.append((path, result.report_id))
        return
    summary.imported.append((path, result.report_id))
    summary.near_duplicates += [(result.report_id, other) for other, _s in result.near_duplicates]


@archive_errors
def store_pasted(db: Database, text: str | None, html: str | None) -> StoreResult:
    """Make a report from pasted content and store it (or find it already stored)."""
    return store_report(db, report_from_clipboard(text, html))
