"""Building the explorer a notebook asks for: by its id, from the course's data."""

from __future__ import annotations

import pytest

from netedu.content import load_content
from netedu.widgets.explorers import build_explorer
from tests.conftest import REPO
from tests.widgets.helpers import context


def test_unknown_or_undeclared_explorers_are_refused(course) -> None:
    content = load_content(REPO)
    with pytest.raises(KeyError, match="no explorer 'x-ray'"):
        build_explorer("x-ray", content, context(content))
    small = load_content(course)
    with pytest.raises(KeyError, match="has no data"):
        build_explorer("body-map", small, context(small))
    import netedu

    assert "could not be loaded" in netedu.explore("body-map", root=course).value


def test_an_explorer_module_is_imported_only_when_it_is_built(course) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from netedu.content import load_content; from netedu.widgets.explorers import build_explorer;"
        "from netedu.store import MemoryStore; from netedu.widgets import QuizContext;"
        f"c = load_content({str(REPO)!r});"
        "build_explorer('tnm-stager', c, QuizContext.from_content(c, learner='ada', store=MemoryStore()));"
        "print(sorted(m for m in sys.modules if m.startswith('netedu.widgets.explorers.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "netedu.widgets.explorers.tnm_stager" in out and "netedu.widgets.explorers.body_map" not in out
