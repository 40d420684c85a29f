"""Logging for the application and the command line: a rotating file, and stderr if there is one.

A windowed (frozen) build runs with `sys.stderr = None`, so a console handler is added only
when a stream exists. Calling `configure_logging` again replaces the handlers it added before
(the command line may run several times in one process, e.g. in tests).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mesodesk import paths

LOG_FILE = "mesodesk.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
_MARK = "_mesodesk_handler"
FILE_ONLY = {"console": False}  # `extra=` for records that only belong in the file


def configure_logging(
    *, verbose: bool = False, console_level: int = logging.WARNING
) -> Path | None:
    """Log to `paths.log_dir()/mesodesk.log` (1 MB × 5 files); returns the file, if writable."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _MARK, False)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    log_file: Path | None = None
    try:
        log_file = paths.log_dir() / LOG_FILE
    except OSError:  # a read-only data folder must not stop the program
        log_file = None
    else:
        file_handler = RotatingLogFile(log_file)
        file_handler.setFormatter(logging.Formatter(_FORMAT))
        _add(root, file_handler)
    if sys.stderr is not None:
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(logging.DEBUG if verbose else console_level)
        console.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        console.addFilter(lambda record: getattr(record, "console", True))
        _add(root, console)
    logging.captureWarnings(True)
    return log_file


class RotatingLogFile(logging.Handler):
    """`mesodesk.log`, 1 MB × 5 files: a RotatingFileHandler made at the first record.

    Importing `logging.handlers` (sockets, pickle, queues) took 10 ms of the window's
    start-up, before anything is logged; it now happens when the first record is written.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:  # called under this handler's lock
        if self._file is None:
            from logging.handlers import RotatingFileHandler

            self._file = RotatingFileHandler(
                self.path, maxBytes=1_000_000, backupCount=5, encoding="utf-8", delay=True
            )
            self._file.setFormatter(self.formatter)
        self._file.emit(record)

    def close(self) -> None:
        with self.lock:
            if self._file is not None:
                self._file.close()
        super().close()


def release_logging() -> None:
    """Close and remove the handlers `configure_logging` added (its log folder may be deleted:
    on Windows an open log file would keep the folder from being removed)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _MARK, False)]:
        root.removeHandler(handler)
        handler.close()


def _add(root: logging.Logger, handler: logging.Handler) -> None:
    setattr(handler, _MARK, True)
    root.addHandler(handler)
