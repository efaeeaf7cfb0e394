"""The archive commands on real archive files: import, list, show, search, people, backup."""

from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path

import pytest

from tests.test_cli import RAW, run
from workbench.cli.search import BOLD_MARKS, PLAIN_MARKS, mark_style, marked
from workbench.core.fold import strip_marks
from workbench.core.models import Span
from workbench.services.archive import open_archive
from workbench.services.curation import tag_report
from workbench.storage import backups

#: 000 is the "Dân vận khéo" conference (2023-09-06, dukcqtw.dcs.vn); 021 talks of "văn hóa dân
#: tộc" and "khôn khéo" (2021-12-14); 001 and 002 have no date.
FILES = ("000", "001", "002", "021")


def wb(archive: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``workbench --archive ARCHIVE ARGS...``; (exit code, stdout, stderr)."""
    return run(["--archive", str(archive), *args], capsys)


@pytest.fixture
def archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """An archive made by the CLI from corpus reports 000, 001, 002, 021 (ids 1 to 4)."""
    path = tmp_path / "archive.sqlite3"
    code, out, err = wb(path, capsys, "import", *(str(RAW / f"{n}.txt") for n in FILES))
    assert (code, err) == (0, ""), out
    return path


def ids_in(out: str) -> list[int]:
    """The report ids at the start of the lines of a list or search output, in order."""
    return [int(line.split()[0][1:]) for line in out.splitlines() if line.startswith("#")]


# import ---------------------------------------------------------------------------------------


def test_import_of_a_folder_reports_each_file_and_the_counts(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("000", "001"):
        shutil.copy(RAW / f"{name}.txt", folder)
    (folder / "bad.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "empty.txt").write_bytes(b"")
    archive = tmp_path / "new" / "a.sqlite3"
    archive.parent.mkdir()

    code, out, err = wb(archive, capsys, "import", str(folder))
    assert code == 1  # some file failed
    lines = out.splitlines()
    assert lines[0] == f"{folder / '000.txt'}: imported #1"
    assert lines[1] == f"{folder / '001.txt'}: imported #2"
    assert "bad.txt: failed:" in out and "binary" in out
    assert "empty.txt: failed:" in out and "empty" in out
    assert lines[-1] == "2 imported, 0 already in the archive, 2 failed."
    assert archive.is_file()
    progress, error = err.splitlines()[:-1], err.splitlines()[-1]  # stderr is not a terminal here
    assert progress[0] == "Imported 0 of 4 files." and progress[-1] == "Imported 4 of 4 files."
    assert error == "workbench: 2 of 4 file(s) failed."


def test_import_json_says_what_became_of_each_file(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(RAW / "000.txt", folder / "a.txt")
    shutil.copy(RAW / "000.txt", folder / "b.txt")  # the same content again
    (folder / "c.txt").write_bytes(b"")
    code, out, _err = wb(tmp_path / "a.sqlite3", capsys, "import", str(folder), "--json")
    assert code == 1
    assert json.loads(out) == [
        {"path": str(folder / "a.txt"), "status": "imported", "id": 1, "error": None,
         "similar_to": []},
        {"path": str(folder / "b.txt"), "status": "duplicate", "id": 1, "error": None,
         "similar_to": []},
        {"path": str(folder / "c.txt"), "status": "failed", "id": None,
         "error": "c.txt is empty.", "similar_to": []},
    ]  # fmt: skip


def test_import_again_finds_duplicates_and_says_so_in_json(archive, capsys):
    code, out, err = wb(archive, capsys, "import", str(RAW / "000.txt"), "--json")
    assert code == 0 and err == ""  # a file, not a folder: no progress
    assert json.loads(out) == [
        {"path": str(RAW / "000.txt"), "status": "duplicate", "id": 1, "error": None,
         "similar_to": []}
    ]  # fmt: skip

    code, out, _err = wb(archive, capsys, "import", str(RAW / "000.txt"))
    assert out.splitlines()[0].endswith("000.txt: duplicate of #1")


def test_import_where_everything_fails_exits_1_with_one_error_line(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    code, out, err = wb(tmp_path / "a.sqlite3", capsys, "import", str(bad), str(tmp_path / "no"))
    assert code == 1
    assert "bad.txt: failed:" in out and "no: failed:" in out  # still told file by file
    assert err.count("\n") == 1 and "Nothing was imported: 2 file(s) failed." in err


def test_import_of_an_empty_folder_is_bad_input(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    code, out, err = wb(tmp_path / "a.sqlite3", capsys, "import", str(tmp_path / "empty"))
    assert code == 1 and out == "" and "no file to import" in err


def test_import_without_a_path_is_bad_usage(tmp_path, capsys):
    code, out, err = wb(tmp_path / "a.sqlite3", capsys, "import")
    assert code == 2 and out == "" and err.count("\n") == 1


def test_a_file_that_is_not_an_archive_is_refused_in_one_line(tmp_path, capsys):
    other = tmp_path / "notes.sqlite3"
    other.write_text("shopping list", encoding="utf-8")
    code, out, err = wb(other, capsys, "list")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "not a Press Workbench archive" in err
    assert other.read_text(encoding="utf-8") == "shopping list"


def test_the_default_archive_and_its_folder_are_made_on_first_use(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("WORKBENCH_ARCHIVE", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    code, _out, err = run(["import", str(RAW / "000.txt")], capsys)
    assert (code, err) == (0, "")
    assert (tmp_path / "data" / "press-workbench" / "archive.sqlite3").is_file()


def test_an_archive_named_in_a_missing_folder_is_refused(tmp_path, capsys):
    code, out, err = wb(tmp_path / "typo" / "a.sqlite3", capsys, "list")
    assert code == 1 and out == "" and "does not exist" in err
    assert not (tmp_path / "typo").exists()


# list and show -------------------------------------------------------------------------------


def test_list_shows_id_date_and_headline_newest_first(archive, capsys):
    code, out, _err = wb(archive, capsys, "list")
    assert code == 0
    assert ids_in(out) == [1, 4, 3, 2]  # dated newest first, undated after
    first = out.splitlines()[0]
    assert first.startswith("#1  2023-09-06  Công tác dân vận đã góp phần")


def test_list_orders_and_limits(archive, capsys):
    _code, out, _err = wb(archive, capsys, "list", "--order", "added", "--limit", "2")
    assert ids_in(out) == [4, 3]
    assert out.splitlines()[-1] == "2 of 4 reports; see more with --limit."
    _code, out, _err = wb(archive, capsys, "list", "--order", "title", "--json")
    data = json.loads(out)
    titles = [item["title"] for item in data["reports"]]
    assert data["total"] == 4 and titles == sorted(titles, key=str.casefold)
    assert {item["date"] for item in data["reports"]} == {"2023-09-06", "2021-12-14", None}


def test_list_of_a_new_archive_says_it_is_empty(tmp_path, capsys):
    code, out, _err = wb(tmp_path / "a.sqlite3", capsys, "list")
    assert code == 0 and "no report yet" in out


def test_show_prints_the_report_with_people_tasks_and_documents(archive, capsys):
    code, out, err = wb(archive, capsys, "show", "1")
    assert code == 0 and err == ""
    assert out.startswith("#1  Công tác dân vận")
    assert "  Event date: 2023-09-06" in out and "  Source: dukcqtw.dcs.vn" in out
    assert "[speaker] Nguyễn Văn Thể (#" in out
    assert "  1. Một là, tiếp tục triển khai" in out
    assert "  Nghị quyết 25-NQ/TW (2013-06-03)" in out
    assert "Ngày 06/9/2023, tại Hà Nội, Đảng ủy Khối" in out  # the text itself


def test_show_json_gives_people_their_directory_ids(archive, capsys):
    _code, out, _err = wb(archive, capsys, "show", "1", "--json")
    data = json.loads(out)
    assert data["id"] == 1 and data["tags"] == [] and data["added"]
    the = next(p for p in data["people"] if p["name"] == "Nguyễn Văn Thể")
    assert the["role"] == "speaker" and isinstance(the["person_id"], int)
    _code, out, _err = wb(archive, capsys, "people", "show", str(the["person_id"]))
    assert out.startswith(f"#{the['person_id']}  Nguyễn Văn Thể")


def test_show_original_prints_the_file_as_imported(archive, capsys):
    code, out, _err = wb(archive, capsys, "show", "1", "--original")
    expected = unicodedata.normalize("NFC", (RAW / "000.txt").read_text(encoding="utf-8"))
    assert code == 0 and out.rstrip("\n") == expected.rstrip("\n")


@pytest.mark.parametrize("command", ["show", "export"])
def test_a_missing_report_is_bad_input_in_one_line(archive, capsys, command):
    code, out, err = wb(archive, capsys, command, "99")
    assert code == 1 and out == ""
    assert err == "workbench: There is no report #99 in the archive.\n"


@pytest.mark.parametrize(
    "args",
    [["show", "one"], ["show"], ["list", "--order", "size"], ["list", "--limit", "0"]],
)
def test_bad_arguments_are_bad_usage(archive, capsys, args):
    code, out, err = wb(archive, capsys, *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "workbench --help" in err


# search ----------------------------------------------------------------------------------------


def test_search_without_diacritics_finds_dan_van_kheo_with_marked_snippets(archive, capsys):
    code, out, err = wb(archive, capsys, "search", "dan van kheo")
    assert code == 0 and err == ""
    assert 1 in ids_in(out)
    block = out.split("#1  ", 1)[1].split("\n#", 1)[0]
    assert "Công tác «dân vận»" in block  # the headline, marked (a phrase as one)
    assert "«Dân vận khéo»" in block  # the snippet: the stretch with all three words, marked
    assert out.splitlines()[-1] == "2 of 2 reports found."


def test_search_counts_what_the_page_left_uncounted(archive, capsys, monkeypatch):
    from workbench.cli import search as cli_search
    from workbench.storage import search as search_module

    _code, out, _err = wb(archive, capsys, "search", "dan van")
    every = len(ids_in(out))
    assert every > 2 and out.splitlines()[-1] == f"{every} of {every} reports found."
    monkeypatch.setattr(search_module, "RANK_CAP", 1)  # one ranked: the page cannot tell
    code, out, _err = wb(archive, capsys, "search", "dan van", "--limit", "1")
    assert code == 0 and out.splitlines()[-1] == f"1 of {every} reports found."

    def too_long(*_args, **_kwargs):  # what a count past its deadline raises
        raise search_module.SearchTimeout("The search took too long.")

    monkeypatch.setattr(cli_search, "count_reports", too_long)
    code, out, err = wb(archive, capsys, "search", "dan van", "--limit", "1")
    assert code == 0 and err == "" and out.splitlines()[-1] == "1 of at least 2 reports found."
    # (the page of one, and the row it asked for beyond it)


def test_search_dan_van_kheo_ranks_the_dan_van_kheo_report_first(archive, capsys):
    _code, out, _err = wb(archive, capsys, "search", "dan van kheo")
    assert ids_in(out)[0] == 1


def test_search_dang_uy_finds_dang_uy_written_with_its_marks(archive, capsys):
    code, out, _err = wb(archive, capsys, "search", "dang uy", "--json")
    assert code == 0
    hits = json.loads(out)
    assert hits[0]["id"] == 1
    assert set(hits[0]) >= {
        "id",
        "title",
        "published_at",
        "event_date",
        "source",
        "snippet",
        "score",
    }
    assert (hits[0]["event_date"], hits[0]["source"]) == ("2023-09-06", "dukcqtw.dcs.vn")
    marked = hits[0]["marked"]
    assert "«Đảng ủy»" in marked
    for hit in hits:  # every mark is a word the query names, with or without marks
        for start, end in hit["marks"]:
            assert strip_marks(hit["snippet"][start:end]) in {"dang", "uy"}


@pytest.mark.parametrize(
    "query", ['"', "NEAR(", "25-NQ/TW", "(", ")", "*", "AND OR NOT", "'", "^", "a:b", "\\", "đ"]
)
def test_hostile_queries_are_searched_not_refused(archive, capsys, query):
    code, _out, err = wb(archive, capsys, "search", query)
    assert code == 0 and err == ""


def test_search_for_a_document_number_finds_the_report_citing_it(archive, capsys):
    _code, out, _err = wb(archive, capsys, "search", "25-NQ/TW")
    assert ids_in(out) == [1]
    assert "«25»-«NQ»/«TW»" in out


def test_search_that_finds_nothing_says_so(archive, capsys):
    code, out, _err = wb(archive, capsys, "search", "xylophone")
    assert code == 0 and out == "No report matches.\n"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--person", "Nguyen Van The"], [1]),
        (["--person", "Nguyễn Văn Thể", "--role", "speaker"], [1]),
        (["--person", "Nguyễn Văn Thể", "--role", "attendee"], []),
        (["--from", "2021-12-01", "--to", "2021-12-31"], [4]),
        (["--from", "2022-01-01"], [1]),
        (["--document", "25-nq/tw"], [1]),
        (["--source", "VOV"], [4]),
        (["--tag", "dân vận"], [1]),
        (["--tag", "nothing"], []),
    ],
)
def test_search_filters(archive, capsys, args, expected):
    db = open_archive(archive)
    tag_report(db, 1, "Dân vận")
    db.close()
    code, out, _err = wb(archive, capsys, "search", "", *args, "--order", "date")
    assert code == 0
    assert ids_in(out) == expected


@pytest.mark.parametrize(
    "args", [["--from", "2023-13-01"], ["--to", "yesterday"], ["--role", "chair"], ["--limit", "0"]]
)
def test_search_refuses_bad_filters_as_bad_usage(archive, capsys, args):
    code, out, err = wb(archive, capsys, "search", "dân vận", *args)
    assert code == 2 and out == "" and err.count("\n") == 1


def test_words_matched_side_by_side_are_marked_as_one_phrase():
    text = "Ban Dân vận Trung ương, Nghị quyết 25-NQ/TW"
    spans = [Span(4, 7), Span(8, 11), Span(35, 37), Span(38, 40), Span(41, 43)]
    assert marked(text, spans, PLAIN_MARKS) == "Ban «Dân vận» Trung ương, Nghị quyết «25»-«NQ»/«TW»"
    part = text[4:23]  # a snippet starting at 4: the marks past its end are left out
    bold = marked(part, spans, BOLD_MARKS, offset=4)
    assert bold == "\x1b[1mDân vận\x1b[0m Trung ương,"


def test_matched_words_are_bold_on_a_terminal_only():
    assert mark_style(True, {"TERM": "xterm"}) == BOLD_MARKS
    assert mark_style(False, {"TERM": "xterm"}) == PLAIN_MARKS
    assert mark_style(True, {"TERM": "xterm", "NO_COLOR": "1"}) == PLAIN_MARKS
    assert mark_style(True, {"TERM": "dumb"}) == PLAIN_MARKS


# people ----------------------------------------------------------------------------------------


def person_id(archive: Path, capsys: pytest.CaptureFixture[str], name: str) -> int:
    _code, out, _err = wb(archive, capsys, "people", name, "--json")
    return next(p["id"] for p in json.loads(out)["people"] if p["name"] == name)


def test_people_lists_the_directory_and_finds_names_without_marks(archive, capsys):
    code, out, _err = wb(archive, capsys, "people")
    assert code == 0 and "Nguyễn Văn Thể" in out and "Phạm Tất Thắng" in out
    _code, out, _err = wb(archive, capsys, "people", "nguyen", "van", "the")
    lines = out.splitlines()
    assert len(lines) == 1 and lines[0].startswith("#") and "Nguyễn Văn Thể" in lines[0]
    assert "(1 report(s), last 2023-09-06)" in lines[0]
    _code, out, _err = wb(archive, capsys, "people", "list", "zzz")
    assert out == "Nobody in the directory matches.\n"


def test_people_show_gives_titles_and_mentions(archive, capsys):
    pid = person_id(archive, capsys, "Nguyễn Văn Thể")
    code, out, _err = wb(archive, capsys, "people", "show", str(pid))
    assert code == 0
    assert "Titles:" in out and "Bí thư Đảng ủy Khối các cơ quan Trung ương" in out
    assert "Reports (1):" in out and "  #1  2023-09-06  [speaker] Nguyễn Văn Thể" in out
    assert "(mention " in out


def test_people_merge_then_the_other_entry_is_gone(archive, capsys):
    keep = person_id(archive, capsys, "Nguyễn Văn Thể")
    other = person_id(archive, capsys, "Nguyễn Quang Trường")
    code, out, _err = wb(archive, capsys, "people", "merge", str(keep), str(other))
    assert code == 0
    assert out == f"Merged #{other} (Nguyễn Quang Trường) into #{keep} (Nguyễn Văn Thể).\n"
    code, _out, err = wb(archive, capsys, "people", "show", str(other))
    assert code == 1 and f"no person #{other}" in err
    _code, out, _err = wb(archive, capsys, "people", "show", str(keep), "--json")
    assert {"Nguyễn Văn Thể", "Nguyễn Quang Trường"} <= set(json.loads(out)["names"])


def test_people_merge_with_itself_is_bad_input_and_a_missing_id_bad_usage(archive, capsys):
    code, _out, err = wb(archive, capsys, "people", "merge", "1", "1")
    assert code == 1 and "cannot be merged with itself" in err
    code, _out, err = wb(archive, capsys, "people", "merge", "1")
    assert code == 2 and err.count("\n") == 1


def test_people_rename_is_used_by_search_and_show(archive, capsys):
    pid = person_id(archive, capsys, "Phạm Tất Thắng")
    code, out, _err = wb(archive, capsys, "people", "rename", str(pid), "Phạm", "Tất", "Thắng", "A")
    assert code == 0 and out == f"Renamed #{pid}: Phạm Tất Thắng → Phạm Tất Thắng A.\n"
    _code, out, _err = wb(archive, capsys, "people", "show", str(pid))
    assert out.startswith(f"#{pid}  Phạm Tất Thắng A")
    _code, out, _err = wb(archive, capsys, "search", "", "--person", "Phạm Tất Thắng A")
    assert ids_in(out) == [1]


def test_people_split_moves_the_chosen_mentions_to_a_new_entry(archive, capsys):
    keep = person_id(archive, capsys, "Nguyễn Văn Thể")
    other = person_id(archive, capsys, "Nguyễn Quang Trường")
    wb(archive, capsys, "people", "merge", str(keep), str(other))
    _code, out, _err = wb(archive, capsys, "people", "show", str(keep), "--json")
    mention = next(r["mention_id"] for r in json.loads(out)["reports"] if "Trường" in r["name"])
    code, out, err = wb(
        archive, capsys, "people", "split", str(keep), "--mention", str(mention), "--name",
        "Nguyễn Quang Trường",
    )  # fmt: skip
    assert code == 0, err
    assert out.startswith(f"Moved 1 mention(s) of #{keep} to the new entry #")
    assert person_id(archive, capsys, "Nguyễn Quang Trường") != keep
    code, _out, err = wb(archive, capsys, "people", "split", str(keep))
    assert code == 2 and "--mention" in err


# backup ----------------------------------------------------------------------------------------


def test_commands_that_only_read_leave_the_days_check_to_one_that_writes(tmp_path, capsys):
    """The day's full check and backup (36 s at 100,000 reports) run on the first command of
    the day that writes, not on a search."""
    path = tmp_path / "archive.sqlite3"
    open_archive(path, daily=False).close()
    for command in (["list"], ["search", "dân vận"], ["people"], ["show", "1"]):
        wb(path, capsys, *command)
    assert backups.list_backups(path) == []
    code, _out, _err = wb(path, capsys, "import", str(RAW / "000.txt"))
    assert code == 0 and len(backups.list_backups(path)) == 1


def test_backup_copy_opens_and_lists_the_same_reports(archive, tmp_path, capsys):
    _code, before, _err = wb(archive, capsys, "list", "--json")
    copy = tmp_path / "copy.sqlite3"
    code, out, _err = wb(archive, capsys, "backup", str(copy))
    assert code == 0 and out == f"Backed up the archive (4 reports) to {copy}.\n"
    _code, after, _err = wb(copy, capsys, "list", "--json")
    assert json.loads(after) == json.loads(before)
    assert not copy.with_name(copy.name + "-wal").exists()  # one self-contained file


def test_backup_does_not_replace_a_file_without_force(archive, tmp_path, capsys):
    copy = tmp_path / "copy.sqlite3"
    copy.write_text("keep me", encoding="utf-8")
    code, out, err = wb(archive, capsys, "backup", str(copy))
    assert code == 1 and out == "" and "--force" in err
    assert copy.read_text(encoding="utf-8") == "keep me"
    code, _out, _err = wb(archive, capsys, "backup", str(copy), "--force")
    assert code == 0 and copy.read_bytes().startswith(b"SQLite format 3")


def test_backup_onto_the_archive_itself_is_refused(archive, capsys):
    code, _out, err = wb(archive, capsys, "backup", str(archive), "--force")
    assert code == 1 and "another file" in err
