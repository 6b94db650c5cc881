"""Load and check the data files of the explorers that topics use (``data/explorers/``).

Each file is validated with the model its explorer registered (see :mod:`netedu.content.registry`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from netedu.content.images import region_inside, svg_viewbox
from netedu.content.models import Reference, Topic
from netedu.content.problems import Problem
from netedu.content.reader import Reader, csv_rows, message
from netedu.content.registry import registered_explorers

__all__ = ["load_explorer_data"]


def _references(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every ``references`` entry anywhere in a dumped model, with where it sits."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("references", "reference"):
                refs = value if isinstance(value, (list, tuple)) else [value]
                for j, ref in enumerate(refs):
                    yield ((*path, key, j) if key == "references" else (*path, key)), ref
            else:
                yield from _references(value, (*path, key))
    elif isinstance(data, (list, tuple)):
        for i, value in enumerate(data):
            yield from _references(value, (*path, i))


def _csv(r: Reader, path: Path, model: type[BaseModel]) -> list[tuple[int, Any]] | None:
    """Each row of a CSV data file validated with ``model``, with its line."""
    name = r.name(path)
    if not path.is_file():
        r.problems.append(Problem(name, 1, "(file)", "file not found"))
        return None
    try:
        parsed = csv_rows(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError) as err:
        r.problems.append(Problem(name, 1, "(file)", f"not a readable CSV file ({err})"))
        return None
    if not parsed:
        r.problems.append(Problem(name, 1, "(file)", "no rows"))
        return None
    rows = []
    for line, row in parsed:
        try:
            rows.append((line, model.model_validate({k: v for k, v in row.items() if k is not None})))
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                column = err["loc"][0] if err["loc"] else "(row)"
                r.problems.append(Problem(name, line, f"row.{column}", message(err)))
    return rows


def _check_image(r: Reader, path: Path, data_dir: Path, loaded: Any, used_images: set[str]) -> None:
    """Data that points at a drawing (``image`` and ``image_regions()``): the drawing is safe
    and every region lies inside it."""
    used_images.add(loaded.image)
    try:
        box = svg_viewbox(data_dir / "images" / loaded.image)
    except (OSError, ValueError) as err:
        r.add(path, ("image",), f"image data/images/{loaded.image}: {err}")
        return
    for loc, region_id, shape, coords in loaded.image_regions():
        if not region_inside(box, shape, coords):
            r.add(path, loc, f"{loc[0].rstrip('s')} {region_id!r} lies outside the image")


def load_explorer_data(
    r: Reader, data: Path, topics: list[tuple[Path, Topic]], references: dict[str, Reference] | None, used_images: set[str]
) -> dict[str, Any]:
    """The validated data of every explorer a topic names; problems go to ``r``.

    ``references`` is None when data/references.yaml could not be read: its own problem is
    reported, and citations are not checked against it (they would all look dangling)."""
    specs = registered_explorers()

    def dangling(ref: str) -> bool:
        return references is not None and ref not in references

    used: dict[str, tuple[Path, int]] = {}
    for path, topic in topics:
        for j, name in enumerate(topic.explorers):
            if name not in specs:
                known = ", ".join(sorted(specs)) or "none: is netedu installed? (pip install -e .)"
                r.add(path, ("explorers", j), f"unknown explorer {name!r} (known: {known})")
                continue
            used.setdefault(name, (path, j))
            for ref in specs[name].references:
                if dangling(ref):
                    r.add(path, ("explorers", j), f"explorer {name!r} cites {ref!r}, which is not in data/references.yaml")
    out: dict[str, Any] = {}
    folder = data / "explorers"
    wanted_files = set()
    for name in sorted(used):
        spec = specs[name]
        if spec.data is None or spec.data_file is None:
            continue
        wanted_files.add(spec.data_file)
        path = folder / spec.data_file
        if spec.data_format == "csv":
            rows = _csv(r, path, spec.data)
            if rows is None:
                continue
            for line, row in rows:
                if dangling(row.reference):
                    r.problems.append(
                        Problem(r.name(path), line, "row.reference", f"reference {row.reference!r} is not in data/references.yaml")
                    )
            out[name] = [row for _, row in rows]
            continue
        loaded = r.model(path, spec.data)
        if loaded is None:
            continue
        for loc, ref in _references(loaded.model_dump()):
            if dangling(ref):
                r.add(path, loc, f"reference {ref!r} is not in data/references.yaml")
        if hasattr(loaded, "image_regions"):
            _check_image(r, path, data, loaded, used_images)
        out[name] = loaded
    if folder.is_dir():
        for stray in sorted(p for p in folder.iterdir() if p.is_file() and p.name not in wanted_files):
            r.problems.append(Problem(r.name(stray), 1, "(file)", "orphan explorer data: no topic's explorers use it"))
    return out
