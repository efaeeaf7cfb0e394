"""``text_match`` against the index's own answers: the same reports match, and the same are
exact and hold the phrase, for the corpus reports and texts picked for their traps."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.archive_factory import archive, person, report
from tests.storage.test_query import HOSTILE
from workbench.core.fold import strip_marks, words
from workbench.storage import repository
from workbench.storage.db import transaction
from workbench.storage.index import EXACT, FOLDED, row_values
from workbench.storage.query import parse_query
from workbench.storage.text_match import TextQuery

TRAPS = [
    ("Hoà bình và hòa hợp", "HOÀ GIẢI; Thuỷ lợi, thủy sản; Uỷ ban nhân dân; ỦY BAN; khoẻ, khỏe."),
    ("Công_tác dân-vận", "công tác\ndân vận khéo; dân, vận; Dân vận\n\nkhéo; dânvận; vậndân"),
    ("Đ/c Nguyễn Văn Thể", "đồng chí ĐẢNG ỦY Khối; Đảng ủy; dang uy; đẢng Ủy; ĐANG"),
    ("Москва", "МОСКВА москва Ελλάδα ΕΛΛΆΔΑ straße STRASSE İstanbul"),
    ("Văn bản", "Nghị quyết số 25-NQ/TW; 30/2020/NĐ-CP; 100%; e-mail; TP.HCM; tỉnh,thành; a:b"),
    ("Số liệu", "năm 2023 tăng 12,5%; 2.000 tỷ đồng; quý I/2023; 1.2.3"),
    ("Thuỷ điện", "Nhà máy thuỷ điện hoà lưới; zalo_pay"),
]
WORDS_OF_TRAPS = [
    "hòa",
    "Hoà bình",
    "hoa binh",
    "HÒA GIẢI",
    "thủy",
    "Thuỷ lợi",
    "ủy ban",
    "Uỷ",
    "khỏe",
    "cong tac dan van",
    "dân vận khéo",
    "dân vận",
    "Dân vận kh",
    "dânvận",
    "vận dân",
    "Đảng ủy",
    "dang",
    "ĐANG",
    "đang",
    "москва",
    "МОСК",
    "ελλάδα",
    "straße",
    "strasse",
    "istanbul",
    "İstanbul",
    "25-NQ/TW",
    "25-nq",
    "30/2020/NĐ-CP",
    "nd-cp",
    "12,5",
    "2.000",
    "I/2023",
    "1.2",
    "thủy điện",
    "hòa lưới",
    "zalo pay",
    "zalo_pay",
]


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Database:
    """The corpus reports (first line the headline), the traps, people and documents."""
    reports = []
    for path in sorted((corpus_dir / "raw").glob("*.txt")):
        title, _, text = path.read_text(encoding="utf-8").partition("\n")
        reports.append(report(title, text.strip() or title))
    for title, text in TRAPS:
        reports.append(
            report(
                title,
                text,
                people=[person("Nguyễn Văn Thể", "Bí thư Đảng ủy Khối")],
                documents=["25-NQ/TW"],
            )
        )
    db = archive(tmp_path_factory.mktemp("text_match"))
    with transaction(db):
        for item in reports:
            repository.insert(db, item, "2024-01-01T00:00:00+00:00")
    return db


def queries(db: Database) -> list[str]:
    """Words and runs of words from the reports, with and without marks, some cut short as
    if being typed; the traps' words; the hostile strings."""
    rng = random.Random(2023)
    texts = [row[0] for row in db.execute("SELECT text FROM reports")]
    picked = []
    for _ in range(300):
        text_words = words(rng.choice(texts))
        start = rng.randrange(len(text_words))
        run = text_words[start : start + rng.choice([1, 1, 2, 3, 4])]
        if rng.random() < 0.3:
            run = [strip_marks(word) for word in run]
        query = " ".join(run)
        if rng.random() < 0.3 and len(query) > 3:
            query = query[: rng.randrange(2, len(query))]
        elif rng.random() < 0.5:
            query += " "
        picked.append(query)
    return [*picked, *WORDS_OF_TRAPS, *HOSTILE]


def answers_of_the_index(db: Database, text: str) -> tuple[set[int], set[int], set[int]]:
    """The rowids the folded index matches, those the exact index matches (words typed with
    marks), and those holding the phrase."""
    query = parse_query(text)

    def matching(table: str, match: str | None) -> set[int]:
        if match is None:
            return set()
        sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ?"
        return {row[0] for row in db.execute(sql, [match])}

    found = matching(FOLDED, query.folded_match())
    exact = matching(EXACT, query.exact_match()) & found if query.has_marks else set()
    return found, exact, matching(FOLDED, query.phrase_match()) & found


def test_the_same_reports_match_as_in_the_index(indexed: Database) -> None:
    rows = indexed.execute(
        "SELECT search_rowid, title, text, index_people, index_documents FROM reports"
    ).fetchall()
    assert len(rows) > 20
    checked = 0
    for text in queries(indexed):
        query = parse_query(text)
        if query.empty:
            continue
        reading = TextQuery.of(query)
        verdicts = {rowid: reading.judge(row_values(*columns)) for rowid, *columns in rows}
        found = {rowid for rowid, verdict in verdicts.items() if verdict is not None}
        exact = {rowid for rowid in found if verdicts[rowid].exact}  # type: ignore[union-attr]
        phrase = {rowid for rowid in found if verdicts[rowid].phrase}  # type: ignore[union-attr]
        assert (found, exact, phrase) == answers_of_the_index(indexed, text), text
        checked += bool(found)
    assert checked > 250  # most queries find something


def test_tone_styles_case_and_separators(indexed: Database) -> None:
    def judged(text: str, title: str, body: str) -> tuple[bool, bool] | None:
        verdict = TextQuery.of(parse_query(text)).judge(row_values(title, body, "", ""))
        return None if verdict is None else (verdict.exact, verdict.phrase)

    assert judged("Hoà bình", "", "hòa BÌNH") == (True, True)
    assert judged("hòa bình", "", "hoa binh") == (False, True)
    assert judged("hòa bình", "", "HOÀ bình") == (True, True)
    assert judged("Uỷ ban", "ỦY", "ban") == (True, False)  # the words in different columns
    assert judged("dân vận", "", "dân, vận") == (True, True)
    assert judged("dân vận", "", "dânvận") is None
    assert judged("dân vận kh", "", "dân vận khéo") == (True, True)  # "kh" a word start
    assert judged("dân vận kh ", "", "dân vận khéo") is None  # finished: a whole word
    assert judged("москва", "", "МОСКВА") == (False, False)
