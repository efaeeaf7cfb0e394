"""The editor names the stored reports of the same event; the reports list follows it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.archive_factory import report
from tests.services.test_archive_service import corpus_paragraphs
from workbench.services.archive import open_archive, store_report


def test_a_near_duplicate_names_the_other_account_and_opens_it(open_window, tmp_path) -> None:
    path = tmp_path / "archive.sqlite3"
    db = open_archive(path)
    paragraphs = corpus_paragraphs("000.txt")
    first = store_report(db, report("Công tác dân vận", *paragraphs)).report_id
    rewritten = [*paragraphs[2:-2], "Phóng viên báo Nhân dân đưa tin từ Hà Nội."]
    second = store_report(db, report("Dân vận <khéo>", *rewritten, source="nhandan.vn")).report_id
    alone = store_report(db, report("Công an", *corpus_paragraphs("001.txt"))).report_id
    db.close()
    window = open_window(path)
    editor = window.editor

    window.open_report(first)
    assert editor.similar.isVisible()
    assert f'href="{second}"' in editor.similar.text() and "&lt;khéo&gt;" in editor.similar.text()
    editor.similar.linkActivated.emit(str(second))
    assert window.session.report_id == second
    assert f'href="{first}"' in editor.similar.text()

    window.open_report(alone)
    assert not editor.similar.isVisible()


def test_the_reports_list_follows_the_report_open_in_the_editor(corpus_window) -> None:
    window = corpus_window
    listed = window.reports_panel.list
    for report_id in (3, 7):
        window.browser.report_activated.emit(report_id)  # opened from the archive browser
        assert listed.currentItem().data(Qt.ItemDataRole.UserRole) == report_id
        assert window.session.report_id == report_id
