"""Web debris rules on real corpus lines, and the body text they must leave alone."""

from __future__ import annotations

import pytest

from workbench.core import junk


@pytest.mark.parametrize(
    "line",
    [
        "Rate this post",
        "Gốc",
        "VIDEO",
        "Chia sẻ",
        "In bài viết",
        "Xem thêm",
        "Bình luận",
        "7 đăng lại",
        "63 liên quan",
        "1.2K lượt xem",
        "12 bình luận",
    ],
)
def test_interface_lines(line):
    # raw/021 ("7 đăng lại", "63 liên quan", "Gốc", "VIDEO") and raw/104 ("Rate this post")
    assert junk.is_junk_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Toàn cảnh hội nghị",
        "Xã hội",
        "Video clip về hội nghị được phát trên VTV1.",
        "63 đại biểu liên quan đến vụ việc đã được mời",
        "Gốc rễ của vấn đề là cơ chế.",
    ],
)
def test_body_text_is_not_junk(line):
    assert not junk.is_junk_line(line)


def test_counters():
    assert junk.is_counter("7 đăng lại") and junk.is_counter("63 liên quan")
    assert not junk.is_counter("26 tập thể có thành tích xuất sắc")


@pytest.mark.parametrize("line", ["[img]", "[ảnh]", "[image 2]", '<img src="a.jpg">', "(ảnh)"])
def test_image_markers(line):
    # raw/013 and raw/015 carry "[img]" where photos stood
    assert junk.is_image_marker(line)


def test_image_marker_needs_the_whole_line():
    assert not junk.is_image_marker("[img] Chủ tịch UBND tỉnh phát biểu")


@pytest.mark.parametrize(
    ("line", "nav"),
    [
        ("Xã hội", True),
        ("Thời sự", True),
        ("VOV", True),
        ("14/12/21 12:22 GMT+7", False),
        ("Nhu cầu NƠXH cho người lao động TP.HCM rất lớn", False),
        ("Gốc.", False),
    ],
)
def test_navigation_labels(line, nav):
    # raw/021 header: "Xã hội", "Thời sự", "VOV" before the timestamp
    assert junk.is_nav_line(line) is nav


@pytest.mark.parametrize(
    ("line", "tag"),
    [
        ("Tổng Bí Thư", True),
        ("Thời Đại Hồ Chí Minh", True),
        ("Sọi Chỉ Đỏ", True),
        ("Văn Hiếu – Lại Hoa/VOV", False),
        ("Toàn cảnh hội nghị", False),
        ("Đảng./.", False),
    ],
)
def test_tag_like(line, tag):
    # raw/021 ends with a list of Title-Case keywords after the byline
    assert junk.is_tag_like(line) is tag


def test_related_and_tag_headers():
    assert junk.is_related_header("Tin liên quan")
    assert junk.is_related_header("Bài viết liên quan:")
    assert junk.is_related_header("Các tin khác")
    assert not junk.is_related_header("Tin liên quan đến vụ việc đã được xác minh.")
    assert junk.is_tag_header("Từ khóa: Tổng Bí thư, ngoại giao")
    assert junk.is_tag_header("Tags: hội nghị")


@pytest.mark.parametrize("line", ["12", "- 3 -", "Trang 4", "3/10", "Page 2 of 9"])
def test_page_numbers(line):
    assert junk.is_page_number(line)


def test_page_number_is_not_a_date_or_text():
    assert not junk.is_page_number("07/09/2023")
    assert not junk.is_page_number("26 tập thể")


def test_teasers_104_and_111():
    texts = [
        "Nghị quyết 792/NQ-UBTVQH14 của Ủy ban Thường vụ Quốc hội đã ban hành một số nhiệm vụ, giải"
        " pháp để quản lý và sử dụng các Quỹ tài chính ngoài ngân sách nhà nước. Theo đó, Ủy ban"
        " Thường vụ Quốc hội yêu cầu Chính phủ tập trung thực hiện 6 giải pháp sau: – …",
        "Nghị quyết 792/NQ-UBTVQH14 của Ủy ban Thường vụ Quốc hội đã ban hành một số nhiệm vụ, giải"
        " pháp để quản lý và sử dụng các Quỹ tài chính ngoài ngân sách nhà nước.",
        "Theo đó, Ủy ban Thường vụ Quốc hội yêu cầu Chính phủ tập trung thực hiện 6 giải pháp sau:",
        "moreNghị quyết 792/NQ-UBTVQH14 của Ủy ban Thường vụ Quốc hội đã ban hành một số…",
        "Các cấp ủy đã lãnh đạo thực hiện tốt việc cải cách lề lối làm việc chuyên nghiệp hóa…",
    ]
    assert junk.teasers(texts) == {0, 3}


def test_a_paragraph_ending_with_an_ellipsis_is_not_a_teaser_alone():
    texts = [
        "đánh giá tổ chức trong các cơ quan Trung ương và các địa phương trên cả nước…",
        "Một đoạn khác hoàn toàn không lặp lại nội dung của đoạn trước đó.",
    ]
    assert junk.teasers(texts) == set()


def test_a_paragraph_whose_last_words_recur_elsewhere_is_kept_004():
    """Corpus 004: a real paragraph ends in "trên địa bàn..."; its last 48 characters recur
    in a later paragraph. A 40-character probe dropped it (text lost on import)."""
    texts = [
        "Tỉnh tăng cường công tác tuyên truyền, triển khai các phong trào “Dân vận khéo”… Đồng "
        "thời xây dựng, hoàn chỉnh các cơ chế, chính sách và văn bản chỉ đạo, hướng dẫn triển "
        "khai thực hiện chương trình xây dựng nông thôn mới trên địa bàn...",
        "Qua hơn 6 năm triển khai, chương trình xây dựng nông thôn mới trên địa bàn Quảng Nam đã "
        "đạt được những kết quả quan trọng.",
    ]
    assert junk.teasers(texts) == set()


def test_duplicates_025():
    lead = (
        "Ngày 2/7/2026, Công ty Cổ phần Xi măng Cẩm Phả tổ chức Hội nghị sơ kết hoạt động sản"
        " xuất kinh doanh 6 tháng đầu năm."
    )
    assert junk.duplicate_of_earlier([lead, lead, "Toàn cảnh", "Toàn cảnh"]) == {1}
