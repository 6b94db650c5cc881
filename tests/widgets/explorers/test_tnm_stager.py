"""TnmStagerWidget, driven from Python as the page would drive it."""

from __future__ import annotations

from netedu.widgets.explorers.tnm_stager import TnmStagerWidget


def test_tnm_stager_builds_t_n_m_then_the_stage(build) -> None:
    w = build("tnm-stager")
    assert isinstance(w, TnmStagerWidget)
    assert [f["key"] for f in w.form.fields] == ["size", "invasion", "nodes", "liver", "outside"]
    w.form.submit({"size": "2.5 cm", "invasion": "none", "nodes": "1", "liver": "yes", "outside": "no"})
    html = w.form.result_html
    assert "T: T2" in html and "N: N1" in html and "M: M1a" in html and "Stage IV" in html
    w.choose("jejunum-ileum")
    assert "mass" in [f["key"] for f in w.form.fields] and w.form.result_html == ""
    w.form.submit({"size": "0.8", "invasion": "mucosa-or-submucosa", "nodes": "12", "mass": "no", "liver": "no", "outside": "no"})
    assert "N: N2" in w.form.result_html and "Stage III" in w.form.result_html
    w.form.submit({"size": "-1", "invasion": "subserosa", "nodes": "2.5", "mass": "no", "liver": "no", "outside": "no"})
    assert "more than 0 cm" in w.form.errors["size"]
    assert "whole number" in w.form.errors["nodes"]
