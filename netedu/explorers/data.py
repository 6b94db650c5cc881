"""Load and check the data files of the explorers that topics use (``data/explorers/``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from netedu.content.explorers import CODE_REFERENCES, EXPLORERS, BodyMap, EpiRow, parse_epi_csv
from netedu.content.images import region_inside, svg_viewbox
from netedu.content.models import Reference, Topic
from netedu.content.problems import Problem
from netedu.content.reader import Reader, message

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


def _csv_rows(r: Reader, path: Path) -> list[EpiRow] | None:
    name = r.name(path)
    if not path.is_file():
        r.problems.append(Problem(name, 1, "(file)", "file not found"))
        return None
    rows: list[EpiRow] = []
    try:
        parsed = parse_epi_csv(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError) as err:
        r.problems.append(Problem(name, 1, "(file)", f"not a readable CSV file ({err})"))
        return None
    if not parsed:
        r.problems.append(Problem(name, 1, "(file)", "no rows"))
        return None
    for line, row in parsed:
        try:
            rows.append(EpiRow.model_validate({k: v for k, v in row.items() if k is not None}))
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                column = err["loc"][0] if err["loc"] else "(row)"
                r.problems.append(Problem(name, line, f"row.{column}", message(err)))
    return rows


def load_explorer_data(
    r: Reader, data: Path, topics: list[tuple[Path, Topic]], references: dict[str, Reference] | None, used_images: set[str]
) -> dict[str, Any]:
    """The validated data of every explorer a topic names; problems go to ``r``.

    ``references`` is None when data/references.yaml could not be read: its own problem is
    reported, and citations are not checked against it (they would all look dangling)."""

    def dangling(ref: str) -> bool:
        return references is not None and ref not in references
    used: dict[str, tuple[Path, int]] = {}
    for path, topic in topics:
        for j, name in enumerate(topic.explorers):
            if name not in EXPLORERS:
                r.add(path, ("explorers", j), f"unknown explorer {name!r} (known: {', '.join(sorted(EXPLORERS))})")
            else:
                used.setdefault(name, (path, j))
                for ref in CODE_REFERENCES.get(name, ()):
                    if dangling(ref):
                        r.add(path, ("explorers", j), f"explorer {name!r} cites {ref!r}, which is not in data/references.yaml")
    out: dict[str, Any] = {}
    folder = data / "explorers"
    wanted_files = set()
    for name in sorted(used):
        spec = EXPLORERS[name]
        if spec is None:
            continue
        file, model = spec
        wanted_files.add(file)
        path = folder / file
        if file.endswith(".csv"):
            rows = _csv_rows(r, path)
            if rows is None:
                continue
            lines = [line for line, _ in parse_epi_csv(path.read_text(encoding="utf-8"))]
            for line, row in zip(lines, rows):
                if dangling(row.reference):
                    r.problems.append(Problem(r.name(path), line, "row.reference", f"reference {row.reference!r} is not in data/references.yaml"))
            out[name] = rows
            continue
        loaded = r.model(path, model)
        if loaded is None:
            continue
        for loc, ref in _references(loaded.model_dump()):
            if dangling(ref):
                r.add(path, loc, f"reference {ref!r} is not in data/references.yaml")
        if isinstance(loaded, BodyMap):
            used_images.add(loaded.image)
            try:
                box = svg_viewbox(data / "images" / loaded.image)
            except (OSError, ValueError) as err:
                r.add(path, ("image",), f"image data/images/{loaded.image}: {err}")
            else:
                for k, organ in enumerate(loaded.organs):
                    if not region_inside(box, organ.shape, organ.coords):
                        r.add(path, ("organs", k, "coords"), f"organ {organ.id!r} lies outside the image")
        out[name] = loaded
    if folder.is_dir():
        for stray in sorted(p for p in folder.iterdir() if p.is_file() and p.name not in wanted_files):
            r.problems.append(Problem(r.name(stray), 1, "(file)", "orphan explorer data: no topic's explorers use it"))
    return out
