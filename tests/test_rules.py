"""Every statement records the rule that produced it (kg/extract/rules.py).

A table of sentences, written for these tests, shows each rule of the table at
work through the shipped pipelines; the JSONL, the RDF and ``kg evaluate
--by-rule`` carry the rule; docs/RULES.md lists exactly the rules of the table.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from graph_records import SEED, seed_relations
from rdflib import Literal

from kg import store
from kg.api import extract_text
from kg.cli import main
from kg.errors import DataError
from kg.evaluate import NO_RULE, read_jsonl, score
from kg.extract import confidence as conf
from kg.extract import rules
from kg.pipeline import relation_record
from kg.validate import validate
from kg.vocab import KG

ROOT = Path(__file__).resolve().parents[1]
D = "2024-05-14"

#: rule -> (language, a sentence that states something by that rule)
SENTENCES: dict[str, tuple[str, str]] = {
    rules.VERB: ("nl", "Frankrijk steunt Oekraïne."),
    rules.VERB_PARTICIPLE: (
        "nl",
        "Het door China gesteunde Noord-Korea voerde een raketproef uit.",
    ),
    rules.VERB_ANAPHORIC_OBJECT: (
        "en",
        "The proposal of Joe Biden was clear. China rejected the proposal.",
    ),
    rules.VERB_BARE_OBJECT: ("nl", "Japan veroordeelde daarop Rusland."),
    rules.VERB_COMPLEMENT_OBJECT: ("en", "Donald Trump threatened to impose tariffs on China."),
    rules.ADJECTIVE: ("nl", "Duitsland is kritisch over Hongarije."),
    rules.NOUN: ("en", "Germany's sanctions against Russia took effect."),
    rules.NOUN_LIGHT_VERB: ("nl", "Japan beloofde steun aan Taiwan."),
    rules.NOUN_SOUGHT: (
        "nl",
        "Hongarije steunde de Oekraïense aanvraag voor lidmaatschap van de NAVO.",
    ),
    rules.NOUN_REPORTED: ("nl", "Japan liet zien dat de banden met Australië werden versterkt."),
    rules.NOUN_NEAREST: ("en", "Berlin opposed plans to ease sanctions on Iran."),
    rules.NOUN_RELATIVE: ("nl", "Het akkoord dat Israël met Hamas sloot, hield stand."),
    rules.NOUN_AGENT: ("en", "Turkey is an ally of Azerbaijan."),
    rules.NOUN_BETWEEN: ("nl", "De top tussen India en Pakistan werd uitgesteld."),
    rules.NOUN_RECEIVED: ("nl", "Polen kreeg lof van Duitsland."),
    rules.ROLE_NAMED: ("nl", "De Franse president Emmanuel Macron sprak in Parijs."),
    rules.ROLE_INFERRED: ("nl", "De Franse president sprak in Parijs."),
    rules.ROLE_SET: ("en", "The leaders of France and Germany spoke on Tuesday."),
    rules.KIN: ("nl", "Kim Jong-un bezocht het graf van zijn vader Kim Jong-il."),
    rules.PLACE_CAPITAL: ("nl", "In de Russische hoofdstad werd gedemonstreerd."),
    rules.PLACE_NOUN: ("nl", "De demonstranten trokken door de hoofdstad Nairobi."),
    rules.PLACE_IN_CITY: ("nl", "Emmanuel Macron sprak in Peking met Xi Jinping."),
    rules.AFFILIATION: ("nl", "Frans Timmermans van de PvdA sprak in Den Haag."),
    rules.GROUP_MEMBERS: (
        "nl",
        "De Lima Groep, een vereniging van landen met onder andere Brazilië, Argentinië en "
        "Mexico, kwam bijeen.",
    ),
    rules.SET_BODY: (
        "nl",
        "Spanje en Portugal spraken elkaar. De twee EU-lidstaten willen meer geld.",
    ),
    rules.SET_ALLIES: (
        "en",
        "Norway and Denmark held talks. The two NATO allies will share radar data.",
    ),
    rules.COPULA_NOMINAL: ("nl", "Polen en Litouwen zijn NAVO-bondgenoten."),
    rules.COPULA_BODY: ("nl", "Polen en Litouwen zijn NAVO-bondgenoten."),
    rules.COPULA_OFFICE: ("nl", "Finland is lid van de NAVO."),
    rules.COPULA_JOINT: ("en", "Japan and Australia issued a joint statement."),
    rules.COPULA_STANCE: ("nl", "Hongarije is tegen de uitbreiding van de NAVO."),
    rules.ATTENDANCE_PLACE: ("en", "The G20 summit in New Delhi opened on Saturday."),
    rules.ATTENDANCE_COUNTRY: ("en", "The Macedonian referendum failed."),
    rules.ATTENDANCE_DURING: (
        "nl",
        "Tijdens de NAVO-top in Vilnius sprak Joe Biden met Recep Tayyip Erdogan.",
    ),
    rules.ATTENDANCE_PRESENT: (
        "nl",
        "De NAVO-top in Vilnius begon. Ook Volodymyr Zelensky was aanwezig.",
    ),
    rules.ATTENDANCE_ACT: (
        "en",
        "Pedro Sánchez told the UN General Assembly that Spain would help.",
    ),
    rules.ADJUNCT_MEETING: (
        "nl",
        "Tijdens een ontmoeting in Parijs spraken Macron en Scholz nieuwe regels af.",
    ),
    rules.ATTRIBUTION_ACCORDING_TO: ("nl", "Volgens Litouwen saboteert Wit-Rusland de afspraken."),
    rules.ATTRIBUTION_REPORTED: ("nl", "Polen zei dat Rusland de afspraken schendt."),
    rules.ATTRIBUTION_CONDEMNATION: (
        "nl",
        "Duitsland zei dat het optreden van Rusland onaanvaardbaar is.",
    ),
    rules.ATTRIBUTION_DIRECTIVE: (
        "nl",
        "China vindt dat de Verenigde Naties Noord-Korea moeten belonen.",
    ),
    rules.WITHHOLDING: (
        "en",
        "The European Union warned that there will be no loans for Hungary.",
    ),
    rules.LABEL: ("nl", "Joe Biden noemde Vladimir Poetin een oorlogsmisdadiger."),
    rules.LOCATIVE_VISIT: ("nl", "Lula was vorige week in China."),
    rules.LOCATIVE_DEPARTURE: ("en", "Emmanuel Macron left Beijing on Monday."),
    rules.LOCATIVE_STACKED: ("en", "The attack happened in Mombasa in Kenya."),
    rules.ELLIPSIS: ("en", "France condemned Russia. Germany followed suit."),
    rules.DENIAL: ("nl", "Peru beschuldigde Chili van spionage. Chili ontkende de aantijgingen."),
    rules.BRIDGING: (
        "nl",
        "Rusland en Oekraïne voerden gesprekken in Istanbul. Turkije leidde de gesprekken.",
    ),
    # derived statements keep the rule they came from, with the derivation
    "noun.relative+mutual": ("nl", "Het akkoord dat Israël met Hamas sloot, hield stand."),
    "noun.agent+reciprocal": ("nl", "Peru en Chili zijn bondgenoten."),
    "noun.between+pairwise": ("nl", "De top tussen India, Pakistan en China werd uitgesteld."),
    "verb.anaphoric_object+answered": (
        "en",
        "The proposal of Joe Biden was clear. China rejected the proposal.",
    ),
}


def test_every_rule_and_derivation_has_a_sentence() -> None:
    assert set(rules.RULES) <= set(SENTENCES)
    derivations = {d for r in SENTENCES for d in r.split("+")[1:]}
    assert derivations == set(rules.DERIVATIONS)


@pytest.mark.slow
@pytest.mark.parametrize("rule", list(SENTENCES))
def test_each_rule_states_something_of_a_sentence_of_its_own(rule: str) -> None:
    lang, text = SENTENCES[rule]
    relations = extract_text(text, lang=lang, date=D)
    assert rule in {r.rule for r in relations}, [
        (r.subject.name, r.relation, r.object.name, r.rule) for r in relations
    ]
    assert all(rules.is_known(r.rule) for r in relations)


def test_rule_names_follow_one_scheme() -> None:
    for name, (module, what) in rules.RULES.items():
        assert re.fullmatch(r"[a-z]+(\.[a-z_]+)?", name), name
        assert (ROOT / "kg" / "extract" / f"{module}.py").is_file(), module
        assert what
    assert rules.derived("verb", rules.MUTUAL) == "verb+mutual"
    assert rules.base("noun+reciprocal+mutual") == "noun"
    assert rules.is_known("noun+reciprocal+mutual")
    assert not rules.is_known("verb+sideways") and not rules.is_known("")


def test_docs_list_exactly_the_rules_of_the_table() -> None:
    text = (ROOT / "docs" / "RULES.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([a-z_.]+)` \| `kg\.extract\.([a-z_]+)` \|", text, re.M))
    assert rows == {name: module for name, (module, _) in rules.RULES.items()}
    suffixes = set(re.findall(r"^\| `\+([a-z_]+)` \|", text, re.M))
    assert suffixes == set(rules.DERIVATIONS)


# ---- the rule in the JSONL and in RDF -----------------------------------------


def test_the_jsonl_record_and_the_rdf_statement_carry_the_rule() -> None:
    relation = replace(seed_relations()[0], rule="noun.light_verb")
    assert relation_record(relation)["rule"] == "noun.light_verb"
    graph = store.article_graph(SEED, [relation, seed_relations()[1]])
    node = store.statement_iri(relation)
    assert graph.value(node, KG.rule) == Literal("noun.light_verb")
    # a statement without a rule (made before rules were recorded) has no kg:rule
    assert graph.value(store.statement_iri(seed_relations()[1]), KG.rule) is None
    assert validate(graph).conforms


@pytest.mark.slow
def test_kg_extract_writes_the_rule(tmp_path) -> None:
    article = tmp_path / "a1.txt"
    article.write_text("Frankrijk steunt Oekraïne.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(article), "--lang", "nl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["subject"], r["relation"], r["object"], r["rule"]) for r in rows] == [
        ("France", "supports", "Ukraine", "verb")
    ]


# ---- precision per rule --------------------------------------------------------

GOLD = [
    {"doc": "d1", "subject": "A", "relation": "supports", "object": "B"},
    {"doc": "d1", "subject": "A", "relation": "meets", "object": "C"},
    {"doc": "d2", "subject": "X", "relation": "accuses", "object": "Y"},
]
SYSTEM = [
    # one correct triple stated by two rules counts under both
    {"doc": "d1", "subject": "A", "relation": "supports", "object": "B", "rule": "verb"},
    {"doc": "d1", "subject": "A", "relation": "supports", "object": "B", "rule": "noun"},
    {"doc": "d1", "subject": "A", "relation": "attacks", "object": "B", "rule": "verb"},
    # symmetric: matches "A meets C"
    {"doc": "d1", "subject": "C", "relation": "meets", "object": "A", "rule": "noun.between"},
    {"doc": "d2", "subject": "X", "relation": "accuses", "object": "Y", "rule": "label"},
    {"doc": "d2", "subject": "Y", "relation": "accuses", "object": "X", "rule": "label"},
    {"doc": "d2", "subject": "Y", "relation": "accuses", "object": "X", "rule": "label"},
    # a line of a file written before the field: tolerated, counted as "(none)"
    {"doc": "d1", "subject": "Z", "relation": "meets", "object": "A"},
]
EXPECTED = {
    NO_RULE: {"statements": 1, "correct": 0, "precision": 0.0},
    "label": {"statements": 2, "correct": 1, "precision": 0.5},
    "verb": {"statements": 2, "correct": 1, "precision": 0.5},
    "noun": {"statements": 1, "correct": 1, "precision": 1.0},
    "noun.between": {"statements": 1, "correct": 1, "precision": 1.0},
}


def test_precision_per_rule_on_a_hand_made_pair() -> None:
    table = score(GOLD, SYSTEM).rule_table()
    assert table == EXPECTED
    assert list(table) == list(EXPECTED)  # the least precise first, then the most used


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_a_rule_that_is_not_a_string_is_a_data_error(tmp_path) -> None:
    bad = _jsonl(tmp_path / "s.jsonl", [{**SYSTEM[0], "rule": 3}])
    with pytest.raises(DataError, match="field 'rule' must be a string"):
        read_jsonl(bad)


@pytest.mark.slow
def test_kg_evaluate_by_rule_reads_the_rule_from_the_system_jsonl(tmp_path) -> None:
    gold = _jsonl(tmp_path / "gold.jsonl", GOLD)
    system = _jsonl(tmp_path / "system.jsonl", SYSTEM)
    for doc in ("d1", "d2"):
        (tmp_path / f"{doc}.txt").write_text("Een zin zonder actoren.\n", encoding="utf-8")
    articles = [str(tmp_path / "d1.txt"), str(tmp_path / "d2.txt")]
    args = ["evaluate", "--gold", str(gold), "--system", str(system), "--lang", "nl", *articles]
    result = CliRunner().invoke(main, [*args, "--by-rule", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["by_rule"] == EXPECTED
    table = CliRunner().invoke(main, [*args, "--by-rule"])
    assert table.exit_code == 0, table.output
    lines = table.output.splitlines()
    header = lines.index(next(line for line in lines if line.startswith("rule ")))
    assert lines[header + 1].split() == ["(none)", "1", "0", "0.00"]
    assert lines[header + 3].split() == ["verb", "2", "1", "0.50"]
    plain = CliRunner().invoke(main, [*args, "--format", "json"])
    assert "by_rule" not in json.loads(plain.output)


# ---- confidence values: one table ---------------------------------------------


def test_confidence_values_live_in_one_table() -> None:
    """No float literal in the extraction rules outside kg/extract/confidence.py:
    a new value gets a named constant there, with its reason."""
    literal = re.compile(r"(?<![\w.])\d*\.\d+(?![\w.])")
    stray = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted((ROOT / "kg" / "extract").glob("*.py"))
        if path.name != "confidence.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if literal.search(line.split("#", 1)[0]) and not line.lstrip().startswith(('"', "'"))
    ]
    assert not stray
    values = {k: v for k, v in vars(conf).items() if k.isupper()}
    assert values and all(0 < v <= 1 for v in values.values())
