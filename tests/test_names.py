"""Names spelt otherwise, short mentions of people named in full, and the words
around a name that are no part of it."""

from __future__ import annotations

import pytest

from kg.ingest import parse_article
from kg.nlp import load
from kg.resolve import resolve
from kg.resolve.spelling import spelling_key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Poetin", "Putin"),
        ("Sergej Sjojgoe", "Sergei Shoigu"),
        ("Kasym-Zjomart Tokajev", "Kassym-Jomart Tokayev"),
        ("Walid al-Moualem", "Walid Muallem"),
        ("Ri Yong Ho", "Ri Yong-ho"),
        ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"),
        ("Wladimir", "Vladimir"),
    ],
)
def test_spellings_of_one_name_share_a_key(one, other):
    assert spelling_key(one) == spelling_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [("Kim Jong-un", "Kim Jong-il"), ("Maria", "Mario"), ("Ali Khamenei", "Ali Larijani")],
)
def test_different_names_keep_different_keys(one, other):
    assert spelling_key(one) != spelling_key(other)


def mentions(text, lang="nl", date="2024-03-01"):
    document = parse_article(f"date {date}\n\n{text}\n", "t", lang=lang)
    result = resolve(load(lang)(document.text), document)
    return [(m.text, m.actor.name) for m in result.mentions]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "lang", "mention", "actor"),
    [
        # Dutch transliteration of a name the gazetteer has in English only
        ("Minister Sergej Sjojgoe bezocht de troepen.", "nl", "Sergej Sjojgoe", "Sergei Shoigu"),
        # hyphens of a Korean given name left out
        ("Ri Yong Ho sprak in New York.", "nl", "Ri Yong Ho", "Ri Yong-ho"),
        # an acronym said as a word, written with one capital
        ("Turkije wil dat de Navo meer doet.", "nl", "Navo", "NATO"),
        ("Saudi-Arabië en de Opec verlagen de productie.", "nl", "Opec", "OPEC"),
        # the sentence's full stop glued to an abbreviation
        ("Het land verliet de VN.", "nl", "VN.", "United Nations"),
    ],
)
def test_a_known_name_spelt_otherwise_is_found(text, lang, mention, actor):
    assert (mention, actor) in mentions(text, lang)


@pytest.mark.slow
def test_a_letter_acronym_that_is_a_word_stays_case_exact():
    found = mentions("Who said that the talks had failed?", "en")
    assert all(actor != "World Health Organization" for _, actor in found)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "lang", "short", "full"),
    [
        # a Korean family name comes first
        (
            "Kang Min-seok sprak met de pers. Kang zei dat het overleg doorgaat.",
            "nl",
            "Kang",
            "Kang Min-seok",
        ),
        # an Arabic article written or left out, the surname tagged as an adjective
        (
            "Foreign Minister Karim al-Haddad spoke. Haddad said talks would go on.",
            "en",
            "Haddad",
            "Karim al-Haddad",
        ),
    ],
)
def test_a_short_mention_is_the_person_named_in_full_before(text, lang, short, full):
    found = mentions(text, lang)
    assert (short, full) in found
    assert not any(actor == short for _, actor in found)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        ("Gisteren sprak Jan de Bruijne met de minister.", "nl", "Jan de Bruijne"),
        ("Yesterday Omar bin Tariq spoke to the minister.", "en", "Omar bin Tariq"),
    ],
)
def test_a_name_particle_stays_in_the_name(text, lang, name):
    assert any(actor == name for _, actor in mentions(text, lang))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "lang", "name"),
    [
        ("De Noor Erik Lund sprak met de pers.", "nl", "Erik Lund"),
        ("De Duitser Jonas Becker sprak met de pers.", "nl", "Jonas Becker"),
        ("The Frenchman Luc Moreau spoke to the press.", "en", "Luc Moreau"),
    ],
)
def test_a_nationality_noun_is_no_part_of_the_name(text, lang, name):
    names = [actor for _, actor in mentions(text, lang)]
    assert name in names
    assert not any(actor.endswith(name) and actor != name for actor in names)


def kinds(text, lang, date="2024-03-01"):
    document = parse_article(f"date {date}\n\n{text}\n", "t", lang=lang)
    result = resolve(load(lang)(document.text), document)
    return {m.actor.name: m.actor.kind for m in result.mentions}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "lang", "name", "kind"),
    [
        # a party-member noun is no part of the name
        ("De Republikein Tom Becker steunde het plan.", "nl", "Tom Becker", "Person"),
        # a name written as a foreign word, with its patronymic
        ("Kroonprins Salman bin Khalid sprak in Doha.", "nl", "Salman bin Khalid", "Person"),
        # an unknown name after a place preposition is a place
        ("The attack in Nueva Esperanza killed ten.", "en", "Nueva Esperanza", "Place"),
        ("De colonne trok naar Santa Rosalía.", "nl", "Santa Rosalía", "Place"),
    ],
)
def test_what_an_unknown_name_names(text, lang, name, kind):
    assert kinds(text, lang).get(name) == kind


@pytest.mark.slow
def test_the_patronymic_after_a_known_name_is_that_person():
    found = mentions("De emir Tamim bin Hamad sprak in Doha.", "nl")
    assert all(actor != "Hamad" for _, actor in found)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "lang", "actor"),
    [
        # more patronymic parts than the title has
        (
            "Premier Mohammed bin Abdulrahman bin Jassim Al Thani sprak met Hamas.",
            "nl",
            "Mohammed bin Abdulrahman Al Thani",
        ),
        # the longer name wins over the father's name inside it
        ("Emir Tamim bin Hamad bin Khalifa Al Thani spoke.", "en", "Tamim bin Hamad Al Thani"),
    ],
)
def test_a_name_with_extra_patronymic_parts(text, lang, actor):
    found = [a for _, a in mentions(text, lang)]
    assert actor in found
    assert "Hamad bin Khalifa Al Thani" not in found


@pytest.mark.slow
def test_an_office_compound_before_a_name_and_a_surname_tagged_as_noun():
    found = mentions("Het Amerikaanse Congreslid Maxine Waters ontkent alles.", "nl")
    assert [actor for _, actor in found] == ["Maxine Waters"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "lang", "word"),
    [
        # an adverb opening a sentence, capitalised, is no new name
        ("Amper twee dagen later sprak Rutte met Macron.", "nl", "Amper"),
        ("Nauwelijks een week later reisde Rutte naar Kyiv.", "nl", "Nauwelijks"),
        ("Hardly a week later Rutte travelled to Kyiv.", "en", "Hardly"),
    ],
)
def test_a_function_word_opening_a_sentence_is_no_name(text, lang, word):
    assert word not in {m for m, _ in mentions(text, lang)}


@pytest.mark.slow
def test_an_unknown_name_opening_a_sentence_is_still_a_name():
    assert ("Kowalczyk", "Kowalczyk") in mentions("Kowalczyk sprak met Rutte.", "nl")


def test_the_function_word_list_is_what_the_treebanks_give():
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    if not (root.parent / "shared" / "data" / "nl-ud").is_dir():
        pytest.skip("../shared/data is not beside the repository")
    spec = importlib.util.spec_from_file_location(
        "build_function_words", root / "scripts" / "build_function_words.py"
    )
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    shipped = (root / "ontology" / "lexicon" / "function_words.tsv").read_text(encoding="utf-8")
    for lang in ("nl", "en"):
        words = build.function_words(root.parent / "shared" / "data" / f"{lang}-ud")
        assert [
            line.split("\t")[1] for line in shipped.splitlines() if line.startswith(lang + "\t")
        ] == words


@pytest.mark.slow
def test_a_dutch_name_with_an_uninflected_demonym_is_found():
    # the gazetteer has "Amerikaanse ministerie van Buitenlandse Zaken"
    found = mentions("Het Amerikaans ministerie van Buitenlandse Zaken reageerde kort.")
    assert (
        "Amerikaans ministerie van Buitenlandse Zaken",
        "United States Department of State",
    ) in found


def test_only_an_inflected_demonym_loses_its_e():
    from kg.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    assert gazetteer._uninflected("Russische Federatie") == "Russisch Federatie"
    assert gazetteer._uninflected("Verenigde Staten") is None  # no demonym
    assert gazetteer._uninflected("Rutte") is None  # one word


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "date", "surname", "actor"),
    [
        # a surname alone is the one office-holder of the article's date who has it
        ("Sánchez sprak met Scholz in Madrid.", "2024-03-01", "Sánchez", "Pedro Sánchez"),
        ("Sanchez met Scholz in Madrid.", "2024-03-01", "Sanchez", "Pedro Sánchez"),
    ],
)
def test_a_surname_alone_is_the_office_holder_of_the_day(text, date, surname, actor):
    lang = "nl" if " sprak " in text else "en"
    assert (surname, actor) in mentions(text, lang, date)


@pytest.mark.slow
def test_a_surname_of_no_office_holder_stays_a_new_name():
    # Sánchez held no office the gazetteer lists in 1990
    found = dict(mentions("Sánchez sprak met Kohl in Madrid.", "nl", "1990-03-01"))
    assert found.get("Sánchez") != "Pedro Sánchez"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # a one-word body name ending a longer unknown name is another body
        "The Indian National Congress met in Delhi.",
        "Leaders of the African National Congress visited Moscow.",
    ],
)
def test_a_body_name_ending_a_longer_unknown_name_is_not_that_body(text):
    assert all(actor != "United States Congress" for _m, actor in mentions(text, "en"))


@pytest.mark.slow
def test_a_body_name_after_a_demonym_or_alone_is_that_body():
    assert ("Congress", "United States Congress") in mentions(
        "In Washington, Congress rejected the plan.", "en"
    )
