"""Reading web pages: a realistic saved news page around report 000, corpus 028's HTML body,
and hostile markup (scripts, javascript: links, 10,000 levels of nesting)."""

from __future__ import annotations

import codecs
import re
import unicodedata
from html import escape
from pathlib import Path

import pytest

from workbench.core.errors import ImportRefused
from workbench.core.models import RawBlock
from workbench.formats.html import decode_html, html_to_blocks, read_html, strip_site_name
from workbench.formats.legacy import encode_cp1258

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
RAW = SHARED / "corpus" / "raw"


def report_000() -> tuple[str, list[str]]:
    """Report 000's headline and body paragraphs, the PDF line breaks joined back."""
    lines = (RAW / "000.txt").read_text(encoding="utf-8").splitlines()
    headline = " ".join(line.strip() for line in lines[:3])
    paragraphs, current = [], []
    for line in lines[5:]:
        if line.strip():
            current.append(line.strip())
        elif current and current[-1].endswith((".", ":", ";", "”")):
            paragraphs.append(" ".join(current))
            current = []
    return headline, [p for p in paragraphs if len(p) > 40]


def related_list(titles: list[str]) -> str:
    items = "".join(
        f'<li><a href="/tin/{i}.html">{escape(t)}</a></li>' for i, t in enumerate(titles)
    )
    return f"<ul>{items}</ul>"


RELATED = [
    "Hội nghị Ban Chấp hành Đảng bộ Khối lần thứ 12",
    "Tổng kết công tác dân vận năm 2022 của Đảng ủy Khối",
    "Đảng ủy Khối sơ kết 6 tháng đầu năm",
]
MENU = ["Trang chủ", "Tin tức - Sự kiện", "Công tác dân vận", "Văn bản", "Liên hệ"]


def news_page(headline: str, paragraphs: list[str]) -> str:
    """A saved news page as such sites are built: furniture all around one article."""
    first, second, *rest = paragraphs
    body = "".join(f"<p>{escape(p)}</p>\n" for p in rest)
    return f"""<!DOCTYPE html>
<html lang="vi"><head>
<meta charset="utf-8">
<title>{escape(headline)} - Đảng ủy Khối các cơ quan Trung ương</title>
<meta property="og:title" content="{escape(headline)}">
<script>var banner = "<p>Quảng cáo trong script</p>";</script>
<style>p {{ font-family: "Times New Roman"; }}</style>
</head><body>
<header class="site-header"><div class="logo"><a href="/">ĐẢNG ỦY KHỐI CÁC CƠ QUAN TRUNG ƯƠNG</a>
</div><nav class="main-menu">{related_list(MENU)}</nav></header>
<div class="container">
 <ol class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href="/dv">Dân vận</a></li></ol>
 <div class="row">
  <div class="col-md-8">
   <div class="article-detail">
    <h1 class="article-title">{escape(headline)}</h1>
    <div class="article-meta">05:59 07/09/2023</div>
    <div class="share-tools"><a href="javascript:window.print()">In bài</a>
     <a href="https://www.facebook.com/sharer.php">Chia sẻ Facebook</a></div>
    <div class="article-content">
     <p>{escape(first)}</p>
     <figure><img src="/images/hn.jpg" alt="ảnh">
      <figcaption>Đồng chí Nguyễn Văn Thể, Ủy viên Trung ương Đảng, Bí thư Đảng ủy Khối
       phát biểu kết luận hội nghị</figcaption></figure>
     <h2>Tạo chuyển biến trong nhận thức và hành động về công tác dân vận</h2>
     <p>{escape(second)}</p>
     {body}
     <h3>Bài viết liên quan</h3>{related_list(RELATED[:2])}
     <p style="text-align:right"><strong>Theo: dukcqtw.dcs.vn</strong></p>
    </div>
    <div class="box-tinlienquan"><h3>Tin liên quan</h3>{related_list(RELATED)}</div>
    <div class="comments"><h3>Bình luận</h3><form><textarea>Ý kiến</textarea></form></div>
   </div>
  </div>
  <aside class="col-md-4"><h3>Tin đọc nhiều</h3>{related_list(RELATED)}</aside>
 </div>
 <section class="cate-news"><div class="cate-title">Tin cùng chuyên mục</div>
  {related_list(RELATED)}</section>
</div>
<footer><p>Bản quyền thuộc Đảng ủy Khối các cơ quan Trung ương. Địa chỉ: 2 Hoàng Văn Thụ.</p>
</footer>
<script>document.write("<p>Nội dung chèn bằng script</p>");</script>
</body></html>"""


# --- a realistic page --------------------------------------------------------------------------


@pytest.mark.parametrize("with_names", [True, False], ids=["with-classes", "bare-tags"])
def test_a_saved_news_page_keeps_the_article_and_drops_the_furniture(with_names: bool):
    headline, paragraphs = report_000()
    assert len(paragraphs) >= 8
    page = news_page(headline, paragraphs)
    if not with_names:  # the generic rules alone: tags, related headings, text density
        page = re.sub(r'\s(class|id)="[^"]*"', "", page)
        assert "class=" not in page
    blocks = html_to_blocks(page)
    texts = [b.text for b in blocks]

    assert blocks[0] == RawBlock(headline, "heading")
    assert texts[1] == "05:59 07/09/2023"
    assert (
        RawBlock(
            "Đồng chí Nguyễn Văn Thể, Ủy viên Trung ương Đảng, Bí thư Đảng ủy Khối phát biểu "
            "kết luận hội nghị",
            "caption",
        )
        in blocks
    )
    assert (
        RawBlock("Tạo chuyển biến trong nhận thức và hành động về công tác dân vận", "heading")
        in blocks
    )
    body = [b.text for b in blocks if b.kind is None]
    expected = [" ".join(p.split()) for p in paragraphs]
    assert [t for t in body if t in expected] == expected
    assert texts[-1] == "Theo: dukcqtw.dcs.vn"

    assert not {*MENU, "Dân vận"} & set(texts)
    junk = [*RELATED, "Tin liên quan", "Bài viết liên quan", "Tin cùng chuyên mục"]
    junk += ["Tin đọc nhiều", "Bình luận", "Bản quyền", "In bài", "Chia sẻ", "Quảng cáo"]
    junk += ["script", "Ý kiến", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN"]
    leaked = [(j, t) for j in junk for t in texts if j in t]
    assert leaked == []
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)


def test_read_html_decodes_the_saved_page_and_keeps_the_original():
    headline, paragraphs = report_000()
    data = news_page(headline, paragraphs).encode("utf-8")
    imported = read_html(data, "bai-viet.html")
    assert imported.format == "html"
    assert imported.original == data
    assert imported.encoding == "utf-8"
    assert imported.blocks is not None and imported.blocks[0].text == headline
    assert imported.warnings == []


def test_corpus_028_html_body_is_decoded_into_its_paragraphs():
    raw = (RAW / "028.txt").read_text(encoding="utf-8")
    body = raw.split("\n---\n", 1)[1]
    blocks = html_to_blocks(body)
    texts = [b.text for b in blocks]
    assert texts[0] == (
        "Hội nghị tổng kết công tác tuyên truyền, đấu tranh trên không gian mạng năm 2019."
    )
    assert texts[1].startswith("Tại hội nghị, các đại biểu đã được nghe báo cáo")
    assert "phương hướng nhiệm vụ năm 2020" in texts[1]  # "&nbsp;" between words collapsed
    assert texts[3].startswith("Kết luận hội nghị, đồng chí Đoàn Văn Sự - Phó bí thư")
    assert texts[3].endswith("có hiệu quả…/")
    assert texts[-1] == "Vương Hợp"
    assert len(blocks) == 7
    assert all(b.kind is None for b in blocks)
    assert not any("&" in t or "<" in t or "  " in t for t in texts)


# --- structure and kinds -----------------------------------------------------------------------


def test_kinds_come_from_headings_captions_and_list_items():
    page = (
        "<h2>Kết quả</h2><p>Đoạn văn.</p><ul><li>Một là, tăng cường</li>"
        "<li><p>Hai là, đổi mới</p></li></ul><p class='PhotoCMS_Caption'>Ảnh: TTXVN</p>"
        "<table><tr><td>Ô một</td><td>Ô hai</td></tr><caption>Bảng 1</caption></table>"
        "<h6>Nhỏ</h6>"
    )
    assert html_to_blocks(page) == [
        RawBlock("Kết quả", "heading"),
        RawBlock("Đoạn văn.", None),
        RawBlock("Một là, tăng cường", "list_item"),
        RawBlock("Hai là, đổi mới", "list_item"),
        RawBlock("Ảnh: TTXVN", "caption"),
        RawBlock("Ô một", None),
        RawBlock("Ô hai", None),
        RawBlock("Bảng 1", "caption"),
        RawBlock("Nhỏ", "heading"),
    ]


def test_one_br_is_a_space_and_two_split_the_paragraph():
    page = "<p>dòng một<br>dòng hai<br/><br />\n<br>đoạn mới <b>đậm</b>&nbsp;tiếp</p>"
    assert [b.text for b in html_to_blocks(page)] == ["dòng một dòng hai", "đoạn mới đậm tiếp"]


def test_preformatted_text_keeps_its_paragraphs():
    page = "<pre>Dòng một\ncùng đoạn\n\nĐoạn hai</pre>"
    assert [b.text for b in html_to_blocks(page)] == ["Dòng một cùng đoạn", "Đoạn hai"]


def test_text_is_nfc_with_entities_decoded_and_whitespace_collapsed():
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Hồng")
    page = f"<p>  {nfd}&nbsp;&nbsp; &amp; c&aacute;c&#32;đồng&#x20;chí\u200b\t\n</p>"
    (block,) = html_to_blocks(page)
    assert block.text == "Nguyễn Thị Hồng & các đồng chí"
    assert unicodedata.is_normalized("NFC", block.text)


def test_the_title_is_the_headline_without_the_site_name_when_there_is_no_h1():
    page = (
        "<html><head><title>Thủ tướng nêu 5 giải pháp thực hiện nhiệm vụ BHYT | Báo Chính phủ"
        "</title></head><body><p>Sáng 14/12 tại Hà Nội, Thủ tướng chủ trì hội nghị.</p>"
        "</body></html>"
    )
    assert html_to_blocks(page) == [
        RawBlock("Thủ tướng nêu 5 giải pháp thực hiện nhiệm vụ BHYT", None),
        RawBlock("Sáng 14/12 tại Hà Nội, Thủ tướng chủ trì hội nghị.", None),
    ]


def test_an_h1_outside_the_article_container_still_becomes_the_headline():
    text = "Sáng 14/12, Bộ Chính trị tổ chức Hội nghị đối ngoại toàn quốc. " * 5
    page = (
        "<html><head><title>Hội nghị đối ngoại toàn quốc - VOV</title></head><body>"
        "<div class='top'><h1>Hội nghị đối ngoại toàn quốc</h1><span>Chia sẻ:</span>"
        "<a href='/a'>Facebook</a> <a href='/b'>Zalo</a> <a href='/c'>Twitter</a>"
        "<a href='/d'>Email</a> <a href='/e'>Sao chép liên kết bài viết</a></div>"
        f"<article><p>{text}</p><p>{text}</p></article></body></html>"
    )
    blocks = html_to_blocks(page)
    assert blocks[0] == RawBlock("Hội nghị đối ngoại toàn quốc", "heading")
    assert [b.text for b in blocks[1:]] == [text.strip(), text.strip()]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Hội nghị tổng kết công tác dân vận | Báo Nhân Dân", "Hội nghị tổng kết công tác dân vận"),
        (
            "Hội nghị tổng kết công tác dân vận - baochinhphu.vn",
            "Hội nghị tổng kết công tác dân vận",
        ),
        ("Độc lập - Tự do - Hạnh phúc", "Độc lập - Tự do - Hạnh phúc"),
        (
            "Quảng Nam phấn đấu có thêm 9 - 10 xã đạt chuẩn nông thôn mới năm 2017",
            "Quảng Nam phấn đấu có thêm 9 - 10 xã đạt chuẩn nông thôn mới năm 2017",
        ),
    ],
)
def test_the_site_name_is_cut_from_a_title(title: str, expected: str):
    assert strip_site_name(title) == expected


# --- hostile markup ----------------------------------------------------------------------------


def test_scripts_and_script_links_never_survive():
    page = (
        "<p>Nội dung <a href=\"javascript:alert('x')\">Bấm vào đây</a> tiếp theo</p>"
        "<script>alert('xss')</script><p><a href=' JaVaScRiPt:evil()'>Mở</a></p>"
        "<p><a href='data:text/html,<script>alert(1)</script>'>Dữ liệu</a>còn lại</p>"
        "<noscript>Bật JavaScript</noscript><p onclick='evil()'>Đoạn có sự kiện</p>"
        "<iframe src='https://ads.example'>Khung</iframe><div style='display: none'>Ẩn</div>"
        "<p hidden>Ẩn nữa</p><template><p>Mẫu</p></template>"
    )
    assert [b.text for b in html_to_blocks(page)] == [
        "Nội dung tiếp theo",
        "còn lại",
        "Đoạn có sự kiện",
    ]


def test_ten_thousand_levels_of_nesting_are_read_flat_without_crashing():
    depth = 10_000
    page = (
        "<html><head><title>Sâu</title><script>var x = '<div>';</script></head><body>"
        + "<div>" * depth
        + "<h2>Tiêu đề sâu</h2>chữ ở đáy"
        + "</div>" * depth
        + "<p>đoạn sau</p></body></html>"
    )
    imported = read_html(page.encode(), "sau.html")
    assert imported.blocks == [
        RawBlock("Sâu", None),
        RawBlock("Tiêu đề sâu", "heading"),
        RawBlock("chữ ở đáy", None),
        RawBlock("đoạn sau", None),
    ]
    assert len(imported.warnings) == 1 and "sau.html" in imported.warnings[0]


def test_a_text_node_over_libxml2s_10_mb_limit_is_read_whole_with_what_follows():
    """libxml2 cuts text nodes at 10 MB unless ``huge_tree``: 4 million characters of
    three-byte letters (under the character cap) pass that limit in UTF-8."""
    filler = "ệệệệ " * 800_000
    page = f"<html><body><h1>Hội nghị</h1><p>trước</p><p>{filler}</p><p>sau</p></body></html>"
    assert len(page.encode()) > 10_000_000
    imported = read_html(page.encode(), "lớn.html")
    assert [b.text for b in imported.blocks] == ["Hội nghị", "trước", filler.strip(), "sau"]
    assert imported.warnings == []


def test_an_unclosed_tag_soup_is_read():
    page = "<p>Một<p>Hai<div><b>Ba<i>Bốn</p></div><li>Năm<li>Sáu"
    assert [b.text for b in html_to_blocks(page)] == ["Một", "Hai", "BaBốn", "Năm", "Sáu"]


def test_empty_and_textless_pages_are_refused_but_blocks_are_just_empty():
    assert html_to_blocks("") == []
    assert html_to_blocks("<nav><a href='/'>Trang chủ</a></nav><script>x()</script>") == []
    with pytest.raises(ImportRefused, match="empty"):
        read_html(b"  \n", "trang.html")
    with pytest.raises(ImportRefused, match=r"trang\.html contains no readable text"):
        read_html(b"<html><body><nav>Menu</nav><img src='a.png'></body></html>", "trang.html")


# --- decoding ----------------------------------------------------------------------------------

SENTENCE = "Đồng chí Nguyễn Văn Thể phát biểu kết luận hội nghị tổng kết công tác dân vận"


def test_a_declared_windows_1258_page_is_decoded_and_composed():
    data = b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
    data += b"</head><body><p>" + encode_cp1258(SENTENCE) + b"</p></body></html>"
    text, encoding = decode_html(data)
    assert encoding == "cp1258"
    assert html_to_blocks(text) == [RawBlock(SENTENCE, None)]


def test_an_undeclared_windows_1258_page_is_recognised_by_its_tone_bytes():
    data = b"<p>" + encode_cp1258(SENTENCE) + b"</p>"
    text, encoding = decode_html(data)
    assert encoding == "cp1258"
    assert SENTENCE in unicodedata.normalize("NFC", text)


def test_a_utf8_page_mislabelled_as_windows_1252_is_read_as_utf8():
    data = b'<meta charset="windows-1252"><p>' + SENTENCE.encode() + b"</p>"
    assert decode_html(data) == (data.decode("utf-8"), "utf-8")


def test_a_real_windows_1252_page_stays_windows_1252():
    data = '<meta charset="iso-8859-1"><p>Café “Pâtisserie”</p>'.encode("cp1252")
    text, encoding = decode_html(data)
    assert encoding == "cp1252" and "Café “Pâtisserie”" in text


def test_boms_win_and_bad_bytes_do_not_raise():
    utf16 = codecs.BOM_UTF16_LE + f"<p>{SENTENCE}</p>".encode("utf-16-le")
    assert decode_html(utf16) == (f"<p>{SENTENCE}</p>", "utf-16-le")
    broken = b'<meta charset="utf-8"><p>' + SENTENCE.encode() + b"\xff\xfe</p>"
    text, encoding = decode_html(broken)
    assert encoding == "utf-8" and SENTENCE in text and "\ufffd" in text


# --- legacy fonts (Word's "Save as Web Page" and its clipboard HTML) ---------------------------


def test_text_in_legacy_fonts_is_converted_and_named():
    page = (
        "<html><body><p class=MsoNormal><span style='font-size:14.0pt;"
        'font-family:".VnTime",serif\'>Uû ban nh©n d©n tØnh</span> '
        "<span style='font-family:\"Times New Roman\"'>Õ giữ nguyên</span></p>"
        "<p><font face='VNI-Times'>Tieáng Vieät</font></p></body></html>"
    )
    imported = read_html(page.encode("utf-8"), "word.htm")
    assert imported.blocks == [
        RawBlock("Uỷ ban nhân dân tỉnh Õ giữ nguyên", None),
        RawBlock("Tiếng Việt", None),
    ]
    assert imported.encoding == "tcvn3"


@pytest.mark.parametrize("label", ["base64", "rot13", "utf-16", "no-such-charset", "zlib"])
def test_a_nonsense_charset_label_falls_back_without_raising(label: str):
    data = f'<meta charset="{label}"><p>{SENTENCE}</p>'.encode()
    text, encoding = decode_html(data)
    assert encoding == "utf-8" and SENTENCE in text
