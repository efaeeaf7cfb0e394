"""Metadata lines: each pattern on real corpus lines, plus the near misses it must refuse."""

from __future__ import annotations

import pytest

from workbench.core.metadata import (
    Byline,
    find_dateline,
    parse_author_line,
    parse_author_time,
    parse_byline,
    parse_date_value,
    parse_published,
    parse_source_line,
    split_source_prefix,
)


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("05:59 07/09/2023 ", "2023-09-07T05:59"),  # raw/000
        ("14/12/21 12:22 GMT+7", "2021-12-14T12:22"),  # raw/021
        ("Thứ hai, 22/04/2024 10:27 (GMT+7)", "2024-04-22T10:27"),  # raw/111
        ("Thứ Hai, 22/4/2024, 10:27 (GMT+7)", "2024-04-22T10:27"),
        ("22/04/2024 - 10:27", "2024-04-22T10:27"),
        ("10h27 ngày 22/04/2024", "2024-04-22T10:27"),
        ("Cập nhật: 07/09/2023", "2023-09-07"),
        ("Ngày đăng: 07-09-2023 05:59", "2023-09-07T05:59"),
        ("2024-04-22 10:27", "2024-04-22T10:27"),
    ],
)
def test_published_time_forms(line, iso):
    assert parse_published(line) == iso


@pytest.mark.parametrize(
    "line",
    [
        "Ngày 06/9/2023, tại Hà Nội, Đảng ủy Khối các cơ quan Trung ương tổ chức hội nghị",
        "7 đăng lại",
        "1.700 căn NƠXH giá từ 100 triệu đồng",
        "31/02/2023 10:00",  # no such day
        "07/09/2023 25:10",  # no such hour
        "(28/8/1945- 28/8/2017)",
    ],
)
def test_not_a_timestamp(line):
    assert parse_published(line) is None


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2020-03-05T02:00:00.000Z", "2020-03-05T09:00"),  # raw/028 front matter, UTC → +7
        ("Mon, 22 Apr 2024 02:00:00 +0700", "2024-04-22T02:00"),  # raw/111 front matter
        ("2024-04-22", "2024-04-22"),
        ("", None),
        ("hôm qua", None),
    ],
)
def test_front_matter_dates(value, iso):
    assert parse_date_value(value) == iso


@pytest.mark.parametrize(
    ("line", "result"),
    [
        ("Tác giả: Đang cập nhật", (True, None)),  # raw/000: "being updated" = no author
        ("Tác giả: Minh Anh", (True, "Minh Anh")),
        ("Bài và ảnh: Quang Hiếu", (True, "Quang Hiếu")),
        ("Tin, ảnh: T.SỸ", (True, "T.SỸ")),
        ("Tác giả: admin", (True, None)),
        ("Theo: dukcqtw.dcs.vn", (False, None)),
        ("Tác giả của báo cáo là Sở Nội vụ.", (False, None)),
    ],
)
def test_author_lines(line, result):
    assert parse_author_line(line) == result


@pytest.mark.parametrize(
    ("line", "at_end", "source"),
    [
        ("Theo: dukcqtw.dcs.vn", False, "dukcqtw.dcs.vn"),  # raw/000
        ("Nguồn: Báo Bình Định", False, "Báo Bình Định"),
        ("(TTXVN)", True, "TTXVN"),  # raw/004
        ("(TTXVN)", False, None),
        ("Theo VOV", True, "VOV"),
        ("Theo báo Nhân Dân", True, "báo Nhân Dân"),
        ("Theo ông Cường, Chính phủ đề xuất gói này", True, None),  # raw/020: a sentence
        ("Theo đó, thời gian tới tỉnh tập trung chỉ đạo quyết liệt.", True, None),  # raw/004
        ("(Ảnh: Kim Anh)", True, None),
    ],
)
def test_source_lines(line, at_end, source):
    assert parse_source_line(line, at_end=at_end) == source


@pytest.mark.parametrize(
    ("text", "source", "rest"),
    [
        (
            "(Chinhphu.vn) - Chủ tịch nước Nguyễn Xuân Phúc nhận định",
            "Chinhphu.vn",
            "Chủ tịch nước Nguyễn Xuân Phúc nhận định",
        ),  # raw/020
        ("(BĐ) - Chiều 22.4, Chủ tịch UBND tỉnh", "BĐ", "Chiều 22.4, Chủ tịch UBND tỉnh"),  # 013
        ("(binhdinh.gov.vn) - Sáng 16/4, tại Hà Nội", "binhdinh.gov.vn", "Sáng 16/4, tại Hà Nội"),
        ("(trong đó có 5 người) - số còn lại", None, "(trong đó có 5 người) - số còn lại"),
        ("Chủ tịch nước (Chinhphu.vn) - x", None, "Chủ tịch nước (Chinhphu.vn) - x"),
    ],
)
def test_source_prefix(text, source, rest):
    assert split_source_prefix(text) == (source, rest)


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("Hải Liên", Byline("Hải Liên")),  # raw/020
        ("Văn Đức", Byline("Văn Đức")),  # raw/001
        ("Nguyễn Sơn ", Byline("Nguyễn Sơn")),  # raw/004
        ("T.SỸ", Byline("T.SỸ")),  # raw/013
        ("Văn Hiếu – Lại Hoa/VOV", Byline("Văn Hiếu – Lại Hoa", "VOV")),  # raw/021
        ("Minh Anh (TTXVN)", Byline("Minh Anh", "TTXVN")),
        ("TTXVN", Byline(None, "TTXVN")),
        ("PV", Byline("PV")),
        ("Toàn cảnh hội nghị", None),  # raw/002 caption
        ("Xử lý nghiêm xe công đi lễ chùa", None),  # raw/002 heading
        ("Ngày 7/2", None),
        ("Gốc", None),
    ],
)
def test_bylines(line, byline):
    assert parse_byline(line) == byline


def test_author_and_time_on_one_line():
    # raw/111
    assert parse_author_time("PHẠM ĐÔNG - Thứ hai, 22/04/2024 10:27 (GMT+7)") == (
        "PHẠM ĐÔNG",
        "2024-04-22T10:27",
    )
    assert parse_author_time("Hà Nội - một ngày mới") is None


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Ngày 06/9/2023, tại Hà Nội, Đảng ủy Khối các cơ quan Trung ương tổ chức",
            None,
            ("2023-09-06", "Hà Nội"),
        ),  # raw/000
        (
            "Sáng 14/12 tại Hà Nội, Bộ Chính trị, Ban Bí thư tổ chức Hội nghị",
            "2021-12-14T12:22",
            ("2021-12-14", "Hà Nội"),
        ),  # raw/021: year from the published date
        ("Sáng 14/12 tại Hà Nội, Bộ Chính trị", None, (None, "Hà Nội")),
        (
            "Chiều 4/1, tại Kỳ họp bất thường lần thứ nhất, Quốc hội khoá XV",
            "2022-01-05",
            ("2022-01-04", None),
        ),  # raw/020: an event, not a place
        (
            "Tiếp tục phiên họp thứ 32, sáng 22.4, tại Nhà Quốc hội, dưới sự chủ trì",
            "2024-04-22T10:27",
            ("2024-04-22", "Nhà Quốc hội"),
        ),  # raw/111
        ("Ngày 19/6/2017, Bộ Tài chính đã tổ chức Lễ kỷ niệm 92 năm", None, ("2017-06-19", None)),
        ("Chiều 30/12, tại TP.HCM, Thành ủy tổ chức", "2022-01-02", ("2021-12-30", "TP.HCM")),
        (
            "Sáng nay, ngày 9 tháng 4 năm 2023, tại Hà Nội và trực tuyến",
            None,
            ("2023-04-09", "Hà Nội"),
        ),
        ("Ngày 7/2, Quảng Nam tổ chức Hội nghị triển khai", None, (None, None)),  # raw/004
        ("Kết luận số 43-KL/TW, ngày 07/01/2019 của Ban Bí thư", None, (None, None)),
    ],
)
def test_dateline(text, published, expected):
    assert find_dateline(text, published) == expected
