"""``python -m workbench.cli``: the command line without the window."""

from workbench.cli import main

if __name__ == "__main__":
    main()
