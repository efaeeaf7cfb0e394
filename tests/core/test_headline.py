"""The headline at the top of a report's lines."""

from __future__ import annotations

import pytest

from workbench.core.headline import (
    DocumentHeader,
    document_header,
    find_headline,
    looks_like_headline,
    same_as_title,
)


def test_wrapped_pdf_headline_000(corpus):
    lines = corpus.raw("000").splitlines()
    title, end = find_headline(lines)
    assert title == (
        "Công tác dân vận đã góp phần quan trọng vào thực hiện thắng lợi nhiệm vụ chính trị trong"
        " các cơ quan Trung ương"
    )
    assert lines[end].startswith("05:59")


def test_headline_followed_by_navigation_021(corpus):
    lines = corpus.raw("021").splitlines()
    assert find_headline(lines) == (
        "Tổng Bí thư: Xây dựng trường phái ngoại giao mang đậm bản sắc 'cây tre Việt Nam'",
        1,
    )


def test_headline_followed_directly_by_the_lead_009(corpus):
    lines = corpus.raw("009").splitlines()
    assert find_headline(lines) == ("Thủ tướng nêu 5 giải pháp thực hiện nhiệm vụ BHYT", 1)


def test_stray_quote_kept_015(corpus):
    title, _end = find_headline(corpus.raw("015").splitlines())
    assert title.startswith('"Hội nghị quán triệt')


def test_heading_index_is_taken_whole():
    assert find_headline(["", "Tiêu đề", "", "Thân bài."], headings={1}) == ("Tiêu đề", 2)


@pytest.mark.parametrize(
    "lines",
    [
        ["Ngày 06/9/2023, tại Hà Nội, Đảng ủy Khối các cơ quan Trung ương tổ chức hội nghị."],
        ["(Chinhphu.vn) - Chủ tịch nước Nguyễn Xuân Phúc nhận định."],
        ["Câu thứ nhất của bài. Câu thứ hai của bài báo này."],
        ["05:59 07/09/2023"],
        ["x" * 400],
        [],
        ["", "  "],
    ],
)
def test_no_headline(lines):
    assert find_headline(lines)[0] is None


def test_looks_like_headline_keeps_a_final_period():
    # raw/028's headline ends with a period
    assert looks_like_headline(
        "Ban tuyên giáo Huyên ủy tổ chức Hội nghị tổng kết công tác tuyên truyền, đấu tranh trên"
        " không gian mạng năm 2019."
    )


def test_same_as_title():
    title = "Chủ tịch Quốc hội Vương Đình Huệ chủ trì họp về dự án Luật Quy ..."
    assert same_as_title(
        "Chủ tịch Quốc hội Vương Đình Huệ chủ trì họp về dự án Luật Quy ...", title
    )
    assert same_as_title("chủ tịch quốc hội vương đình huệ chủ trì họp về dự án luật quy", title)
    assert not same_as_title("Chủ tịch Quốc hội chủ trì", title)
    assert not same_as_title("anything", None)


OFFICIAL = [
    "BỘ NỘI VỤ                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "VĂN PHÒNG BỘ                  Độc lập - Tự do - Hạnh phúc",
    "Số: 05/BNV-VP                 Hà Nội, ngày 06 tháng 9 năm 2023",
    "",
    "THÔNG CÁO BÁO CHÍ",
    "Kết quả Hội nghị sơ kết công tác 6 tháng đầu năm 2023",
    "",
    "Ngày 05/9/2023, tại Hà Nội, Bộ Nội vụ tổ chức Hội nghị sơ kết công tác 6 tháng đầu năm.",
]


def test_official_document_header():
    # DOMAIN.md §2: issuing body, national name, motto, number, place and date, document type
    header = document_header(OFFICIAL)
    assert header == DocumentHeader(3, "2023-09-06")
    assert find_headline(OFFICIAL[header.end :]) == (
        "Kết quả Hội nghị sơ kết công tác 6 tháng đầu năm 2023",
        3,
    )


def test_document_type_alone_is_the_headline_when_no_summary_follows():
    lines = [
        "THÔNG BÁO",
        "Ngày 05/9/2023, tại Hà Nội, Bộ Nội vụ tổ chức hội nghị. Các đại biểu dự.",
    ]
    assert find_headline(lines) == ("THÔNG BÁO", 1)


def test_a_capitalised_headline_is_not_a_header():
    lines = ["HỘI NGHỊ BAN CHẤP HÀNH ĐẢNG BỘ TỈNH LẦN THỨ 15", "Chiều 28/12/2023, tại Hà Nội, ..."]
    assert document_header(lines) == DocumentHeader()
    assert find_headline(lines)[0] == "HỘI NGHỊ BAN CHẤP HÀNH ĐẢNG BỘ TỈNH LẦN THỨ 15"


def test_bom_only_first_line():
    assert find_headline(["\ufeff", "Tiêu đề bài viết", "", "Thân bài."]) == ("Tiêu đề bài viết", 2)
