"""Block kinds and inline enumerations, on real corpus blocks."""

from __future__ import annotations

import pytest

from workbench.core.kinds import classify, is_caption, is_heading, shows_person, split_inline_list


@pytest.mark.parametrize(
    "text",
    [
        # raw/000: a speaker repeated under a photo, no final period
        "Đồng chí Nguyễn Văn Thể, Ủy viên Trung ương Đảng, Bí thư Đảng ủy Khối phát biểu kết luận"
        " hội nghị",
        "Thứ trưởng Nguyễn Văn Sơn đến thăm và làm việc với Công an tỉnh Sóc Trăng",  # raw/001
        "Toàn cảnh hội nghị",  # raw/002
        "Ông Đinh La Thăng hỏi thăm đời sống người lao động tại Khu NƠXH Becamex Hòa Lợi, Bình"
        " Dương. Ảnh: Mai Xuân",  # raw/007
        "Tổng Bí thư Nguyễn Phú Trọng phát biểu chỉ đạo tại Hội nghị (Ảnh: Kim Anh)",  # raw/021
        "Phiên họp thứ 32 của Ủy ban Thường vụ Quốc hội. Ảnh: Quốc hội",  # raw/111
    ],
)
def test_captions(text):
    assert is_caption(text)


def test_caption_after_an_image_marker():
    # raw/015: no credit, no person, but right after "[img]"
    assert is_caption("Đại biểu dự Hội nghị tại điểm cầu Tỉnh ủy Bình Định", after_image=True)
    assert is_caption("Quang cảnh Hội nghị tại điểm cầu Tỉnh ủy Bình Định", after_image=True)
    # raw/104: a paragraph that introduces a list is not a caption, image or not
    assert not is_caption(
        "Theo đó, Ủy ban Thường vụ Quốc hội yêu cầu Chính phủ tập trung thực hiện 6 giải pháp sau:",
        after_image=True,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Tạo chuyển biến trong nhận thức và hành động về công tác dân vận",  # raw/000
        "Đẩy mạnh công tác dân vận của các cơ quan nhà nước",
        "Xử lý nghiêm xe công đi lễ chùa",  # raw/002
        "Tập trung đầu tư trọng điểm, không dàn trải",
        "TP.HCM có thể làm NƠXH giá 100 triệu đồng",  # raw/007
    ],
)
def test_headings(text):
    assert is_heading(text)
    assert not is_caption(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kết luận Hội nghị, đồng chí Nguyễn Văn Thể nhấn mạnh một số nội dung trọng tâm sau:",
        "Ngày 7/2, Quảng Nam tổ chức Hội nghị triển khai. Các đại biểu thống nhất",
        "công tác dân vận trong tình hình mới",
    ],
)
def test_not_headings(text):
    assert not is_heading(text)


def test_person_needs_a_title_or_form_of_address():
    assert shows_person("Đồng chí Phạm Tất Thắng phát biểu")
    assert shows_person("Chủ tịch UBND TP Nguyễn Đức Chung giao 84 nhiệm vụ")
    assert not shows_person("Hà Nội tập trung phát triển giao thông")


def test_classify_000_sequence(corpus):
    blocks = corpus.structure("000")["blocks"]
    texts = [block["text"] for block in blocks]
    kinds = classify(texts, [False] * len(texts), [None] * len(texts))
    assert kinds == [block["kind"] for block in blocks]


def test_a_last_short_line_is_not_a_heading():
    assert classify(["Đoạn văn.", "Hải Liên"], [False, False], [None, None]) == [
        "paragraph",
        "paragraph",
    ]


def test_hints_win_over_shape():
    assert classify(["Đoạn văn.", "Mục"], [False, False], ["heading", "caption"]) == [
        "heading",
        "caption",
    ]


def test_inline_enumeration_of_009(corpus):
    flattened = max(corpus.raw("009").splitlines(), key=len)
    pieces = split_inline_list(flattened)
    assert len(pieces) == 6
    assert pieces[0].endswith("tập trung thực hiện một số giải pháp.")
    assert [piece.split(",")[0].split(" ")[0:2] for piece in pieces[1:]] == [
        ["Một", "là"],
        ["Hai", "là"],
        ["Ba", "là"],
        ["Bốn", "là"],
        ["Năm", "là"],
    ]
    assert pieces[1].endswith(
        "bảo đảm bình đẳng việc khám chữa bệnh BHYT tại bệnh viện công lập và bệnh viện tư nhân."
    )


def test_inline_enumeration_of_012_with_soft_hyphen(corpus):
    flattened = max(corpus.raw("012").splitlines(), key=len)
    pieces = split_inline_list(flattened)
    assert [p[:8] for p in pieces[1:]] == [
        "Thứ nhất",
        "Thứ hai,",
        "Thứ ba, ",
        "Thứ tư,\xad",
        "Thứ năm,",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Hội nghị lần thứ nhất, Ban Chấp hành đã thảo luận. Năm là năm bản lề của nhiệm kỳ.",
        "Một là, chỉ có một việc cần làm.",
        "Thứ hai, 22/04/2024 10:27. Thứ ba, 23/04/2024.",
        "Hai là, không có mục một. Ba là, cũng vậy.",
    ],
)
def test_no_enumeration_without_a_counted_sequence(text):
    assert split_inline_list(text) == [text]
