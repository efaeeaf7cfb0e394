"""Security: no network, no outside references in exports, file names that stay in their folder.

The workbench is offline. Three independent witnesses watch for network use while reports
full of remote references (``<img src=http://…>``, stylesheets, scripts, iframes, a DTD, an
XXE, .docx relationships with ``TargetMode="External"``, an attached remote template, PDF link
actions) are imported, analysed, searched and exported:

* in this process, ``socket`` is patched so any socket, lookup or connection is recorded (and
  refused);
* every remote reference points at a real TCP listener on 127.0.0.1 that must see no
  connection, whichever layer (Python, lxml/libxml2, pypdf) might have tried;
* the same work runs in a child process with a ``sys.addaudithook`` hook recording every
  ``socket.*``/``urllib.*``/``http.*`` event, and under ``strace`` (when installed) recording
  every ``socket``/``connect`` system call.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import socket
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from tests.hostile import makers as mk
from tests.hostile.conftest import ROOT, child_env
from workbench.core.errors import WorkbenchError
from workbench.core.layout import ExportSettings, safe_filename
from workbench.formats.bulletin import write_bulletin
from workbench.formats.docx_document import packaged_template
from workbench.formats.export_docx import write_press_release
from workbench.services.exporting import default_export_name, export_press_release
from workbench.services.importing import import_files, read_report
from workbench.services.searching import search_reports
from workbench.storage.db import open_archive


@pytest.fixture
def listener() -> Iterator[tuple[str, socket.socket]]:
    """A TCP server on 127.0.0.1 that nothing should ever connect to: (base URL, socket)."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.setblocking(False)
    yield f"http://127.0.0.1:{server.getsockname()[1]}", server
    server.close()


def assert_never_contacted(server: socket.socket) -> None:
    try:
        connection, peer = server.accept()
    except BlockingIOError:
        return
    connection.close()
    pytest.fail(f"something connected to the trap listener from {peer}")


# --- hostile inputs full of remote references -----------------------------------------------------


def remote_html(url: str) -> str:
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "{url}/dtd">
<html><head><title>{mk.TITLE}</title><base href="{url}/base/">
<link rel="stylesheet" href="{url}/style.css"><script src="{url}/app.js"></script>
<style>@import url("{url}/import.css"); p {{ background: url({url}/bg.png) }}</style>
<meta http-equiv="refresh" content="0; url={url}/refresh"></head>
<body><article><h1>{mk.TITLE}</h1>
<p>{mk.PARAGRAPHS[0]} <img src="{url}/photo.jpg" srcset="{url}/photo2x.jpg 2x"></p>
<figure><img src="{url}/figure.png"><figcaption>Quang cảnh hội nghị</figcaption></figure>
<p>{mk.PARAGRAPHS[1]} <a href="{url}/link">xem thêm</a></p>
<iframe src="{url}/frame"></iframe><object data="{url}/object.swf"></object>
<svg><image href="{url}/svg.png"/></svg><video src="{url}/video.mp4"></video>
<p>{mk.PARAGRAPHS[2]}</p><p>{mk.PARAGRAPHS[3]}</p></article></body></html>"""


def field_docx(url: str) -> bytes:
    """A .docx whose body holds INCLUDEPICTURE/INCLUDETEXT fields pointing at ``url``."""
    fields = (
        f"<w:p><w:fldSimple w:instr='INCLUDEPICTURE \"{url}/field.png\" \\d'>"
        "<w:r><w:t>ảnh</w:t></w:r></w:fldSimple></w:p>"
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText>INCLUDETEXT "{url}/field.txt"</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    return mk.docx_with_body(
        mk.paragraph_xml(mk.TITLE) + fields + mk.paragraph_xml(mk.PARAGRAPHS[0])
    )


def linked_pdf(url: str) -> bytes:
    """A PDF with a URI link annotation, an open action and a remote go-to."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(mk.pdf_bytes())))
    action = DictionaryObject(
        {NameObject("/S"): NameObject("/URI"), NameObject("/URI"): TextStringObject(url + "/pdf")}
    )
    writer._root_object[NameObject("/OpenAction")] = action
    remote = DictionaryObject(
        {NameObject("/S"): NameObject("/GoToR"), NameObject("/F"): TextStringObject(url + "/r")}
    )
    writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): remote})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def remote_files(folder: Path, url: str) -> list[Path]:
    """One file of each importable kind, each reaching for ``url`` in every way it can."""
    text = (
        f"{mk.TITLE}\n\n{mk.PARAGRAPHS[0]} Xem {url}/txt và \\\\127.0.0.1\\share\\a.docx\n\n"
        + "\n\n".join(mk.PARAGRAPHS[1:])
    )
    markdown = (
        f"---\ntitle: {mk.TITLE}\nimage: {url}/front.png\n---\n\n{mk.PARAGRAPHS[0]}\n\n"
        f'![ảnh]({url}/md.png) [liên kết]({url}/md)\n\n<img src="{url}/md-img.png">\n\n'
        + "\n\n".join(mk.PARAGRAPHS[1:])
    )
    return [
        mk.write(folder, "văn bản.txt", text),
        mk.write(folder, "ghi chú.md", markdown),
        mk.write(folder, "trang.html", remote_html(url)),
        mk.write(folder, "trang.xhtml", remote_html(url)),
        mk.write(folder, "nguồn trang.txt", remote_html(url)),  # HTML saved as .txt
        mk.write(folder, "liên kết.docx", mk.external_relationship_docx(url)),
        mk.write(folder, "trường.docx", field_docx(url)),
        mk.write(folder, "xxe.docx", mk.xxe_docx(url + "/xxe")),
        mk.write(folder, "liên kết.pdf", linked_pdf(url)),
    ]


# --- witness 1: sockets patched in this process ---------------------------------------------------


@pytest.fixture
def no_sockets(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Record (and refuse) every socket, connection and name lookup made in this process."""
    attempts: list[str] = []

    def refuse(what: str):
        def call(*args: object, **kwargs: object) -> None:
            attempts.append(f"{what}{args[1:] if what == 'socket()' else args}")
            raise OSError(f"network use in an offline program: {what}")

        return call

    monkeypatch.setattr(socket.socket, "__init__", refuse("socket()"))
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, refuse(name))
    yield attempts


def _external_links(path: Path) -> int:
    with zipfile.ZipFile(path) as package:
        return sum(
            package.read(name).count(b'TargetMode="External"')
            for name in package.namelist()
            if name.endswith(".rels")
        )


def _check_export(path: Path, url: str) -> None:
    """No relationship to anything outside the package; no field or link that would fetch."""
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            data = package.read(name).decode("utf-8", errors="replace")
            if name.endswith(".rels"):
                assert 'TargetMode="External"' not in data, name
                targets = re.findall(r'Target="([^"]*)"', data)
                remote = [t for t in targets if re.match(r"(?i)[a-z][a-z0-9+.-]*:|\\\\|//", t)]
                assert not remote, (name, remote)
            in_attributes = re.findall(r'="[^"]*(?:127\.0\.0\.1|evil\.example)[^"]*"', data)
            assert not in_attributes, (name, in_attributes)  # text may quote a URL, no more
            for marker in ("INCLUDEPICTURE", "INCLUDETEXT", "r:link=", "<w:hyperlink"):
                assert marker not in data, (name, marker)


def test_import_analysis_search_and_export_open_no_socket(
    tmp_path: Path, listener: tuple[str, socket.socket], no_sockets: list[str]
) -> None:
    url, server = listener
    (tmp_path / "in").mkdir()
    files = remote_files(tmp_path / "in", url)
    db = open_archive(tmp_path / "kho.sqlite")
    summary = import_files(db, files)
    assert [path.name for path, _message in summary.failed] == ["xxe.docx"]
    assert len(summary.imported) + len(summary.duplicates) == len(files) - 1
    assert search_reports(db, "dân vận").total >= 1
    search_reports(db, url)  # a URL typed as a query is only text
    out = tmp_path / "out"
    out.mkdir()
    for number, (_path, report_id) in enumerate(summary.imported):
        written = export_press_release(db, report_id, out / f"{number}.docx").path
        _check_export(written, url)
    reports = [read_report(path) for path, _id in summary.imported]
    bulletin = write_bulletin(reports, ExportSettings(), out / "bản tin.docx")
    _check_export(bulletin, url)
    db.close()
    assert no_sockets == []
    assert_never_contacted(server)


def test_a_template_with_remote_references_exports_without_them(
    tmp_path: Path, listener: tuple[str, socket.socket], no_sockets: list[str]
) -> None:
    """Remote-template injection: a template whose settings attach a remote .dotm, whose header
    links a remote picture and whose body links out; the export keeps none of it."""
    url, server = listener
    data = packaged_template("press_release.docx").read_bytes()  # the office's own template
    package = zipfile.ZipFile(io.BytesIO(data))
    changes: dict[str, bytes | None] = {}
    for name in package.namelist():
        if name.startswith("word/_rels/") and name.endswith(".rels"):
            rels = package.read(name).decode()
            extra = (
                '<Relationship Id="rIdEvil" Type="http://schemas.openxmlformats.org/'
                f'officeDocument/2006/relationships/image" Target="{url}/{name}.png" '
                'TargetMode="External"/></Relationships>'
            )
            changes[name] = rels.replace("</Relationships>", extra).encode()
    headers = [n for n in package.namelist() if re.fullmatch(r"word/header\d+\.xml", n)]
    changes[f"word/_rels/{headers[0].split('/')[1]}.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://'
        'schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdH" Type='
        '"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
        f'Target="{url}/header.png" TargetMode="External"/></Relationships>'
    ).encode()
    hostile = zipfile.ZipFile(io.BytesIO(mk.external_relationship_docx(url)))
    changes["word/_rels/settings.xml.rels"] = hostile.read("word/_rels/settings.xml.rels")
    changes["word/settings.xml"] = hostile.read("word/settings.xml")
    path = mk.write(tmp_path, "mẫu độc.docx", mk.rezip(data, changes))
    assert _external_links(path) >= 3  # the template really is hostile
    report = read_report(mk.write(tmp_path, "báo cáo.txt", mk.report_text()))
    written = write_press_release(report, ExportSettings(), tmp_path / "ra.docx", template=path)
    _check_export(written, url)
    assert no_sockets == []
    assert_never_contacted(server)


# --- witnesses 2 and 3: audit hook and strace in a child ------------------------------------------

CHILD = """
import json, sys
events = []
WATCHED = ("socket.", "urllib.", "http.client.", "ftplib.", "smtplib.", "webbrowser.")
def hook(event, args):
    if event.startswith(WATCHED):
        events.append([event, repr(args)[:200]])
sys.addaudithook(hook)

from pathlib import Path
from workbench.core.errors import WorkbenchError
from workbench.core.layout import ExportSettings
from workbench.formats.bulletin import write_bulletin
from workbench.formats.docx_document import packaged_template
from workbench.services.archive import open_archive
from workbench.services.exporting import export_press_release
from workbench.services.importing import import_files, read_report
from workbench.services.searching import search_reports

folder, out = Path(sys.argv[1]), Path(sys.argv[2])
files = sorted(folder.iterdir())
db = open_archive(out / "kho.sqlite")
summary = import_files(db, files)
search_reports(db, "dân vận")
search_reports(db, "http://127.0.0.1")
written = [str(export_press_release(db, rid, out / f"{n}.docx").path)
           for n, (_p, rid) in enumerate(summary.imported)]
reports = [read_report(p) for p, _ in summary.imported]
written.append(str(write_bulletin(reports, ExportSettings(), out / "bulletin.docx")))
db.close()
print(json.dumps({"events": events, "written": written,
                  "failed": [str(p) for p, _ in summary.failed]}))
"""


def test_a_child_doing_everything_raises_no_socket_audit_event_and_no_socket_syscall(
    tmp_path: Path, listener: tuple[str, socket.socket]
) -> None:
    url, server = listener
    folder = tmp_path / "in"
    folder.mkdir()
    remote_files(folder, url)
    out = tmp_path / "out"
    out.mkdir()
    command = [sys.executable, "-c", CHILD, str(folder), str(out)]
    trace = tmp_path / "strace.txt"
    strace = shutil.which("strace")
    if strace:
        command = [strace, "-f", "-qq", "-e", "trace=socket,connect", "-o", str(trace), *command]
    result = subprocess.run(
        command, cwd=ROOT, env=child_env(), capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["events"] == []
    assert [Path(p).name for p in report["failed"]] == ["xxe.docx"]
    for written in report["written"]:
        _check_export(Path(written), url)
    if strace and trace.exists():
        calls = [line for line in trace.read_text().splitlines() if "AF_INET" in line]
        assert calls == [], calls
    assert_never_contacted(server)


# --- file names -----------------------------------------------------------------------------------

HOSTILE_HEADLINES = [
    "../../../etc/cron.d/thông cáo",
    "..",
    ".",
    "...",
    "/",
    "C:\\Windows\\System32\\thông cáo",
    "\\\\máy chủ\\chia sẻ\\tệp",
    'Hội nghị: tổng kết / 2023 | "Dân vận" <khéo> * ?',
    "tên\x00ẩn",
    "CON",
    "con.docx",
    "NUL",
    "COM1",
    "LPT9 ",
    "aux.txt",
    "Thông cáo " + "dài " * 100,
    "Ữ" * 300,
    "\u202eexcod.exe",
    "dòng\nmới\rcũ\ttab",
    "   ",
    "",
    "-",
    ".bashrc",
    "~",
    "$HOME",
    "😀" * 80,
]


@pytest.mark.parametrize("headline", HOSTILE_HEADLINES)
def test_an_export_named_after_any_headline_lands_in_the_chosen_folder(
    headline: str, tmp_path: Path
) -> None:
    folder = tmp_path / "xuất"
    folder.mkdir()
    stem = safe_filename(headline)
    _check_stem(stem)
    report = read_report(mk.write(tmp_path, "nguồn.txt", mk.report_text()))
    report.title = headline or None
    name = default_export_name(report)
    assert name == stem + ".docx"
    written = write_press_release(report, ExportSettings(), folder / name)
    assert written.resolve().parent == folder.resolve()
    assert [p.name for p in folder.iterdir()] == [name]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nguồn.txt", "xuất"]


_RESERVED = re.compile(r"(?i)^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$")


def _check_stem(stem: str) -> None:
    assert stem and stem not in (".", "..")
    assert not re.search(r'[<>:"/\\|?*\x00-\x1f\x7f]', stem), stem
    assert len(stem.encode("utf-8")) <= 150
    assert stem == stem.strip(" .")
    assert not _RESERVED.match(stem.rstrip(" ."))
    assert not stem.startswith(("-", "."))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_safe_filename_of_any_text_is_one_safe_name(headline: str) -> None:
    _check_stem(safe_filename(headline))


def test_no_export_api_accepts_a_folder_escape_in_the_name(tmp_path: Path) -> None:
    """The services take a full path from the caller; it is the caller's file name that must
    come from ``safe_filename``. A name with a separator is a different folder: refused or
    written where the caller asked, never elsewhere."""
    folder = tmp_path / "xuất"
    folder.mkdir()
    report = read_report(mk.write(tmp_path, "nguồn.txt", mk.report_text()))
    try:
        write_press_release(report, ExportSettings(), folder / "không có" / "x.docx")
    except WorkbenchError as error:
        assert "\n" not in str(error)
    assert not (folder / "không có").exists()


# --- the witnesses themselves ---------------------------------------------------------------------

CONTROL = """
import json, socket, sys
events = []
sys.addaudithook(lambda event, args: events.append(event) if event.startswith("socket.") else 0)
with socket.create_connection(("127.0.0.1", int(sys.argv[1]))):
    pass
print(json.dumps(events))
"""


def test_the_witnesses_see_a_connection_when_there_is_one(
    tmp_path: Path, listener: tuple[str, socket.socket]
) -> None:
    """Control: the audit hook, strace and the trap listener all notice a real connection, so
    their silence above means something."""
    url, server = listener
    port = url.rsplit(":", 1)[1]
    trace = tmp_path / "strace.txt"
    command = [sys.executable, "-c", CONTROL, port]
    strace = shutil.which("strace")
    if strace:
        command = [strace, "-f", "-qq", "-e", "trace=socket,connect", "-o", str(trace), *command]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=True)
    assert "socket.connect" in json.loads(result.stdout)
    if strace:
        assert "AF_INET" in trace.read_text()
    with pytest.raises(pytest.fail.Exception):
        assert_never_contacted(server)
