"""The body map's logic: an organ's card."""

from __future__ import annotations


def test_an_organ_card_says_how_each_net_behaves_and_presents(content) -> None:
    from netedu.explorers.body_map import organ_html

    body = content.explorers["body-map"]
    organ = next(o for o in body.organs if o.id == "small-intestine")
    html = organ_html(organ, content.references_for)
    assert organ.name in html and "How it presents" in html and "Source" in html


def test_every_organ_region_is_listed_for_the_image_check(content) -> None:
    body = content.explorers["body-map"]
    regions = list(body.image_regions())
    assert [r[1] for r in regions] == [o.id for o in body.organs] and regions[0][0] == ("organs", 0, "coords")
