"""Which reader handles which file, and the checks every file passes before it is read.

A reader is a function ``read(data: bytes, name: str) -> Imported`` in its own module; adding a
format is one module plus one line in ``READERS``. ``name`` is the file's name as messages show
it (:func:`~workbench.core.errors.display_name`: one line, whatever the file is called).
Modules are imported only when a file of their kind is read, so starting the program does not
load lxml or pypdf.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from workbench.core.errors import ImportRefused, display_name
from workbench.core.models import Imported
from workbench.i18n import _

MB = 1024 * 1024


@dataclass(frozen=True)
class Reader:
    """One importable format."""

    format: str
    extensions: tuple[str, ...]
    target: str  # "module:function"
    max_bytes: int  # larger files are refused before they are read

    def load(self) -> Callable[[bytes, str], Imported]:
        module, _sep, function = self.target.partition(":")
        return getattr(importlib.import_module(module), function)


# Limits: a conference report is 5-50 KB of text; a .docx or .pdf may carry photos.
READERS: tuple[Reader, ...] = (
    Reader(
        "text", (".txt", ".text", ".md", ".markdown"), "workbench.formats.text:read_text", 20 * MB
    ),
    Reader("html", (".html", ".htm", ".xhtml"), "workbench.formats.html:read_html", 20 * MB),
    Reader("docx", (".docx",), "workbench.formats.docx:read_docx", 100 * MB),
    Reader("pdf", (".pdf",), "workbench.formats.pdf:read_pdf", 200 * MB),
)


def supported_extensions() -> tuple[str, ...]:
    """Every file extension an import accepts, lower case with the dot."""
    return tuple(ext for reader in READERS for ext in reader.extensions)


def reader_for(path: Path) -> Reader | None:
    """The reader for ``path`` by its extension, or None when the type is not supported."""
    suffix = path.suffix.lower()
    return next((r for r in READERS if suffix in r.extensions), None)


def read_path(path: Path) -> Imported:
    """Read one file into an ``Imported``, the original bytes kept.

    Raises ImportRefused with a one-line message for a missing or dangling path, a folder, an
    unsupported type, an unreadable file, a file over its format's size limit, and whatever the
    format's reader refuses (empty, binary, corrupt, hostile).
    """
    reader = _checked_reader(path)
    name = display_name(path.name)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportRefused(
            _("{name} cannot be read: {reason}.").format(name=name, reason=error.strerror)
        ) from error
    return reader.load()(data, name)


def _checked_reader(path: Path) -> Reader:
    name = display_name(path.name)
    if path.is_symlink() and not path.exists():
        raise ImportRefused(_("{name} is a link to a file that does not exist.").format(name=name))
    if not path.exists():
        raise ImportRefused(_("{path} does not exist.").format(path=display_name(path)))
    if path.is_dir():
        raise ImportRefused(_("{name} is a folder: import it as a folder.").format(name=name))
    reader = reader_for(path)
    if reader is None:
        kinds = ", ".join(supported_extensions())
        raise ImportRefused(
            _("{name}: this type of file cannot be imported (accepted: {kinds}).").format(
                name=name, kinds=kinds
            )
        )
    size = path.stat().st_size
    if size > reader.max_bytes:
        raise ImportRefused(
            _(
                "{name} is too large for a report ({size} MB; the limit for this type is "
                "{limit} MB)."
            ).format(name=name, size=round(size / MB, 1), limit=reader.max_bytes // MB)
        )
    return reader


def iter_folder(folder: Path) -> Iterator[Path]:
    """Every importable file under ``folder``, recursively, in a stable order.

    Hidden files and folders (starting with ".") and Office lock files ("~$…") are skipped;
    links to folders are not followed, so a loop of links cannot trap the import.
    """
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "~$")))
        for name in sorted(files):
            path = Path(root) / name
            if not name.startswith((".", "~$")) and reader_for(path) is not None:
                yield path
