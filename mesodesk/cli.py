"""The `mesodesk` command line (also `python -m mesodesk`).

Without a sub-command it opens the application; `--demo` opens it on the demo database
(generated on first use). Sub-commands live in `mesodesk.commands`, one module each, found
automatically. Errors the person at the keyboard can act on (validation, a refused operation,
a failed migration, a database problem) print their message without a traceback: exit status
2 for invalid input, 1 for a failure.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mesodesk.commands import Command

log = logging.getLogger("mesodesk.cli")

# Listed first in --help; others follow by name.
COMMAND_ORDER = ("demo", "check", "patients", "backup", "restore")


def _command_modules() -> tuple[str, ...]:
    """Every module of mesodesk.commands: adding a sub-command is adding one module."""
    import pkgutil  # here: opening the window needs no command

    folder = os.path.join(os.path.dirname(__file__), "commands")  # listed, not imported
    listed = pkgutil.iter_modules([folder])
    if not os.path.isdir(folder):  # frozen: the modules live in the bundle's archive
        import mesodesk.commands as package

        listed = pkgutil.iter_modules(package.__path__)
    found = {m.name for m in listed if not m.name.startswith("_")}
    ordered = [n for n in COMMAND_ORDER if n in found] + sorted(found - set(COMMAND_ORDER))
    return tuple(f"mesodesk.commands.{name}" for name in ordered)


COMMAND_MODULES = _command_modules()
_DB_HELP = (
    "the database: a file path or an SQLAlchemy URL (default: $MESODESK_DATABASE_URL, "
    "else mesodesk.db in the data folder)"
)

__all__ = ["COMMAND_MODULES", "build_parser", "commands", "main", "open_app"]


def __getattr__(name: str) -> Any:
    """`resolve_patient` stays importable from here without loading the commands at start-up."""
    if name == "resolve_patient":
        from mesodesk.commands import resolve_patient

        return resolve_patient
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def commands() -> list[Command]:
    return [importlib.import_module(name).COMMAND for name in COMMAND_MODULES]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mesodesk",
        description="MesoDesk: offline records for scalp mesotherapy. Without a command, "
        "opens the application.",
        epilog="`mesodesk COMMAND --help` describes each command.",
    )
    from mesodesk import __version__

    parser.add_argument("--version", action="version", version=f"MesoDesk {__version__}")
    parser.add_argument("--db", metavar="FILE-OR-URL", help=_DB_HELP)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the application on the demo database (created on first use)",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="log details (and tracebacks) to stderr"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation end to end in a temporary folder (headless) and exit",
    )
    # Sub-commands accept --db after their name too; SUPPRESS keeps a global --db otherwise.
    shared = argparse.ArgumentParser(add_help=False)
    shared.add_argument("--db", metavar="FILE-OR-URL", default=argparse.SUPPRESS, help=_DB_HELP)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for command in commands():
        sub = subparsers.add_parser(
            command.name,
            parents=[shared],
            help=command.help,
            description=command.description,
            epilog=command.epilog or None,
        )
        command.configure(sub)
        sub.set_defaults(run=command.run)
    return parser


def _window_only(argv: Sequence[str]) -> argparse.Namespace | None:
    """The options when `argv` only opens the window (`--db`, `-v`): then the sub-commands,
    their parser and what they import are not loaded at all, so the window starts sooner."""
    quick = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    quick.add_argument("--db")
    quick.add_argument("-v", "--verbose", action="store_true")
    try:
        args, rest = quick.parse_known_args(argv)
    except SystemExit:  # let the full parser explain the mistake
        return None
    if rest:
        return None
    args.command, args.demo, args.self_test = None, False, False
    return args


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = _window_only(argv)
    if args is None:
        parser = build_parser()
        args = parser.parse_args(argv)
    if args.demo and args.command:
        parser.error("--demo opens the application; it does not combine with a command")
    if args.demo and args.db:
        parser.error("--demo opens the demo database; leave out --db")
    if args.self_test:
        if args.command or args.demo or args.db:
            parser.error("--self-test runs on its own temporary database; it takes no other option")
        from mesodesk.selftest import run as self_test

        return self_test()
    from mesodesk.logging_setup import FILE_ONLY, configure_logging

    log_file = configure_logging(verbose=args.verbose)
    name = args.command or "mesodesk"
    try:
        if args.command:
            return int(args.run(args))
        return _open(args)
    except KeyboardInterrupt:
        print("\nInterrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `mesodesk patients | head`: the reader has seen enough
        _silence_stdout()
        return 1
    except Exception as exc:  # sorted into expected and unexpected below
        code = _expected_exit_code(exc)
        if code is None:
            log.exception("mesodesk %s failed", name, extra=FILE_ONLY)
            if args.verbose:
                raise
            where = f" Details are in {log_file}." if log_file else ""
            print(f"mesodesk {name}: unexpected error: {exc}.{where}", file=sys.stderr)
            return 1
        log.info("mesodesk %s: %s", name, exc)
        print(f"mesodesk {name}: {_message(exc)}", file=sys.stderr)
        return code


def _silence_stdout() -> None:
    """Point stdout at the null device, so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _expected_exit_code(exc: BaseException) -> int | None:
    """2 for invalid input, 1 for a failure the message explains, None for a bug."""
    from sqlalchemy.exc import DatabaseError, OperationalError

    from mesodesk.db.backup import BackupError
    from mesodesk.db.guard import OpenRefused
    from mesodesk.db.migrate import MigrationError
    from mesodesk.services.errors import ServiceError

    # Only code that imported the validation module can have raised its ValidationError.
    validation = sys.modules.get("mesodesk.domain.validation")
    if validation is not None and isinstance(exc, validation.ValidationError):
        return 2
    if isinstance(exc, ServiceError | MigrationError | BackupError | OpenRefused):
        return 1
    if isinstance(exc, OperationalError):
        return 1
    if isinstance(exc, DatabaseError):
        return 1
    return None


def _message(exc: BaseException) -> str:
    problems = getattr(exc, "problems", None)
    if problems:
        return "\n  ".join(["the input was refused:", *(str(p.message) for p in problems)])
    from mesodesk.services.errors import in_words

    return in_words(exc)


def _open(args: argparse.Namespace) -> int:
    from mesodesk.db.urls import resolve_url, sqlite_url

    if not args.demo:
        return open_app(resolve_url(args.db), demo=False)
    from mesodesk import paths
    from mesodesk.commands.demo import ProgressLine
    from mesodesk.demo import contents_of, generate

    url = sqlite_url(paths.demo_database_path())
    if not contents_of(url).has_data:
        progress = ProgressLine(sys.stderr)
        try:
            generate(url, progress=progress)
        finally:
            progress.finish()
    return open_app(url, demo=True)


def open_app(db_url: str, demo: bool) -> int:
    """Start the window (imported only now: the command line must work without Qt)."""
    try:
        from mesodesk.ui.app import run
    except ImportError as exc:
        missing = exc.name or str(exc)
        if missing.startswith(("PySide6", "shiboken6")):
            hint = "PySide6 is not installed (pip install PySide6-Essentials)"
        else:
            hint = f"part of it is missing ({exc})"
        print(f"mesodesk: the application window cannot start: {hint}.", file=sys.stderr)
        return 1
    return int(run(db_url, demo))
