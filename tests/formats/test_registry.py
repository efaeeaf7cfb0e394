"""Every file passes the registry's checks before a reader sees it."""

from __future__ import annotations

import os

import pytest

from workbench.core.errors import ImportRefused
from workbench.formats.registry import (
    MB,
    iter_folder,
    read_path,
    reader_for,
    supported_extensions,
)


def refusal(path) -> str:
    with pytest.raises(ImportRefused) as caught:
        read_path(path)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_each_supported_type_has_a_reader_that_loads():
    for ext in supported_extensions():
        reader = reader_for(__import__("pathlib").Path(f"x{ext.upper()}"))
        assert reader is not None and callable(reader.load())


def test_missing_folder_dangling_link_and_unknown_type(tmp_path):
    assert "does not exist" in refusal(tmp_path / "khong-co.txt")
    assert "folder" in refusal(tmp_path)
    link = tmp_path / "hong.txt"
    link.symlink_to(tmp_path / "da-xoa.txt")
    assert "link" in refusal(link)
    (tmp_path / "anh.jpg").write_bytes(b"\xff\xd8\xff")
    assert "cannot be imported" in refusal(tmp_path / "anh.jpg")


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "qua-lon.txt"
    with huge.open("wb") as fh:
        fh.truncate(100 * MB)  # sparse: costs no disk and is never read
    assert "too large" in refusal(huge)


def test_empty_and_binary_files_get_the_readers_message(tmp_path):
    (tmp_path / "rong.txt").write_bytes(b"")
    assert "empty" in refusal(tmp_path / "rong.txt")
    (tmp_path / "nhi-phan.txt").write_bytes(os.urandom(4096))
    assert "rong.txt" not in refusal(tmp_path / "nhi-phan.txt")


def test_a_file_that_fails_to_read_says_why(tmp_path):
    link = tmp_path / "hong-dia.txt"
    link.symlink_to("/proc/self/mem")  # reading it fails with an I/O error, even as root
    assert "cannot be read" in refusal(link)
    assert "Input/output error" in refusal(link)


def test_folders_are_walked_in_order_without_hidden_files_or_link_loops(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.docx").write_bytes(b"")
    (tmp_path / "b" / "c.html").write_bytes(b"")
    (tmp_path / ".git" / "d.txt").write_bytes(b"")
    (tmp_path / "~$a.docx").write_bytes(b"")
    (tmp_path / "b" / "loop").symlink_to(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in iter_folder(tmp_path)] == [
        "a.docx",
        "b/c.html",
    ]
