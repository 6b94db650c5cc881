"""Serve the repository root (so bench/ and notebooks/ share one server) with netedu's config."""

import os
import sys
from pathlib import Path

from netedu.server.app import SHARE, NeteduVoila, make_config

root = Path(sys.argv[1]).resolve()
port = int(sys.argv[2])
os.environ["NETEDU_ROOT"] = str(root)
os.environ["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(SHARE), os.environ.get("JUPYTER_PATH")) if p)
config = make_config(root, port=port)
config.Voila.root_dir = str(root)
app = NeteduVoila(config=config)
app.initialize(argv=[])
app.start()
