"""Markdown and front matter cleanup (corpus 104, 111, 028)."""

from __future__ import annotations

import pytest

from workbench.core.markup import (
    IMAGE_MARKER,
    clean_inline,
    clean_markdown,
    front_matter_title,
    looks_like_markdown,
    split_front_matter,
)


def test_yaml_front_matter_of_111(corpus):
    front = split_front_matter(corpus.raw("111").splitlines())
    assert front.meta["layout"] == "post"
    assert front.meta["date"] == "Mon, 22 Apr 2024 02:00:00 +0700"
    assert front.before == []
    assert front.body[0].startswith("[Chủ tịch Quốc hội Vương Đình Huệ chủ trì họp")
    # the "[label]" an aggregator puts before the headline is dropped
    assert front_matter_title(front.meta) == (
        "Chủ tịch Quốc hội Vương Đình Huệ chủ trì họp về dự án Luật Quy ..."
    )


def test_json_front_matter_after_a_title_line_028(corpus):
    front = split_front_matter(corpus.raw("028").splitlines())
    assert front.before == [
        "Ban tuyên giáo Huyên ủy tổ chức Hội nghị tổng kết công tác tuyên truyền, đấu tranh trên"
        " không gian mạng năm 2019."
    ]
    assert front.meta["date"] == "2020-03-05T02:00:00.000Z"
    assert front.meta["title"].startswith("Ban tuyên giáo Huyên ủy")
    assert "tag" not in front.meta  # lists are not scalars
    assert front.body[0].startswith('<p style="text-align:center"><img')


def test_no_front_matter_leaves_everything_in_the_body(corpus):
    lines = corpus.raw("000").splitlines()
    front = split_front_matter(lines)
    assert front.meta == {} and front.before == [] and front.body == lines


@pytest.mark.parametrize(
    "lines",
    [
        ["Tiêu đề bài viết", "---", "Nội dung bài viết."],  # setext heading, not front matter
        ["---", "Đây không phải là khóa: giá trị", "chỉ là văn bản", "---"],
        ["---", "layout: post", "no closing fence"],
        ["a", "b", "c", "---", "title: x", "---"],  # too far down
    ],
)
def test_not_front_matter(lines):
    assert split_front_matter(lines).meta == {}


def test_toml_front_matter():
    front = split_front_matter(["+++", 'title = "Hội nghị"', "date = 2024-01-02", "+++", "Body"])
    assert front.meta == {"title": "Hội nghị", "date": "2024-01-02"}
    assert front.body == ["Body"]


@pytest.mark.parametrize(
    ("corpus_id", "expected"),
    [("104", True), ("111", True), ("000", False), ("021", False), ("028", False), ("012", False)],
)
def test_looks_like_markdown_on_corpus(corpus, corpus_id, expected):
    assert looks_like_markdown(corpus.raw(corpus_id)) is expected


def test_weak_signs_alone_are_not_markdown():
    assert not looks_like_markdown("Hội nghị **quan trọng** diễn ra hôm nay.\nKết thúc.")
    assert looks_like_markdown("# Tiêu đề\n\nHội nghị **quan trọng** diễn ra hôm nay.")


@pytest.mark.parametrize(
    ("markdown", "plain"),
    [
        ("**Nghị quyết 792/NQ-UBTVQH14** của Ủy ban", "Nghị quyết 792/NQ-UBTVQH14 của Ủy ban"),
        ("một *điểm nhấn* và __hai__ và _ba_", "một điểm nhấn và hai và ba"),
        ("[Chủ tịch Quốc hội](https://laodong.vn/x.ldo) chủ trì", "Chủ tịch Quốc hội chủ trì"),
        ("ảnh ![alt](https://a/b.jpg) ở giữa", "ảnh  ở giữa"),
        ("[:gift:Xem chi tiết ở đây:gift:](https://hddtvn.com/x/)Nghị quyết 792", "Nghị quyết 792"),
        ("snake_case_name giữ nguyên", "snake_case_name giữ nguyên"),
        ("2 * 3 * 4", "2 * 3 * 4"),
        ("mã `25-NQ/TW` và \\*sao\\*", "mã 25-NQ/TW và *sao*"),
        ('a \\< b \\& c \\~ d \\" e \\@ f', 'a < b & c ~ d " e @ f'),  # any ASCII punctuation
        ("C:\\Users\\a đường dẫn", "C:\\Users\\a đường dẫn"),  # a backslash before a letter stays
        ("- mục một", "- mục một"),
        ("<https://chinhphu.vn>", "https://chinhphu.vn"),
    ],
)
def test_clean_inline(markdown, plain):
    assert clean_inline(markdown) == plain


def test_clean_markdown_of_104(corpus):
    cleaned = clean_markdown(corpus.raw("104").splitlines())
    heading_texts = [cleaned.lines[i] for i in sorted(cleaned.headings)]
    assert heading_texts[0] == "6 giải pháp quản lý, sử dụng quỹ tài chính ngoài ngân sách"
    assert IMAGE_MARKER in cleaned.lines
    assert not any(line.startswith(("===", "---", "**", "![")) for line in cleaned.lines)
    assert "– Xây dựng cơ sở pháp lý để thống nhất quản lý các Quỹ này." in cleaned.lines


def test_clean_markdown_atx_quotes_rules_and_fences():
    cleaned = clean_markdown(["## Mục **một** ##", "> trích dẫn", "***", "```", "mã", "```"])
    assert cleaned.lines[1] == "Mục một" and 1 in cleaned.headings
    assert "trích dẫn" in cleaned.lines and "mã" in cleaned.lines
    assert not any(line.strip() in ("***", "```") for line in cleaned.lines)


def test_image_inside_a_link_is_an_image_line():
    assert clean_markdown(["[![ảnh](https://a/b.jpg)](https://a/)"]).lines == ["", IMAGE_MARKER, ""]
