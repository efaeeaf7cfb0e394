"""Press releases and bulletins as PDF, through LibreOffice when it is installed.

The .docx is written to a temporary folder as usual, then ``soffice --headless --convert-to
pdf`` turns it into a PDF there, with a profile of its own in that folder (so a LibreOffice
window the editor has open neither blocks nor receives the job), under a time limit after
which LibreOffice and every process it started are killed. The PDF then replaces the file at
``path`` atomically, like every export. Without LibreOffice there is no PDF export:
:func:`pdf_available` tells the interface to hide the option.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from workbench.core.errors import ExportFailed, display_name
from workbench.core.layout import ExportSettings
from workbench.core.models import Report
from workbench.formats.bulletin import write_bulletin
from workbench.formats.docx_document import write_atomic
from workbench.formats.export_docx import write_press_release
from workbench.i18n import _

#: Seconds a conversion may take. A first start of LibreOffice with a fresh profile takes a few
#: seconds; a 64-page bulletin converts in well under a minute.
CONVERT_TIMEOUT = 180.0
#: Where the LibreOffice installers put the program when it is not on the PATH.
KNOWN_LOCATIONS = {
    "win32": (
        r"C:\Program Files\LibreOffice\program\soffice.exe",
        r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    ),
    "darwin": ("/Applications/LibreOffice.app/Contents/MacOS/soffice",),
}
#: Seconds to wait, after the time limit, for the killed processes to end.
KILL_GRACE = 10.0
_MAX_REASON = 200


def find_soffice() -> str | None:
    """The LibreOffice program (``soffice``) to convert with: on the PATH, else where the
    Windows or macOS installer puts it; None when it is not installed."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    return next((p for p in KNOWN_LOCATIONS.get(sys.platform, ()) if Path(p).is_file()), None)


def pdf_available() -> bool:
    """Whether PDF export can work here (LibreOffice is installed). The interface hides the
    PDF option when it cannot."""
    return find_soffice() is not None


def write_pdf(
    report: Report,
    settings: ExportSettings,
    path: Path,
    *,
    template: Path | None = None,
    number: str | None = None,
    issued: date | None = None,
    soffice: str | None = None,
    timeout: float = CONVERT_TIMEOUT,
) -> Path:
    """Write ``report`` as a press release PDF at ``path``; return ``path``.

    The layout is :func:`~workbench.formats.export_docx.write_press_release`'s, with the same
    ``template``, ``number`` and ``issued``. ``soffice`` names the LibreOffice program (default
    :func:`find_soffice`). Raises :class:`~workbench.core.errors.ExportFailed` when
    LibreOffice is missing, fails, or takes longer than ``timeout`` seconds, and for every
    reason the .docx export raises it; a previous file at ``path`` is then untouched.
    """

    def docx(target: Path) -> Path:
        return write_press_release(
            report, settings, target, template=template, number=number, issued=issued
        )

    return _export(docx, path, soffice, timeout)


def write_bulletin_pdf(
    reports: list[Report],
    settings: ExportSettings,
    path: Path,
    *,
    name: str | None = None,
    number: str | int | None = None,
    issued: date | None = None,
    template: Path | None = None,
    soffice: str | None = None,
    timeout: float = CONVERT_TIMEOUT,
) -> Path:
    """Write ``reports`` as one bulletin PDF at ``path``; return ``path``.

    As :func:`~workbench.formats.bulletin.write_bulletin` lays it out (LibreOffice fills the
    table of contents with page numbers); errors as :func:`write_pdf`.
    """

    def docx(target: Path) -> Path:
        return write_bulletin(
            reports, settings, target, name=name, number=number, issued=issued, template=template
        )

    return _export(docx, path, soffice, timeout)


def docx_to_pdf(
    source: Path, path: Path, *, soffice: str | None = None, timeout: float = CONVERT_TIMEOUT
) -> Path:
    """Convert the Word document ``source`` to a PDF at ``path``; return ``path``.

    Errors as :func:`write_pdf` (an unreadable ``source`` is a failed conversion).
    """

    def docx(target: Path) -> Path:
        try:
            shutil.copyfile(source, target)
        except OSError as error:
            raise ExportFailed(
                _("Could not read {path}: {reason}").format(
                    path=display_name(source), reason=error.strerror or error
                )
            ) from error
        return target

    return _export(docx, path, soffice, timeout)


def _export(
    write_docx: Callable[[Path], Path], path: Path, soffice: str | None, timeout: float
) -> Path:
    program = soffice or find_soffice()
    if program is None:
        raise ExportFailed(_("PDF export needs LibreOffice, which is not installed."))
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="wb-pdf-", ignore_cleanup_errors=True) as folder:
        work = Path(folder)
        source = write_docx(work / "document.docx")
        pdf = _convert(program, source, work, timeout, display_name(path.name))
        return write_atomic(pdf, path)


def _convert(program: str, source: Path, work: Path, timeout: float, name: str) -> bytes:
    """Run LibreOffice on ``source`` inside ``work``; the PDF's bytes."""
    out = work / "out"
    command = [
        program,
        "--headless",
        "--norestore",
        "--nolockcheck",
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out),
        str(source),
    ]
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=work,
            env=_environment(),
            **_own_process_group(),
        )
    except OSError as error:
        raise ExportFailed(
            _("LibreOffice ({program}) could not be started: {reason}").format(
                program=display_name(program), reason=error.strerror or error
            )
        ) from error
    try:
        _stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_tree(process)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.communicate(timeout=KILL_GRACE)  # until every process holding our pipes ended
        raise ExportFailed(
            _("LibreOffice did not finish {name} within {seconds} s.").format(
                name=name, seconds=f"{timeout:g}"
            )
        ) from None
    pdf = out / f"{source.stem}.pdf"
    data = pdf.read_bytes() if pdf.is_file() else b""
    if process.returncode != 0 or not data.startswith(b"%PDF"):
        raise ExportFailed(
            _("LibreOffice could not make {name}: {reason}").format(
                name=name, reason=_reason(stderr, process.returncode)
            )
        )
    return data


def _environment() -> dict[str, str]:
    """The environment for LibreOffice: the user's, without the library path a frozen
    (PyInstaller) build of this program sets for itself, which would break LibreOffice's."""
    env = dict(os.environ)
    if getattr(sys, "frozen", False):
        original = env.pop("LD_LIBRARY_PATH_ORIG", None)
        env.pop("LD_LIBRARY_PATH", None)
        if original is not None:
            env["LD_LIBRARY_PATH"] = original
    return env


def _own_process_group() -> dict:
    """Popen arguments that start LibreOffice in a process group of its own, to end it whole."""
    if sys.platform == "win32":
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.CREATE_NO_WINDOW}
    return {"start_new_session": True}


def _kill_tree(process: subprocess.Popen) -> None:
    """End LibreOffice and what it started (``soffice`` runs ``soffice.bin``)."""
    if sys.platform == "win32":
        subprocess.run(
            ["taskkill", "/F", "/T", "/PID", str(process.pid)],
            capture_output=True,
            check=False,
            creationflags=subprocess.CREATE_NO_WINDOW,
        )
    else:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(ProcessLookupError):
        process.kill()


def _reason(stderr: bytes, returncode: int) -> str:
    """LibreOffice's last message on one short line, else its exit code."""
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines()]
    message = next((line for line in reversed(lines) if line), "")
    if not message:
        return _("no PDF was written (exit code {code})").format(code=returncode)
    return message[:_MAX_REASON]
