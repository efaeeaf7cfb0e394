"""The archive: one SQLite file through sqlite-utils, with migrations and full-text search."""
