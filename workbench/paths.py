"""Where the packaged read-only resources live (templates, data, translations, samples).

In a wheel they are ``workbench/resources``; in a source checkout (editable install) they are
the repository's top-level ``resources/`` folder.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_dir() -> Path:
    """The folder that holds the packaged resources."""
    packaged = Path(str(resources.files("workbench"))) / "resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """A file under the resources folder, e.g. ``resource_path("data", "titles.json")``."""
    return resource_dir().joinpath(*parts)
