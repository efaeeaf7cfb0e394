"""``python -m workbench``: the same entry point as the ``workbench`` command."""

from workbench.main import main

if __name__ == "__main__":
    main()
