"""The zip checks run before any .docx part is inflated (DOMAIN.md §6b).

Every hostile package here is real: written with :mod:`zipfile` (streamed, so a 1 GB bomb
costs the test about a megabyte) or patched byte by byte where zipfile cannot write the
attack (encrypted flags, lying sizes); the old .doc is a real OLE2 compound file.
"""

from __future__ import annotations

import io
import os
import struct
import tracemalloc
import zipfile

import docx
import pytest

from workbench.core.errors import ImportRefused
from workbench.formats import safezip
from workbench.formats.safezip import BoundedReader, MemberTooLarge, open_package

REQUIRED = ("[Content_Types].xml", "word/document.xml")
CONTENT_TYPES = b'<?xml version="1.0"?><Types xmlns="x"/>'


def real_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Hội nghị tổng kết công tác dân vận")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def zip_of(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def space_bomb(size: int) -> bytes:
    """A .docx-shaped zip whose document.xml inflates to ``size`` bytes of spaces."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b" " * (1 << 20)
            for _ in range(size >> 20):
                member.write(chunk)
    return buffer.getvalue()


def ole2_file(streams: dict[str, bytes]) -> bytes:
    """A minimal real OLE2 compound file (v3, 512-byte sectors, streams >= 4096 bytes)."""
    end, free, fat_sect = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    fat = [fat_sect, end]
    data, starts = b"", []
    for content in streams.values():
        content = content.ljust(max(4096, len(content)), b"\0")
        content += b"\0" * (-len(content) % 512)
        first = 2 + len(data) // 512
        count = len(content) // 512
        starts.append((first, len(content)))
        fat += [*range(first + 1, first + count), end]
        data += content
    fat += [free] * (128 - len(fat))
    assert len(fat) == 128, "the test helper holds one FAT sector"

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBBIII", len(encoded), kind, 1, free, right, child)
            + b"\0" * 36
            + struct.pack("<IQ", start, size)
        )

    names = list(streams)
    directory = entry("Root Entry", 5, 1, free, end, 0)
    for index, (stream, (start, size)) in enumerate(zip(names, starts, strict=True), start=1):
        right = index + 1 if index < len(names) else free
        directory += entry(stream, 2, free, right, start, size)
    directory = directory.ljust(512, b"\0")
    header = (
        safezip.OLE2_MAGIC
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
        + struct.pack("<I", 0)
        + b"\xff" * (108 * 4)
    )
    assert len(header) == 512
    return header + struct.pack("<128I", *fat) + directory + data


def patch_central_directory(data: bytes, member: str, **changes: int) -> bytes:
    """Rewrite fields of ``member``'s central-directory entry (and flags in its local header)."""
    patched = bytearray(data)
    archive = zipfile.ZipFile(io.BytesIO(data))
    info = archive.getinfo(member)
    at = 0
    while True:
        at = data.find(b"PK\x01\x02", at)
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + name_len] == member.encode():
            break
        at += 4
    if "flags" in changes:
        struct.pack_into("<H", patched, at + 8, changes["flags"])
        struct.pack_into("<H", patched, info.header_offset + 6, changes["flags"])
    if "file_size" in changes:
        struct.pack_into("<I", patched, at + 24, changes["file_size"])
    return bytes(patched)


def refusal(data: bytes, name: str = "report.docx") -> str:
    with pytest.raises(ImportRefused) as caught:
        open_package(data, name, required=REQUIRED)
    message = str(caught.value)
    assert name in message
    assert "\n" not in message
    return message


def test_a_real_docx_opens_and_its_parts_read_back():
    with open_package(real_docx(), "report.docx", required=REQUIRED) as package:
        assert package.has("word/document.xml")
        xml = package.read("word/document.xml", cap=10_000_000)
    assert xml.startswith(b"<?xml")
    assert "Hội nghị".encode() in xml


def test_an_empty_file_is_refused():
    assert "empty" in refusal(b"")


def test_plain_text_is_not_a_word_document():
    message = refusal("Hội nghị tổng kết".encode())
    assert "not a Word document (.docx)" in message


def test_a_pdf_renamed_docx_is_named_as_a_pdf():
    assert "PDF" in refusal(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")


def test_an_old_word_97_document_is_named_as_doc():
    data = ole2_file({"WordDocument": os.urandom(5000), "1Table": os.urandom(4096)})
    message = refusal(data, "old.docx")
    assert ".doc" in message and "97-2003" in message
    assert safezip.ole2_kind(data) == "doc"


def test_a_password_protected_docx_says_so():
    # Office writes an encrypted .docx as an OLE2 file with these two streams.
    data = ole2_file({"EncryptionInfo": os.urandom(4096), "EncryptedPackage": os.urandom(9000)})
    assert "password-protected" in refusal(data)


def test_a_truncated_docx_is_refused_as_incomplete():
    data = real_docx()
    message = refusal(data[: len(data) // 2])
    assert "incomplete" in message


def test_a_damaged_member_is_refused_when_read():
    data = bytearray(
        zip_of({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": b"x" * 500})
    )
    at = data.find(b"word/document.xml") + len("word/document.xml")  # local header's data
    data[at + 2] ^= 0xFF
    with (
        open_package(bytes(data), "bad.docx", required=REQUIRED) as package,
        pytest.raises(ImportRefused, match=r"bad\.docx is damaged"),
    ):
        package.read("word/document.xml", cap=10_000)


def test_a_missing_document_part_is_named():
    data = zip_of({"[Content_Types].xml": CONTENT_TYPES, "word/styles.xml": b"<x/>"})
    assert "word/document.xml is missing" in refusal(data)


def test_a_space_bomb_is_refused_from_the_directory_alone():
    bomb = space_bomb(1 << 30)  # 1 GB of spaces in about 1 MB
    assert len(bomb) < 2_000_000
    tracemalloc.start()
    try:
        message = refusal(bomb)
    finally:
        _size, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert peak < 20_000_000
    assert "too large" in message or "zip bomb" in message


def test_a_highly_compressed_member_under_the_size_cap_is_refused_by_ratio():
    bomb = space_bomb(64 << 20)
    assert "zip bomb" in refusal(bomb)


def test_too_many_members_are_refused_before_zipfile_parses_them():
    members = {f"word/media/p{i}.txt": b"" for i in range(safezip.MAX_MEMBERS + 1)}
    members.update({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": b"<x/>"})
    assert "parts" in refusal(zip_of(members, zipfile.ZIP_STORED))


def test_the_total_size_is_capped(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(safezip, "MAX_TOTAL_SIZE", 1_000_000)
    members = {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": b"<x/>"}
    members |= {f"word/media/image{i}.png": os.urandom(400_000) for i in range(3)}
    assert "too large" in refusal(zip_of(members))


def test_an_encrypted_member_is_refused():
    data = zip_of({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": b"<x/>" * 50})
    data = patch_central_directory(data, "word/document.xml", flags=0x1)
    assert "encrypted" in refusal(data)


def test_a_compression_method_word_never_writes_is_refused():
    data = zip_of(
        {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": b"<x/>"}, zipfile.ZIP_BZIP2
    )
    assert "compression method" in refusal(data)


def test_a_part_listed_twice_is_refused():
    buffer = io.BytesIO()
    with (
        pytest.warns(UserWarning, match="Duplicate"),
        zipfile.ZipFile(buffer, "w") as archive,
    ):
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", b"<a/>")
        archive.writestr("word/document.xml", b"<b/>")
    assert "listed twice" in refusal(buffer.getvalue())


def test_a_size_header_that_lies_cannot_inflate_past_the_declared_size():
    # 20 MB of XML compresses ~1000x; the directory claims 100x the packed size instead.
    real = b"<w:p/>" * 3_500_000
    data = zip_of({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": real})
    packed = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml").compress_size
    data = patch_central_directory(data, "word/document.xml", file_size=packed * 90)
    tracemalloc.start()
    try:
        with (
            open_package(data, "liar.docx", required=REQUIRED) as package,
            pytest.raises(ImportRefused, match=r"liar\.docx is damaged"),
        ):
            package.read("word/document.xml", cap=64_000_000)
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 10_000_000


def test_a_member_declared_over_the_cap_is_refused_before_reading():
    data = zip_of({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": os.urandom(50_000)})
    with (
        open_package(data, "big.docx", required=REQUIRED) as package,
        pytest.raises(MemberTooLarge, match=r"big\.docx is too large"),
    ):
        package.read("word/document.xml", cap=10_000)


def test_the_bounded_reader_stops_at_its_cap_whatever_the_stream_holds():
    endless = io.BytesIO(b"a" * 5_000_000)
    reader = BoundedReader(endless, 1_000_000, "x.docx", "word/document.xml")
    with pytest.raises(MemberTooLarge):
        reader.read()
    assert endless.tell() <= 1_000_000 + safezip.CHUNK_SIZE
    exact = BoundedReader(io.BytesIO(b"b" * 1000), 1000, "x.docx", "p")
    assert exact.read() == b"b" * 1000
