"""What the bundled executables run: the same entry point as the ``ikmdesk`` command."""

from ikmdesk.cli import entry_point

if __name__ == "__main__":
    entry_point()
