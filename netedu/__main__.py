"""``python -m netedu`` is the ``netedu`` command."""

import sys

from netedu.cli import main

sys.exit(main())
