"""Smoke test of the BUILT app bundle: run it as an editor would, headless, in a throwaway home.

    bash packaging/smoke_test.sh [BUNDLE]      # default: dist/press-workbench (macOS: the .app)

Each step prints one line; the first failure stops the test with exit code 1.

 1. contents: no network code (QtNetwork, ssl), no test tools, the resources and every reader
 2. ``--version``, timed: the cold start of the command line
 3. ``extract --json`` on corpus report 000: the headline and the three speakers of the gold file
 4. ``extract`` of the same report saved as .html, .docx and AES-encrypted .pdf: the readers are
    imported by name at run time, so this is what proves the bundle carries them
 5. ``import``, ``search "dan van kheo"``, ``export`` of a press release (.docx with the headline),
    each when the command line has it (detected from ``--help``)
 6. the window, offscreen (and under xvfb-run on X11 when installed): it starts, quits by itself
    after $WORKBENCH_QUIT_AFTER_MS with exit code 0 and records the first-run settings; timed
 7. Linux: the desktop entry installs into, and uninstalls from, the user's folders

Needs only the Python that runs it; steps 1 (module list) and 4 use the project's .venv
(PyInstaller, python-docx, pypdf) when it is the one running, and say so when they are skipped.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
TIMEOUT = 120  # seconds for any one run of the bundle
VERSION = re.search(
    r'^__version__ = "([^"]+)"', (ROOT / "workbench" / "__init__.py").read_text(), re.M
).group(1)

# Anything matching these in the bundle's file names is a regression of the trimming.
FORBIDDEN_FILES = re.compile(
    r"Qt6?Network|QtWebEngine|Qt6?Qml|Qt6?Quick|(^|/)_ssl\.|libssl|/imageformats/|/tls/"
    r"|/networkinformation/|tcl|tk8",
    re.I,
)
FORBIDDEN_MODULES = ("pytest", "_pytest", "pytestqt", "hypothesis", "unittest", "tkinter", "ssl")
REQUIRED_MODULES = (
    "workbench.gui.app",
    "workbench.formats.text",
    "workbench.formats.html",
    "workbench.formats.docx",
    "workbench.formats.pdf",
)
REQUIRED_RESOURCES = (
    "templates/press_release.docx",
    "templates/bulletin.docx",
    "translations/vi.po",
    "samples/hoi-nghi-cong-tac-dan-van.txt",
    "icons/press-workbench.svg",
    "icons/press-workbench-16.png",
    "icons/press-workbench-256.png",
)


class SmokeFailure(Exception):
    """One step of the smoke test failed; the message says what was expected."""


class Bundle:
    """The built bundle, run in a throwaway home with Qt offscreen."""

    def __init__(self, path: Path, home: Path) -> None:
        self.path = path
        self.home = home
        if path.suffix == ".app":
            self.cli = self.gui = path / "Contents" / "MacOS" / "press-workbench"
            self.contents = path / "Contents"
        elif sys.platform == "win32":
            self.cli = path / "press-workbench-cli.exe"
            self.gui = path / "press-workbench.exe"
            self.contents = path
        else:
            self.cli = self.gui = path / "press-workbench"
            self.contents = path
        if not self.cli.is_file():
            raise SmokeFailure(f"no program at {self.cli}: run packaging/build.sh first")
        self.env = self._environment()

    def _environment(self) -> dict[str, str]:
        keep = ("PATH", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT", "TEMP", "TMP")
        env = {k: v for k, v in os.environ.items() if k in keep}
        env.update(
            HOME=str(self.home),
            USERPROFILE=str(self.home),
            APPDATA=str(self.home / "AppData" / "Roaming"),
            LOCALAPPDATA=str(self.home / "AppData" / "Local"),
            XDG_CONFIG_HOME=str(self.home / "config"),
            XDG_DATA_HOME=str(self.home / "data"),
            XDG_STATE_HOME=str(self.home / "state"),
            XDG_CACHE_HOME=str(self.home / "cache"),
            QT_QPA_PLATFORM="offscreen",
        )
        env.setdefault("LANG", "C.UTF-8")
        return env

    def run(
        self,
        *args: str,
        gui: bool = False,
        env: dict[str, str] | None = None,
        prefix: tuple[str, ...] = (),
    ) -> tuple[subprocess.CompletedProcess, float]:
        """Run the bundle; returns the finished process and its wall-clock seconds."""
        program = self.gui if gui else self.cli
        start = time.perf_counter()
        try:
            done = subprocess.run(
                [*prefix, str(program), *args],
                env={**self.env, **(env or {})},
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=TIMEOUT,
                cwd=self.home,
            )
        except subprocess.TimeoutExpired as error:
            command = f"{program.name} {' '.join(args)}"
            raise SmokeFailure(f"{command}: no exit in {TIMEOUT} s") from error
        return done, time.perf_counter() - start

    def ok(self, *args: str, **kwargs) -> tuple[str, float]:
        """Run the bundle, require exit code 0; returns stdout and the seconds it took."""
        done, seconds = self.run(*args, **kwargs)
        if done.returncode != 0:
            raise SmokeFailure(
                f"`press-workbench {' '.join(args)}` exited with {done.returncode}:\n"
                f"{done.stderr.strip()[-2000:]}"
            )
        return done.stdout, seconds


def evict(folder: Path) -> bool:
    """Drop the bundle's files from the page cache (Linux), so the next run is a true cold start
    that reads them from disk; only these files, nothing else of the machine's cache. Returns
    whether it could."""
    if not hasattr(os, "posix_fadvise"):
        return False
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fdatasync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)
    return True


def step(label: str, detail: str) -> None:
    print(f"ok    {label:<22} {detail}", flush=True)


def skip(label: str, why: str) -> None:
    print(f"skip  {label:<22} {why}", flush=True)


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


def folded(text: str) -> str:
    """Text compared loosely: NFC, case-folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


# 1. contents ------------------------------------------------------------------------------------


def check_contents(bundle: Bundle) -> None:
    files = [p.relative_to(bundle.path).as_posix() for p in bundle.path.rglob("*")]
    bad = sorted({f for f in files if FORBIDDEN_FILES.search(f)})
    check(not bad, "files the bundle must not carry:\n  " + "\n  ".join(bad[:20]))
    resources = next(bundle.contents.rglob("workbench/resources"), None)
    check(resources is not None, "no workbench/resources folder in the bundle")
    missing = [r for r in REQUIRED_RESOURCES if not (resources / r).is_file()]
    check(not missing, f"resources missing from the bundle: {missing}")
    notices = next(bundle.contents.rglob("licenses/LGPL-3.0.txt"), Path("-")).parent
    for name in ("GPL-3.0.txt", "THIRD_PARTY_LICENSES.md", "press-workbench/LICENSE"):
        check((notices / name).is_file(), f"licence file missing from the bundle: {name}")
    versions = (notices / "VERSIONS.txt").read_text(encoding="utf-8")
    check("PySide6" in versions, f"VERSIONS.txt does not name PySide6:\n{versions}")
    if bundle.path.suffix != ".app":
        licence = bundle.path / "LICENSE.txt"
        check(licence.is_file() and "MIT" in licence.read_text(), "no LICENSE.txt by the program")
    step("contents", f"{len(files)} files; no QtNetwork, ssl, test tools; resources, licences")
    try:
        from PyInstaller.archive.readers import CArchiveReader
    except ImportError:
        skip("modules", "PyInstaller is not importable here (run with .venv/bin/python)")
        return
    modules = set(CArchiveReader(str(bundle.cli)).open_embedded_archive("PYZ.pyz").toc)
    bad = sorted(m for m in modules if m.split(".")[0] in FORBIDDEN_MODULES)
    check(not bad, f"modules the bundle must not carry: {bad[:20]}")
    missing = [m for m in REQUIRED_MODULES if m not in modules]
    check(not missing, f"modules missing from the bundle: {missing}")
    step("modules", f"{len(modules)} Python modules; readers in, tests and ssl out")


# 2-4. version, extract ----------------------------------------------------------------------------


def check_version(bundle: Bundle) -> dict[str, float]:
    evict(bundle.path)
    out, cold = bundle.ok("--version")
    check(VERSION in out, f"--version printed {out.strip()!r}, not version {VERSION}")
    _out, warm = bundle.ok("--version")
    step("--version", f"{out.strip()!r}; cold {cold * 1000:.0f} ms, warm {warm * 1000:.0f} ms")
    return {"version_cold_ms": cold * 1000, "version_warm_ms": warm * 1000}


def check_extract(bundle: Bundle) -> dict:
    gold = json.loads((CORPUS / "gold" / "000.json").read_text(encoding="utf-8"))
    out, seconds = bundle.ok("extract", str(CORPUS / "raw" / "000.txt"), "--json")
    report = json.loads(out)
    check(report["title"] == gold["title"], f"extract title {report['title']!r}")
    speakers = sorted(p["name"] for p in report["people"] if p["role"] == "speaker")
    expected = sorted(s["name"] for s in gold["speakers"])
    check(len(expected) == 3 and speakers == expected, f"speakers {speakers}, not {expected}")
    step("extract --json", f"headline and speakers {', '.join(speakers)} ({seconds:.2f} s)")
    return report


def make_samples(folder: Path, report: dict) -> dict[str, Path]:
    """Report 000 as .html, .docx and an AES-256 .pdf (owner password only), made with the
    libraries of the Python running the test; returns {"html": path, ...} of those it could make.
    """
    paragraphs = [b["text"] for b in report["blocks"] if b["kind"] == "paragraph"][:3]
    samples: dict[str, Path] = {}
    html = folder / "000.html"
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html.write_text(
        f"<!doctype html><html><head><meta charset='utf-8'><title>{report['title']}</title>"
        f"</head><body><h1>{report['title']}</h1>{body}</body></html>",
        encoding="utf-8",
    )
    samples["html"] = html
    with contextlib.suppress(ImportError):
        samples["docx"] = _docx(folder / "000.docx", report["title"], paragraphs)
    with contextlib.suppress(ImportError):
        samples["pdf"] = _aes_pdf(folder / "000.pdf", [report["title"], *paragraphs])
    return samples


def _docx(path: Path, title: str, paragraphs: list[str]) -> Path:
    """A Word file with the headline as Heading 1 and the paragraphs."""
    import docx

    document = docx.Document()
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(path)
    return path


def _aes_pdf(path: Path, paragraphs: list[str]) -> Path:
    """A one-page PDF of ``paragraphs`` wrapped as a PDF wraps them, in ASCII (the standard
    fonts have no Vietnamese letters), encrypted with AES-256 and an owner password only, as
    copy-protected official PDFs are."""
    from pypdf import PdfReader, PdfWriter

    lines = []
    for paragraph in paragraphs:
        plain = unicodedata.normalize("NFKD", paragraph).encode("ascii", "ignore").decode()
        plain = plain.replace("(", "").replace(")", "").replace("\\", "")
        lines += [*textwrap.wrap(plain, 95), ""]
    text = " ".join(f"({line}) Tj T*" for line in lines)
    stream = f"BT /F1 10 Tf 14 TL 40 780 Td {text} ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    pdf, offsets = b"%PDF-1.7\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    plain = path.with_suffix(".plain.pdf")
    plain.write_bytes(pdf)
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="", owner_password="smoke", algorithm="AES-256")
    with path.open("wb") as fh:
        writer.write(fh)
    plain.unlink()
    check(PdfReader(path).is_encrypted, f"{path.name} came out unencrypted")
    return path


def check_readers(bundle: Bundle, report: dict, folder: Path) -> None:
    samples = make_samples(folder, report)
    first = next(b["text"] for b in report["blocks"] if b["kind"] == "paragraph")
    for kind, path in samples.items():
        out, seconds = bundle.ok("extract", str(path), "--json")
        got = json.loads(out)
        check(got["format"] == kind, f"{path.name} read as {got['format']!r}")
        if kind == "pdf":  # the sample PDF holds the text without its accents
            first = unicodedata.normalize("NFKD", first).encode("ascii", "ignore").decode()
        words = folded(first)[:60]
        check(
            words in folded(got["text"]) and got["title"],
            f"{path.name}: no headline, or the text lacks {words!r}:\n{got['text'][:300]!r}",
        )
        step(f"extract .{kind}", f"{got['format']} reader, text found ({seconds:.2f} s)")
    for kind in sorted({"html", "docx", "pdf"} - set(samples)):
        skip(f"extract .{kind}", "python-docx/pypdf not importable here (use .venv/bin/python)")


# 5. import, search, export ------------------------------------------------------------------------


def commands(bundle: Bundle, *group: str) -> dict[str, str]:
    """The sub-commands listed by ``--help`` (of the CLI, or of a command group)."""
    out, _ = bundle.ok(*group, "--help")
    found, inside = {}, False
    for line in out.splitlines():
        if line.strip() == "Commands:":
            inside = True
        elif inside and re.match(r"  \S", line):  # wrapped descriptions are indented deeper
            found[line.split()[0]] = line
        elif inside and line and not line.startswith(" "):
            inside = False
    return found


def usage(help_text: str) -> tuple[list[str], dict[str, str]]:
    """(positional argument names, {option name: its spec}) from a click --help text.

    E.g. "Usage: workbench export [OPTIONS] REPORT_ID" and "  -o, --output FILE  Where..." give
    (["REPORT_ID"], {"-o": "-o, --output FILE", "--output": "-o, --output FILE"}).
    """
    match = re.search(r"Usage: .*?\[OPTIONS\](.*?)(?:\n\s*\n|\Z)", help_text, re.S)
    positional = match.group(1).split() if match else []
    options = {}
    for line in help_text.splitlines():
        if line.startswith("  -"):
            spec = re.split(r"\s{2,}", line.strip())[0]
            for name in re.findall(r"(?:^|[ ,/])(--?[A-Za-z][\w-]*)", spec):
                options.setdefault(name, spec)
    return positional, options


def _positional_value(name: str, values: dict[str, str]) -> str | None:
    if "|" in name:  # a choice, e.g. {press-release|bulletin}: the press release, if offered
        choices = name.strip("[]{}.").split("|")
        return next((c for c in choices if "press" in c or "release" in c), None)
    bare = name.strip("[].").upper()
    for keys, value in (
        (("ID", "REPORT"), values["id"]),
        (("KIND", "TYPE", "FORMAT", "TEMPLATE", "DOCUMENT", "WHAT"), values.get("kind")),
        (("QUERY", "TERM", "WORD", "TEXT", "SEARCH"), values.get("query")),
        (("OUT", "DEST", "TARGET", "DOCX", "SAVE"), values.get("out")),
        (("FILE", "PATH", "SOURCE", "INPUT"), values.get("file")),
    ):
        if any(k in bare for k in keys) and value is not None:
            return value
    return None


def call_args(help_text: str, values: dict[str, str]) -> list[str] | None:
    """Arguments for a command from its --help, or None when its shape is unknown."""
    positional, options = usage(help_text)
    args = []
    for name in positional:
        value = _positional_value(name, values)
        if value is None:
            if name.startswith("["):
                continue  # optional
            return None
        args += value.split() if name.endswith("...") and "query" in values else [value]
    filled = {k for k, v in values.items() if v in args}
    for option, spec in options.items():
        bare = option.lstrip("-")
        if "out" not in filled and "out" in values and bare in ("o", "out", "output", "dest", "to"):
            args += [option, values["out"]]
            filled.add("out")
        elif "kind" not in filled and bare in ("kind", "type", "template", "as", "format"):
            choice = re.search(r"\[([^\]]*press[^\]]*)\]", spec)
            if choice:
                pick = next(c for c in choice.group(1).split("|") if "press" in c or "release" in c)
                args += [option, pick]
                filled.add("kind")
        elif "id" not in filled and bare in ("report", "id", "report-id"):
            args += [option, values["id"]]
            filled.add("id")
    return args


def check_archive_commands(bundle: Bundle, report: dict, folder: Path) -> None:
    available = commands(bundle)
    archive = folder / "smoke.sqlite3"
    base = ["--archive", str(archive)]
    file_000 = str(CORPUS / "raw" / "000.txt")
    if "import" in available:
        help_text, _ = bundle.ok("import", "--help")
        args = call_args(help_text, {"id": "1", "file": file_000})
        check(args is not None and file_000 in args, _unknown("import", help_text))
        _out, seconds = bundle.ok(*base, "import", *args)
        check(archive.is_file(), f"import did not create the archive {archive}")
        step("import", f"report 000 into a new archive ({seconds:.2f} s)")
    else:
        skip("import", "the command line has no `import` yet")
    if "search" in available and "import" in available:
        help_text, _ = bundle.ok("search", "--help")
        args = call_args(help_text, {"id": "1", "query": "dan van kheo"})
        check(args is not None, _unknown("search", help_text))
        out, seconds = bundle.ok(*base, "search", *args)
        with contextlib.suppress(ValueError):  # JSON may escape the Vietnamese letters
            out = json.dumps(json.loads(out), ensure_ascii=False)
        check("dân vận" in folded(out), f"search 'dan van kheo' found nothing:\n{out[:500]}")
        step("search", f"'dan van kheo' finds report 000 ({seconds:.2f} s)")
    else:
        skip("search", "the command line has no `search` (and `import`) yet")
    if "export" in available and "import" in available:
        check_export(bundle, base, report["title"], folder)
    else:
        skip("export", "the command line has no `export` (and `import`) yet")


def check_export(bundle: Bundle, base: list[str], headline: str, folder: Path) -> None:
    group: list[str] = ["export"]
    sub = commands(bundle, "export")
    if sub:  # `export` is a group: pick its press release command
        name = next((n for n in sub if "press" in n or "release" in n), None)
        check(name is not None, f"`export` has no press release command: {list(sub)}")
        group.append(name)
    help_text, _ = bundle.ok(*group, "--help")
    out_dir = folder / "export"
    out_dir.mkdir()
    out_file = out_dir / "press-release.docx"
    args = call_args(help_text, {"id": "1", "out": str(out_file), "kind": "press-release"})
    check(args is not None, _unknown(" ".join(group), help_text))
    _out, seconds = bundle.ok(*base, *group, *args)
    made = [out_file] if out_file.is_file() else sorted(out_dir.rglob("*.docx"))
    check(len(made) == 1, f"export made {made or 'no .docx'} in {out_dir}")
    with zipfile.ZipFile(made[0]) as docx:
        check("word/document.xml" in docx.namelist(), f"{made[0].name} has no word/document.xml")
        xml = docx.read("word/document.xml").decode("utf-8")
    paragraphs = [
        "".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", p))
        for p in re.findall(r"<w:p[ >].*?</w:p>", xml, re.S)
    ]
    check(
        any(folded(headline) == folded(p) for p in paragraphs),
        f"{made[0].name}: no paragraph is the headline {headline!r}",
    )
    step("export", f"press release .docx with the headline ({seconds:.2f} s)")


def _unknown(command: str, help_text: str) -> str:
    return (
        f"the smoke test cannot tell how to call `{command}`; teach packaging/smoke_test.py its "
        f"arguments:\n{help_text}"
    )


# 6. the window ------------------------------------------------------------------------------------


def check_gui(bundle: Bundle) -> dict[str, float]:
    figures = {}
    for label in ("cold", "warm"):
        if label == "cold":
            evict(bundle.path)
        done, seconds = bundle.run(gui=True, env={"WORKBENCH_QUIT_AFTER_MS": "0"})
        _gui_ok(done, "offscreen")
        figures[f"gui_{label}_ms"] = seconds * 1000
    settings = bundle.home / "config" / "press-workbench" / "settings.json"
    if sys.platform.startswith("linux"):
        check(settings.is_file(), f"the first run wrote no settings at {settings}")
        recent = json.loads(settings.read_text(encoding="utf-8")).get("recent_archives")
        default = bundle.home / "data" / "press-workbench" / "archive.sqlite3"
        check(recent == [str(default)], f"recent archives {recent}, not [{default}]")
        check(default.is_file(), f"the first run made no default archive at {default}")
    step(
        "window offscreen",
        f"started and quit, exit 0; cold {figures['gui_cold_ms']:.0f} ms, "
        f"warm {figures['gui_warm_ms']:.0f} ms",
    )
    xvfb = shutil.which("xvfb-run")
    if not sys.platform.startswith("linux") or xvfb is None:
        skip("window on X11", "xvfb-run is not installed")
        return figures
    done, seconds = bundle.run(
        gui=True,
        env={"WORKBENCH_QUIT_AFTER_MS": "500", "QT_QPA_PLATFORM": "xcb"},
        prefix=(xvfb, "-a", "-s", "-screen 0 1280x800x24"),
    )
    _gui_ok(done, "X11 (xvfb)")
    step("window on X11", f"xcb platform under xvfb-run, exit 0 ({seconds:.2f} s)")
    return figures


def _gui_ok(done: subprocess.CompletedProcess, where: str) -> None:
    trouble = re.search(r"Traceback|could not (load|find) the Qt platform plugin", done.stderr)
    check(
        done.returncode == 0 and not trouble,
        f"the window ({where}) exited with {done.returncode}:\n{done.stderr.strip()[-2000:]}",
    )


# 7. desktop entry -------------------------------------------------------------------------------


def check_desktop_entry(bundle: Bundle) -> None:
    if not sys.platform.startswith("linux"):
        return
    script = bundle.path / "install-desktop-entry.sh"
    check(os.access(script, os.X_OK), f"{script.name} is missing or not executable")
    env = {**bundle.env, "XDG_DATA_HOME": str(bundle.home / "menu")}
    for args in ((), ("--remove",)):
        done = subprocess.run(
            ["sh", str(script), *args], env=env, capture_output=True, text=True, timeout=60
        )
        check(done.returncode == 0, f"install-desktop-entry.sh {args}: {done.stderr}")
        entry = bundle.home / "menu" / "applications" / "press-workbench.desktop"
        icon = bundle.home / "menu" / "icons" / "hicolor" / "16x16" / "apps" / "press-workbench.png"
        if args:
            check(not entry.exists() and not icon.exists(), "--remove left the entry or icons")
            continue
        check(entry.is_file() and icon.is_file(), "the entry or the icons were not installed")
        text = entry.read_text(encoding="utf-8")
        check(f'Exec="{bundle.cli}"' in text, f"the entry does not run {bundle.cli}:\n{text}")
        validate = shutil.which("desktop-file-validate")
        if validate:
            done = subprocess.run([validate, str(entry)], capture_output=True, text=True)
            check(done.returncode == 0, f"desktop-file-validate: {done.stdout}{done.stderr}")
    step("desktop entry", "installed in the menu with its icons, then removed")


def main(argv: list[str]) -> int:
    name = "Press Workbench.app" if sys.platform == "darwin" else "press-workbench"
    default = ROOT / "dist" / name
    path = Path(argv[0]).resolve() if argv else default
    print(f"smoke test of {path}")
    with tempfile.TemporaryDirectory(prefix="workbench-smoke-") as tmp:
        home = Path(tmp) / "home"
        work = Path(tmp) / "work"
        home.mkdir()
        work.mkdir()
        try:
            bundle = Bundle(path, home)
            check_contents(bundle)
            figures = check_version(bundle)
            report = check_extract(bundle)
            check_readers(bundle, report, work)
            check_archive_commands(bundle, report, work)
            figures |= check_gui(bundle)
            check_desktop_entry(bundle)
        except SmokeFailure as failure:
            print(f"FAIL  {failure}", file=sys.stderr)
            return 1
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())
    figures["bundle_mb"] = size / 1e6
    print("figures: " + json.dumps({k: round(v) for k, v in figures.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
