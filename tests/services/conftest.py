"""Archive fixtures: ``db``, a migrated archive file in ``tmp_path``."""

from tests.archive_factory import db

__all__ = ["db"]
