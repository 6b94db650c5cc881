"""The Anki export: one note per question (case parts each), answers only on the back, sanitized."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from netedu.cli import main
from netedu.content import Case, Hotspot, load_content
from netedu.export.anki import write_anki

REPO = Path(__file__).resolve().parents[2]


def notes(apkg: Path, tmp: Path) -> tuple[dict[str, list[str]], list[str]]:
    """The notes of an .apkg (by GUID: its fields) and its deck names."""
    with zipfile.ZipFile(apkg) as z:
        z.extract("collection.anki2", tmp)
    db = sqlite3.connect(tmp / "collection.anki2")
    try:
        rows = {guid: flds.split("\x1f") + [tags.strip()] for guid, flds, tags in db.execute("select guid, flds, tags from notes")}
        decks = [d["name"] for d in json.loads(db.execute("select decks from col").fetchone()[0]).values()]
    finally:
        db.close()
    return rows, decks


def test_every_question_but_hotspots_becomes_a_card_in_its_topic_deck(course: Path, tmp_path: Path) -> None:
    export = write_anki(load_content(course), tmp_path / "deck.apkg")
    assert (export.notes, export.topics, export.skipped) == (8, 2, ("beta-hotspot",))
    rows, decks = notes(tmp_path / "deck.apkg", tmp_path)
    assert len(rows) == 8
    assert {"Test course::01 Alpha topic", "Test course::02 Beta topic"} <= set(decks)
    single = next(f for f in rows.values() if "Which option is right?" in f[0])
    assert single[4].split() == ["netedu", "alpha", "single", "foundation"]  # course, topic, type, difficulty


def test_the_front_never_shows_an_answer_and_the_back_explains_and_cites(course: Path, tmp_path: Path) -> None:
    content = load_content(course)
    write_anki(content, tmp_path / "deck.apkg")
    rows, _ = notes(tmp_path / "deck.apkg", tmp_path)
    fronts = " ".join(fields[0] for fields in rows.values())
    for bank in content.questions.values():
        for q in bank:
            for part in q.parts if isinstance(q, Case) else (q,):
                for option in getattr(part, "options", ()):
                    assert option.explanation not in fronts, part.id
                if part.explanation and not isinstance(part, Hotspot):
                    assert part.explanation not in fronts, part.id
    single = next(f for f in rows.values() if "Which option is right?" in f[0])
    letter = next(line for line in single[1].split("</p>") if "Answer:" in line).split("Answer: ")[1]
    assert f"<strong>{letter}.</strong> The second option" in single[0]  # the letter on the back is the right one on the front
    assert "The second option" in single[1] and "Educational" not in single[1]
    assert "Rindi" in single[2] and "https://doi.org/" in single[2]
    case_parts = [f for f in rows.values() if "CASE-STEM" in f[0]]
    assert len(case_parts) == 2  # each part carries the case's stem


def test_guids_are_stable_so_a_newer_export_updates_the_cards_already_imported(course: Path, tmp_path: Path) -> None:
    content = load_content(course)
    write_anki(content, tmp_path / "one.apkg")
    write_anki(content, tmp_path / "two.apkg")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, _ = notes(tmp_path / "one.apkg", tmp_path / "a")
    second, _ = notes(tmp_path / "two.apkg", tmp_path / "b")
    assert first.keys() == second.keys() and first == second


def test_malicious_text_is_sanitized_on_every_side(course: Path, tmp_path: Path) -> None:
    bank = course / "data/questions/alpha.yaml"
    bank.write_text(
        bank.read_text().replace(
            "stem: Which option is right?",
            "stem: 'Which option is right? <script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3))'",
        )
    )
    write_anki(load_content(course), tmp_path / "deck.apkg")
    rows, _ = notes(tmp_path / "deck.apkg", tmp_path)
    everything = " ".join(" ".join(f) for f in rows.values()).lower()
    assert "which option is right?" in everything
    assert "<script" not in everything and "onerror" not in everything
    assert 'href="javascript' not in everything  # the link stays inert text


def test_the_command_exports_chosen_topics_and_explains_mistakes(course: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "alpha.apkg"
    assert main(["--root", str(course), "export", "anki", "--out", str(out), "--topic", "alpha"]) == 0
    said = capsys.readouterr().out
    assert f"wrote 2 cards from 1 topic to {out}" in said and "left out" not in said
    assert main(["--root", str(course), "export", "anki", "--out", str(out), "--topic", "gamma"]) == 2
    assert "no topic with id 'gamma' (known topics: alpha, beta)" in capsys.readouterr().err
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    assert main(["--root", str(course), "export", "anki", "--out", str(blocked / "deck.apkg")]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_the_whole_course_exports(tmp_path: Path) -> None:
    content = load_content(REPO)
    export = write_anki(content, tmp_path / "netedu.apkg")
    units = [p for bank in content.questions.values() for q in bank for p in (q.parts if isinstance(q, Case) else (q,))]
    hotspots = [p.id for p in units if isinstance(p, Hotspot)]
    assert export.notes == len(units) - len(hotspots) and export.skipped == tuple(hotspots)
    rows, decks = notes(tmp_path / "netedu.apkg", tmp_path)
    assert len(rows) == export.notes and len([d for d in decks if "::" in d]) == len(content.topics)
    assert all("Sources:" in fields[2] and "<li>" in fields[2] for fields in rows.values())


@pytest.mark.parametrize("word", ["Answer:", "Key point", "How to get there"])
def test_backs_are_labelled(word: str, tmp_path: Path) -> None:
    write_anki(load_content(REPO), tmp_path / "netedu.apkg")
    rows, _ = notes(tmp_path / "netedu.apkg", tmp_path)
    assert any(word in fields[1] for fields in rows.values())


def test_the_servers_deck_is_built_once_and_again_only_when_content_changes(course: Path) -> None:
    import os

    from netedu.content import ContentError
    from netedu.server.decks import DeckCache

    decks = DeckCache(course)
    first = decks.get()
    assert first[:2] == b"PK" and decks.get() is first  # no rebuild while nothing changed
    bank = course / "data/questions/alpha.yaml"
    bank.write_text(bank.read_text().replace("Which option is right?", "Which option is the right one?"))
    later = bank.stat().st_mtime + 5
    os.utime(bank, (later, later))
    assert decks.get() is not first
    bank.write_text(bank.read_text().replace("difficulty: core", "difficulty: extreme"))
    os.utime(bank, (later + 5, later + 5))
    with pytest.raises(ContentError):
        decks.get()
