"""The player's views as sanitized HTML: the course map, navigation, and the progress dashboard."""

from __future__ import annotations

import datetime as dt

from netedu.content import Content, Topic
from netedu.learning.progress import Progress, Score
from netedu.learning.spaced import Schedule
from netedu.player.routes import Route
from netedu.render import disclaimer_html, escape, markdown_inline
from netedu.words import plural

__all__ = ["contents_html", "nav_html", "progress_html", "spaced_html", "topic_header_html"]


def _from_now(when: dt.datetime, now: dt.datetime) -> str:
    """A wait in words: "in about 3 hours", "tomorrow", "in 4 days", "in 3 weeks".

    >>> now = dt.datetime(2026, 11, 25, 12, tzinfo=dt.timezone.utc)
    >>> [_from_now(now + dt.timedelta(**k), now) for k in ({"minutes": 5}, {"hours": 3}, {"days": 1}, {"days": 4}, {"days": 23})]
    ['in less than an hour', 'in about 3 hours', 'tomorrow', 'in 4 days', 'in 3 weeks']
    """
    hours = (when - now).total_seconds() / 3600
    if hours < 1:
        return "in less than an hour"
    if hours < 20:
        return f"in about {plural(round(hours), 'hour')}"
    days = round(hours / 24)
    if days <= 1:
        return "tomorrow"
    if days < 14:
        return f"in {days} days"
    return f"in {round(days / 7)} weeks"


def _bar(t: Score) -> str:
    """A progress line in words, with a bar that only repeats it visually."""
    if not t.answered:
        return f'<p class="netedu-progress-text">Not started · {t.total} questions</p>'
    return (
        f'<p class="netedu-progress-text">{t.answered} of {t.total} questions answered · '
        f"{t.correct} right ({t.percent}% of points)</p>"
        f'<progress class="netedu-bar" value="{t.answered}" max="{t.total}" aria-hidden="true"></progress>'
    )


def title_html(text: str, lead: str = "") -> str:
    """The view's heading; focus moves to it when the view changes (``id="sec-title"``)."""
    lead_html = f'<p class="netedu-view-lead">{escape(lead)}</p>' if lead else ""
    return f'<h1 id="sec-title" tabindex="-1" class="netedu-view-title">{escape(text)}</h1>{lead_html}'


#: The deck download, relative to the player's page ({base}voila/render/course.ipynb).
ANKI_LINK = "../../export/netedu.apkg"


def contents_html(content: Content, progress: Progress, last_topic: str | None, due_again: int = 0, anki: bool = False) -> str:
    course = content.course
    parts = [
        title_html(course.title),
        f'<p class="netedu-lead">{escape(course.description)}</p>',
        disclaimer_html(),
    ]
    if due_again:
        parts.append(
            f'<p class="netedu-due"><strong>{plural(due_again, "question")} you got right before {"is" if due_again == 1 else "are"} due again.</strong> '
            '<a href="?view=progress&amp;section=due-again">Review them now</a> to keep them fresh.</p>'
        )
    if last_topic in content.topics:
        topic = content.topics[last_topic]
        parts.append(
            f'<p class="netedu-continue"><a class="netedu-button-link" href="?topic={escape(topic.id)}">'
            f"Continue where you left off: {escape(topic.title)}</a></p>"
        )
    else:
        parts.append(
            f'<p class="netedu-continue"><a class="netedu-button-link" href="?view=start">{escape(course.start_page.title)}</a></p>'
        )
    parts.append('<h2 id="sec-topics" tabindex="-1">Topics</h2><ol class="netedu-topic-list">')
    by_topic = {t.topic_id: t for t in progress.topics}
    for n, topic in enumerate(content.topics.values(), start=1):
        objectives = "".join(f"<li>{escape(o.text)}</li>" for o in topic.objectives)
        parts.append(
            f'<li class="netedu-topic-card" data-topic="{escape(topic.id)}">'
            f'<h3><span class="netedu-topic-number">Topic {n}.</span> <a href="?topic={escape(topic.id)}">{escape(topic.title)}</a></h3>'
            f"<p>{escape(topic.summary)}</p>{_bar(by_topic[topic.id])}"
            f"<details><summary>Learning objectives</summary><ul>{objectives}</ul></details></li>"
        )
    parts.append("</ol>")
    if anki:
        parts.append(
            '<h2 id="sec-anki" tabindex="-1">Revise anywhere</h2>'
            f'<p>Take every question with you: <a href="{ANKI_LINK}">download the Anki deck</a> '
            "(one card per question, with the answer, the reasoning and the sources; open it in Anki on a computer or phone). "
            "Downloading a newer deck later updates your cards and keeps your reviews.</p>"
        )
    return "".join(parts)


def topic_header_html(content: Content, topic: Topic) -> str:
    order = list(content.topics)
    position = order.index(topic.id) + 1
    objectives = "".join(f"<li>{escape(o.text)}</li>" for o in topic.objectives)
    return (
        title_html(topic.title, f"Topic {position} of {len(order)} · reviewed {topic.last_reviewed.isoformat()}")
        + disclaimer_html()
        + f'<section class="netedu-objectives" aria-label="Learning objectives"><p><strong>By the end of this topic you will be able to:</strong></p><ul>{objectives}</ul></section>'
    )


def nav_html(content: Content, route: Route, *, where: str) -> str:
    """Links between views: the top bar, or previous / contents / next under a topic."""
    if where == "top":
        links = [("?", "Contents"), ("?view=start", content.course.start_page.title), ("?view=progress", "My progress")]
        current = {"contents": "?", "start": "?view=start", "progress": "?view=progress"}.get(route.view)
        items = "".join(
            f'<li><a href="{href}"{" aria-current=" + chr(34) + "page" + chr(34) if href == current else ""}>{escape(text)}</a></li>'
            for href, text in links
        )
        return f'<nav class="netedu-topnav" aria-label="Course"><ul>{items}</ul></nav>'
    order = list(content.topics)
    items = []
    if route.view == "topic" and route.topic in order:
        i = order.index(route.topic)
        if i > 0:
            prev = content.topics[order[i - 1]]
            items.append(f'<li><a href="?topic={escape(prev.id)}">← Previous: {escape(prev.title)}</a></li>')
        items.append('<li><a href="?">Contents</a></li>')
        if i < len(order) - 1:
            nxt = content.topics[order[i + 1]]
            items.append(f'<li><a href="?topic={escape(nxt.id)}">Next: {escape(nxt.title)} →</a></li>')
    elif route.view == "start" and order:
        first = content.topics[order[0]]
        items.append(f'<li><a href="?topic={escape(first.id)}">Begin: {escape(first.title)} →</a></li>')
    if not items:
        return ""
    return f'<nav class="netedu-pagenav" aria-label="Topic navigation"><ul>{"".join(items)}</ul></nav>'


def progress_html(content: Content, progress: Progress) -> str:
    parts = [title_html("My progress", "From your latest answer to each question; only you can see this.")]
    if not progress.answered:
        parts.append('<p>You have not answered any questions yet. <a href="?">Choose a topic</a> to begin.</p>')
        return "".join(parts)
    rows = "".join(
        f'<tr><th scope="row"><a href="?topic={escape(t.topic_id)}">{escape(t.title)}</a></th>'
        f"<td>{t.answered} of {t.total}</td><td>{t.correct}</td><td>{'–' if t.percent is None else str(t.percent) + '%'}</td></tr>"
        for t in progress.topics
    )
    parts.append(
        '<h2 id="sec-by-topic" tabindex="-1">By topic</h2><table class="netedu-table">'
        '<thead><tr><th scope="col">Topic</th><th scope="col">Answered</th><th scope="col">Right</th><th scope="col">Points</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )
    weakest = progress.weakest
    items = "".join(
        f'<li><a href="?topic={escape(o.topic_id)}">{markdown_inline(o.text)}</a> '
        f'<span class="netedu-progress-text">({o.percent}% of points on {plural(o.answered, "question")}, '
        f"{escape(content.topics[o.topic_id].title)})</span></li>"
        for o in weakest
    )
    parts.append(
        f'<h2 id="sec-by-objective" tabindex="-1">By learning objective, weakest first</h2><ol class="netedu-weakest">{items}</ol>'
    )
    parts.append(
        '<h2 id="sec-review" tabindex="-1">Review what I missed</h2>'
        f"<p>{plural(len(progress.missed), 'question')} where your latest answer was not right.</p>"
    )
    return "".join(parts)


def spaced_html(schedule: Schedule, now: dt.datetime) -> str:
    """The "due again" section: questions answered right come back after growing gaps."""
    parts = [
        '<h2 id="sec-due-again" tabindex="-1">Due again</h2>',
        (
            "<p>Questions you got right come back after growing gaps (days at first, then weeks), "
            "because recalling something just as you begin to forget it is what keeps it.</p>"
        ),
    ]
    if schedule.due:
        parts.append(f'<p class="netedu-due"><strong>{plural(len(schedule.due), "question")} due again now.</strong></p>')
    elif schedule.next_due is not None:
        soon = schedule.due_by(schedule.next_due)
        parts.append(f"<p>Nothing is due again now. Next: {plural(soon, 'question')} {_from_now(schedule.next_due, now)}.</p>")
    else:
        parts.append("<p>Nothing yet: questions you answer right in the topics will be scheduled here.</p>")
    return "".join(parts)
