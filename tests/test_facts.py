"""The hand-over from resolve to extract: ``ActorFacts``, the gazetteer's facts on
an article's date, which extraction asks instead of the gazetteer."""

from __future__ import annotations

import ast
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

import kg.extract
from kg.gazetteer import Gazetteer, load_gazetteer
from kg.records import Actor, Document
from kg.resolve import ActorFacts, resolve
from kg.resolve.facts import actor_facts

RUSSIA = Actor("russia", "Russia", "State")
MOSCOW = Actor("moscow", "Moscow", "City", country="russia")
PUTIN = Actor("vladimir_putin", "Vladimir Putin", "Person", country="russia")
NOBODY = Actor("x_y", "X Y", "Person")  # no country known

FACTS = ActorFacts(
    actors={a.key: a for a in (RUSSIA, MOSCOW, PUTIN, NOBODY)},
    offices={"vladimir_putin": (("head_of_state", "russia"),)},
    demonyms={"russische": "russia", "russian": "russia", "atlantisch": "atlantis"},
)


# ---- no extract module reads the gazetteer ---------------------------------------------


def gazetteer_reads(source: str) -> list[str]:
    """Where ``source`` imports ``kg.gazetteer`` or calls ``load_gazetteer``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("kg.gazetteer")]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if module.startswith("kg.gazetteer"):
                found.append(module)
            elif module == "kg":
                found += [f"kg.{a.name}" for a in node.names if a.name == "gazetteer"]
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name == "load_gazetteer":
                found.append(f"load_gazetteer() on line {node.lineno}")
    return found


@pytest.mark.parametrize(
    "source",
    [
        "from kg.gazetteer import load_gazetteer",
        "import kg.gazetteer",
        "from kg import gazetteer",
        "def f():\n    from kg.gazetteer import Gazetteer",
        "x = gazetteer.load_gazetteer()",
        "x = load_gazetteer().actors",
    ],
)
def test_a_gazetteer_read_is_found(source: str) -> None:
    assert gazetteer_reads(source)


def test_no_extract_module_reads_the_gazetteer() -> None:
    modules = sorted(Path(kg.extract.__file__).parent.rglob("*.py"))
    assert len(modules) > 20  # the package was found, not an empty folder
    reads = {
        module.name: found
        for module in modules
        if (found := gazetteer_reads(module.read_text(encoding="utf-8")))
    }
    assert reads == {}


# ---- the record ------------------------------------------------------------------------


def test_facts_are_frozen() -> None:
    with pytest.raises(FrozenInstanceError):
        FACTS.actors = {}  # type: ignore[misc]
    assert not hasattr(FACTS, "__dict__")  # slots: no field can be added either


def test_actor() -> None:
    assert FACTS.actor("moscow") is MOSCOW
    assert FACTS.actor("atlantis") is None
    assert FACTS.actor("") is None
    assert FACTS.actor(None) is None


def test_country_of() -> None:
    assert FACTS.country_of("russia") == "russia"  # a state is its own country
    assert FACTS.country_of("moscow") == "russia"
    assert FACTS.country_of("vladimir_putin") == "russia"
    assert FACTS.country_of("x_y") is None
    assert FACTS.country_of("new/x_y") is None


def test_roles_of() -> None:
    assert FACTS.roles_of("vladimir_putin") == (("head_of_state", "russia"),)
    assert FACTS.roles_of("x_y") == ()


def test_by_demonym() -> None:
    assert FACTS.by_demonym("Russische") is RUSSIA
    assert FACTS.by_demonym(" RUSSIAN ") is RUSSIA
    assert FACTS.by_demonym("Frans") is None
    assert FACTS.by_demonym("Atlantisch") is None  # a key no actor has


# ---- built from a gazetteer ------------------------------------------------------------

ACTORS = """key\tkind\tname\tname_nl\twikidata\tgender\tcountry\taliases_en\taliases_nl
ruritania\tState\tRuritania\tRuritanië\t\t\t\t\t
rudolf\tPerson\tRudolf\t\t\tm\truritania\t\t
flavia\tPerson\tFlavia\t\t\tf\truritania\t\t
"""
ROLES = """person\trole\torg\tstart\tend\twords_en\twords_nl
rudolf\thead_of_state\truritania\t2001\t2010-06\tking\tkoning
flavia\thead_of_state\truritania\t2010-06\t\tqueen\tkoningin
flavia\thead_of_government\truritania\t2005\t2012\t\t
"""
DEMONYMS = "word\tlang\tkey\nRuritaans\tnl\truritania\n"


@pytest.fixture(scope="module")
def ruritania(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    folder = tmp_path_factory.mktemp("gazetteer")
    for name, text in (("actors.tsv", ACTORS), ("roles.tsv", ROLES), ("demonyms.tsv", DEMONYMS)):
        (folder / name).write_text(text, encoding="utf-8")
    return Gazetteer([folder])


def test_facts_are_the_gazetteers_on_the_date(ruritania: Gazetteer) -> None:
    facts = actor_facts(ruritania, "2008")
    assert facts.roles_of("rudolf") == (("head_of_state", "ruritania"),)
    assert facts.roles_of("flavia") == (("head_of_government", "ruritania"),)
    later = actor_facts(ruritania, "2011-01-01")
    assert later.roles_of("rudolf") == ()
    assert later.roles_of("flavia") == (
        ("head_of_state", "ruritania"),
        ("head_of_government", "ruritania"),
    )
    assert facts.by_demonym("ruritaans") is ruritania.actors["ruritania"]
    assert facts.country_of("flavia") == "ruritania"


def test_built_facts_cannot_change_the_gazetteer(ruritania: Gazetteer) -> None:
    facts = actor_facts(ruritania, "2008")
    for table in (facts.actors, facts.offices, facts.demonyms):
        with pytest.raises(TypeError):
            table["x"] = None  # type: ignore[index]


@pytest.mark.parametrize("date", ["1999", "2014-02", "2020-03-17", "2024-11-05"])
def test_offices_agree_with_the_gazetteer(date: str) -> None:
    gazetteer = load_gazetteer()
    facts = actor_facts(gazetteer, date)
    people = {role.person for role in gazetteer.roles}
    assert any(facts.roles_of(p) for p in people)
    for person in people:
        assert facts.roles_of(person) == tuple(gazetteer.roles_of(person, date))


def test_resolve_hands_over_the_facts_of_the_articles_date() -> None:
    words = ["Rutte", "sprak", "."]
    doc = Doc(spacy.blank("nl").vocab, words=words, sent_starts=[i == 0 for i in range(3)])
    for date, role in (("2020-05-01", "head_of_government"), ("2025-05-01", "secretary_general")):
        document = Document(id="t", text=doc.text, lang="nl", date=date)
        facts = resolve(doc, document).facts
        assert role in {r for r, _ in facts.roles_of("mark_rutte")}
