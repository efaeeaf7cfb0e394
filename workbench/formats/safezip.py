"""Open an Office zip package without trusting it (DOMAIN.md §6b).

Everything is checked from the zip's own directory before a single member is inflated: the
number of members, each member's and the total uncompressed size, the compression ratio, the
compression method, encryption, and the parts the caller needs. Members are then read through
a bounded reader that stops at a cap even when a header lies about the size.

Measured in DOMAIN.md §6b: a 1 MB .docx holding 1 GB of spaces took 2.1 GB of memory in
python-docx; these checks refuse it in well under a millisecond.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Iterable
from typing import IO

from workbench.core.errors import ImportRefused, display_name
from workbench.i18n import N_, _

#: Most members a package may list. A report with photos has a few dozen.
MAX_MEMBERS = 2_000
#: Largest central directory we let :mod:`zipfile` parse (each entry becomes a Python object).
MAX_DIRECTORY_BYTES = 2 * 1024 * 1024
#: Largest uncompressed size of any one member (a big photo is a few tens of MB).
MAX_MEMBER_SIZE = 256 * 1024 * 1024
#: Largest uncompressed size of all members together.
MAX_TOTAL_SIZE = 512 * 1024 * 1024
#: Highest compression ratio (uncompressed / compressed) allowed for a member larger than
#: :data:`RATIO_MIN_SIZE`. Word's XML compresses 5-20x; a bomb of spaces compresses ~1000x.
MAX_RATIO = 100
#: Members smaller than this are not ratio-checked: they cannot hurt whatever their ratio.
RATIO_MIN_SIZE = 1024 * 1024
#: Chunk size of the bounded reader.
CHUNK_SIZE = 64 * 1024

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
_EMPTY_ZIP_MAGIC = b"PK\x05\x06"
_EOCD = b"PK\x05\x06"
_EOCD64_LOCATOR = b"PK\x06\x07"
_EOCD64 = b"PK\x06\x06"
_ALLOWED_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)

DOCX_LABEL = N_("a Word document (.docx)")


class MemberTooLarge(ImportRefused):
    """A member inflated past the cap its reader was given."""


class SafeZip:
    """A zip package whose directory passed :func:`open_package`'s checks."""

    def __init__(self, archive: zipfile.ZipFile, name: str) -> None:
        self._zip = archive
        self.name = name
        self._infos = {info.filename: info for info in archive.infolist()}

    def has(self, member: str) -> bool:
        """Whether the package holds ``member`` (a part name without a leading slash)."""
        return member in self._infos

    def size(self, member: str) -> int:
        """The uncompressed size the directory declares for ``member``."""
        return self._infos[member].file_size

    def open(self, member: str, cap: int) -> BoundedReader:
        """A file object over ``member`` that raises :class:`MemberTooLarge` past ``cap`` bytes.

        Raises ``KeyError`` if the member is absent and :class:`ImportRefused` if the declared
        size already exceeds ``cap``.
        """
        info = self._infos[member]
        if info.file_size > cap:
            raise MemberTooLarge(_too_large(self.name, member, cap))
        try:
            raw = self._zip.open(info)
        except (zipfile.BadZipFile, NotImplementedError, OSError, ValueError) as error:
            raise ImportRefused(
                _("{name} is damaged: its part {part} cannot be read ({error}).").format(
                    name=self.name, part=display_name(member), error=error
                )
            ) from error
        return BoundedReader(raw, cap, self.name, member)

    def read(self, member: str, cap: int) -> bytes:
        """The whole of ``member``, inflated in chunks and never past ``cap`` bytes.

        Raises :class:`MemberTooLarge` past the cap and :class:`ImportRefused` if the member
        is damaged (bad CRC, truncated data).
        """
        with self.open(member, cap) as reader:
            return reader.read()

    def close(self) -> None:
        """Close the underlying zip file."""
        self._zip.close()

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class BoundedReader(io.RawIOBase):
    """Reads a zip member in chunks and refuses to go past ``cap`` bytes of output."""

    def __init__(self, raw: IO[bytes], cap: int, name: str, member: str) -> None:
        super().__init__()
        self._raw, self._cap, self._name, self._member = raw, cap, name, member
        self._count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        want = min(len(buffer), CHUNK_SIZE, self._cap - self._count + 1)
        try:
            chunk = self._raw.read(want)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError) as error:
            raise ImportRefused(
                _("{name} is damaged: its part {part} cannot be read ({error}).").format(
                    name=self._name, part=display_name(self._member), error=error
                )
            ) from error
        self._count += len(chunk)
        if self._count > self._cap:
            raise MemberTooLarge(_too_large(self._name, self._member, self._cap))
        buffer[: len(chunk)] = chunk
        return len(chunk)

    def read(self, size: int = -1) -> bytes:
        if size is not None and size >= 0:
            return super().read(size)
        parts = []
        while chunk := super().read(CHUNK_SIZE):
            parts.append(chunk)
        return b"".join(parts)

    def close(self) -> None:
        self._raw.close()
        super().close()


def open_package(
    data: bytes, name: str, required: Iterable[str] = (), label: str = DOCX_LABEL
) -> SafeZip:
    """Check a zip package's directory and open it.

    ``name`` is the file name used in messages, ``label`` says what the file should be
    ("a Word document (.docx)"), ``required`` lists the members that must be present.

    Raises :class:`ImportRefused` for an empty file, an old binary Office file or a
    password-protected one (OLE2), anything that is not a zip, a truncated or damaged zip,
    too many members, a member or a total too large, a suspicious compression ratio, an
    encrypted member, an unusual compression method, duplicate members or a missing part.
    """
    _refuse_non_zip(data, name, label)
    _check_directory_size(data, name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise ImportRefused(
            _("{name} is damaged or incomplete: its zip structure cannot be read.").format(
                name=name
            )
        ) from error
    try:
        _check_members(archive.infolist(), name)
        for member in required:
            if member not in archive.NameToInfo:
                raise ImportRefused(
                    _("{name} is not {label}: the part {part} is missing.").format(
                        name=name, label=_(label), part=display_name(member)
                    )
                )
    except ImportRefused:
        archive.close()
        raise
    return SafeZip(archive, name)


def ole2_kind(data: bytes) -> str:
    """What an OLE2 compound file is: ``"encrypted"`` (an encrypted Office 2007+ file),
    ``"doc"`` (a Word 97-2003 document) or ``"other"``.

    OLE2 directory entries hold stream names in UTF-16LE; an encrypted .docx is an OLE2 file
    with ``EncryptionInfo`` and ``EncryptedPackage`` streams.
    """
    if "EncryptedPackage".encode("utf-16-le") in data:
        return "encrypted"
    if "WordDocument".encode("utf-16-le") in data:
        return "doc"
    return "other"


def _refuse_non_zip(data: bytes, name: str, label: str) -> None:
    if not data:
        raise ImportRefused(_("{name} is empty (0 bytes).").format(name=name))
    if data.startswith(OLE2_MAGIC):
        kind = ole2_kind(data)
        if kind == "encrypted":
            raise ImportRefused(
                _(
                    "{name} is password-protected: remove the password in Word "
                    "(File > Info > Protect Document) and import it again."
                ).format(name=name)
            )
        if kind == "doc":
            raise ImportRefused(
                _(
                    "{name} is an old Word 97-2003 document (.doc), not {label}: "
                    "open it in Word or LibreOffice and save it as .docx."
                ).format(name=name, label=_(label))
            )
        raise ImportRefused(
            _(
                "{name} is an old Office binary file, not {label}: "
                "open it in its program and save it in a current format."
            ).format(name=name, label=_(label))
        )
    if data.startswith(ZIP_MAGIC) or data.startswith(_EMPTY_ZIP_MAGIC):
        return
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF"):
        message = _("{name} is not {label}: it is a PDF file.")
    elif head.startswith(b"{\\rtf"):
        message = _("{name} is not {label}: it is an RTF file (save it as .docx in Word).")
    else:
        message = _("{name} is not {label}: it is not a zip package.")
    raise ImportRefused(message.format(name=name, label=_(label)))


def _check_directory_size(data: bytes, name: str) -> None:
    """Read the end-of-central-directory record and refuse huge directories before
    :mod:`zipfile` turns every entry into an object."""
    at = data.rfind(_EOCD, max(0, len(data) - 65_557))
    if at < 0 or len(data) < at + 22:
        raise ImportRefused(
            _(
                "{name} is damaged or incomplete: the end of the zip package is missing "
                "(the file may have been cut short)."
            ).format(name=name)
        )
    entries, cd_size = struct.unpack_from("<HI", data, at + 10)
    if entries == 0xFFFF or cd_size == 0xFFFFFFFF:
        entries, cd_size = _zip64_counts(data, at, name)
    if entries > MAX_MEMBERS:
        raise ImportRefused(_too_many(name, entries))
    if cd_size > MAX_DIRECTORY_BYTES:
        raise ImportRefused(
            _(
                "{name} has a zip directory of {size}, more than the {limit} allowed; "
                "it was refused as a possible zip bomb."
            ).format(name=name, size=_mb(cd_size), limit=_mb(MAX_DIRECTORY_BYTES))
        )


def _zip64_counts(data: bytes, eocd_at: int, name: str) -> tuple[int, int]:
    locator = eocd_at - 20
    if locator < 0 or data[locator : locator + 4] != _EOCD64_LOCATOR:
        return struct.unpack_from("<HI", data, eocd_at + 10)
    (offset,) = struct.unpack_from("<Q", data, locator + 8)
    if offset + 56 > len(data) or data[offset : offset + 4] != _EOCD64:
        raise ImportRefused(
            _("{name} is damaged: its zip64 directory record is invalid.").format(name=name)
        )
    entries, cd_size = struct.unpack_from("<QQ", data, offset + 32)
    return entries, cd_size


def _check_members(infos: list[zipfile.ZipInfo], name: str) -> None:
    if len(infos) > MAX_MEMBERS:
        raise ImportRefused(_too_many(name, len(infos)))
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        raise ImportRefused(
            _("{name} is damaged: a part is listed twice in its zip directory.").format(name=name)
        )
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise ImportRefused(
                _("{name} is encrypted: its part {part} needs a password.").format(
                    name=name, part=display_name(info.filename)
                )
            )
        if info.compress_type not in _ALLOWED_METHODS:
            raise ImportRefused(
                _(
                    "{name} uses a compression method Office never writes "
                    "(method {method} in {part}); it was refused."
                ).format(name=name, method=info.compress_type, part=display_name(info.filename))
            )
        if info.file_size > MAX_MEMBER_SIZE:
            raise ImportRefused(
                _(
                    "{name} is too large: its part {part} would unpack to {size}, "
                    "more than the {limit} allowed."
                ).format(
                    name=name,
                    part=display_name(info.filename),
                    size=_mb(info.file_size),
                    limit=_mb(MAX_MEMBER_SIZE),
                )
            )
        if info.file_size > RATIO_MIN_SIZE and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise ImportRefused(
                _(
                    "{name} looks like a zip bomb: its part {part} would unpack "
                    "from {packed} to {size}; it was refused."
                ).format(
                    name=name,
                    part=display_name(info.filename),
                    packed=_mb(info.compress_size),
                    size=_mb(info.file_size),
                )
            )
        total += info.file_size
    if total > MAX_TOTAL_SIZE:
        raise ImportRefused(
            _(
                "{name} is too large: it would unpack to {size}, more than the {limit} allowed."
            ).format(name=name, size=_mb(total), limit=_mb(MAX_TOTAL_SIZE))
        )


def _too_large(name: str, member: str, cap: int) -> str:
    return _("{name} is too large: its part {part} unpacks to more than {limit}.").format(
        name=name, part=display_name(member), limit=_mb(cap)
    )


def _too_many(name: str, count: int) -> str:
    return _(
        "{name} holds {count} parts, more than the {limit} allowed; "
        "it was refused as a possible zip bomb."
    ).format(name=name, count=f"{count:,}", limit=f"{MAX_MEMBERS:,}")


def _mb(size: int) -> str:
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):,.0f} MB"
