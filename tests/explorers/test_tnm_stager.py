"""The TNM stager's form logic (the staging rules themselves: tests/medicine/test_staging.py)."""

from __future__ import annotations

import pytest

from netedu.explorers.tnm_stager import REFERENCES, evaluate, fields, site_choices

FINDINGS = {"size": "2.5 cm", "invasion": "none", "nodes": "1", "liver": "yes", "outside": "no"}


def test_sites_are_offered_with_their_names() -> None:
    assert site_choices() == [("pancreas", "Pancreas"), ("jejunum-ileum", "Jejunum or ileum")]
    assert "mass" in [f["key"] for f in fields("jejunum-ileum")] and "mass" not in [f["key"] for f in fields("pancreas")]


def test_findings_give_t_n_m_and_the_stage_with_sources(content) -> None:
    outcome = evaluate("pancreas", FINDINGS, content.references_for)
    assert outcome.announcement == "Stage IV: T2 N1 M1a." and "T: T2</strong>, because" in outcome.html
    assert all(content.references[r].short in outcome.html for r in ("ajcc-2017",)) and set(REFERENCES) <= set(content.references)


@pytest.mark.parametrize(
    "changes, field, message",
    [
        # The learner's own words keep their case in the message.
        ({"size": "3 Inches"}, "size", "Give the answer in cm (you wrote 'Inches')."),
        ({"size": "0"}, "size", "The tumour size must be more than 0 cm."),
        ({"nodes": "2.5"}, "nodes", "The number of nodes is a whole number."),
        ({"nodes": "-3"}, "nodes", "The number of involved nodes cannot be negative (got -3)."),
        ({"invasion": ""}, "invasion", "Choose one."),
    ],
)
def test_bad_findings_are_explained_field_by_field(changes, field, message) -> None:
    outcome = evaluate("pancreas", {**FINDINGS, **changes}, lambda ids: [])
    assert outcome.errors[field] == message and outcome.html == "" and outcome.announcement.startswith("Please correct:")
