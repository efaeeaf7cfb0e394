"""Reflow of hard-wrapped lines into paragraphs, on real corpus text and random text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.reflow import estimate_width, is_double_spaced, reflow, reflow_indexed
from workbench.core.text import normalize_whitespace


def _body(corpus, corpus_id, start):
    return corpus.raw(corpus_id).splitlines()[start:]


def test_000_pdf_copy_gives_the_expected_paragraphs(corpus):
    # raw/000.txt: blank line after every line, page breaks as 3 blank lines inside sentences
    paragraphs = reflow(_body(corpus, "000", 5))
    expected = [block["text"] for block in corpus.structure("000")["blocks"]]
    assert paragraphs == [*expected, "Theo: dukcqtw.dcs.vn"]


def test_000_layout_is_detected(corpus):
    lines = _body(corpus, "000", 5)
    filled = [normalize_whitespace(line) for line in lines if line.strip()]
    assert 90 <= estimate_width(filled) <= 100
    assert is_double_spaced(lines)


def test_021_blank_separated_wrapped_paragraphs(corpus):
    lines = _body(corpus, "021", 8)
    assert not is_double_spaced(lines)
    paragraphs = reflow(lines)
    assert paragraphs[0] == (
        "Theo Tổng Bí thư, bản sắc 'cây tre Việt Nam' đó là: Mềm mại, khôn khéo, nhưng rất kiên"
        " cường, quyết liệt; linh hoạt, sáng tạo nhưng rất bản lĩnh, kiên định, can trường trước"
        " mọi thử thách, khó khăn vì độc lập dân tộc, vì tự do, hạnh phúc của nhân dân."
    )
    # a caption wrapped inside its credit, and sentences that end at a line end mid-paragraph
    assert any(p.endswith('của chúng ta" (Ảnh: Kim Anh)') for p in paragraphs)
    joined = next(p for p in paragraphs if p.startswith("Biểu dương, đánh giá cao"))
    assert 'không gây thù oán với ai". Việt Nam luôn sẵn sàng' in joined
    # the short lines of a tag list stay apart
    assert "Tổng Bí Thư" in paragraphs and "Ngoại Giao" in paragraphs


def test_one_paragraph_per_line_is_left_alone(corpus):
    for corpus_id in ("001", "002", "015", "020"):
        lines = _body(corpus, corpus_id, 1)
        assert reflow(lines) == [normalize_whitespace(line) for line in lines if line.strip()]


def test_dash_continuing_a_sentence_is_not_a_list_item(corpus):
    # raw/000.txt lines 258-274: "tổ chức chính trị" / "- xã hội, chú trọng ..."
    lines = _body(corpus, "000", 258)[:17]
    paragraphs = reflow(lines)
    assert len(paragraphs) == 1
    assert "các tổ chức chính trị - xã hội, chú trọng hướng về cơ sở" in paragraphs[0]


def test_dash_items_after_a_colon_are_items():
    lines = [
        "Bộ trưởng Nguyễn Thanh Nghị đề cập 3 chính sách lớn tại dự thảo, gồm các nội dung sau:",
        "- Hoàn thiện các quy định về hệ thống quy hoạch đô thị và nông thôn, bảo đảm đồng bộ;",
        "- Hoàn thiện các quy định về lập, thẩm định, phê duyệt, rà soát, điều chỉnh quy hoạch đô",
        "thị và nông thôn theo hướng đơn giản hóa thủ tục hành chính cho người dân, doanh nghiệp;",
        "- Hoàn thiện các quy định về lựa chọn tổ chức tư vấn lập quy hoạch và nguồn kinh phí.",
    ]
    paragraphs = reflow(lines)
    assert len(paragraphs) == 4
    assert paragraphs[2].startswith("- Hoàn thiện các quy định về lập")
    assert paragraphs[2].endswith("cho người dân, doanh nghiệp;")


def test_trailing_dash_and_hyphen_joins():
    lines = [
        "đóng góp vào sự phát triển của các tổ chức chính trị -",
        "xã hội và các đoàn thể nhân dân ở địa phương trong giai đoạn mới của đất nước, kinh tế-",
        "xã hội phát triển bền vững và toàn diện hơn trong những năm tiếp theo của nhiệm kỳ này.",
        "Tổng số đại biểu tham dự hội nghị là 300 người đến từ các cơ quan, đơn vị trong toàn",
        "tỉnh.",
    ]
    paragraphs = reflow(lines)
    assert "chính trị - xã hội" in paragraphs[0]
    assert "kinh tế-xã hội" in paragraphs[0]


def test_page_break_inside_a_sentence_without_double_spacing():
    lines = [
        "Phát biểu khai mạc hội nghị, đồng chí Nguyễn Quang Trường, Phó Bí thư Đảng ủy Khối cho",
        "",
        "",
        "",
        "biết, trong 10 năm qua, công tác dân vận của Đảng bộ Khối đã có những chuyển biến tích",
        "cực, góp phần quan trọng vào việc nâng cao nhận thức của cán bộ, đảng viên.",
        "",
        "Tạo chuyển biến trong nhận thức và hành động",
        "",
        "Ngay sau khi Ban Chấp hành Trung ương Đảng khóa XI ban hành Nghị quyết số 25-NQ/TW.",
    ]
    paragraphs = reflow(lines)
    assert len(paragraphs) == 3
    assert "Phó Bí thư Đảng ủy Khối cho biết, trong 10 năm qua" in paragraphs[0]


def test_soft_hyphen_at_line_end_joins_without_space():
    lines = [
        "Hội nghị tổng kết công tác tuyên truyền năm 2019 của huyện đã diễn ra, nhiều đại\u00ad",
        "biểu đã phát biểu ý kiến đóng góp cho báo cáo chính trị của Ban Chấp hành Đảng bộ",
        "huyện, bảo đảm chất lượng, hiệu quả, đúng quy định, đúng kế hoạch, đúng tiến độ đề ra.",
    ]
    assert "đại\u00adbiểu" in reflow(lines)[0]


def test_markdown_joins_adjacent_lines_and_keeps_items():
    lines = [
        "Theo đó, Ủy ban yêu cầu",
        "Chính phủ thực hiện 6 giải pháp sau:",
        "",
        "– Rà soát, đánh giá hiệu quả.",
        "– Xây dựng cơ sở pháp lý.",
        "",
        "Đoạn cuối.",
    ]
    assert reflow(lines, markdown=True) == [
        "Theo đó, Ủy ban yêu cầu Chính phủ thực hiện 6 giải pháp sau:",
        "– Rà soát, đánh giá hiệu quả.",
        "– Xây dựng cơ sở pháp lý.",
        "Đoạn cuối.",
    ]


def test_lines_marked_alone_stand_alone(corpus):
    lines = _body(corpus, "000", 5)[:40]
    lines[14] = "[img]"  # was the blank line after the attendee paragraph's first line
    paragraphs = reflow_indexed(lines, alone={14})
    assert (14, "[img]") in paragraphs


def test_width_needs_a_band_of_full_lines_that_stop_mid_sentence():
    wrapped = ["a" * 80, "b" * 85 + ",", "c" * 86, "d" * 84, "e" * 30 + ".", "f" * 86, "g" * 85]
    assert estimate_width(wrapped) == 86
    assert estimate_width([line[:40] for line in wrapped] + ["x" * 300, "y" * 900]) is None
    assert estimate_width(["a" * 60, "b" * 60]) is None
    # paragraphs written one per line end with punctuation even when they are long
    one_per_line = ["a" * 80 + ".", "b" * 85 + ".", "c" * 86 + ":", "d" * 84 + ".", "e" * 86]
    assert estimate_width(one_per_line) is None


def test_wrapped_text_without_blank_lines():
    lines = [
        "Chiều 28/12/2023, tại Trung tâm Hội nghị tỉnh, Ban Chấp hành Đảng bộ tỉnh khóa XX tổ chức",
        "Hội nghị lần thứ 15 để đánh giá kết quả thực hiện nhiệm vụ năm 2023. Đồng chí Trần Văn A,",
        "Bí thư Tỉnh ủy chủ trì hội nghị.",
        "Hội nghị thống nhất đề ra một số nhiệm vụ trọng tâm cho năm 2024 và những năm tiếp theo:",
        "a) Tập trung lãnh đạo thực hiện thắng lợi các mục tiêu kinh tế - xã hội năm 2024, chú ý",
        "cải thiện môi trường đầu tư kinh doanh và nâng cao năng lực cạnh tranh cấp tỉnh hằng năm;",
        "b) Đẩy mạnh công tác xây dựng Đảng và hệ thống chính trị trong sạch, vững mạnh toàn diện.",
        "Nơi nhận:",
    ]
    assert reflow(lines) == [
        " ".join(lines[:3]),
        lines[3],
        " ".join(lines[4:6]),
        lines[6],
        "Nơi nhận:",
    ]


WORDS = [
    "công",
    "tác",
    "Dân",
    "vận",
    "Hà",
    "Nội,",
    "Đảng",
    "ủy.",
    "cho",
    "biết:",
    "-",
    "–",
    "xã",
    "hội;",
    "Một",
    "là,",
    "1.",
    "a)",
    "Thứ",
    "nhất,",
    "…",
    "(Ảnh:",
    "Kim",
    "Anh)",
    "kinh",
    "tế-",
    "\u00ad",
    "\xa0",
    "“Dân",
    "khéo”.",
    "TP.HCM",
    "25-NQ/TW",
]
line_text = st.lists(st.sampled_from(WORDS), max_size=16).map(" ".join)
lines_strategy = st.lists(st.one_of(line_text, st.just(""), st.text(max_size=30)), max_size=40)


def _letters(lines):
    return "".join("".join(normalize_whitespace(line).split()) for line in lines)


@settings(max_examples=300)
@given(lines_strategy, st.booleans())
def test_reflow_never_loses_or_reorders_characters(lines, markdown):
    paragraphs = reflow(lines, markdown=markdown)
    assert _letters(paragraphs) == _letters(lines)
    assert all(p and "\n" not in p and p == p.strip() for p in paragraphs)


@given(st.lists(line_text.filter(bool), min_size=1, max_size=30))
def test_indexes_point_at_first_lines(lines):
    for index, text in reflow_indexed(lines):
        assert text.startswith(normalize_whitespace(lines[index]))


def test_a_document_number_cut_at_its_hyphen_is_joined_without_a_space():
    lines = [
        "Để tiếp tục đẩy mạnh việc thực hiện tốt các nội dung của Nghị quyết số 25-",
        "NQ/TW trong thời gian tới, đồng chí Phó Bí thư Đảng ủy Khối đề nghị các đồng chí.",
    ]
    assert reflow(lines) == [
        "Để tiếp tục đẩy mạnh việc thực hiện tốt các nội dung của Nghị quyết số 25-NQ/TW trong "
        "thời gian tới, đồng chí Phó Bí thư Đảng ủy Khối đề nghị các đồng chí."
    ]
