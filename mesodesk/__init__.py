"""MesoDesk: offline records for scalp mesotherapy clinics."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("mesodesk")
except PackageNotFoundError:  # running from a source tree or a frozen build without metadata
    __version__ = "0.1.0"
