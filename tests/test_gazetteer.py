"""The actor gazetteer: names, demonyms, metonyms and roles at a date, read from data files."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kg.errors import DataError
from kg.gazetteer import Gazetteer, date_span, load_gazetteer
from kg.records import ACTOR_CLASSES
from kg.resources import ontology_file


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def resolve(gaz: Gazetteer, surface: str, lang: str) -> set[str]:
    return {key for name, key in gaz.alias_table(lang) if name.lower() == surface.lower()}


@pytest.mark.parametrize(
    ("surface", "lang", "key"),
    [
        ("Poetin", "nl", "vladimir_putin"),
        ("Vladimir Poetin", "nl", "vladimir_putin"),
        ("Putin", "en", "vladimir_putin"),
        ("NAVO", "nl", "nato"),
        ("NATO", "en", "nato"),
        ("Noord-Korea", "nl", "north_korea"),
        ("North Korea", "en", "north_korea"),
        ("DPRK", "en", "north_korea"),
        ("Verenigde Staten", "nl", "united_states"),
        ("VS", "nl", "united_states"),
        ("Zelensky", "nl", "volodymyr_zelenskyy"),
        ("Zelenski", "nl", "volodymyr_zelenskyy"),
        ("Netanjahoe", "nl", "benjamin_netanyahu"),
        ("Bibi", "en", "benjamin_netanyahu"),
        ("Erdogan", "nl", "recep_tayyip_erdogan"),
        ("Kim Jong-un", "nl", "kim_jong_un"),
        ("Xi Jinping", "nl", "xi_jinping"),
        ("Sjoigoe", "nl", "sergei_shoigu"),
        ("Loekasjenko", "nl", "alexander_lukashenko"),
        ("Europese Unie", "nl", "european_union"),
        ("EU", "en", "european_union"),
        ("VN", "nl", "united_nations"),
        ("Veiligheidsraad", "nl", "united_nations_security_council"),
        ("ECOWAS", "en", "economic_community_of_west_african_states"),
        ("D66", "nl", "democrats_66"),
        ("Lima-groep", "nl", "lima_group"),
        ("Peking", "nl", "beijing"),
        ("Den Haag", "nl", "the_hague"),
        ("Wit-Rusland", "nl", "belarus"),
        ("Turkije", "nl", "turkey"),
        ("Türkiye", "en", "turkey"),
        ("Georgia (country)", "en", "georgia"),
        ("Georgia", "en", "georgia"),
    ],
)
def test_alias_resolves(gaz: Gazetteer, surface: str, lang: str, key: str) -> None:
    assert key in resolve(gaz, surface, lang)


def test_dutch_name_is_not_an_english_alias(gaz: Gazetteer) -> None:
    assert "vladimir_putin" not in resolve(gaz, "Poetin", "en")


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("Russische", "russia"),
        ("russisch", "russia"),
        ("Noord-Koreaanse", "north_korea"),
        ("Amerikaanse", "united_states"),
        ("Chinese", "china"),
        ("Chinees", "china"),
        ("Israëlische", "israel"),
        ("Israelische", "israel"),
        ("Oekraïense", "ukraine"),
        ("Franse", "france"),
        ("Duitse", "germany"),
        ("Europese", "european_union"),
        ("Indiase", "india"),
        ("Russian", "russia"),
        ("North Korean", "north_korea"),
        ("American", "united_states"),
        ("Israeli", "israel"),
        ("Dominican", None),  # Dominica and the Dominican Republic: no answer
        ("Kremlin", None),
    ],
)
def test_demonym(gaz: Gazetteer, word: str, key: str | None) -> None:
    assert gaz.demonym(word) == key


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Kremlin", ("russia", False)),
        ("het Kremlin", ("russia", False)),
        ("Witte Huis", ("united_states", False)),
        ("Downing Street", ("united_kingdom", False)),
        ("Élysée", ("france", False)),
        ("Blauwe Huis", ("south_korea", False)),
        ("Brussel", ("european_union", True)),
        ("Moskou", ("russia", True)),
        ("Pyongyang", ("north_korea", True)),
        ("Washington", ("united_states", True)),
        ("Nairobi", ("kenya", True)),  # every capital, from the generated cities
        ("Rotterdam", None),
    ],
)
def test_metonym(gaz: Gazetteer, word: str, expected: tuple[str, bool] | None) -> None:
    assert gaz.metonym(word) == expected


@pytest.mark.parametrize(
    ("role", "org", "date", "names"),
    [
        ("head_of_state", "united_states", "2019-06-01", ["Donald Trump"]),
        ("head_of_state", "united_states", "2022-06-01", ["Joe Biden"]),
        ("head_of_state", "united_states", "2025-09-07", ["Donald Trump"]),
        ("head_of_government", "united_states", "2022-06-01", ["Joe Biden"]),
        ("head_of_government", "united_kingdom", "2023", ["Rishi Sunak"]),
        ("head_of_government", "united_kingdom", "2025", ["Keir Starmer"]),
        ("head_of_government", "united_kingdom", "2022-10", ["Liz Truss", "Rishi Sunak"]),
        ("head_of_government", "germany", "2025-03", ["Olaf Scholz"]),
        ("head_of_government", "germany", "2025-09-07", ["Friedrich Merz"]),
        ("head_of_state", "china", "2025-09-07", ["Xi Jinping"]),
        ("head_of_state", "china", "2010", ["Hu Jintao"]),
        ("foreign_minister", "china", "2023-03", ["Qin Gang"]),
        ("foreign_minister", "china", "2023-09", ["Wang Yi"]),
        ("foreign_minister", "united_states", "2023-06-18", ["Antony Blinken"]),
        ("foreign_minister", "netherlands", "2019", ["Stef Blok"]),
        ("head_of_state", "france", "2022-02-17", ["Emmanuel Macron"]),
        ("head_of_state", "belarus", "2021-05-24", ["Alexander Lukashenko"]),
        ("leader", "european_commission", "2021", ["Ursula von der Leyen"]),
        ("leader", "european_council", "2021", ["Charles Michel"]),
        ("secretary_general", "nato", "2025", ["Mark Rutte"]),
        ("supreme_leader", "north_korea", "2010", ["Kim Jong-il"]),
        ("supreme_leader", "north_korea", "2025-09-07", ["Kim Jong-un"]),
        ("head_of_state", "atlantis", "2020", []),
    ],
)
def test_holders_at_date(gaz: Gazetteer, role: str, org: str, date: str, names: list[str]) -> None:
    assert [a.name for a in gaz.holders(role, org, date)] == names


def test_holders_today_is_open_ended_term(gaz: Gazetteer) -> None:
    assert [a.key for a in gaz.holders("foreign_minister", "russia")] == ["sergey_lavrov"]


@pytest.mark.parametrize(
    ("word", "org", "date", "key"),
    [
        ("president", "iran", "2025-01", "masoud_pezeshkian"),
        ("president", "france", "2025-01", "emmanuel_macron"),
        ("premier", "france", "2025-01", "francois_bayrou"),
        ("bondskanselier", "germany", "2023", "olaf_scholz"),
        ("secretary of state", "united_states", "2025-06", "marco_rubio"),
    ],
)
def test_holders_for_word(gaz: Gazetteer, word: str, org: str, date: str, key: str) -> None:
    assert [a.key for a in gaz.holders_for_word(word, org, date)] == [key]


def test_roles_of_changes_with_date(gaz: Gazetteer) -> None:
    assert ("head_of_government", "netherlands") in gaz.roles_of("mark_rutte", "2020")
    assert gaz.roles_of("mark_rutte", "2025") == [("secretary_general", "nato")]


@pytest.mark.parametrize(
    ("lang", "word", "role"),
    [
        ("nl", "premier", "head_of_government"),
        ("nl", "minister-president", "head_of_government"),
        ("nl", "bondskanselier", "head_of_government"),
        ("nl", "minister van buitenlandse zaken", "foreign_minister"),
        ("nl", "buitenlandminister", "foreign_minister"),
        ("nl", "secretaris-generaal", "secretary_general"),
        ("nl", "opperste leider", "supreme_leader"),
        ("nl", "president", "head_of_state"),
        ("en", "prime minister", "head_of_government"),
        ("en", "secretary of state", "foreign_minister"),
        ("en", "chancellor", "head_of_government"),
        ("en", "supreme leader", "supreme_leader"),
    ],
)
def test_office_words(gaz: Gazetteer, lang: str, word: str, role: str) -> None:
    assert gaz.office_words(lang)[word] == role


def test_capitals_and_countries(gaz: Gazetteer) -> None:
    assert gaz.capital_of("beijing") == "china"
    assert gaz.capital_of("shanghai") is None
    assert gaz.country_of("kim_jong_un") == "north_korea"
    assert gaz.country_of("doha") == "qatar"
    assert gaz.country_of("russia") == "russia"
    assert gaz.country_of("no_such_actor") is None


@pytest.mark.parametrize(
    ("key", "name", "kind", "wikidata"),
    [
        ("united_states", "United States", "State", "Q30"),
        ("north_korea", "North Korea", "State", "Q423"),
        ("czech_republic", "Czech Republic", "State", None),
        ("ivory_coast", "Ivory Coast", "State", None),
        ("democratic_republic_of_the_congo", "Democratic Republic of the Congo", "State", None),
        ("palestine", "Palestine", "State", None),
        ("kim_jong_un", "Kim Jong-un", "Person", "Q56226"),
        ("nato", "NATO", "Organization", "Q7184"),
        ("hamas", "Hamas", "Group", None),
        ("gaza_strip", "Gaza Strip", "Place", None),
        ("washington_d_c", "Washington, D.C.", "City", None),
    ],
)
def test_canonical_names(
    gaz: Gazetteer, key: str, name: str, kind: str, wikidata: str | None
) -> None:
    actor = gaz.actors[key]
    assert (actor.name, actor.kind) == (name, kind)
    if wikidata:
        assert actor.wikidata == wikidata


def test_every_person_has_gender_and_country(gaz: Gazetteer) -> None:
    people = [a for a in gaz.actors.values() if a.kind == "Person"]
    assert len(people) > 300
    assert all(p.gender in ("m", "f") and p.country in gaz.actors for p in people)


def test_kinds_are_ontology_classes(gaz: Gazetteer) -> None:
    assert set(Counter(a.kind for a in gaz.actors.values())) <= set(ACTOR_CLASSES)


def test_canonical_names_unique_per_key(gaz: Gazetteer) -> None:
    # two keys may not share a canonical name in one kind: it would merge in the graph
    names = Counter((a.kind, a.name) for a in gaz.actors.values() if a.kind != "City")
    assert [n for n, count in names.items() if count > 1] == []


def test_every_role_refers_to_known_actors(gaz: Gazetteer) -> None:
    assert gaz.roles
    for role in gaz.roles:
        assert gaz.actors[role.person].kind == "Person"
        assert role.org in gaz.actors
        assert role.end is None or date_span(role.start)[0] <= date_span(role.end)[0]


def test_shipped_tsv_files_have_headers_and_are_utf8() -> None:
    folder = ontology_file("gazetteer")
    assert folder.joinpath("README.md").is_file()
    for sub in ("facts", "generated"):
        for entry in folder.joinpath(sub).iterdir():
            if entry.name.endswith(".tsv"):
                entry.read_text(encoding="utf-8")


HEADER = "key\tkind\tname\tname_nl\twikidata\tgender\tcountry\taliases_en\taliases_nl\n"


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("people.tsv", HEADER + "x_y\tPerson\tX Y\t\t\tm\n", "people.tsv:2: expected 9"),
        ("people.tsv", HEADER + "x_y\tRobot\tX Y\t\t\t\t\t\t\n", "people.tsv:2: kind 'Robot'"),
        ("people.tsv", HEADER + "X Y\tPerson\tX Y\t\t\t\t\t\t\n", "people.tsv:2: key 'X Y'"),
        ("people.tsv", HEADER + "x_y\tPerson\tX Y\t\t56226\t\t\t\t\n", "not a Wikidata Q-id"),
        (
            "people.tsv",
            HEADER + "x_y\tPerson\tX Y\t\t\tm\tatlantis\t\t\n",
            "people.tsv:2: unknown actor key 'atlantis'",
        ),
        ("people.tsv", "key\tname\n", "people.tsv:1: header lacks column(s) kind"),
        (
            "roles_x.tsv",
            "person\trole\torg\tstart\tend\twords_en\twords_nl\n"
            "# a comment\nvladimir_putin\tleader\trussia\t2024-13\t\t\t\n",
            "roles_x.tsv:3: start '2024-13'",
        ),
        (
            "metonyms_x.tsv",
            "word\tlang\tkey\tplace\nKremlin\tnl\trussia\tmaybe\n",
            "metonyms_x.tsv:2: place must be yes or no",
        ),
        ("demonyms_x.tsv", "word\tlang\tkey\nRussisch\tru\trussia\n", "lang must be one of"),
    ],
)
def test_malformed_row_raises_data_error(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    with pytest.raises(DataError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_gazetteer(write(tmp_path / "extra", name, text))


def test_extra_folder_extends_without_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = write(
        tmp_path / "extra",
        "people_local.tsv",
        HEADER + "delphine_pronk\tPerson\tDelphine Pronk\t\t\tf\tnetherlands\t\tPronk\n"
        "vladimir_putin\tPerson\tVladimir Putin\t\t\t\t\t\tVova\n",
    )
    write(
        folder,
        "roles_local.tsv",
        "person\trole\torg\tstart\tend\twords_en\twords_nl\n"
        "delphine_pronk\tspokesperson\tnetherlands\t2021\t\tspokesperson\twoordvoerder\n",
    )
    monkeypatch.setenv("GEOKG_GAZETTEER_EXTRA", str(folder))
    gaz = load_gazetteer()
    assert resolve(gaz, "Pronk", "nl") == {"delphine_pronk"}
    assert resolve(gaz, "Vova", "nl") == {"vladimir_putin"}
    assert gaz.actors["vladimir_putin"].wikidata == "Q7747"  # kept from the shipped row
    assert [a.key for a in gaz.holders("spokesperson", "netherlands", "2021")] == ["delphine_pronk"]
    assert gaz.office_words("nl")["woordvoerder"] == "spokesperson"
    monkeypatch.delenv("GEOKG_GAZETTEER_EXTRA")
    assert "delphine_pronk" not in load_gazetteer().actors


def test_missing_extra_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="gazetteer folder not found"):
        load_gazetteer(tmp_path / "nowhere")


def test_shipped_data_is_cached() -> None:
    assert load_gazetteer() is load_gazetteer()
