"""Fixtures shared by the tests of the formats layer (importers, exporters, encodings)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable

import pytest


@pytest.fixture(scope="session")
def iconv() -> Callable[[bytes, str, str], bytes]:
    """``iconv(data, from_code, to_code)`` through the system's glibc iconv; skips the test
    when iconv or the requested conversion is not available."""
    program = shutil.which("iconv")
    if program is None:
        pytest.skip("iconv is not installed")

    def convert(data: bytes, from_code: str, to_code: str) -> bytes:
        result = subprocess.run(
            [program, "-f", from_code, "-t", to_code], input=data, capture_output=True, check=False
        )
        if result.returncode != 0:
            message = result.stderr.decode(errors="replace").strip()
            if "conversion" in message and "not supported" in message:
                pytest.skip(f"iconv cannot convert {from_code} to {to_code}")
            raise AssertionError(f"iconv {from_code} → {to_code} failed: {message}")
        return result.stdout

    return convert
