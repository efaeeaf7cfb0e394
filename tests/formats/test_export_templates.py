"""Exporting through a template: the office's restyling is followed; a broken or foreign
template, or one missing a style, is a clear error; Word's built-in styles are completed;
nothing outside the file is referenced."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from tests.formats.docxcheck import (
    W,
    assert_decree_page,
    assert_fonts,
    paragraphs_with_style,
    part_xml,
    rels_parts,
    style_element,
)
from tests.formats.sample_reports import office, report_000
from workbench.core.errors import ExportFailed
from workbench.formats import docx_styles as st
from workbench.formats.bulletin import write_bulletin
from workbench.formats.docx_document import packaged_template
from workbench.formats.export_docx import write_press_release

FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")


def test_restyled_template_is_followed(tmp_path: Path):
    template = tmp_path / "house.docx"
    doc = docx.Document(str(packaged_template("press_release.docx")))
    doc.styles[st.BODY].font.size = Pt(13)
    doc.styles[st.BODY].font.name = "Arial"
    doc.add_paragraph("sample text the exporter must clear")
    doc.save(str(template))
    path = write_press_release(report_000(), office(), tmp_path / "r.docx", template=template)
    out = docx.Document(str(path))
    assert out.styles[st.BODY].font.size == Pt(13)
    fonts = style_element(out, st.BODY).find(f"{W}rPr/{W}rFonts")
    assert [fonts.get(f"{W}{slot}") for slot in FONT_SLOTS] == ["Arial"] * 4
    assert "sample text" not in "".join(part_xml(path, "word/document.xml").itertext())


def _template_without(tmp_path: Path, packaged: str, *names: str) -> Path:
    """The packaged template with the styles ``names`` deleted, as an office might in Word."""
    template = tmp_path / "old.docx"
    doc = docx.Document(str(packaged_template(packaged)))
    for name in names:
        element = style_element(doc, name)
        element.getparent().remove(element)
    doc.save(str(template))
    return template


def test_template_without_a_style_is_refused_naming_it(tmp_path: Path):
    template = _template_without(tmp_path, "press_release.docx", st.LEAD)
    with pytest.raises(ExportFailed) as caught:
        write_press_release(report_000(), office(), tmp_path / "r.docx", template=template)
    assert str(caught.value) == (
        "The template old.docx has no style «WB Lead»; restore it in Word or choose another "
        "template."
    )
    assert not (tmp_path / "r.docx").exists()


def test_template_without_several_styles_names_each(tmp_path: Path):
    template = _template_without(tmp_path, "press_release.docx", st.TASK, st.SOURCE)
    with pytest.raises(ExportFailed, match="has no styles «WB Task», «WB Source»; restore them"):
        write_press_release(report_000(), office(), tmp_path / "r.docx", template=template)


def test_bulletin_template_without_a_style_is_refused(tmp_path: Path):
    template = _template_without(tmp_path, "bulletin.docx", st.CLOSING)
    with pytest.raises(ExportFailed, match=r"old\.docx has no style «WB Closing»"):
        write_bulletin([report_000()], office(), tmp_path / "b.docx", template=template)
    assert not (tmp_path / "b.docx").exists()


@pytest.mark.parametrize(
    ("renamed", "kind"),
    [("wb lead", "paragraph"), ("Đoạn mở đầu", "paragraph"), ("WB Lead", "character")],
)
def test_renamed_or_retyped_style_counts_as_missing(tmp_path: Path, renamed: str, kind: str):
    """The writer looks styles up by their exact name, as paragraph styles."""
    template = tmp_path / "old.docx"
    doc = docx.Document(str(packaged_template("press_release.docx")))
    lead = style_element(doc, st.LEAD)
    lead.find(f"{W}name").set(f"{W}val", renamed)
    lead.set(f"{W}type", kind)
    doc.save(str(template))
    with pytest.raises(ExportFailed, match="has no style «WB Lead»"):
        write_press_release(report_000(), office(), tmp_path / "r.docx", template=template)


def test_only_the_styles_of_the_layout_are_required(tmp_path: Path):
    """A government body may delete "WB Party" from its template, a Party body the motto."""
    no_party = _template_without(tmp_path, "press_release.docx", st.PARTY)
    path = write_press_release(report_000(), office(), tmp_path / "g.docx", template=no_party)
    assert paragraphs_with_style(docx.Document(str(path)), st.MOTTO)
    with pytest.raises(ExportFailed, match="no style «WB Party»"):
        write_press_release(report_000(), office("party"), tmp_path / "p.docx", template=no_party)
    no_motto = _template_without(tmp_path, "press_release.docx", st.NATIONAL, st.MOTTO)
    path = write_press_release(
        report_000(), office("party"), tmp_path / "p.docx", template=no_motto
    )
    assert paragraphs_with_style(docx.Document(str(path)), st.PARTY)


def test_packaged_templates_have_every_style_the_exporters_use():
    for name, styles in (
        ("press_release.docx", st.PRESS_RELEASE_STYLES),
        ("bulletin.docx", st.BULLETIN_STYLES),
    ):
        doc = docx.Document(str(packaged_template(name)))
        assert [s for s in styles if st.find_style(doc, s) is None] == [], name


def test_plain_word_document_as_template_names_the_styles_it_lacks(tmp_path: Path):
    template = tmp_path / "plain.docx"
    docx.Document().save(str(template))
    with pytest.raises(ExportFailed) as caught:
        write_press_release(report_000(), office(), tmp_path / "r.docx", template=template)
    message = str(caught.value)
    assert message.startswith("The template plain.docx has no styles «WB Header Body», ")
    assert message.endswith(" more; restore them in Word or choose another template.")
    assert "\n" not in message and "Normal" not in message


def test_word_built_in_styles_are_completed(tmp_path: Path):
    """A plain Word document given our "WB" styles, but with theme fonts, none of Word's "Header"
    style and no page numbers, exports to Times New Roman everywhere with numbered pages; its
    Letter page is kept."""
    template = tmp_path / "plain.docx"
    doc = docx.Document()
    header = style_element(doc, st.PAGE_HEADER)
    header.getparent().remove(header)
    for name in st.PRESS_RELEASE_STYLES:
        if name.startswith("WB "):
            st.define_style(doc, name)
    doc.save(str(template))
    assert b"asciiTheme" in zipfile.ZipFile(template).read("word/styles.xml")
    path = write_press_release(report_000(), office(), tmp_path / "r.docx", template=template)
    assert_fonts(path)
    doc = docx.Document(str(path))
    assert paragraphs_with_style(doc, st.LEAD) and paragraphs_with_style(doc, st.TASK)
    section = doc.sections[-1]
    assert section.different_first_page_header_footer
    assert "PAGE" in [
        (el.text or "").strip() for el in section.header._element.iter(f"{W}instrText")
    ]
    assert round(section.page_width.mm) == 216  # the template's Letter page is respected


def test_word_template_file_dotx_is_accepted(tmp_path: Path):
    dotx = tmp_path / "house.dotx"
    main = "wordprocessingml.document.main+xml"
    with (
        zipfile.ZipFile(packaged_template("press_release.docx")) as src,
        zipfile.ZipFile(dotx, "w") as dst,
    ):
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(main.encode(), b"wordprocessingml.template.main+xml")
            dst.writestr(item, data)
    path = write_press_release(report_000(), office(), tmp_path / "r.docx", template=dotx)
    assert paragraphs_with_style(docx.Document(str(path)), st.HEADLINE)


def test_external_template_reference_is_dropped(tmp_path: Path):
    template = tmp_path / "word.docx"
    doc = docx.Document(str(packaged_template("press_release.docx")))
    rid = doc.part._settings_part.relate_to(
        "file:///C:/Users/x/Normal.dotm",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate",
        is_external=True,
    )
    attached = doc.settings.element.makeelement(f"{W}attachedTemplate")
    attached.set("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", rid)
    doc.settings.element.insert(0, attached)
    doc.save(str(template))
    assert any(b"Normal.dotm" in rels for rels in rels_parts(template))
    path = write_press_release(report_000(), office(), tmp_path / "r.docx", template=template)
    assert not any(b"Normal.dotm" in rels or b"External" in rels for rels in rels_parts(path))
    assert part_xml(path, "word/settings.xml").find(f"{W}attachedTemplate") is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot be read"),
        (b"not a zip at all", "cannot be used"),
        (b"PK\x03\x04garbage", "cannot be used"),
    ],
)
def test_missing_or_corrupt_template_is_a_clear_error(tmp_path: Path, content, message):
    template = tmp_path / "house.docx"
    if content is not None:
        template.write_bytes(content)
    with pytest.raises(ExportFailed, match=message) as caught:
        write_press_release(report_000(), office(), tmp_path / "r.docx", template=template)
    assert "\n" not in str(caught.value) and "house.docx" in str(caught.value)
    assert not (tmp_path / "r.docx").exists()


WNS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _patched_template(tmp_path: Path, replace: dict[str, bytes]) -> Path:
    template = tmp_path / "house.docx"
    with (
        zipfile.ZipFile(packaged_template("press_release.docx")) as src,
        zipfile.ZipFile(template, "w") as dst,
    ):
        for item in src.infolist():
            dst.writestr(item.filename, replace.get(item.filename, src.read(item)))
    return template


@pytest.mark.parametrize(
    "replace",
    [
        {"word/document.xml": b"<foo/>"},
        {"word/document.xml": b"<w:document"},
        {"word/document.xml": f"<w:document {WNS}/>".encode()},
        {"word/styles.xml": b"<foo/>"},
    ],
    ids=["foreign-root", "broken-xml", "no-body", "foreign-styles"],
)
def test_damaged_template_parts_are_a_clear_error(tmp_path: Path, replace):
    template = _patched_template(tmp_path, replace)
    with pytest.raises(ExportFailed, match=r"house\.docx is not a usable Word document"):
        write_press_release(report_000(), office(), tmp_path / "r.docx", template=template)


def test_template_without_page_settings_gets_decree_30_page(tmp_path: Path):
    body = f"<w:document {WNS}><w:body><w:p/></w:body></w:document>".encode()
    template = _patched_template(tmp_path, {"word/document.xml": body})
    path = write_press_release(report_000(), office(), tmp_path / "r.docx", template=template)
    assert_decree_page(path)


def test_zip_that_is_not_a_word_document_is_refused(tmp_path: Path):
    template = tmp_path / "house.docx"
    with zipfile.ZipFile(template, "w") as package:
        package.writestr("hello.txt", "hi")
    with pytest.raises(ExportFailed, match="template"):
        write_press_release(report_000(), office(), tmp_path / "r.docx", template=template)
