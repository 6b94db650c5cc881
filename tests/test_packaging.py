"""pyproject.toml and environment.yml stay in step; the layout of the design card exists."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml


def test_environment_installs_the_package_from_pyproject(repo: Path) -> None:
    env = yaml.safe_load((repo / "environment.yml").read_text())
    project = tomllib.loads((repo / "pyproject.toml").read_text())["project"]
    deps = env["dependencies"]
    conda = [d for d in deps if isinstance(d, str)]
    pip = next(d["pip"] for d in deps if isinstance(d, dict))
    assert pip == ["-e ."], "every Python dependency must come from pyproject.toml"
    assert "pip" in conda
    python = next(d for d in conda if d.startswith("python"))
    assert python.replace(" ", "") == "python" + project["requires-python"].replace(" ", "")
    declared = {re.split(r"[<>=!~ \[]", d)[0].lower() for d in project["dependencies"]}
    extra = {re.split(r"[<>=!~ ]", d)[0].lower() for d in conda} - {"python", "pip"}
    assert not extra & declared, f"declared twice, can drift: {extra & declared}"


def test_dependencies_have_compatible_ranges(repo: Path) -> None:
    project = tomllib.loads((repo / "pyproject.toml").read_text())["project"]
    for dep in project["dependencies"] + project["optional-dependencies"]["test"]:
        assert ">=" in dep and "<" in dep, f"{dep}: pin a compatible range (>=x,<y)"
    assert project["scripts"]["netedu"] == "netedu.cli:main"


def test_design_card_layout(repo: Path) -> None:
    for path in ("notebooks", "netedu", "data", "tests", "bench", "environment.yml", "README.md", "pyproject.toml", "Makefile", ".ci/run"):
        assert (repo / path).exists(), path


def test_no_file_the_package_ships_is_ignored_by_git(repo: Path) -> None:
    """A clean clone (CI, a learner's download) and the wheel only have what git tracks: an
    ignored asset (e.g. a vendored ``dist/`` folder) would work here and break everywhere else."""
    import shutil
    import subprocess

    if shutil.which("git") is None or not (repo / ".git").exists():
        pytest.skip("not a git checkout")
    files = [str(p.relative_to(repo)) for p in (repo / "netedu").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    ignored = subprocess.run(["git", "check-ignore", "--no-index", "--stdin"], input="\n".join(files), cwd=repo, capture_output=True, text=True).stdout.split()
    assert ignored == [], f"ignored by .gitignore, so missing from clones and wheels: {ignored}"
