"""Windows .ico and macOS .icns files made from the committed PNGs, in pure Python.

Both formats may hold PNG images as they are (.ico since Windows Vista, .icns since macOS 10.7),
so no image library and no ``iconutil`` is needed: the spec builds them on the platform that
needs them, and ``python packaging/iconfile.py OUTDIR`` writes both and reads them back (build.sh
runs it on every platform, so a broken writer fails the Linux CI too).
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# .icns element types that hold a PNG of the given size (retina variants reuse the same PNGs).
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08"}


def icon_pngs() -> dict[int, bytes]:
    """The committed PNGs by size: {16: b"\\x89PNG...", 32: ...}."""
    pngs = {}
    for path in sorted(ICONS.glob("press-workbench-*.png")):
        data = path.read_bytes()
        width, height = png_size(data)
        if width != height:
            raise ValueError(f"{path.name} is not square ({width}x{height})")
        pngs[width] = data
    if not pngs:
        raise FileNotFoundError(f"no press-workbench-*.png in {ICONS}")
    return dict(sorted(pngs.items()))


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from a PNG's header; raises ValueError for anything else."""
    if data[:8] != PNG_SIGNATURE or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return struct.unpack(">II", data[16:24])


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .ico holding the PNGs of 256 px and less (the largest size .ico allows)."""
    images = [(size, data) for size, data in sorted(pngs.items()) if size <= 256]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, payload = b"", b""
    for size, data in images:
        dim = 0 if size == 256 else size  # 0 means 256 in an .ico directory entry
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        payload += data
    return header + entries + payload


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .icns holding every PNG whose size has a PNG element type."""
    body = b"".join(
        ICNS_TYPES[size] + struct.pack(">I", 8 + len(data)) + data
        for size, data in sorted(pngs.items())
        if size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def read_ico(data: bytes) -> dict[int, bytes]:
    """The PNGs of an .ico by size; raises ValueError when the file is malformed."""
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    if reserved != 0 or kind != 1 or count == 0:
        raise ValueError("not an .ico")
    images = {}
    for i in range(count):
        dim, _h, _c, _r, _p, _b, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        png = data[offset : offset + length]
        if len(png) != length or png_size(png) != ((dim or 256),) * 2:
            raise ValueError(f"bad .ico entry {i}")
        images[dim or 256] = png
    return images


def read_icns(data: bytes) -> dict[int, bytes]:
    """The PNGs of an .icns by size; raises ValueError when the file is malformed."""
    if data[:4] != b"icns" or struct.unpack(">I", data[4:8])[0] != len(data):
        raise ValueError("not an .icns")
    sizes = {kind: size for size, kind in ICNS_TYPES.items()}
    images, pos = {}, 8
    while pos < len(data):
        kind, length = data[pos : pos + 4], struct.unpack(">I", data[pos + 4 : pos + 8])[0]
        png = data[pos + 8 : pos + length]
        if kind not in sizes or length < 8 or png_size(png) != (sizes[kind],) * 2:
            raise ValueError(f"bad .icns element at {pos}")
        images[sizes[kind]] = png
        pos += length
    return images


def write_ico(path: Path) -> Path:
    """Write the .ico made from the committed PNGs to ``path``; returns ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(ico_bytes(icon_pngs()))
    return path


def write_icns(path: Path) -> Path:
    """Write the .icns made from the committed PNGs to ``path``; returns ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(icns_bytes(icon_pngs()))
    return path


def main(argv: list[str]) -> int:
    """Write press-workbench.ico and .icns into the folder argv[0], then read both back."""
    if len(argv) != 1:
        print("usage: python packaging/iconfile.py OUTDIR", file=sys.stderr)
        return 2
    out, pngs = Path(argv[0]), icon_pngs()
    ico = read_ico(write_ico(out / "press-workbench.ico").read_bytes())
    icns = read_icns(write_icns(out / "press-workbench.icns").read_bytes())
    expected_icns = {s: d for s, d in pngs.items() if s in ICNS_TYPES}
    if ico != {s: d for s, d in pngs.items() if s <= 256} or icns != expected_icns:
        print("iconfile: the icon files do not hold the PNGs they were made of", file=sys.stderr)
        return 1
    print(f"icons: .ico {sorted(ico)} px, .icns {sorted(icns)} px in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
