"""The PySide6 desktop window. The only layer that imports Qt."""
