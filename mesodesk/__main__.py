"""`python -m mesodesk` runs the command line (no arguments opens the application).

This is also the frozen application's entry point. A windowed build (Windows, macOS) starts
with `sys.stdout` and `sys.stderr` set to None: anything that writes to them (argparse's
help, a warning) would raise, so they are pointed at the null device first.
"""

import os
import sys

from mesodesk.cli import main

if __name__ == "__main__":
    for _name in ("stdout", "stderr"):
        if getattr(sys, _name) is None:
            setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    sys.exit(main())
