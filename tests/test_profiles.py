"""Language profiles: every supported language has one, complete and well typed."""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Mapping

import pytest

from kg.errors import DataError
from kg.nlp import LANGUAGES as PIPELINE_LANGUAGES
from kg.profiles import FIELDS, LANGUAGES, Profile, any_language, any_language_map, profile
from kg.resources import ontology_file


def test_every_pipeline_language_has_a_profile():
    assert set(LANGUAGES) == set(PIPELINE_LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_profile_file_gives_every_field_and_no_other(lang):
    with ontology_file(f"languages/{lang}.toml").open("rb") as fh:
        data = tomllib.load(fh)
    assert set(data) == set(FIELDS)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_profile_is_complete_and_frozen(lang):
    p = profile(lang)
    assert p.lang == lang and p.name
    for field in dataclasses.fields(Profile):
        value = getattr(p, field.name)
        assert isinstance(value, str | tuple | frozenset | Mapping), field.name
        if isinstance(value, frozenset | tuple) and field.name not in ("demonym_endings",):
            assert all(isinstance(w, str) and w == w.lower() for w in value), field.name
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.lang = "xx"  # type: ignore[misc]


@pytest.mark.parametrize(
    "field",
    [
        "agent_prepositions",
        "of_prepositions",
        "target_prepositions",
        "relative_pronouns",
        "definite_articles",
        "copulas",
        "negations",
        "conjunctions",
        "year_words",
    ],
)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_core_word_lists_are_not_empty(lang, field):
    assert getattr(profile(lang), field), f"{lang} profile has no {field}"


def test_demonym_endings_are_pairs():
    for p in (profile(lang) for lang in LANGUAGES):
        assert all(len(pair) == 2 for pair in p.demonym_endings)


def test_any_language_is_the_union_of_the_profiles():
    assert any_language("agent_prepositions") == {"door", "by"}
    assert any_language("conjunctions") == {"en", "and"}


def test_unknown_language_says_what_to_add():
    with pytest.raises(DataError, match=r"ontology/languages/xx\.toml"):
        profile("xx")


def test_tables_are_read_only_and_merge_across_languages():
    assert profile("nl").person_pronouns["hij"] == "m"
    with pytest.raises(TypeError):
        profile("nl").set_counts["tien"] = 10  # type: ignore[index]
    counts = any_language_map("set_counts")
    assert counts["beide"] == 2 and counts["both"] == 2


@pytest.mark.parametrize(
    ("text", "lemma", "derived"),
    [
        ("Duitser", "Duitser", ["Duitsers", "Duitsersisch", "Duitserisch", "Duits"]),
        ("Syriër", "Syriër", ["Syriërs", "Syriërsisch", "Syriërisch", "Syriisch", "Syrisch"]),
        ("Mexicanen", "Mexicanen", ["Mexicaans", "Mexicaansisch", "Mexicaanisch"]),
        ("Americans", "American", ["Americans", "Americansisch", "Americanisch", "American"]),
    ],
)
def test_nationality_forms_follow_the_profiles_suffix_rules(text, lemma, derived):
    """The lemma (a Dutch plural made singular), then the adjective endings in the
    profiles' order, then the written form without an English plural ending."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from kg.resolve.new_names import nationality_forms

    doc = Doc(Vocab(), words=[text], lemmas=[lemma])
    forms = nationality_forms(doc[0])
    assert forms[0] == ("Mexicaan" if text == "Mexicanen" else lemma)
    assert forms[1:] == derived
