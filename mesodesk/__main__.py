"""`python -m mesodesk` runs the command line (no arguments opens the application)."""

import sys

from mesodesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
