"""The time stamps services write (UTC, ISO 8601 to the second)."""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> str:
    """The current UTC time, e.g. ``"2024-05-01T08:30:00+00:00"``."""
    return datetime.now(UTC).isoformat(timespec="seconds")
