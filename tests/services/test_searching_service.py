from __future__ import annotations

import pytest
from sqlite_utils import Database

from tests.archive_factory import person, report
from workbench.core.errors import ArchiveError
from workbench.services.archive import store_report
from workbench.services.changes import Changes
from workbench.services.curation import (
    get_settings,
    list_exports,
    list_tags,
    record_export,
    set_setting,
    tag_report,
    untag_report,
)
from workbench.services.searching import (
    SearchFilters,
    delete_saved_search,
    list_saved_searches,
    run_saved_search,
    save_search,
    search_reports,
)


@pytest.fixture
def filled(db: Database) -> Database:
    store_report(db, report("Dân vận khéo", "Mô hình Dân vận khéo ở Đảng ủy Khối.",
                            people=[person("Nguyễn Văn Thể", "Bí thư Đảng ủy Khối")]))  # fmt: skip
    store_report(db, report("Giao ban", "Lực lượng đang triển khai.", source="baomoi.com"))
    return db


def test_search_service(filled: Database) -> None:
    results = search_reports(filled, "dân vận")
    assert [hit.report.title for hit in results.hits] == ["Dân vận khéo"]
    with pytest.raises(ValueError):
        search_reports(filled, "x", order="random")


def test_saved_searches(filled: Database) -> None:
    search_id, changes = save_search(
        filled, "Dân vận", "dan van", SearchFilters(person="Nguyễn Văn Thể")
    )
    assert changes == Changes(saved_searches=True)
    saved = list_saved_searches(filled)
    assert [(s.name, s.query, s.filters) for s in saved] == [
        ("Dân vận", "dan van", {"person": "Nguyễn Văn Thể"})
    ]
    assert run_saved_search(filled, search_id).total == 1
    same_id, _ = save_search(filled, "Dân vận", "giao ban")
    assert same_id == search_id and run_saved_search(filled, search_id).total == 1
    delete_saved_search(filled, search_id)
    with pytest.raises(ArchiveError):
        run_saved_search(filled, search_id)
    with pytest.raises(ArchiveError):
        save_search(filled, " ", "x")


def test_tags(filled: Database) -> None:
    assert tag_report(filled, 1, "Dân vận") == Changes(tags=True)
    assert not tag_report(filled, 1, "dân  VẬN")  # the same tag: nothing changes
    assert list_tags(filled, 1) == ["Dân vận"] and list_tags(filled) == ["Dân vận"]
    assert search_reports(filled, "", SearchFilters(tag="Dân vận")).total == 1
    assert untag_report(filled, 1, "dân vận").tags
    assert list_tags(filled) == []
    with pytest.raises(ArchiveError):
        tag_report(filled, 42, "x")


def test_settings_and_exports(filled: Database) -> None:
    assert get_settings(filled) == {"organisation": "", "layout": "government"}
    set_setting(filled, "layout", "party")
    set_setting(filled, "organisation", "Ban Tuyên giáo Tỉnh ủy")
    assert get_settings(filled)["layout"] == "party"
    with pytest.raises(ValueError):
        set_setting(filled, "layout", "magazine")
    with pytest.raises(ValueError):
        set_setting(filled, "colour", "red")
    record_export(filled, "docx", "/tmp/x.docx", [1, 2])
    assert [(e.kind, e.report_ids) for e in list_exports(filled)] == [("docx", [1, 2])]


def test_changes_combine() -> None:
    both = Changes(reports=True) | Changes(people=True)
    assert both.kinds() == ["reports", "people"] and both and not Changes()
