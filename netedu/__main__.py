"""``python -m netedu`` is the ``netedu`` command."""

import sys

from .cli import main

sys.exit(main())
