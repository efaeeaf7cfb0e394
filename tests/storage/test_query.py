from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.storage.query import MAX_TERMS, parse_query

# Everyday strings that break a raw MATCH (DOMAIN.md §5), and some more.
HOSTILE = [
    '"',
    '""',
    "'",
    "AND",
    "OR",
    "NOT",
    "and or not",
    "NEAR(",
    "NEAR(a b",
    "*",
    "**",
    "-",
    "--",
    "+",
    "^",
    ":",
    "(",
    ")",
    "(((",
    "a)",
    "[",
    "{}",
    "25-NQ/TW",
    "30/2020/NĐ-CP",
    "e-mail",
    "tỉnh,thành",
    "TP.HCM",
    "Đ/c",
    "title:abc",
    "a:b",
    "abc*",
    "*abc",
    '"Đảng',
    'Đảng"',
    'đồng chí "Nguyễn"',
    "  ",
    "",
    "\t\n",
    "?",
    "!",
    "100%",
    "a AND (b OR",
    "-Đảng",
    "ủy ban NOT",
    "COLUMN:",
    "rank",
    "rowid",
    "\x00",
    "😀",
    "NEAR/3",
]


@pytest.fixture(scope="module")
def fts() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE t USING fts5(a, content='', "
        "tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
    )
    conn.execute("CREATE VIRTUAL TABLE x USING fts5(a, tokenize='unicode61 remove_diacritics 0')")
    conn.execute("INSERT INTO t (rowid, a) VALUES (1, 'Dang uy Khoi 25-NQ/TW e-mail')")
    return conn


def run(conn: sqlite3.Connection, text: str) -> None:
    query = parse_query(text)
    if not query.empty:
        conn.execute("SELECT rowid FROM t WHERE t MATCH ?", [query.folded_match()]).fetchall()
        conn.execute("SELECT rowid FROM x WHERE x MATCH ?", [query.exact_match()]).fetchall()


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_strings_make_valid_queries(fts: sqlite3.Connection, text: str) -> None:
    run(fts, text)


@given(st.text(max_size=40))
def test_any_string_makes_a_valid_query(text: str) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(a, content='', prefix='2 3')")
    conn.execute("CREATE VIRTUAL TABLE x USING fts5(a, tokenize='unicode61 remove_diacritics 0')")
    run(conn, text)


def test_document_number_is_one_phrase() -> None:
    query = parse_query("25-NQ/TW")
    assert query.folded_match() == '"25-NQ/TW"*'
    assert parse_query("25-NQ/TW ").folded_match() == '"25-NQ/TW"'


def test_quotes_are_doubled_and_marks_folded() -> None:
    query = parse_query('Đảng "ủy ')
    assert query.terms == ("Đảng", '"ủy')
    assert query.folded_match() == '"Dảng" """ủy"'
    assert query.exact_match() == '"Đảng" """ủy"'
    assert query.has_marks


def test_prefix_only_on_the_last_term() -> None:
    assert parse_query("dân vận th").folded_match() == '"dân" "vận" "th"*'
    assert parse_query("dân vận").prefix
    assert not parse_query("dân vận ").prefix


def test_a_finished_last_word_is_not_a_prefix() -> None:
    """No syllable begins with "Trung": "Trung*" would only cost FTS5 a merge of lists."""
    assert parse_query("Ban Chấp hành Trung").folded_match() == '"Ban" "Chấp" "hành" "Trung"'
    assert parse_query("Ban Chấp hành Trun").prefix  # "trung" may follow
    assert parse_query("công tác dân").prefix  # "dân" may become "dâng", "dành"...


def test_a_single_trailing_letter_waits_for_the_next() -> None:
    assert parse_query("Nguyễn V").terms == ("Nguyễn",)
    assert parse_query("V").terms == ("V",)
    assert not parse_query("V").prefix


def test_terms_are_capped_and_junk_dropped() -> None:
    query = parse_query(" ".join(f"w{i}" for i in range(40)))
    assert len(query.terms) == MAX_TERMS and not query.prefix
    assert parse_query('" * - ( ) ^').empty
    assert parse_query("").empty


def test_tone_styles_fold_to_one_exact_query() -> None:
    assert parse_query("Uỷ ban").exact_match() == parse_query("Ủy ban").exact_match()


def test_highlight_words() -> None:
    assert parse_query("Đảng ủy kh").highlight_words() == ({"dang", "uy"}, "kh")


def test_exact_ranking_uses_whole_words_only() -> None:
    assert parse_query("Đảng ủy kh").exact_match() == '"Đảng" "ủy"'
    assert parse_query("Đảng").exact_match() == '"Đảng"'
    assert not parse_query("dang Đả").has_marks  # the only marked word is still being typed
