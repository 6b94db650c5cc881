"""pyproject.toml and environment.yml stay in step; the layout of the design card exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import tomllib
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


#: Tools whose findings change from release to release: pinned exactly, so lint is the same everywhere.
EXACT_PINS = ("ruff",)


def test_dependencies_have_compatible_ranges(repo: Path) -> None:
    project = tomllib.loads((repo / "pyproject.toml").read_text())["project"]
    for dep in project["dependencies"] + [d for extra in project["optional-dependencies"].values() for d in extra]:
        if dep.startswith(EXACT_PINS):
            assert "==" in dep, f"{dep}: pin the exact version (its findings change from release to release)"
            continue
        assert ">=" in dep and "<" in dep, f"{dep}: pin a compatible range (>=x,<y)"
    assert project["scripts"]["netedu"] == "netedu.cli:main"


def test_the_tests_install_every_optional_extra(repo: Path) -> None:
    """What users can install (e.g. ``netedu[postgres]``) is what the tests run on."""
    extras = tomllib.loads((repo / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    test = set(extras.pop("test"))
    assert {name: sorted(set(deps) - test) for name, deps in extras.items() if set(deps) - test} == {}


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
    ignored = subprocess.run(
        ["git", "check-ignore", "--no-index", "--stdin"], input="\n".join(files), cwd=repo, capture_output=True, text=True
    ).stdout.split()
    assert ignored == [], f"ignored by .gitignore, so missing from clones and wheels: {ignored}"


def _tracked(repo: Path) -> list[str]:
    import shutil
    import subprocess

    if shutil.which("git") is None or not (repo / ".git").exists():
        pytest.skip("not a git checkout")
    return subprocess.run(["git", "ls-files", "-z"], cwd=repo, capture_output=True, text=True, check=True).stdout.split("\0")[:-1]


#: Where binary files belong: vendored front-end assets, and the pictures docs show.
BINARY_HOMES = ("netedu/server/static/vendor/", "docs/images/")


def test_no_binary_file_is_tracked_outside_the_vendored_folders_and_docs_images(repo: Path) -> None:
    """A stray wheel or database once made 86% of the repository; binary files are data nobody can review."""
    strays = []
    for name in _tracked(repo):
        path = repo / name
        if not path.is_file() or name.startswith(BINARY_HOMES):
            continue
        head = path.read_bytes()[:8192]
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as err:
            binary = err.start < len(head) - 4  # a multi-byte character cut at the boundary is still text
        else:
            binary = b"\0" in head
        if binary:
            strays.append(name)
    assert strays == [], f"binary files outside {', '.join(BINARY_HOMES)}: {strays}"


def test_the_committed_screenshots_are_not_older_than_the_styles_they_show(repo: Path) -> None:
    """Tests never write into the tracked tree; `make screenshots` refreshes docs/images/ when the look changes."""
    import subprocess

    _tracked(repo)
    from tests.support.screenshots import SCREENSHOTS

    def committed(path: str) -> int:
        out = subprocess.run(["git", "log", "-1", "--format=%ct", "--", path], cwd=repo, capture_output=True, text=True).stdout.strip()
        return int(out or 0)

    for shot, styles in SCREENSHOTS.items():
        assert (repo / shot).is_file(), f"{shot} is missing: run make screenshots"
        newest = max(styles, key=committed)
        if not committed(shot):
            continue  # not committed yet (a working tree): the next commit carries it
        assert committed(shot) >= committed(newest), f"{shot} is older than {newest}: run make screenshots and commit it"
