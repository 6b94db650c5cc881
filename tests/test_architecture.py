"""The house rules a newcomer relies on: the layers hold, lint is clean, every module says what it is."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

BIN = Path(sys.executable).parent


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=REPO, capture_output=True, text=True, timeout=300)


def _tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        found = shutil.which(name)
        if found is None:
            pytest.fail(f"{name} is not installed: pip install -e '.[test]'", pytrace=False)
        return found
    return str(path)


def test_the_layers_contract_holds() -> None:
    """server -> player -> widgets -> explorers -> learning -> medicine/content/store (pyproject.toml)."""
    result = _run(_tool("lint-imports"), "--no-cache")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_ruff_finds_nothing_and_the_code_is_formatted() -> None:
    check = _run(_tool("ruff"), "check", "--no-cache", ".")
    assert check.returncode == 0, check.stdout[-4000:]
    fmt = _run(_tool("ruff"), "format", "--check", "--no-cache", ".")
    assert fmt.returncode == 0, fmt.stdout[-4000:] + "\nrun: make format"


def _modules() -> list[Path]:
    return sorted(p for p in (REPO / "netedu").rglob("*.py") if "__pycache__" not in p.parts)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(REPO)))
def test_every_module_says_what_it_is_in_its_first_line_and_lists_its_public_names(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    doc = ast.get_docstring(tree)
    assert doc and doc.strip(), "a module starts with a docstring saying what it is"
    if path.parent.name == "versions" or path.name in {"__main__.py", "env.py"}:
        return  # Alembic revisions and entry scripts export nothing
    has_public = any(isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.name.startswith("_") for node in tree.body)
    declares = any(isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets) for node in tree.body)
    assert declares or not has_public, "a module with public names declares them in __all__"


def test_every_package_folder_says_what_lives_in_it() -> None:
    for folder in [p for p in (REPO / "netedu").rglob("*") if p.is_dir() and "__pycache__" not in p.parts]:
        if any(folder.glob("*.py")):
            init = folder / "__init__.py"
            if folder.name == "versions":
                continue
            assert init.is_file() and ast.get_docstring(ast.parse(init.read_text())), (
                f"{folder.relative_to(REPO)}: add __init__.py with a docstring"
            )


#: Test modules about the project rather than one module of the package.
PROJECT_TESTS = {"test_architecture.py", "test_bench.py", "test_packaging.py"}
#: Folders of tests about the whole app rather than one module: the real app in a browser, its
#: attack surface (issue 12's findings, one module each), and what the tests share.
WHOLE_APP_TESTS = ("browser", "security", "support")


def test_tests_mirror_the_package() -> None:
    """tests/<same path>/test_<module>.py tests netedu/<same path>/<module>.py (or the package of that name)."""
    strays = []
    for test in sorted((REPO / "tests").rglob("test_*.py")):
        rel = test.relative_to(REPO / "tests")
        if rel.parts[0] in WHOLE_APP_TESTS or (len(rel.parts) == 1 and rel.name in PROJECT_TESTS):
            continue
        target = REPO / "netedu" / rel.parent / rel.name.removeprefix("test_")
        if not (target.is_file() or (target.with_suffix("") / "__init__.py").is_file()):
            strays.append(f"tests/{rel}: no netedu/{rel.parent / rel.name.removeprefix('test_')}")
    assert not strays, "test modules that mirror nothing:\n" + "\n".join(strays)
