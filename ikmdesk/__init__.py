"""IKMDesk: offline mentoring of small food industries (IKM)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ikmdesk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
