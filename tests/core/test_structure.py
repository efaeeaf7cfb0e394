"""build_report over the real corpus: the exact structure of 000, every headline, no paragraph
cut by a line break, metadata out of the body, offsets into Report.text, speed."""

from __future__ import annotations

import itertools
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.models import BLOCK_KINDS, Imported, RawBlock
from workbench.core.structure import build_report
from workbench.core.text import normalize_whitespace
from workbench.formats.text import read_text


def _report(corpus, corpus_id):
    """The report as the plain-text reader hands it over (028, HTML inside .txt, as blocks)."""
    return build_report(read_text(corpus.imported(corpus_id).original, f"{corpus_id}.txt"))


def _title_key(title):
    return normalize_whitespace(unicodedata.normalize("NFC", title)) if title else None


def test_000_reproduces_the_expected_structure_exactly(corpus):
    expected = corpus.structure("000")
    report = build_report(corpus.imported("000"))
    assert report.title == expected["title"]
    assert report.published_at == expected["published_at"]
    assert report.event_date == expected["event_date"]
    assert report.place == expected["place"]
    assert report.author == expected["author"]
    assert report.source == expected["source"]
    got = [{"kind": block.kind, "text": block.text} for block in report.blocks]
    assert len(got) == len(expected["blocks"]) == 20
    for index, (block, want) in enumerate(zip(got, expected["blocks"], strict=True)):
        assert block == want, f"block {index}"


def test_000_keeps_format_and_original(corpus):
    imported = corpus.imported("000")
    report = build_report(imported)
    assert report.format == "text"
    assert report.encoding == "utf-8"
    assert report.original == imported.original


def test_headline_matches_gold(corpus, corpus_id):
    report = _report(corpus, corpus_id)
    assert _title_key(report.title) == _title_key(corpus.gold(corpus_id)["title"])


def test_no_paragraph_ends_mid_sentence(corpus, corpus_id):
    """A paragraph that ends with a lowercase letter or a comma, followed by a block that
    starts lowercase, was cut by a line break."""
    blocks = _report(corpus, corpus_id).blocks
    for before, after in itertools.pairwise(blocks):
        if before.kind != "paragraph":
            continue
        last, first = before.text[-1], after.text[:1]
        cut = (last.islower() or last == ",") and first.islower()
        assert not cut, f"{before.text[-60:]!r} | {after.text[:60]!r}"


def test_blocks_are_clean_and_placed(corpus, corpus_id):
    report = _report(corpus, corpus_id)
    text = report.text
    for block in report.blocks:
        assert block.kind in BLOCK_KINDS
        assert block.text and block.text == block.text.strip()
        assert "\n" not in block.text and "  " not in block.text and "\xa0" not in block.text
        assert unicodedata.is_normalized("NFC", block.text)
        assert text[block.start : block.end] == block.text


_METADATA_IN_BODY = re.compile(r"^(?:Tác giả:|Theo:|Nguồn:|\[img\]|Rate this post|\d+ đăng lại)")


def test_metadata_and_junk_leave_the_body(corpus, corpus_id):
    report = _report(corpus, corpus_id)
    for block in report.blocks:
        assert not _METADATA_IN_BODY.match(block.text), block.text
    if report.title:
        assert report.blocks and report.blocks[0].text != report.title


@pytest.mark.parametrize(
    ("corpus_id", "published_at", "event_date", "place", "author", "source"),
    [
        ("021", "2021-12-14T12:22", "2021-12-14", "Hà Nội", "Văn Hiếu – Lại Hoa", "VOV"),
        ("111", "2024-04-22T10:27", "2024-04-22", "Nhà Quốc hội", "PHẠM ĐÔNG", None),
        ("020", None, None, None, "Hải Liên", "Chinhphu.vn"),
        ("004", None, None, None, "Nguyễn Sơn", "TTXVN"),
        ("013", None, None, None, "T.SỸ", "BĐ"),
        ("015", None, None, "Hà Nội", None, "binhdinh.gov.vn"),
        ("025", None, "2026-07-02", None, None, None),
        ("028", "2020-03-05T09:00", None, None, "Vương Hợp", None),
    ],
)
def test_metadata_of_corpus_reports(
    corpus, corpus_id, published_at, event_date, place, author, source
):
    report = _report(corpus, corpus_id)
    assert (report.published_at, report.event_date, report.place) == (
        published_at,
        event_date,
        place,
    )
    assert (report.author, report.source) == (author, source)


def test_021_web_debris_is_dropped(corpus):
    texts = [block.text for block in _report(corpus, "021").blocks]
    for debris in (
        "Xã hội",
        "Thời sự",
        "7 đăng lại",
        "63 liên quan",
        "Gốc",
        "Tổng Bí Thư",
        "VIDEO",
    ):
        assert debris not in texts
    assert texts[0].startswith("Theo Tổng Bí thư, bản sắc")
    assert texts[-1].endswith("Nghị quyết Đại hội XIII của Đảng./.")


def test_104_markdown_teasers_and_list(corpus):
    report = _report(corpus, "104")
    kinds = [block.kind for block in report.blocks]
    assert kinds == ["paragraph", "paragraph"] + ["list_item"] * 6
    assert all("Xem chi tiết" not in b.text and "more" not in b.text for b in report.blocks)
    assert report.blocks[2].text.startswith("– Rà soát, đánh giá hiệu quả")


def test_025_repeated_summary_kept_once(corpus):
    texts = [block.text for block in _report(corpus, "025").blocks]
    assert len(texts) == len(set(texts))
    assert texts[0].startswith("Ngày 2/7/2026, Công ty Cổ phần Xi măng Cẩm Phả")


def test_flattened_enumerations_become_items(corpus):
    for corpus_id, first in (("009", "Một là tiếp tục"), ("012", "Thứ nhất, tiếp tục")):
        blocks = _report(corpus, corpus_id).blocks
        items = [b.text for b in blocks if b.kind == "list_item"]
        assert len(items) == 5
        assert items[0].startswith(first)


def test_captions_from_image_markers_and_credits(corpus):
    kinds = {b.text: b.kind for b in _report(corpus, "013").blocks}
    captions = [text for text, kind in kinds.items() if kind == "caption"]
    assert len(captions) == 6 and all(text.endswith("Ảnh: T.SỸ") for text in captions)
    blocks = _report(corpus, "002").blocks
    assert {b.text: b.kind for b in blocks}["Toàn cảnh hội nghị"] == "caption"
    assert {b.text: b.kind for b in blocks}["Xử lý nghiêm xe công đi lễ chùa"] == "heading"


def test_structured_blocks_give_the_same_report(corpus):
    expected = corpus.structure("000")
    raw = [
        RawBlock(expected["title"], "heading"),
        RawBlock("05:59 07/09/2023"),
        RawBlock("Tác giả: Đang cập nhật"),
    ]
    raw += [RawBlock(b["text"].replace(" ", "  ")) for b in expected["blocks"]]
    raw.append(RawBlock("Theo: dukcqtw.dcs.vn"))
    report = build_report(Imported(format="docx", original=b"", blocks=raw))
    assert report.title == expected["title"]
    assert (report.published_at, report.event_date, report.source) == (
        "2023-09-07T05:59",
        "2023-09-06",
        "dukcqtw.dcs.vn",
    )
    got = [{"kind": b.kind, "text": b.text} for b in report.blocks]
    assert got == expected["blocks"]


def test_block_hints_win():
    blocks = [
        RawBlock("Tiêu đề"),
        RawBlock("Đoạn một có dấu chấm."),
        RawBlock("Ghi chú", "caption"),
        RawBlock("Mục mới", "heading"),
        RawBlock("Đoạn hai."),
    ]
    report = build_report(Imported(format="docx", original=b"", blocks=blocks))
    assert report.title == "Tiêu đề"
    assert [b.kind for b in report.blocks] == ["paragraph", "caption", "heading", "paragraph"]


def test_empty_inputs():
    for imported in (
        Imported(format="text", original=b"", lines=[]),
        Imported(format="text", original=b"", lines=["", "  ", "\xa0"]),
        Imported(format="docx", original=b"", blocks=[]),
    ):
        report = build_report(imported)
        assert report.title is None and report.blocks == [] and report.text == ""


def test_pdf_page_numbers_do_not_cut_sentences():
    lines = [
        "Tiêu đề của bản tin",
        "",
        "Phát biểu khai mạc hội nghị, đồng chí Nguyễn Quang Trường, Phó Bí thư Đảng ủy Khối cho",
        "",
        "12",
        "",
        "biết, trong 10 năm qua, công tác dân vận của Đảng bộ Khối các cơ quan Trung ương đã có",
        "",
        "những chuyển biến tích cực, góp phần quan trọng vào việc nâng cao nhận thức.",
        "",
        "Ngày hôm sau, các đại biểu tiếp tục thảo luận tại tổ về các nội dung của dự thảo.",
        "",
    ]
    report = build_report(Imported(format="pdf", original=b"", lines=lines))
    assert report.title == "Tiêu đề của bản tin"
    assert [b.text[:10] for b in report.blocks] == ["Phát biểu ", "Ngày hôm s"]
    assert "cho biết, trong" in report.blocks[0].text


FUZZ_WORDS = [
    "Ngày",
    "06/9/2023,",
    "tại",
    "Hà",
    "Nội,",
    "Theo:",
    "Tác",
    "giả:",
    "[img]",
    "Ảnh:",
    "Một",
    "là,",
    "- ",
    "Thứ",
    "nhất,",
    "đồng",
    "chí",
    "Nguyễn",
    "Văn",
    "Thể",
    "…",
    "---",
    "**",
    "#",
    "![a](b)",
    "[x](y)",
    "05:59",
    "07/09/2023",
    "Gốc",
    "7",
    "đăng",
    "lại",
    ".",
]
fuzz_line = st.lists(st.sampled_from(FUZZ_WORDS), max_size=14).map(" ".join)
fuzz_lines = st.lists(st.one_of(fuzz_line, st.just(""), st.text(max_size=20)), max_size=30)


@settings(max_examples=200, deadline=None)
@given(fuzz_lines, st.sampled_from(["text", "markdown", "pdf"]))
def test_any_lines_give_a_consistent_report(lines, fmt):
    report = build_report(Imported(format=fmt, original=b"", lines=lines))
    text = report.text
    for block in report.blocks:
        assert block.kind in BLOCK_KINDS and block.text
        assert text[block.start : block.end] == block.text
    assert report.title is None or report.title.strip() == report.title != ""


@settings(max_examples=100, deadline=None)
@given(st.lists(fuzz_line, max_size=15))
def test_any_blocks_give_a_consistent_report(texts):
    report = build_report(
        Imported(format="html", original=b"", blocks=[RawBlock(t) for t in texts])
    )
    for block in report.blocks:
        assert report.text[block.start : block.end] == block.text


def _lines(text: str, fmt: str = "text"):
    return build_report(Imported(format=fmt, original=b"", lines=text.splitlines()))


def test_web_copy_with_related_box_byline_and_keywords():
    report = _lines(
        """Thủ tướng chủ trì hội nghị trực tuyến với các địa phương
Thứ bảy, 6/1/2024, 10:30 (GMT+7)
Sáng 6/1, tại trụ sở Chính phủ, Thủ tướng Phạm Minh Chính chủ trì hội nghị với các địa phương.
Thủ tướng Phạm Minh Chính phát biểu tại hội nghị. Ảnh: Nhật Bắc
Phát biểu kết luận, Thủ tướng yêu cầu các bộ, ngành tập trung thực hiện các nhiệm vụ sau:
1. Tiếp tục hoàn thiện thể chế;
2. Đẩy mạnh giải ngân vốn đầu tư công.
Tin liên quan
Thủ tướng: Năm 2024 phải tăng tốc
Chính phủ họp phiên thường kỳ tháng 12
Hoài Thu
Từ khóa: Thủ tướng, hội nghị"""
    )
    assert report.title == "Thủ tướng chủ trì hội nghị trực tuyến với các địa phương"
    assert (report.published_at, report.event_date, report.place) == (
        "2024-01-06T10:30",
        "2024-01-06",
        "trụ sở Chính phủ",
    )
    assert report.author == "Hoài Thu"
    assert [b.kind for b in report.blocks] == [
        "paragraph",
        "caption",
        "paragraph",
        "list_item",
        "list_item",
    ]


def test_official_press_release():
    report = _lines(
        """BỘ NỘI VỤ                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
VĂN PHÒNG BỘ                  Độc lập - Tự do - Hạnh phúc
Số: 05/BNV-VP                 Hà Nội, ngày 06 tháng 9 năm 2023

THÔNG CÁO BÁO CHÍ
Kết quả Hội nghị sơ kết công tác 6 tháng đầu năm 2023

Ngày 05/9/2023, tại Hà Nội, Bộ Nội vụ tổ chức Hội nghị sơ kết công tác 6 tháng đầu năm.

Bộ trưởng Phạm Thị Thanh Trà chủ trì hội nghị./.

Nơi nhận:
- Các cơ quan báo chí;
- Lưu: VT, VP.
CHÁNH VĂN PHÒNG
Nguyễn Văn B"""
    )
    assert report.title == "Kết quả Hội nghị sơ kết công tác 6 tháng đầu năm 2023"
    assert (report.published_at, report.event_date, report.place) == (
        "2023-09-06",
        "2023-09-05",
        "Hà Nội",
    )
    assert [b.text for b in report.blocks] == [
        "Ngày 05/9/2023, tại Hà Nội, Bộ Nội vụ tổ chức Hội nghị sơ kết công tác 6 tháng đầu năm.",
        "Bộ trưởng Phạm Thị Thanh Trà chủ trì hội nghị./.",
    ]


def test_html_blocks_with_images_028_shape():
    # the shape corpus 028 takes once the HTML reader has made blocks of it
    blocks = [
        RawBlock(
            "Ban tuyên giáo Huyên ủy tổ chức Hội nghị tổng kết công tác tuyên truyền.", "title"
        ),
        RawBlock("", "image"),
        RawBlock(
            "Hội nghị tổng kết công tác tuyên truyền, đấu tranh trên không gian mạng năm 2019."
        ),
        RawBlock(
            "\xa0" * 10 + " Tại hội nghị, các đại biểu đã được nghe báo cáo kết quả công tác."
        ),
        RawBlock("", "image"),
        RawBlock("Huyện ủy tặng giấy khen tập thể và cá nhân có thành tích tiêu biểu."),
        RawBlock("Nhân dịp này, huyện ủy đã tặng giấy khen cho 03 tập thể và 15 cá nhân."),
        RawBlock("\xa0" * 70 + " Vương Hợp "),
    ]
    report = build_report(Imported(format="html", original=b"", blocks=blocks))
    assert report.title.startswith("Ban tuyên giáo Huyên ủy")
    assert report.author == "Vương Hợp"
    assert [b.kind for b in report.blocks] == ["caption", "paragraph", "caption", "paragraph"]
    assert report.blocks[1].text.startswith("Tại hội nghị")
