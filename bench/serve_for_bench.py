"""Serve the repository root (so bench/ and notebooks/ share one server) as netedu serve does."""

import sys
from pathlib import Path

from netedu.server.app import serve

root = Path(sys.argv[1]).resolve()
serve(root, port=int(sys.argv[2]), notebook_dir=root)
