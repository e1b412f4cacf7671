"""The ready queries give the same rows as before they were reshaped for Oxigraph's planner.

``tests/data/ready_queries_before/`` holds the queries as they were before (commit
f16b3d0): each ready query, with each set of parameters, must return the same rows
(as a multiset; the order is the query's ORDER BY, ties in any order) on the in-memory
rdflib store and on the folder store (Oxigraph).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from graph_records import (
    KIM,
    NORTH_KOREA,
    OTHER,
    RUSSIA,
    SEED,
    TRUMP,
    other_relations,
    seed_relations,
)

from kg import query, store
from kg.records import Actor, Document, Relation

BEFORE = Path(__file__).parent / "data" / "ready_queries_before"

UKRAINE = Actor("ukraine", "Ukraine", "State", name_nl="Oekraïne", wikidata="Q212")
THIRD = Document("third", "...", "en", date="2025-01-02", source="third.txt", title="Third")


def third_relations() -> list[Relation]:
    """Conflict, support and meeting statements: negated, hedged, undated, two in one sentence."""
    sentence = "Russia threatened and sanctioned Ukraine."
    return [
        Relation("third", sentence, RUSSIA, "threatens", UKRAINE, date="2025", start=0, end=41),
        Relation("third", sentence, RUSSIA, "sanctions", UKRAINE, start=0, end=41, rule="verb"),
        Relation("third", "Ukraine did not accuse Russia.", UKRAINE, "accuses", RUSSIA,
                 negated=True, start=42, end=72),
        Relation("third", "Trump accused Kim.", TRUMP, "accuses", KIM, date="2025-01",
                 start=73, end=91, trigger="accused"),
        Relation("third", "Russia aids North Korea.", RUSSIA, "aids", NORTH_KOREA,
                 confidence=0.7, start=92, end=116),
        Relation("third", "Russia may aid Ukraine.", RUSSIA, "aids", UKRAINE, hedged=True,
                 start=117, end=140),
        Relation("third", "Kim met Putin's envoy and Trump.", KIM, "meets", TRUMP,
                 start=141, end=173),
        Relation("third", "Ukraine and Russia met.", UKRAINE, "meets", RUSSIA,
                 date="2025-01-02", start=174, end=197),
    ]  # fmt: skip


CASES = [
    ("conflict-pairs", {}),
    ("strongest-supporters", {}),
    ("who-met-whom", {}),
    ("statements-of-article", {"doc": "third"}),
    ("statements-of-article", {"doc": "seed"}),
    ("statements-of-article", {"doc": "nowhere"}),
    ("timeline", {"actor": "Russia"}),
    ("timeline", {"actor": "Rusland"}),
    ("timeline", {"actor": "Kim Jong-un"}),
    ("trace", {}),
    ("trace", {"subject": "Russia"}),
    ("trace", {"object": "Kim Jong-un", "predicate": "kg:accuses"}),
    ("trace", {"subject": "Kim Jong-un", "predicate": "kg:supports", "object": "Russia"}),
]


def _dataset():
    ds = store.new_dataset()
    store.add_article(ds, SEED, seed_relations())
    store.add_article(ds, OTHER, other_relations())
    store.add_article(ds, THIRD, third_relations())
    return ds


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    memory = _dataset()
    folder = tmp_path_factory.mktemp("ready") / "out"
    store.save(_dataset(), folder)
    with store.reading(folder) as disk:
        yield {"memory": memory, "folder": disk}


def _rows(dataset, text, params):
    """The rows as text; a GROUP_CONCAT's words sorted (their order is the engine's)."""
    result = query.run(dataset, text, params=params)
    concat = [str(v) == "relations" for v in result.vars]
    return [
        tuple(
            " ".join(sorted(str(t).split())) if joined else ("" if t is None else str(t))
            for t, joined in zip(row, concat, strict=True)
        )
        for row in result
    ]


def test_every_ready_query_is_compared() -> None:
    assert {name for name, _ in CASES} == set(query.ready_queries())
    assert {p.stem for p in BEFORE.glob("*.rq")} == set(query.ready_queries())


@pytest.mark.parametrize("where", ["memory", "folder"])
@pytest.mark.parametrize(("name", "params"), CASES)
def test_same_rows_as_before(stores, where, name, params) -> None:
    dataset = stores[where]
    before = _rows(dataset, (BEFORE / f"{name}.rq").read_text("utf-8"), params)
    after = _rows(dataset, query.ready_query(name), params)
    assert Counter(after) == Counter(before)
    assert bool(before) == (params.get("doc") != "nowhere")  # each case finds something
