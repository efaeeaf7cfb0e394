"""The archive browser, driven through the real window offscreen on the imported corpus:
search as you type, filters, saved searches, opening results, lazy pages, stale queries."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog

from tests.gui.conftest import RAW
from workbench.gui.models import search_results
from workbench.gui.models.paged import Page, PagedModel
from workbench.gui.models.search_results import BrowseQuery, HtmlRole, SearchResultsModel
from workbench.gui.ops import SyncRunner
from workbench.gui.rich_text import MARK_CLOSE, MARK_OPEN
from workbench.services.archive import open_archive
from workbench.services.people import list_people, reports_of_person
from workbench.services.searching import (
    SearchFilters,
    SearchTimeout,
    count_reports,
    search_reports,
)
from workbench.storage import search as search_module

pytestmark = pytest.mark.gui

TITLE_000 = "Công tác dân vận đã góp phần"


def titles(model) -> list[str]:
    return [model.row(r).title for r in range(model.rowCount())]


def type_query(qtbot, browser, text: str) -> None:
    """Type ``text`` (ASCII) into the search box and wait for the debounced results."""
    with qtbot.waitSignal(browser.model.loaded, timeout=5000):
        qtbot.keyClicks(browser.search_box, text)


def test_type_filter_and_open(corpus_window, qtbot, qtmodeltester, tmp_path):
    window = corpus_window
    browser = window.browser
    qtmodeltester.check(browser.model, force_py=True)
    assert browser.model.total == 15  # an empty box lists every report, newest first

    type_query(qtbot, browser, "dan van kheo")
    model = browser.model
    assert model.query.text == "dan van kheo"
    row = next(r for r in range(model.rowCount()) if model.row(r).title.startswith(TITLE_000))
    first = model.row(row)
    html = model.data(model.index(row, 0), HtmlRole)
    assert f"{MARK_OPEN}dân{MARK_CLOSE} {MARK_OPEN}vận{MARK_CLOSE}" in html  # highlighted
    assert f"{MARK_OPEN}Dân{MARK_CLOSE}" in html  # marks come with or without capitals
    assert browser.status.text() == f"{model.total} reports"
    browser.view.grab()  # the delegate paints the rich text

    browser.filter_button.setChecked(True)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        browser.filters.inputs["person"].setText("Nguyễn Văn Thể")
    db = open_archive(tmp_path / "archive.sqlite3")
    (the,) = [p for p in list_people(db, limit=500).items if p.name == "Nguyễn Văn Thể"]
    with_him = {a.report_id for a in reports_of_person(db, the.id)}
    shown = {model.row(r).id for r in range(model.rowCount())}
    assert first.id in shown
    assert shown <= with_him

    # Enter on a result opens it in the editor.
    browser.select_rows([0])
    window.activateWindow()
    browser.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is browser.view, timeout=2000)
    QTest.keyClick(browser.view, Qt.Key.Key_Return)
    assert window.session.report_id == first.id
    assert window.editor.inputs["title"].text().startswith(TITLE_000)


def test_dan_van_kheo_lists_report_000_first(corpus_window, qtbot):
    browser = corpus_window.browser
    type_query(qtbot, browser, "dan van kheo")
    assert browser.model.row(0).title.startswith(TITLE_000)


def test_sort_by_date_and_date_range(corpus_window, qtbot):
    browser = corpus_window.browser
    type_query(qtbot, browser, "hoi nghi")
    by_relevance = [row.id for row in browser.model.rows()]
    browser.order_box.setCurrentIndex(browser.order_box.findData("date"))  # runs at once
    dates = [row.date for row in browser.model.rows()]
    assert dates == sorted(dates, reverse=True)
    assert sorted(row.id for row in browser.model.rows()) == sorted(by_relevance)
    browser.filters.inputs["date_from"].setText("2023")
    browser.filters.inputs["date_to"].setText("12/2023")
    browser.search_now()
    assert browser.model.rowCount() > 0
    assert all("2023-01-01" <= row.date <= "2023-12-31" for row in browser.model.rows())
    browser.filters.inputs["date_to"].setText("not a date")  # ignored, shown in red
    assert browser.query().filters.date_to is None


def test_saved_searches_save_run_delete(corpus_window, qtbot, monkeypatch):
    browser = corpus_window.browser
    type_query(qtbot, browser, "dan van")
    browser.filters.inputs["source"].setText("dukcqtw.dcs.vn")
    browser.search_now()
    expected = [row.id for row in browser.model.rows()]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Dân vận", True))
    browser.saved.save_button.click()
    assert browser.saved.names() == ["Dân vận"]

    browser.filters.clear()
    browser.search_box.clear()
    browser.search_now()
    assert [row.id for row in browser.model.rows()] != expected

    assert browser.saved.run("Dân vận")
    assert browser.search_box.text() == "dan van"
    assert browser.filters.inputs["source"].text() == "dukcqtw.dcs.vn"
    assert [row.id for row in browser.model.rows()] == expected

    browser.saved.delete_button.click()
    assert browser.saved.names() == []


def test_results_come_a_page_at_a_time(corpus_window, qtbot, qtmodeltester):
    runner = corpus_window.runner
    model = SearchResultsModel(runner, page_size=4)
    model.set_query(BrowseQuery())
    assert (model.rowCount(), model.total) == (4, 15)
    assert model.canFetchMore()
    model.fetchMore()
    assert not model.canFetchMore()  # one page at a time
    qtbot.waitUntil(lambda: model.rowCount() == 8)
    qtmodeltester.check(model, force_py=True)  # fetches the rest as a view would
    qtbot.waitUntil(lambda: model.rowCount() == 15)
    assert not model.canFetchMore()
    assert len({row.id for row in model.rows()}) == 15


def test_the_list_fetches_pages_as_it_scrolls(corpus_window, qtbot):
    browser = corpus_window.browser
    model = SearchResultsModel(corpus_window.runner, page_size=3)
    browser.view.setModel(model)
    browser.view.resize(300, 200)
    model.set_query(BrowseQuery())
    qtbot.waitUntil(lambda: model.rowCount() > 3)  # the view filled its viewport
    shown = model.rowCount()
    browser.view.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > shown)


class QueuedRunner(SyncRunner):
    """Holds jobs until ``run_all`` (the order a busy database thread would run them in)."""

    def __init__(self, connect) -> None:
        super().__init__(connect)
        self.queue: list = []
        self.ran: list = []

    def submit(self, job, on_success, on_failure) -> None:
        self.queue.append((job, on_success, on_failure))

    def run_all(self) -> None:
        while self.queue:
            job, on_success, on_failure = self.queue.pop(0)
            super().submit(job, lambda r, cb=on_success: (self.ran.append(r), cb(r)), on_failure)


def test_a_newer_query_makes_older_ones_skip_their_work(corpus_window, tmp_path, qtmodeltester):
    runner = QueuedRunner(lambda: open_archive(tmp_path / "archive.sqlite3"))
    model = SearchResultsModel(runner)
    qtmodeltester.check(model, force_py=True)
    for text in ("d", "da", "dan", "dan van"):
        model.set_query(BrowseQuery(text, SearchFilters(), "relevance"))
    assert model.rowCount() == 0
    runner.run_all()
    assert runner.ran[:3] == [None, None, None]  # the three stale queries did no work
    assert model.query.text == "dan van"
    assert model.rowCount() > 0
    expected = search_reports(open_archive(tmp_path / "archive.sqlite3"), "dan van", limit=60)
    assert [row.id for row in model.rows()] == [hit.report.id for hit in expected.hits]
    runner.stop()


def test_a_page_that_arrives_late_is_dropped(corpus_window, tmp_path):
    runner = QueuedRunner(lambda: open_archive(tmp_path / "archive.sqlite3"))
    model = SearchResultsModel(runner)
    model.set_query(BrowseQuery("dan van"))
    job, on_success, _failure = runner.queue.pop(0)
    page = job(open_archive(tmp_path / "archive.sqlite3"))  # computed before the next query
    model.set_query(BrowseQuery("ngoai giao"))
    runner.run_all()
    newer = [r.id for r in model.rows()]
    assert newer != [r.id for r in page.rows]
    on_success(page)  # the old page arrives after the new one: ignored
    assert model.query.text == "ngoai giao"
    assert [r.id for r in model.rows()] == newer
    runner.stop()


def test_a_total_past_the_rank_cap_is_counted_after_the_first_page(
    corpus_window, tmp_path, qtbot, qtmodeltester, monkeypatch
):
    monkeypatch.setattr(search_module, "RANK_CAP", 3)
    runner = QueuedRunner(lambda: open_archive(tmp_path / "archive.sqlite3"))
    model = SearchResultsModel(runner, page_size=2)
    qtmodeltester.check(model, force_py=True)
    model.set_query(BrowseQuery("cac"))
    job, on_success, on_failure = runner.queue.pop(0)
    runner.queue.insert(0, (job, on_success, on_failure))
    runner.run_all()  # the page, then the count it asked for
    assert runner.ran[0].counted is False and runner.ran[0].total == 3  # at least the cap
    db = open_archive(tmp_path / "archive.sqlite3")
    assert runner.ran[1] == model.total == count_reports(db, "cac") > 3 and model.exact
    runner.stop()

    browser = corpus_window.browser  # through the window, with pages of 2 to leave a count
    monkeypatch.setattr(browser.model, "_page_size", 2)
    statuses: list[str] = []
    browser.model.loaded.connect(lambda: statuses.append(browser.status.text()))
    with qtbot.waitSignal(browser.model.counted, timeout=5000):
        type_query(qtbot, browser, "cac")
    assert browser.model.exact and browser.model.total == model.total
    assert statuses[-1] == "At least 3 reports (2 listed), counting…"
    assert browser.status.text() == f"{model.total} reports (2 listed)"


def test_a_count_that_fails_leaves_the_rows_and_their_lower_bound(
    corpus_window, qtbot, monkeypatch
):
    def too_long(*_args, **_kwargs):  # what a count past its deadline raises
        raise SearchTimeout("The search took too long; add words or filters to narrow it.")

    monkeypatch.setattr(search_module, "RANK_CAP", 3)
    monkeypatch.setattr(search_results, "count_reports", too_long)
    browser = corpus_window.browser
    monkeypatch.setattr(browser.model, "_page_size", 2)
    with qtbot.waitSignal(browser.model.counted, timeout=5000):
        type_query(qtbot, browser, "cac")
    model = browser.model
    assert not model.exact and not model.counting
    assert browser.status.text() == "At least 3 reports (2 listed)"  # no error, no "counting"
    assert model.canFetchMore() and not model.busy  # scrolling on still fetches
    while model.canFetchMore():
        model.fetchMore()
        qtbot.waitUntil(lambda: not model.busy)
    assert model.exact and model.total == model.rowCount() > 3  # the last page tells


def test_a_count_stops_once_a_newer_query_is_asked_for():
    stops = []

    def count(_db, _query, stop):
        stops.append(stop)
        return 9

    runner = QueuedRunner(lambda: None)
    model = PagedModel(runner, lambda _db, q, o, n: Page([q], 9, counted=False), count=count)
    model.set_query("dân")
    runner.run_all()  # the page, then its count
    assert model.exact and model.total == 9 and stops[0]() is False
    model.set_query("dân vận")
    assert stops[0]() is True  # a count of "dân" still running would give up now


def test_a_first_page_that_fails_ends_the_count_and_the_paging_of_the_rows_before():
    def fetch(_db, query, offset, _limit):
        if query == "quá dài":
            raise SearchTimeout("The search took too long; add words or filters to narrow it.")
        return Page([f"{query} {offset}"], 9, counted=False)

    runner = QueuedRunner(lambda: None)
    model = PagedModel(runner, fetch, count=lambda _db, _query, _stop: 9, page_size=1)
    model.set_query("dân")
    SyncRunner.submit(runner, *runner.queue.pop(0))  # the first page only
    assert model.counting and len(runner.queue) == 1  # its count is on its way
    model.set_query("quá dài")
    runner.run_all()  # the count of "dân" (skipped), then the new page fails
    assert not model.counting and not model.canFetchMore()  # no rows of it under "dân 0"
    assert model.rows() == ["dân 0"]


def test_typing_fast_runs_one_query_not_one_per_key(corpus_window, qtbot):
    browser = corpus_window.browser
    queries: list[str] = []
    browser.model.loaded.connect(lambda: queries.append(browser.model.query.text))
    with qtbot.waitSignal(browser.model.loaded, timeout=5000):
        qtbot.keyClicks(browser.search_box, "cong tac dan van")
    assert queries == ["cong tac dan van"]
    assert browser.status.text().endswith("reports")
    with qtbot.waitSignal(browser.model.loaded, timeout=5000):
        qtbot.keyClicks(browser.search_box, " kheo")
    assert queries == ["cong tac dan van", "cong tac dan van kheo"]


def test_down_arrow_goes_from_the_box_to_the_results(corpus_window, qtbot):
    window = corpus_window
    browser = window.browser
    window.activateWindow()
    browser.search_box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is browser.search_box, timeout=2000)
    QTest.keyClick(browser.search_box, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is browser.view
    assert browser.view.currentIndex().row() == 0
    assert browser.selected_report_ids() == [browser.model.row(0).id]


def test_the_person_filter_offers_names_from_the_directory(corpus_window, qtbot):
    browser = corpus_window.browser
    browser.filter_button.setChecked(True)
    field = browser.filters.inputs["person"]
    qtbot.keyClicks(field, "nguyen van")  # typed without marks
    expected = ["Nguyễn Văn Hữu", "Nguyễn Văn Sơn", "Nguyễn Văn Thể"]
    qtbot.waitUntil(lambda: browser.filters.people_names() == expected, timeout=5000)


def test_double_click_opens_a_result(corpus_window, qtbot):
    window = corpus_window
    browser = window.browser
    target = browser.model.row(2)
    rect = browser.view.visualRect(browser.model.index(2, 0))
    QTest.mouseDClick(browser.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.session.report_id == target.id


def test_a_decision_refreshes_the_results_and_keeps_the_selection(corpus_window, qtbot):
    window = corpus_window
    browser = window.browser
    browser.select_rows([3])
    chosen = browser.selected_report_ids()
    window.open_report(chosen[0])
    resets: list[int] = []
    updates: list[int] = []
    browser.model.modelReset.connect(lambda: resets.append(1))
    browser.model.dataChanged.connect(lambda *_a: updates.append(1))
    panel = window.panels["person"]
    panel.select_row(0)
    panel.accept_current()  # an edit of the archive: the browser reads its rows again
    assert updates and not resets  # the same reports: rows updated in place
    assert browser.selected_report_ids() == chosen


def test_a_hidden_browser_catches_up_when_shown(open_window, qtbot):
    window = open_window()
    browser = window.browser
    with qtbot.waitSignal(browser.visibilityChanged):
        window.show_people()  # the people tab hides the browser's
    window.imports.import_paths([RAW / "000.txt", RAW / "001.txt"])
    assert browser.model.total == 0  # not read while nobody looks
    browser.focus_search()
    qtbot.waitUntil(lambda: browser.model.total == 2, timeout=2000)
