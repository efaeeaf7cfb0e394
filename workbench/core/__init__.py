"""Pure-Python domain: reports, text cleaning, analysis. No Qt, no SQLite, no file I/O."""
