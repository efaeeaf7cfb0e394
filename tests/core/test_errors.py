"""File names in one-line messages: ``display_name``."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.errors import MAX_SHOWN_CHARS, display_name


@pytest.mark.parametrize(
    "name",
    ["Báo cáo 'hội nghị' \"số 1\" – Đảng ủy.txt", "rtl مؤتمر.txt", "emoji 👨‍👩‍👧‍👦.docx", ""],
)
def test_an_ordinary_name_is_shown_as_it_is(name: str) -> None:
    assert display_name(name) == name


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("dòng\nmới.txt", "dòng\\nmới.txt"),
        ("a\r\tb\x1b[31m.txt", "a\\r\\tb\\x1b[31m.txt"),
        ("đoạn\u2028tiếp.txt", "đoạn\\u2028tiếp.txt"),
        ("báo cáo\u202etxt.exe", "báo cáo\\u202etxt.exe"),  # a bidi override hides ".exe"
        ("bytes \udcff.txt", "bytes \\udcff.txt"),  # undecodable bytes from the file system
    ],
)
def test_line_breaks_controls_and_disguises_are_escaped(name: str, shown: str) -> None:
    assert display_name(name) == shown
    assert display_name(Path("/thư mục") / name) == "/thư mục/" + shown


def test_a_very_long_name_keeps_its_start_and_its_extension() -> None:
    name = "Hội nghị " * 60 + "cuối.docx"
    shown = display_name(name)
    assert len(shown) == MAX_SHOWN_CHARS
    assert shown.startswith("Hội nghị") and shown.endswith("cuối.docx") and "…" in shown
    assert display_name("x" * MAX_SHOWN_CHARS) == "x" * MAX_SHOWN_CHARS
