"""The notebook-call grammar, read in one place for the notebook rules and the player."""

from __future__ import annotations

import pytest

from netedu.content.calls import Call, read_cell


def test_literal_calls_are_read_with_their_arguments() -> None:
    reading = read_cell("import netedu\nnetedu.quiz('staging', mode='exam', time_limit=20)")
    assert reading.imports_netedu and reading.problems == ()
    assert reading.calls == (Call("quiz", ("staging",), {"mode": "exam", "time_limit": 20}),)
    assert reading.calls[0].line == 2


@pytest.mark.parametrize(
    "source, words",
    [
        ("import netedu\nx = 1\nnetedu.quiz('a')", "at most 2 lines"),
        ("netedu.quiz(topic)", "literal arguments"),
        ("netedu.quiz(**options)", "literal arguments"),
        ("import netedu as n", "only 'import netedu'"),
        ("netedu.open('/etc/passwd')", "only 'import netedu'"),
        ("netedu.quiz(", "Python syntax error"),
    ],
)
def test_anything_else_is_a_problem_and_never_a_call(source, words) -> None:
    reading = read_cell(source)
    assert reading.calls == () and any(words in p for p in reading.problems), reading.problems
