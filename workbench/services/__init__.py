"""Use cases the GUI and the CLI call: plain values in, plain values out."""
