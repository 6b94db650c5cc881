"""``python -m netedu`` is the ``netedu`` command."""

import sys

from netedu.cli import main

if __name__ == "__main__":
    sys.exit(main())
