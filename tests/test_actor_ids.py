"""New actors get readable ASCII keys, distinct for distinct names."""

from __future__ import annotations

import pytest

from kg.resolve.new_names import actor_slug


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Søren Østergaard", "soren_ostergaard"),
        ("Владимир Путин", "vladimir_putin"),
        ("Łukasz Żółć", "lukasz_zolc"),
        ("Ahmed al-Sharaa", "ahmed_al_sharaa"),
    ],
)
def test_a_new_actor_key_is_readable(name, slug):
    assert actor_slug(name) == slug


def test_names_with_nothing_to_spell_still_get_distinct_keys():
    first, second = actor_slug("☆☆"), actor_slug("★★")
    assert first.startswith("unnamed_") and second.startswith("unnamed_") and first != second
    assert actor_slug("محمد") != actor_slug("علي")
