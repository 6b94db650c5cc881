"""The words netedu shows: plurals, lists, and messages as sentences that keep the learner's words."""

from __future__ import annotations

import pytest

from netedu.words import and_list, plural, sentence, upper_first


@pytest.mark.parametrize("count, expected", [(0, "0 questions"), (1, "1 question"), (2, "2 questions")])
def test_plural(count, expected) -> None:
    assert plural(count, "question") == expected


def test_a_message_keeps_the_learners_own_words() -> None:
    """str.capitalize() once turned "(you wrote 'Inches')" into "(you wrote 'inches')"."""
    assert sentence("give the answer in cm (you wrote 'Inches')") == "Give the answer in cm (you wrote 'Inches')."
    assert upper_first("") == "" and sentence("  Done!  ") == "Done!"


def test_and_list() -> None:
    assert [and_list(w) for w in ([], ["a"], ["a", "b"], ["a", "b", "c"])] == ["", "a", "a and b", "a, b and c"]
