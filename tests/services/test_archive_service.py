from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.archive_factory import person, report
from workbench.core.errors import ArchiveError
from workbench.core.models import Analysis, KeyTask, Person, place_blocks
from workbench.core.review import item_key
from workbench.services.archive import (
    backup_archive,
    delete_report,
    get_report,
    list_reports,
    reanalyse_report,
    rebuild_search_index,
    similar_reports,
    store_report,
)
from workbench.services.decisions import clear_decision, decisions_of, record_decision
from workbench.services.people import people_in_report
from workbench.services.searching import search_reports
from workbench.storage import similarity
from workbench.storage.db import open_archive

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "raw"


def corpus_paragraphs(name: str) -> list[str]:
    """Paragraphs of a corpus report, PDF line breaks joined (good enough for similarity)."""
    raw = (CORPUS / name).read_text(encoding="utf-8")
    flat = re.sub(r"\s*\n\s*\n\s*", " ", raw)
    sentences = re.split(r"(?<=[.;:])\s+", flat)
    return [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]


def test_store_and_read_back(db: Database) -> None:
    item = report(
        "Hội nghị",
        "Mở đầu.",
        "Nội dung.",
        people=[person("Nguyễn Văn Thể", "Bí thư Đảng ủy Khối")],
        documents=["25-NQ/TW"],
        tasks=["Một là, tiếp tục thực hiện."],
        original=b"\xff\xfe raw bytes \x00",
    )
    result = store_report(db, item)
    assert not result.duplicate and result.changes.reports and result.changes.people
    stored = get_report(db, result.report_id)
    assert stored.report.text == item.text
    assert stored.report.blocks == item.blocks
    assert stored.report.original == item.original
    assert stored.report.analysis == item.analysis
    assert (stored.report.event_date, stored.report.source) == ("2023-09-06", "dukcqtw.dcs.vn")
    with pytest.raises(ArchiveError, match="no report #99"):
        get_report(db, 99)


def test_same_content_from_another_format_is_a_duplicate(db: Database) -> None:
    first = store_report(db, report("Hội nghị", "Dân vận khéo.", "Hòa bình.", original=b"docx"))
    # the PDF copy: other bytes, other paragraph breaks, new tone style
    pdf = report("Hội nghị", "Dân vận   khéo. Hoà bình.", original=b"%PDF")
    again = store_report(db, pdf)
    assert again.duplicate and again.report_id == first.report_id and not again.changes
    # the same file, cleaned differently by a newer version of the cleaner
    same_file = store_report(db, report("Hội nghị", "Khác hẳn.", original=b"docx"))
    assert same_file.duplicate
    assert list_reports(db).total == 1


def test_another_outlets_account_is_a_near_duplicate(db: Database) -> None:
    paragraphs = corpus_paragraphs("000.txt")
    original = store_report(db, report("Công tác dân vận", *paragraphs))
    rewritten = [*paragraphs[2:-2], "Phóng viên báo Nhân dân đưa tin từ Hà Nội."]
    assert similarity.jaccard(" ".join(paragraphs), " ".join(rewritten)) >= 0.5
    near = store_report(db, report("Dân vận khéo", *rewritten, source="nhandan.vn"))
    assert not near.duplicate
    assert [pair[0] for pair in near.near_duplicates] == [original.report_id]
    other_day = store_report(db, report("Dân vận", *rewritten[1:], event_date="2023-10-01"))
    assert other_day.near_duplicates == []
    unrelated = store_report(db, report("Công an", *corpus_paragraphs("001.txt")))
    assert unrelated.near_duplicates == []
    # kept: each report names the other, after the import is long over
    score = near.near_duplicates[0][1]
    assert similar_reports(db, near.report_id) == [(original.report_id, score)]
    assert similar_reports(db, original.report_id) == [(near.report_id, score)]
    assert similar_reports(db, unrelated.report_id) == []
    delete_report(db, original.report_id)
    assert similar_reports(db, near.report_id) == []  # the link goes with the report


def test_sketch_estimate_tracks_exact_similarity() -> None:
    paragraphs = corpus_paragraphs("000.txt")
    a, b = " ".join(paragraphs), " ".join(paragraphs[: len(paragraphs) // 2])
    exact = similarity.jaccard(a, b)
    assert abs(similarity.estimate(similarity.sketch(a), similarity.sketch(b)) - exact) < 0.2


def test_list_and_delete(db: Database) -> None:
    ids = [
        store_report(
            db, report(f"Báo cáo {i}", f"Nội dung {i}.", event_date=f"2023-09-0{i}")
        ).report_id
        for i in range(1, 4)
    ]
    page = list_reports(db, limit=2)
    assert page.total == 3 and [item.id for item in page.items] == [ids[2], ids[1]]
    assert [item.id for item in list_reports(db, order="date_asc").items] == ids
    changes = delete_report(db, ids[0])
    assert changes.reports and list_reports(db).total == 2
    with pytest.raises(ArchiveError):
        delete_report(db, ids[0])
    with pytest.raises(ValueError):
        list_reports(db, order="nonsense")


def test_reanalysis_keeps_the_editors_decisions(db: Database) -> None:
    the = person("Nguyễn Văn Thể", "Bí thư Đảng ủy Khối")
    wrong = person("Phó Trưởng Ban", role="mentioned")
    task = KeyTask(1, "Một là,", "Một là, tiếp tục.", 0, 10)
    report_id = store_report(
        db,
        replace(
            report("Hội nghị", "Nội dung."),
            analysis=Analysis(people=[the, wrong], key_tasks=[task]),
        ),
    ).report_id
    edited = Person("Nguyễn Văn Thể", ["Ủy viên Trung ương Đảng", "Bí thư Đảng ủy Khối"])
    record_decision(db, report_id, pkey(the), "edited", edited)
    record_decision(db, report_id, pkey(wrong), "rejected")
    record_decision(db, report_id, tkey(task), "accepted", task)
    added = Person("Phạm Tất Thắng", ["Phó Trưởng Ban Thường trực Ban Dân vận Trung ương"])
    record_decision(db, report_id, pkey(added), "added", added)
    fresh = Analysis(people=[the, wrong, person("Lê Quốc Minh")], key_tasks=[])
    reanalyse_report(db, report_id, fresh)
    analysis = get_report(db, report_id).report.analysis
    assert [p.name for p in analysis.people] == ["Nguyễn Văn Thể", "Lê Quốc Minh", "Phạm Tất Thắng"]
    assert analysis.people[0].titles == edited.titles
    assert analysis.key_tasks == [task]
    assert search_reports(db, "pham tat thang").total == 1
    assert search_reports(db, "pho truong ban").total == 1  # Thắng's title, not the rejected one
    old, changes = clear_decision(db, report_id, pkey(wrong))
    assert old is not None and old.action == "rejected" and changes.decisions
    assert pkey(wrong) not in decisions_of(db, report_id)
    with pytest.raises(ValueError):
        record_decision(db, report_id, "person:x", "maybe", edited)
    with pytest.raises(ValueError):
        record_decision(db, report_id, pkey(the), "edited")


def test_backup_archive(db: Database, tmp_path: Path) -> None:
    store_report(db, report("Hội nghị", "Dân vận khéo."))
    source = Path(db.execute("PRAGMA database_list").fetchone()[2])
    dest = backup_archive(source, tmp_path / "backup.sqlite")
    assert dest.read_bytes()[:16] == b"SQLite format 3\x00"
    with pytest.raises(ArchiveError, match="no archive"):
        backup_archive(tmp_path / "missing.sqlite", tmp_path / "x.sqlite")
    with pytest.raises(ArchiveError, match="failed"):
        backup_archive(source, tmp_path / "no" / "such" / "folder.sqlite")


def test_blocks_roundtrip_kinds(db: Database) -> None:
    item = replace(report("T"), blocks=place_blocks([("heading", "Tiêu đề"), ("caption", "Ảnh")]))
    stored = get_report(db, store_report(db, item).report_id)
    assert stored.report.blocks == item.blocks


def test_memory_archive_and_index_rebuild() -> None:
    db = open_archive(":memory:")
    store_report(db, report("Hội nghị", "Dân vận khéo.", people=[person("Lê Quốc Minh")]))
    db.execute("INSERT INTO reports_fts (reports_fts) VALUES ('delete-all')")
    db.execute("INSERT INTO reports_exact (reports_exact) VALUES ('delete-all')")
    assert search_reports(db, "dan van").total == 0
    assert rebuild_search_index(db) == 1
    assert search_reports(db, "dan van").total == 1
    assert search_reports(db, "Lê Quốc Minh").total == 1
    assert [m.person.name for m in people_in_report(db, 1)] == ["Lê Quốc Minh"]


def test_page_size_is_clamped(db: Database) -> None:
    for i in range(3):
        store_report(db, report(f"Báo cáo {i}", f"Hội nghị số {i}."))
    assert len(search_reports(db, "hội nghị", limit=-1).hits) == 0
    assert len(search_reports(db, "hội nghị", offset=-5).hits) == 3


def pkey(person: Person) -> str:
    return item_key("person", person)


def tkey(task: KeyTask) -> str:
    return item_key("task", task)
