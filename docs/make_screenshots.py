"""Make the README's screenshots from the real window, offscreen, on the real corpus.

    .venv/bin/python docs/make_screenshots.py [--out DIR] [--lang vi|en]

A throwaway archive gets every report of the shared corpus (``../shared/corpus/raw/*.txt``),
imported through the window's own import; the window is then driven through its public API,
as an editor would drive it, and each view is grabbed into a PNG in ``docs/screenshots/``:

    editor.png    report 000 open, its speakers, key tasks and documents in the side panels
    archive.png   the archive browser's results for "dan van kheo", the matched words marked
    people.png    the people directory, Nguyễn Văn Thể selected with the reports he is in
    export.png    the press release export dialog for report 000
    bulletin.png  the bulletin composer with four reports

Settings, window layout and the archive live in a temporary folder: nothing of the user's is
read or changed. The text is Vietnamese, the product's default (``--lang en`` for English).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox, QWidget

from workbench.gui.app import create_application
from workbench.gui.mainwindow import MainWindow
from workbench.gui.ops import SyncRunner
from workbench.services.archive import open_archive
from workbench.services.exporting import set_export_settings

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "raw"
OUT = ROOT / "docs" / "screenshots"
WINDOW_SIZE = (1280, 800)
DIALOG_WIDTH = 760
REPORT_000 = 1  # the corpus is imported in name order: 000.txt becomes report 1
QUERY = "dan van kheo"
PERSON = "Nguyễn Văn Thể"
# The office the exports are from, as Preferences would hold it (report 000 is one of theirs).
ORGANISATION = {
    "parent_body": "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TRUNG ƯƠNG",
    "issuing_body": "BAN DÂN VẬN",
    "abbreviation": "BDV",
}


def main(argv: list[str] | None = None) -> int:
    """Write the five screenshots into ``--out`` and list them; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"folder for the PNGs ({OUT})")
    parser.add_argument("--lang", choices=("vi", "en"), default="vi", help="UI language (vi)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help=f"the reports ({CORPUS})")
    args = parser.parse_args(argv)
    reports = sorted(args.corpus.glob("*.txt"))
    if not reports:
        print(f"make_screenshots: no .txt report in {args.corpus}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    with sandbox(args.lang) as home:
        written = make_screenshots(args.out, reports, home / "archive.sqlite3")
    for path in written:
        print(f"{path}  {path.stat().st_size // 1024} KB")
    print(f"{len(written)} screenshots in {time.perf_counter() - started:.1f} s")
    return 0


@contextmanager
def sandbox(lang: str) -> Iterator[Path]:
    """A temporary home (settings, data, archive) and UI language; the environment is put back.

    Qt runs offscreen at a device pixel ratio of 1, whatever the caller's display. The home is
    always the same folder (emptied first), so the archive's path in the status bar, and with
    it the PNGs, come out the same on every run.
    """
    saved = dict(os.environ)
    home = Path(tempfile.gettempdir()) / "press-workbench-screenshots"
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir()
    os.environ.update(
        QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="1", WORKBENCH_LANG=lang, HOME=str(home)
    )
    os.environ.pop("WORKBENCH_ARCHIVE", None)
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        os.environ[var] = str(home / var.lower())
    try:
        yield home
    finally:
        os.environ.clear()
        os.environ.update(saved)
        shutil.rmtree(home, ignore_errors=True)


@contextmanager
def message_boxes_collected() -> Iterator[list[str]]:
    """Message boxes are collected instead of shown: offscreen, nobody would close them."""
    shown: list[str] = []
    saved = {name: getattr(QMessageBox, name) for name in ("information", "warning", "critical")}

    def collector(kind: str) -> Callable[..., QMessageBox.StandardButton]:
        def box(_parent, title, text, *_args, **_kwargs) -> QMessageBox.StandardButton:
            shown.append(f"{kind}: {title}: {text}")
            return QMessageBox.StandardButton.Ok

        return box

    for name in saved:
        setattr(QMessageBox, name, staticmethod(collector(name)))
    try:
        yield shown
    finally:
        for name, method in saved.items():
            setattr(QMessageBox, name, method)


def make_screenshots(out: Path, reports: list[Path], archive: Path) -> list[Path]:
    """Import ``reports`` into a new ``archive`` through the window; grab each view into ``out``.

    Raises RuntimeError if the window showed an error on the way.
    """
    create_application()
    QSettings().remove("window")  # the default dock layout, not one a previous run saved
    db = open_archive(archive)
    try:
        set_export_settings(db, ORGANISATION)
    finally:
        db.close()
    out.mkdir(parents=True, exist_ok=True)
    with message_boxes_collected() as shown:
        window = MainWindow(archive, runner_factory=SyncRunner)
        try:
            window.resize(*WINDOW_SIZE)
            window.show()
            window.imports.import_paths(reports)  # its summary is an information box
            written = [save(view(window), out / f"{view.__name__}.png") for view in VIEWS]
        finally:
            for dialog in (window.dialogs.export_dialog, window.dialogs.bulletin):
                if dialog is not None:
                    dialog.close()
            window.close()
            window.deleteLater()
    errors = [text for text in shown if not text.startswith("information")]
    if errors:
        raise RuntimeError("the window showed: " + " | ".join(errors))
    return written


def save(widget: QWidget, path: Path) -> Path:
    """Grab ``widget`` as painted now into the PNG ``path``, in 256 colours (``palette``)."""
    for _ in range(3):  # layouts, repaints and zero-delay timers that are due
        QCoreApplication.processEvents()
    if not palette(widget.grab().toImage()).save(str(path), "PNG"):
        raise RuntimeError(f"could not write {path}")
    return path


def palette(image: QImage) -> QImage:
    """``image`` with its 256 most used colours, every other pixel given the nearest of them.

    The flat colours of an interface are kept exactly; only about 1% of the pixels, the edges
    of anti-aliased letters, move to a nearby shade. The file is a third of the size.
    """
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    used = Counter(memoryview(bytes(rgb.constBits())).cast("I"))  # one 0xffRRGGBB per pixel
    table = [colour for colour, _count in used.most_common(256)]
    return rgb.convertToFormat(
        QImage.Format.Format_Indexed8, table, Qt.ImageConversionFlag.AvoidDither
    )


# -- the views, in the order they are taken; each is named after its file ----------------------
def editor(window: MainWindow) -> QWidget:
    """Report 000 in the editor, its first speaker selected (his mention is marked), in the
    default layout: speakers above key tasks, the documents in a tab behind them."""
    window.open_report(REPORT_000)
    window.reports_panel.show()
    window.reports_panel.raise_()
    window.resizeDocks(
        [window.reports_panel, window.panels["person"]], [300, 470], Qt.Orientation.Horizontal
    )
    window.panels["person"].select_row(0)
    return window


def archive(window: MainWindow) -> QWidget:
    """The browser's results for QUERY, in a wider dock."""
    browser = window.browser
    browser.focus_search()
    browser.search_box.setText(QUERY)
    browser.search_now()
    window.resizeDocks([browser], [520], Qt.Orientation.Horizontal)
    return window


def people(window: MainWindow) -> QWidget:
    """The people directory, PERSON selected with the reports he appears in."""
    window.show_people()
    panel = window.people_panel
    panel.load()
    (person,) = [row.id for row in panel.model.rows() if row.name == PERSON]
    panel.select_people([person])
    panel.table.scrollTo(panel.table.currentIndex(), panel.table.ScrollHint.PositionAtCenter)
    return window


def export(window: MainWindow) -> QWidget:
    """The press release export dialog for report 000."""
    window.open_report(REPORT_000)
    dialog = window.dialogs.export_press_release()
    if dialog is None:
        raise RuntimeError("the export dialog did not open")
    dialog.resize(DIALOG_WIDTH, dialog.sizeHint().height())
    return dialog


def bulletin(window: MainWindow) -> QWidget:
    """The bulletin composer with the first four results for "dan van", named and dated."""
    browser = window.browser
    browser.focus_search()
    browser.search_box.setText("dan van")
    browser.search_now()
    browser.select_rows(list(range(min(4, browser.model.rowCount()))))
    dialog = window.dialogs.compose_bulletin()
    dialog.name.setText("Bản tin Dân vận")
    dialog.number.setText("7")
    dialog.date.setDate(QDate(2023, 9, 30))
    dialog.resize(DIALOG_WIDTH, 520)
    return dialog


VIEWS = (editor, archive, people, export, bulletin)


if __name__ == "__main__":
    sys.exit(main())
