"""TNM staging of well-differentiated gastroenteropancreatic NETs (AJCC 8th edition), for teaching.

Pure functions: ``t_category`` / ``n_category`` / ``m_category`` build the categories from
findings, and ``stage(site, t, n, m)`` gives the stage group with its reason. Poorly
differentiated neuroendocrine carcinomas are staged with the carcinoma system of their organ,
not with these tables. This is an educational tool, not a clinical one.

Pancreas (well-differentiated pancreatic NETs, G1–G3):

* T1 limited to the pancreas, < 2 cm; T2 limited to the pancreas, 2–4 cm; T3 limited to the
  pancreas and > 4 cm, or invading the duodenum or common bile duct; T4 invading adjacent
  organs (stomach, spleen, colon, adrenal gland) or the wall of large vessels (coeliac axis,
  superior mesenteric artery).
* N0 no regional nodes involved; N1 regional nodes involved.
* Stage I T1 N0 M0; II T2–T3 N0 M0; III T4 N0 M0, or any T N1 M0; IV any M1.

Jejunum and ileum:

* T1 invades the lamina propria or submucosa and ≤ 1 cm; T2 invades the muscularis propria or
  > 1 cm; T3 through the muscularis propria into subserosal tissue, without penetrating the
  serosa; T4 invades the serosa (visceral peritoneum) or other organs.
* N0; N1 fewer than 12 nodes involved, without mesenteric masses > 2 cm; N2 12 or more nodes,
  or mesenteric masses > 2 cm.
* Stage I T1 N0 M0; II T2–T3 N0 M0; III T4 N0 M0, or any T N1–N2 M0; IV any M1.

Metastases (both sites): M0 none; M1a liver only; M1b at least one site outside the liver;
M1c both.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

__all__ = ["SITES", "StageResult", "m_category", "n_category", "stage", "t_category"]

SITES: dict[str, dict] = {
    "pancreas": {
        "name": "pancreas",
        "t": ("T1", "T2", "T3", "T4"),
        "n": ("N0", "N1"),
        "invasion": ("none", "duodenum-or-bile-duct", "adjacent-organ-or-vessel"),
        # T, N and M: the AJCC manual (checked in its TNM calculator) and the American Cancer
        # Society's table; stage groups III and IV in words from the Canadian Cancer Society.
        "references": ("ajcc-2017", "acs-pnet-staging", "ccs-pnet-stages"),
    },
    "jejunum-ileum": {
        "name": "jejunum or ileum",
        "t": ("T1", "T2", "T3", "T4"),
        "n": ("N0", "N1", "N2"),
        "invasion": ("mucosa-or-submucosa", "muscularis-propria", "subserosa", "serosa-or-other-organs"),
        # Table 2 of Kupietzky et al. 2023 reproduces the AJCC 8th jejunum/ileum tables.
        "references": ("ajcc-2017", "kupietzky-2023"),
    },
}
M_CATEGORIES = ("M0", "M1", "M1a", "M1b", "M1c")


@dataclass(frozen=True)
class Category:
    code: str
    reason: str


@dataclass(frozen=True)
class StageResult:
    group: Literal["I", "II", "III", "IV"]
    reason: str
    site: str
    t: str
    n: str
    m: str

    @property
    def label(self) -> str:
        return f"Stage {self.group}"


def _site(site: str) -> dict:
    if site not in SITES:
        raise ValueError(f"no AJCC NET table here for site {site!r}: use one of {', '.join(SITES)}")
    return SITES[site]


def _number(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"{name} must be a number, got {value!r}")
    if value < 0:
        raise ValueError(f"{name} cannot be negative (got {value:g})")
    return float(value)


def t_category(site: str, *, size_cm: float, invasion: str) -> Category:
    """T from the tumour's largest size and how far it invades.

    >>> t_category("pancreas", size_cm=4.0, invasion="none").code
    'T2'
    >>> t_category("pancreas", size_cm=4.1, invasion="none").code
    'T3'
    """
    spec = _site(site)
    size = _number("tumour size", size_cm)
    if size == 0:
        raise ValueError("tumour size must be more than 0 cm")
    if invasion not in spec["invasion"]:
        raise ValueError(f"invasion {invasion!r} is not a choice for the {spec['name']}: use one of {', '.join(spec['invasion'])}")
    if site == "pancreas":
        if invasion == "adjacent-organ-or-vessel":
            return Category("T4", "it invades adjacent organs or the wall of a large vessel")
        if invasion == "duodenum-or-bile-duct":
            return Category("T3", "it invades the duodenum or the common bile duct")
        if size < 2:
            return Category("T1", f"it is limited to the pancreas and {size:g} cm (< 2 cm)")
        if size <= 4:
            return Category("T2", f"it is limited to the pancreas and {size:g} cm (2 to 4 cm)")
        return Category("T3", f"it is limited to the pancreas but {size:g} cm (> 4 cm)")
    if invasion == "serosa-or-other-organs":
        return Category("T4", "it invades the serosa or other organs")
    if invasion == "subserosa":
        return Category("T3", "it grows through the muscularis propria into the subserosa")
    if invasion == "muscularis-propria":
        return Category("T2", "it invades the muscularis propria")
    if size <= 1:
        return Category("T1", f"it is confined to the lamina propria or submucosa and {size:g} cm (≤ 1 cm)")
    return Category("T2", f"it is confined to the lamina propria or submucosa but {size:g} cm (> 1 cm)")


def n_category(site: str, *, positive_nodes: int, mesenteric_mass_over_2cm: bool = False) -> Category:
    """N from the number of involved regional nodes (and, for the small bowel, mesenteric masses).

    >>> n_category("jejunum-ileum", positive_nodes=11).code, n_category("jejunum-ileum", positive_nodes=12).code
    ('N1', 'N2')
    """
    _site(site)
    if isinstance(positive_nodes, bool) or not isinstance(positive_nodes, int):
        raise ValueError(f"the number of involved nodes must be a whole number, got {positive_nodes!r}")
    if positive_nodes < 0:
        raise ValueError(f"the number of involved nodes cannot be negative (got {positive_nodes})")
    if site == "pancreas":
        if mesenteric_mass_over_2cm:
            raise ValueError("mesenteric masses are part of small-bowel staging, not the pancreas")
        return (
            Category("N1", f"{positive_nodes} regional node(s) involved")
            if positive_nodes
            else Category("N0", "no regional nodes involved")
        )
    if mesenteric_mass_over_2cm:
        return Category("N2", "there are mesenteric masses larger than 2 cm")
    if positive_nodes >= 12:
        return Category("N2", f"{positive_nodes} nodes are involved (12 or more)")
    if positive_nodes:
        return Category("N1", f"{positive_nodes} node(s) involved (fewer than 12, no mesenteric mass over 2 cm)")
    return Category("N0", "no regional nodes involved")


def m_category(*, liver: bool, outside_liver: bool) -> Category:
    """M from where distant metastases are: the liver, elsewhere, or both."""
    if liver and outside_liver:
        return Category("M1c", "metastases in the liver and outside it")
    if outside_liver:
        return Category("M1b", "metastases outside the liver only")
    if liver:
        return Category("M1a", "metastases in the liver only")
    return Category("M0", "no distant metastases")


def stage(site: str, t: str, n: str, m: str) -> StageResult:
    """The AJCC 8th stage group of a well-differentiated NET at ``site``.

    >>> stage("pancreas", "T2", "N1", "M0").label
    'Stage III'
    >>> stage("pancreas", "T1", "N2", "M0")
    Traceback (most recent call last):
    ...
    ValueError: N2 is not a category for the pancreas: use N0 or N1
    """
    spec = _site(site)
    if t not in spec["t"]:
        raise ValueError(f"{t} is not a category for the {spec['name']}: use {' or '.join(spec['t'])}")
    if n not in spec["n"]:
        raise ValueError(f"{n} is not a category for the {spec['name']}: use {' or '.join(spec['n'])}")
    if m not in M_CATEGORIES:
        raise ValueError(f"{m} is not an M category: use {', '.join(M_CATEGORIES)}")
    where = spec["name"]
    if m != "M0":
        group, reason = "IV", f"{m}: any distant metastasis makes it stage IV, whatever T and N"
    elif n != "N0":
        group, reason = "III", f"{n}: involved regional nodes (without distant spread) make it stage III, whatever T"
    elif t == "T4":
        group, reason = "III", "T4 with N0 and M0 is stage III"
    elif t in ("T2", "T3"):
        group, reason = "II", f"{t} with N0 and M0 is stage II"
    else:
        group, reason = "I", "T1 with N0 and M0 is stage I"
    return StageResult(group, f"Well-differentiated NET of the {where}, {t} {n} {m}. {reason}.", site, t, n, m)  # type: ignore[arg-type]
