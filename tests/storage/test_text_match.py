"""``text_match`` against the index's own answers: the same reports match, and the same are
exact and hold the phrase, for the corpus reports and texts picked for their traps."""

from __future__ import annotations

import random
import re
import sqlite3
import unicodedata
from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.archive_factory import archive, person, report
from tests.storage.test_query import HOSTILE
from workbench.core.fold import fold_letters, fold_search, strip_marks, words
from workbench.core.text import fold_tone_style
from workbench.storage import repository
from workbench.storage.db import transaction
from workbench.storage.index import EXACT, FOLDED, row_values
from workbench.storage.query import parse_query
from workbench.storage.snippets import WORD_CHAR, any_case, any_marks
from workbench.storage.text_match import READABLE, TextQuery, readable


def apart(text: str) -> str:
    """``text`` with its marks apart from their letters (NFD), as some keyboards type them."""
    return unicodedata.normalize("NFD", text)


TRAPS = [
    ("Hoà bình và hòa hợp", "HOÀ GIẢI; Thuỷ lợi, thủy sản; Uỷ ban nhân dân; ỦY BAN; khoẻ, khỏe."),
    ("Công_tác dân-vận", "công tác\ndân vận khéo; dân, vận; Dân vận\n\nkhéo; dânvận; vậndân"),
    ("Đ/c Nguyễn Văn Thể", "đồng chí ĐẢNG ỦY Khối; Đảng ủy; dang uy; đẢng Ủy; ĐANG"),
    ("Москва", "МОСКВА москва Ελλάδα ΕΛΛΆΔΑ straße STRASSE İstanbul"),
    ("Văn bản", "Nghị quyết số 25-NQ/TW; 30/2020/NĐ-CP; 100%; e-mail; TP.HCM; tỉnh,thành; a:b"),
    ("Số liệu", "năm 2023 tăng 12,5%; 2.000 tỷ đồng; quý I/2023; 1.2.3"),
    ("Thuỷ điện", "Nhà máy thuỷ điện hoà lưới; zalo_pay"),
    (
        unicodedata.normalize("NFD", "Hoàn thành"),
        unicodedata.normalize("NFD", "Hoàn thành kế hoạch"),
    ),
    ("Gạch đầu dòng", "\uf0b7Tăng cường; Hợp tác🤝; vạc\u0323h"),  # left to the index
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
    "hoàn thành",
    "hoa ",
    "tăng cường",
    "hợp tác ",
    "vạch",
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
    """Over every readable report, for every readable query; the others are left to the
    index (the traps hold both kinds)."""
    rows = indexed.execute(
        "SELECT search_rowid, title, text, index_people, index_documents FROM reports"
    ).fetchall()
    columns = {rowid: readable(row_values(*values)) for rowid, *values in rows}
    unread = {rowid for rowid, values in columns.items() if values is None}
    assert len(unread) == 2 and len(rows) - len(unread) > 20  # Greek and Cyrillic; bullets
    checked = 0
    for text in queries(indexed):
        query = parse_query(text)
        reading = TextQuery.of(query)
        if reading is None:
            assert query.empty or readable([text]) is None, text
            continue
        verdicts = {
            rowid: reading.judge(values) for rowid, values in columns.items() if values is not None
        }
        found = {rowid for rowid, verdict in verdicts.items() if verdict is not None}
        exact = {rowid for rowid in found if verdicts[rowid].exact}  # type: ignore[union-attr]
        phrase = {rowid for rowid in found if verdicts[rowid].phrase}  # type: ignore[union-attr]
        answers = [rowids - unread for rowids in answers_of_the_index(indexed, text)]
        assert [found, exact, phrase] == answers, text
        checked += bool(found)
    assert checked > 250  # most queries find something


def test_every_readable_character_reads_as_in_the_index() -> None:
    """Each character of ``READABLE``, as FTS5 tokenizes it (fts5vocab): a letter or digit
    exactly when the patterns take it for one; folded, the same as the query's folding and
    in the class of spellings of its folding, and no class holds a character folded
    otherwise; in the exact index, matched by the case classes of exactly the characters
    that index folds alike."""
    pattern = re.compile(f"[{READABLE}]")
    chars = [chr(cp) for cp in range(1, 0x30000) if pattern.match(chr(cp))]
    assert 900 < len(chars) < 1100
    between = fts_tokens("unicode61 remove_diacritics 2", [fold_search(f"q{c}q") for c in chars])
    folded = fts_tokens("unicode61 remove_diacritics 2", [fold_search(c) for c in chars])
    exact = fts_tokens("unicode61 remove_diacritics 0", [fold_tone_style(c) for c in chars])
    word_char = re.compile(WORD_CHAR)
    letters = [c for c, tokens in zip(chars, between, strict=True) if len(tokens) == 1]
    assert letters == [c for c in chars if word_char.match(c)]
    fold = {c: tokens[0] for c, tokens in zip(chars, folded, strict=True) if c in set(letters)}
    same_fold: dict[str, set[str]] = {}
    for c in letters:
        assert fold_letters(c).lower() == fold[c], c
        assert re.fullmatch(any_marks(fold[c]), c), c
        same_fold.setdefault(fold[c], set()).add(c)
    for folding, alike in same_fold.items():
        spelled = {c for c in letters if re.fullmatch(any_marks(folding), c)}
        assert spelled == alike, folding
    lowered = {c: tokens[0] for c, tokens in zip(chars, exact, strict=True) if c in set(letters)}
    for c in letters:
        alike = {x for x in letters if lowered[x] == lowered[c]}
        assert {x for x in any_case(c) if x in lowered} == alike, c


def fts_tokens(tokenizer: str, texts: list[str]) -> list[list[str]]:
    """How an FTS5 ``tokenizer`` splits and folds each text."""
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE VIRTUAL TABLE t USING fts5(a, content='', tokenize='{tokenizer}')")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, instance)")
    conn.executemany("INSERT INTO t(rowid, a) VALUES (?, ?)", enumerate(texts, start=1))
    tokens: list[list[tuple[int, str]]] = [[] for _ in texts]
    for term, doc, offset in conn.execute("SELECT term, doc, offset FROM v"):
        tokens[doc - 1].append((offset, term))
    conn.close()
    return [[term for _offset, term in sorted(found)] for found in tokens]


def test_tone_styles_case_and_separators() -> None:
    def judged(text: str, title: str, body: str) -> tuple[bool, bool] | None:
        reading = TextQuery.of(parse_query(text))
        values = readable(row_values(title, body, "", ""))
        assert reading is not None and values is not None
        verdict = reading.judge(values)
        return None if verdict is None else (verdict.exact, verdict.phrase)

    assert judged("Hoà bình", "", "hòa BÌNH") == (True, True)
    assert judged("hòa bình", "", "hoa binh") == (False, True)
    assert judged("hòa bình", "", "HOÀ bình") == (True, True)
    assert judged("Uỷ ban", "ỦY", "ban") == (True, False)  # the words in different columns
    assert judged("dân vận", "", "dân, vận") == (True, True)
    assert judged("dân vận", "", "dânvận") is None
    assert judged("dân vận kh", "", "dân vận khéo") == (True, True)  # "kh" a word start
    assert judged("dân vận kh ", "", "dân vận khéo") is None  # finished: a whole word
    assert judged("hoa ", "", apart("Hoàn")) is None  # read in NFC


def test_what_is_left_to_the_index() -> None:
    assert readable(["\uf0b7Tăng cường"]) is None  # a private-use bullet, a letter to FTS5
    assert readable(["Ελλάδα"]) is None and readable(["vạc\u0323h"]) is None
    assert readable(["“Dân vận khéo” – 25-NQ/TW, 100%, 5.000₫…"]) is not None
    assert TextQuery.of(parse_query("москва")) is None
    assert TextQuery.of(parse_query("dânvận" * 40)) is None  # over MAX_QUERY_CHARS
    assert TextQuery.of(parse_query("dân vận " * 12)) is not None
