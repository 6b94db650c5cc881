"""Serve the repository root (so bench/ and notebooks/ share one server) with netedu's config."""

import os
import sys
from pathlib import Path

from netedu.server.app import SHARE, NeteduVoila
from netedu.server.config import make_config
from netedu.settings import ROOT_ENV

root = Path(sys.argv[1]).resolve()
port = int(sys.argv[2])
os.environ[ROOT_ENV] = str(root)
os.environ["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(SHARE), os.environ.get("JUPYTER_PATH")) if p)
config = make_config(root, port=port)
config.Voila.root_dir = str(root)
app = NeteduVoila(config=config)
app.initialize(argv=[])
app.start()
