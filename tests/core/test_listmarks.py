"""List markers of Vietnamese reports."""

from __future__ import annotations

import pytest

from workbench.core.listmarks import list_marker, ordinal_value, strong_list_marker


@pytest.mark.parametrize(
    ("text", "marker", "value"),
    [
        ("Một là, tiếp tục triển khai", "Một là, ", 1),  # raw/000
        ("Năm là đẩy mạnh công tác tuyên truyền", "Năm là ", 5),  # raw/009, no comma
        ("Thứ nhất, tiếp tục phát huy", "Thứ nhất, ", 1),  # raw/012
        ("Thứ tư,\xad các đơn vị", "Thứ tư,", 4),  # raw/012, soft hyphen after the comma
        ("Thứ năm là hoàn thiện", "Thứ năm là ", 5),
        ("Mười là, tổng kết", "Mười là, ", 10),
    ],
)
def test_word_ordinals(text, marker, value):
    assert strong_list_marker(text) == marker
    assert list_marker(text) == marker
    assert ordinal_value(marker) == value


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("– Rà soát, đánh giá hiệu quả", "– "),  # raw/104
        ("- Hoàn thiện các quy định", "- "),  # raw/111
        ("+ Tăng cường kiểm tra", "+ "),
        ("• Một ý", "• "),
        ("1. Đổi mới", "1. "),
        ("2) Tăng cường", "2) "),
        ("(3) Củng cố", "(3) "),
        ("1.2. Mục con", "1.2. "),
        ("a) Đối với cấp tỉnh", "a) "),
        ("đ) Đối với cấp xã", "đ) "),
        ("II. Nhiệm vụ", "II. "),
    ],
)
def test_other_markers(text, marker):
    assert list_marker(text) == marker
    assert ordinal_value(marker) is None


@pytest.mark.parametrize(
    "text",
    [
        "Thứ hai, 22/04/2024 10:27 (GMT+7)",  # raw/111: a weekday
        "Năm 2017, Quảng Nam phấn đấu",  # raw/004: a year
        "1.700 căn NƠXH giá từ 100 triệu đồng",  # raw/007: a number
        "Hai lần trong năm",
        "-5 độ C",
        "Ba Vì là huyện",
    ],
)
def test_not_markers(text):
    assert list_marker(text) is None
