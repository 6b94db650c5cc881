"""The question bank as an Anki deck, for learners who revise between sessions on their phone.

Every question becomes one note in a subdeck per topic (a case vignette: one note per part,
its stem on each). The front shows what the learner saw in the course, never an answer or an
explanation; the back shows the answer, why, the key point and the full references, with the
"educational, not medical advice" notice. Hotspot questions (point at a region of a drawing)
have no fair text form and are left out, and the export says which.

Note ids (GUIDs) come from the question ids, so importing a newer export updates the cards a
learner already has (and their review history) instead of adding copies. All text goes through
netedu's one sanitizing renderer.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import genanki

from netedu.content import (
    Case,
    Content,
    Hotspot,
    Matching,
    MultipleChoice,
    Numeric,
    Option,
    Ordering,
    Question,
    SingleChoice,
    TrueFalse,
    gradable,
)
from netedu.learning.seeded import shuffled
from netedu.render import escape, markdown, markdown_inline, sanitize
from netedu.settings import DISCLAIMER, DISCLAIMER_LEAD
from netedu.words import and_list

__all__ = ["ANKI_FILE_NAME", "AnkiExport", "anki_deck", "write_anki"]

ANKI_FILE_NAME = "netedu.apkg"


def _stable_id(*keys: str) -> int:
    """An id Anki accepts (a positive 31-bit integer) that is the same in every export."""
    digest = hashlib.sha256("\x1f".join(("netedu", *keys)).encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


_CSS = """
.card { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 18px;
        line-height: 1.5; color: #1f1f1f; background: #ffffff; text-align: left; max-width: 42em; margin: 0 auto; }
.netedu-topic { color: #4a4a4a; font-size: 0.85em; }
.netedu-case { background: #eef3fb; border-left: 4px solid #1a4f9c; padding: 0.25em 1em; }
.netedu-answer { font-weight: 700; }
.netedu-options { list-style: none; padding-left: 0; } .netedu-options li { margin: 0.3em 0; }
.netedu-sources { color: #4a4a4a; font-size: 0.8em; }
.netedu-notice { background: #fdf6e3; border-left: 4px solid #b7791f; padding: 0.25em 1em; font-size: 0.8em; }
table { border-collapse: collapse; } th, td { border: 1px solid #8a8a8a; padding: 0.2em 0.5em; text-align: left; }
.nightMode .card, .night_mode .card { color: #f0f0f0; background: #1e1e1e; }
.nightMode .netedu-case, .night_mode .netedu-case, .nightMode .netedu-notice, .night_mode .netedu-notice { background: #2a2a2a; }
.nightMode .netedu-topic, .night_mode .netedu-topic, .nightMode .netedu-sources, .night_mode .netedu-sources { color: #c8c8c8; }
"""

MODEL = genanki.Model(
    _stable_id("model", "question-v1"),
    "netedu question",
    fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Sources"}, {"name": "Topic"}],
    templates=[
        {
            "name": "Question",
            "qfmt": '<p class="netedu-topic">{{Topic}}</p>{{Question}}',
            "afmt": (
                '{{FrontSide}}<hr id="answer">{{Answer}}'
                '<div class="netedu-sources">{{Sources}}</div>'
                f'<p class="netedu-notice"><strong>{escape(DISCLAIMER_LEAD)}</strong> {escape(DISCLAIMER)}</p>'
            ),
        }
    ],
    css=_CSS,
)


@dataclass(frozen=True)
class AnkiExport:
    """What an export holds: the package to write, how many notes, and what was left out."""

    package: genanki.Package
    notes: int
    topics: int
    skipped: tuple[str, ...]  # ids of hotspot questions (no text form)


def _lettered(q: SingleChoice | MultipleChoice) -> list[tuple[str, Option]]:
    """The options as the card shows them, with their letters: shuffled once for all learners
    (authors order options freely and expect them shuffled) unless the question says not to."""
    options = shuffled(q.options, "anki", q.id) if q.shuffle else list(q.options)
    return [(chr(ord("A") + i), o) for i, o in enumerate(options)]


def _front(q: Question) -> str:
    stem = markdown(q.stem)
    if isinstance(q, SingleChoice | MultipleChoice):
        how = "Choose one answer." if isinstance(q, SingleChoice) else "Select all that apply."
        items = "".join(f"<li><strong>{letter}.</strong> {markdown_inline(o.text)}</li>" for letter, o in _lettered(q))
        return f'{stem}<p><em>{how}</em></p><ul class="netedu-options">{items}</ul>'
    if isinstance(q, TrueFalse):
        return f"{stem}<p><em>True or false?</em></p>"
    if isinstance(q, Numeric):
        unit = f" (in {escape(q.unit)})" if q.unit else ""
        return f"{stem}<p><em>{escape(q.label)}{unit}?</em></p>"
    if isinstance(q, Ordering):
        items = "".join(f"<li>{markdown_inline(i.text)}</li>" for i in shuffled(q.items, "anki", q.id, differ=True))
        return f"{stem}<p><em>Put these in order:</em></p><ul>{items}</ul>"
    if isinstance(q, Matching):
        columns = and_list([escape(c) for c in q.columns])
        items = "".join(f"<li>{markdown_inline(r.prompt)}</li>" for r in q.rows)
        return f"{stem}<p><em>For each, give the {columns}:</em></p><ul>{items}</ul>"
    raise TypeError(f"no text form for a {q.type} question")


def _back(q: Question) -> tuple[str, tuple[str, ...]]:
    """The answer side, and every reference it cites (the question's first)."""
    cited: list[str] = list(q.references)
    if isinstance(q, SingleChoice | MultipleChoice):
        right = [(letter, o) for letter, o in _lettered(q) if o.correct]
        html = f'<p class="netedu-answer">Answer: {", ".join(letter for letter, _ in right)}</p><ul>'
        html += "".join(
            f"<li><strong>{letter}. {markdown_inline(o.text)}</strong> {markdown_inline(o.explanation)}</li>" for letter, o in right
        )
        html += "</ul>"
        cited += [r for _, o in right for r in o.references]
    elif isinstance(q, TrueFalse):
        why = q.if_true if q.answer else q.if_false
        html = f'<p class="netedu-answer">{"True" if q.answer else "False"}</p>{markdown(why)}'
    elif isinstance(q, Numeric):
        unit = f" {escape(q.unit)}" if q.unit else ""
        within = f" (± {q.tolerance:g})" if q.tolerance else ""
        html = f'<p class="netedu-answer">{q.answer:g}{unit}{within}</p>'
    elif isinstance(q, Ordering):
        html = (
            '<ol class="netedu-answer-list">'
            + "".join(f"<li><strong>{markdown_inline(i.text)}</strong>: {markdown_inline(i.explanation)}</li>" for i in q.items)
            + "</ol>"
        )
        cited += [r for i in q.items for r in i.references]
    elif isinstance(q, Matching):
        head = "".join(f'<th scope="col">{escape(c)}</th>' for c in q.columns)
        rows = "".join(
            f'<tr><th scope="row">{markdown_inline(r.prompt)}</th>' + "".join(f"<td>{markdown_inline(a)}</td>" for a in r.answers) + "</tr>"
            for r in q.rows
        )
        html = f"<table><thead><tr><td></td>{head}</tr></thead><tbody>{rows}</tbody></table>"
        cited += [ref for r in q.rows for ref in r.references]
    else:
        raise TypeError(f"no text form for a {q.type} question")
    if q.explanation:
        lead = "How to get there" if isinstance(q, Numeric) else "Key point"
        html += f"<p><strong>{lead}:</strong> {markdown_inline(q.explanation)}</p>"
    return html, tuple(dict.fromkeys(cited))


def _sources(content: Content, ids: Sequence[str]) -> str:
    items = "".join(
        f'<li>{escape(ref.citation)} <a href="{escape(ref.link)}">{escape(ref.link)}</a></li>' for ref in content.references_for(tuple(ids))
    )
    return f"<p>Sources:</p><ol>{items}</ol>"


def _note(content: Content, q: Question, topic_label: str, tags: list[str], case: Case | None = None) -> genanki.Note:
    front = _front(q)
    if case is not None:
        front = f'<div class="netedu-case"><p><strong>Case</strong></p>{markdown(case.stem)}</div>{front}'
    back, cited = _back(q)
    return genanki.Note(
        model=MODEL,
        fields=[sanitize(front), sanitize(back), sanitize(_sources(content, cited)), escape(topic_label)],
        guid=genanki.guid_for("netedu", q.id),
        tags=[*tags, q.type, q.difficulty],
    )


def anki_deck(content: Content, topic_ids: Sequence[str] | None = None) -> AnkiExport:
    """The question bank of ``topic_ids`` (default: every topic) as an Anki package.

    Raises ``KeyError`` naming the known topics for an unknown id.
    """
    order = list(content.topics)
    for topic_id in topic_ids or ():
        content.topic(topic_id)  # KeyError listing the known topics
    chosen = [t for t in order if topic_ids is None or t in topic_ids]
    decks, skipped, notes = [], [], 0
    for topic_id in chosen:
        topic = content.topics[topic_id]
        number = order.index(topic_id) + 1
        deck = genanki.Deck(_stable_id("deck", topic_id), f"{content.course.title}::{number:02d} {topic.title}")
        label = f"Topic {number}: {topic.title}"
        tags = ["netedu", topic_id]
        for q in content.questions[topic_id]:
            case = q if isinstance(q, Case) else None
            for item in gradable(q):
                if isinstance(item, Hotspot):
                    skipped.append(item.id)
                    continue
                deck.add_note(_note(content, item, label, tags, case))
                notes += 1
        decks.append(deck)
    return AnkiExport(genanki.Package(decks), notes, len(decks), tuple(skipped))


def write_anki(content: Content, path: Path | str, topic_ids: Sequence[str] | None = None) -> AnkiExport:
    """Write the deck to ``path`` (an ``.apkg`` file Anki imports) and say what it holds."""
    export = anki_deck(content, topic_ids)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    export.package.write_to_file(str(path))
    return export
