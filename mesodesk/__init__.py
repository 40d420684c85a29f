"""MesoDesk: offline records for scalp mesotherapy clinics."""

from typing import Any


def __getattr__(name: str) -> Any:
    """`__version__`, looked up on first use: importlib.metadata costs the start-up ~40 ms."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("mesodesk")
    except PackageNotFoundError:  # running from a source tree or a frozen build without metadata
        found = "0.1.0"
    globals()["__version__"] = found
    return found
