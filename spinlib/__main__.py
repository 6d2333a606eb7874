"""``python -m spinlib`` runs the command line (see :mod:`spinlib.cli`)."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
