"""The window tidies an untidy search index by itself, between other work."""

from __future__ import annotations

from tests.services.test_tidying import fill, segment_counts
from workbench.gui import index_tidy
from workbench.services.archive import open_archive


def test_the_window_merges_the_index_once_idle(open_window, tmp_path, monkeypatch, qtbot) -> None:
    path = tmp_path / "archive.sqlite3"
    db = open_archive(path)
    fill(db, 120)
    assert min(segment_counts(db)) >= 8
    monkeypatch.setattr(index_tidy, "IDLE_MS", 50)
    window = open_window(path)
    window.browser.search_box.setText("cong tac")  # the editor's work goes on meanwhile
    qtbot.waitUntil(lambda: segment_counts(db) == [1, 1], timeout=10_000)
    qtbot.waitUntil(lambda: not window.tidier._working)
    assert window.browser.model.total == 120
    db.close()
