"""User settings, Qt-free: declared once with their defaults, stored as JSON.

Only what belongs to the person at this computer lives here (language, recent archives).
What belongs to an archive (organisation name, layout) lives in the archive itself.
Window geometry and dock layout are the GUI's business (QSettings).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import platformdirs

APP_NAME = "press-workbench"
MAX_RECENT = 8


def config_dir() -> Path:
    """The per-user folder for settings."""
    return platformdirs.user_config_path(APP_NAME, False)


def data_dir() -> Path:
    """The per-user folder for data: the default archive and its backups."""
    return platformdirs.user_data_path(APP_NAME, False)


def default_archive_path() -> Path:
    """The archive used when neither --archive nor $WORKBENCH_ARCHIVE names one."""
    return data_dir() / "archive.sqlite3"


@dataclass
class Settings:
    """Every user setting with its default."""

    language: str = "vi"
    recent_archives: list[str] = field(default_factory=list)
    last_import_dir: str = ""
    last_export_dir: str = ""
    organisation_asked: bool = False  # the first-run question about the office was answered

    def remember_archive(self, path: Path) -> None:
        """Put ``path`` first in the recent archives list."""
        entry = str(Path(path).resolve())
        self.recent_archives = [entry, *(p for p in self.recent_archives if p != entry)]
        del self.recent_archives[MAX_RECENT:]


def settings_file() -> Path:
    return config_dir() / "settings.json"


def load_settings() -> Settings:
    """The saved settings; defaults for anything missing, unknown or unreadable."""
    try:
        raw = json.loads(settings_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    known = {f.name: f.type for f in fields(Settings)}
    defaults = Settings()
    values = {
        key: value
        for key, value in (raw.items() if isinstance(raw, dict) else [])
        if key in known and isinstance(value, type(getattr(defaults, key)))
    }
    return Settings(**values)


def save_settings(settings: Settings) -> None:
    """Write the settings atomically (a crash never leaves half a file)."""
    path = settings_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)
