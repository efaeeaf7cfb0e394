"""Press Workbench: an offline editorial workbench for Vietnamese press offices."""

__version__ = "0.1.0"
