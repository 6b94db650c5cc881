"""The TNM stager against every stage group of the AJCC 8th tables it covers, and every boundary."""

from __future__ import annotations

import itertools

import pytest

from netedu.medicine.staging import SITES, m_category, n_category, stage, t_category

EXPECTED = {  # AJCC 8th stage groups, written out cell by cell
    "pancreas": {
        ("T1", "N0"): "I",
        ("T2", "N0"): "II",
        ("T3", "N0"): "II",
        ("T4", "N0"): "III",
        **{(t, "N1"): "III" for t in ("T1", "T2", "T3", "T4")},
    },
    "jejunum-ileum": {
        ("T1", "N0"): "I",
        ("T2", "N0"): "II",
        ("T3", "N0"): "II",
        ("T4", "N0"): "III",
        **{(t, n): "III" for t in ("T1", "T2", "T3", "T4") for n in ("N1", "N2")},
    },
}


@pytest.mark.parametrize("site", sorted(EXPECTED))
def test_every_stage_group_of_the_table(site) -> None:
    for (t, n), group in EXPECTED[site].items():
        assert stage(site, t, n, "M0").group == group, (site, t, n)
        for m in ("M1", "M1a", "M1b", "M1c"):
            result = stage(site, t, n, m)
            assert result.group == "IV" and m in result.reason


def test_the_reason_says_what_decided() -> None:
    assert stage("pancreas", "T4", "N0", "M0").reason.endswith("T4 with N0 and M0 is stage III.")
    assert "involved regional nodes" in stage("jejunum-ileum", "T1", "N2", "M0").reason
    assert stage("jejunum-ileum", "T3", "N0", "M0").label == "Stage II"


@pytest.mark.parametrize(
    "site, t, n, m, message",
    [
        ("pancreas", "T1", "N2", "M0", "N2 is not a category for the pancreas: use N0 or N1"),
        ("pancreas", "T5", "N0", "M0", "T5 is not a category"),
        ("jejunum-ileum", "T1", "N3", "M0", "N3 is not a category for the jejunum or ileum"),
        ("jejunum-ileum", "T1", "N0", "M2", "M2 is not an M category"),
        ("stomach", "T1", "N0", "M0", "no AJCC NET table here for site 'stomach'"),
        ("pancreas", "t1", "N0", "M0", "t1 is not a category"),
    ],
)
def test_invalid_categories_are_refused(site, t, n, m, message) -> None:
    with pytest.raises(ValueError, match=message):
        stage(site, t, n, m)


PANCREAS_T = [(0.5, "T1"), (1.9, "T1"), (1.99, "T1"), (2.0, "T2"), (3.0, "T2"), (4.0, "T2"), (4.01, "T3"), (4.1, "T3"), (9, "T3")]


@pytest.mark.parametrize("size, code", PANCREAS_T)
def test_pancreas_t_at_and_around_2_and_4_cm(size, code) -> None:
    assert t_category("pancreas", size_cm=size, invasion="none").code == code
    assert t_category("pancreas", size_cm=size, invasion="duodenum-or-bile-duct").code in ("T3",)
    assert t_category("pancreas", size_cm=size, invasion="adjacent-organ-or-vessel").code == "T4"


@pytest.mark.parametrize(
    "size, depth, code",
    [
        (0.5, "mucosa-or-submucosa", "T1"),
        (1.0, "mucosa-or-submucosa", "T1"),
        (1.01, "mucosa-or-submucosa", "T2"),
        (1.5, "mucosa-or-submucosa", "T2"),
        (0.8, "muscularis-propria", "T2"),
        (0.8, "subserosa", "T3"),
        (3.0, "subserosa", "T3"),
        (0.8, "serosa-or-other-organs", "T4"),
    ],
)
def test_small_bowel_t_by_size_and_depth(size, depth, code) -> None:
    assert t_category("jejunum-ileum", size_cm=size, invasion=depth).code == code


@pytest.mark.parametrize(
    "nodes, mass, code",
    [(0, False, "N0"), (1, False, "N1"), (11, False, "N1"), (12, False, "N2"), (30, False, "N2"), (0, True, "N2"), (3, True, "N2")],
)
def test_small_bowel_n_at_and_around_12_nodes_and_masses(nodes, mass, code) -> None:
    assert n_category("jejunum-ileum", positive_nodes=nodes, mesenteric_mass_over_2cm=mass).code == code


def test_pancreas_n_and_every_m() -> None:
    assert n_category("pancreas", positive_nodes=0).code == "N0"
    assert n_category("pancreas", positive_nodes=1).code == "N1"
    assert n_category("pancreas", positive_nodes=20).code == "N1"
    codes = {(liver, out): m_category(liver=liver, outside_liver=out).code for liver, out in itertools.product((False, True), repeat=2)}
    assert codes == {(False, False): "M0", (True, False): "M1a", (False, True): "M1b", (True, True): "M1c"}


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: t_category("pancreas", size_cm=-1, invasion="none"), "cannot be negative"),
        (lambda: t_category("pancreas", size_cm=0, invasion="none"), "more than 0 cm"),
        (lambda: t_category("pancreas", size_cm=float("nan"), invasion="none"), "must be a number"),
        (lambda: t_category("pancreas", size_cm=2, invasion="serosa-or-other-organs"), "not a choice for the pancreas"),
        (lambda: n_category("pancreas", positive_nodes=-1), "cannot be negative"),
        (lambda: n_category("jejunum-ileum", positive_nodes=2.5), "whole number"),
        (lambda: n_category("pancreas", positive_nodes=1, mesenteric_mass_over_2cm=True), "not the pancreas"),
    ],
)
def test_impossible_findings_are_refused(call, message) -> None:
    with pytest.raises(ValueError, match=message):
        call()


def test_every_site_has_its_categories() -> None:
    assert set(SITES) == set(EXPECTED)
