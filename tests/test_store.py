"""The store: article graphs per the RDF contract, replacement, removal, persistence, remote."""

from __future__ import annotations

import subprocess
from dataclasses import replace

import pytest
from click.testing import CliRunner
from graph_records import KIM, OTHER, RUSSIA, SEED, other_relations, seed_relations
from rdflib import OWL, RDF, RDFS, XSD, Literal
from rdflib.compare import isomorphic

from kg import store
from kg.cli import main
from kg.errors import StoreError
from kg.records import Relation
from kg.validate import validate
from kg.vocab import DCTERMS, ID, KG, PROV, WD


@pytest.fixture
def dataset():
    ds = store.new_dataset()
    store.add_article(ds, SEED, seed_relations(), pipeline="nl_geokg 0.1")
    store.add_article(ds, OTHER, other_relations())
    return ds


def quads(ds) -> set:
    return set(ds.quads((None, None, None, None)))


def test_article_graph_follows_the_contract(dataset) -> None:
    g = dataset.graph(store.article_graph_iri("seed"))
    article = ID["article/seed"]
    assert (article, RDF.type, KG.Article) in g
    assert g.value(article, DCTERMS.date) == Literal("2024-06-19", datatype=XSD.date)
    assert str(g.value(article, DCTERMS.title)) == "Kim en Poetin"
    supports = store.statement_iri(seed_relations()[0])
    assert (supports, RDF.type, KG.Support) in g and (supports, RDF.type, RDF.Statement) in g
    assert g.value(supports, RDF.subject) == ID.kim_jong_un
    assert g.value(supports, RDF.predicate) == KG.supports
    assert g.value(supports, KG.date) == Literal("2024-06", datatype=XSD.gYearMonth)
    assert g.value(supports, KG.start).toPython() == 10
    assert g.value(supports, PROV.wasDerivedFrom) == article
    build = g.value(supports, PROV.wasGeneratedBy)
    assert str(g.value(build, KG.pipeline)) == "nl_geokg 0.1"
    # actor descriptions travel with the article
    assert Literal("Rusland", lang="nl") in set(g.objects(ID.russia, RDFS.label))
    assert (ID.kim_jong_un, OWL.sameAs, WD.Q56226) in g
    assert (ID["new/2019_hanoi_summit"], RDF.type, KG.Event) in g


def test_direct_triples_only_for_asserted_statements(dataset) -> None:
    g = dataset.graph(store.article_graph_iri("seed"))
    assert (ID.kim_jong_un, KG.supports, ID.russia) in g
    assert (ID.kim_jong_un, KG.threatens, ID.donald_trump) not in g  # hedged
    threat = store.statement_iri(seed_relations()[3])
    assert g.value(threat, KG.hedged) == Literal(True)


def test_rebuilding_changes_nothing_and_edits_replace_only_their_graph(dataset) -> None:
    before = quads(dataset)
    store.add_article(dataset, SEED, seed_relations(), pipeline="nl_geokg 0.1")
    assert quads(dataset) == before
    other_before = set(dataset.graph(store.article_graph_iri("other")))
    edited = seed_relations()[:1]
    store.add_article(dataset, SEED, edited, pipeline="nl_geokg 0.1")
    seed_graph = dataset.graph(store.article_graph_iri("seed"))
    assert (ID.kim_jong_un, KG.meets, ID.donald_trump) not in seed_graph
    assert set(dataset.graph(store.article_graph_iri("other"))) == other_before


def test_remove_leaves_no_trace(dataset) -> None:
    assert store.remove_article(dataset, "seed") is True
    assert store.remove_article(dataset, "seed") is False
    seed = store.article_graph_iri("seed")
    assert all(g != seed for *_, g in dataset.quads((None, None, None, None)))
    assert store.article_ids(dataset) == ["other"]
    ask = "ASK { ?s kg:sentence ?x FILTER(CONTAINS(?x, 'Trump')) }"
    assert not dataset.query(ask, initNs={"kg": str(KG)}).askAnswer


def test_statement_iris_depend_on_content() -> None:
    r = seed_relations()[0]
    assert store.statement_iri(r) == store.statement_iri(replace(r, confidence=0.1))
    assert store.statement_iri(r) != store.statement_iri(replace(r, negated=True))
    assert store.statement_iri(r) != store.statement_iri(replace(r, date="2024"))


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2018", XSD.gYear),
        ("2018-06", XSD.gYearMonth),
        ("2018-06-12", XSD.date),
        ("2018-13-45", None),
        ("juni 2018", None),
        (None, None),
    ],
)
def test_date_literal(date, expected) -> None:
    lit = store.date_literal(date)
    assert (lit.datatype if lit is not None else None) == expected


def test_untrusted_records_are_skipped_or_repaired(caplog) -> None:
    bad = [
        Relation("seed", "x", KIM, "likes", RUSSIA),
        Relation("seed", "y", KIM, "supports", RUSSIA, date="2018-13-45", confidence=1.7),
    ]
    g = store.article_graph(SEED, bad)
    statements = list(g.subjects(RDF.type, RDF.Statement))
    assert len(statements) == 1
    assert g.value(statements[0], KG.date) is None
    assert g.value(statements[0], KG.confidence).toPython() == 1
    assert "unknown name 'likes'" in caplog.text
    assert validate(g).conforms


def test_save_and_open_round_trip(tmp_path, dataset) -> None:
    store.save(dataset, tmp_path)
    assert (tmp_path / "store" / "CURRENT").exists() and not (tmp_path / "graph.trig").exists()
    again = store.open_store(tmp_path)
    for iri in (store.article_graph_iri("seed"), store.article_graph_iri("other")):
        assert isomorphic(again.graph(iri), dataset.graph(iri))
    assert quads(store.snapshot(again)) == quads(dataset)
    assert store.open_store(tmp_path / "store").geokg_location == tmp_path / "store"
    for name in ("g.nq", "g.trig"):
        store.save(dataset, tmp_path / name)
        assert quads(store.open_store(tmp_path / name)) == quads(dataset)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_missing_or_broken_store_is_a_one_line_error(tmp_path) -> None:
    with pytest.raises(StoreError, match="no graph store"):
        store.open_store(tmp_path / "nothing")
    assert len(store.open_store(tmp_path / "nothing", create=True)) == 0
    (tmp_path / "graph.trig").write_text("this is { not trig")
    with pytest.raises(StoreError, match="cannot read"):
        store.open_store(tmp_path)


def test_failed_save_keeps_the_old_file(tmp_path, dataset, monkeypatch) -> None:
    spec = tmp_path / "graph.trig"
    store.save(dataset, spec)
    before = spec.read_bytes()

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(type(dataset), "serialize", boom)
    with pytest.raises(StoreError, match="No space left"):
        store.save(dataset, spec)
    assert spec.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.trig"]


def test_validate_good_and_broken_graphs(dataset) -> None:
    assert validate(dataset).conforms
    g = dataset.graph(store.article_graph_iri("seed"))
    st = store.statement_iri(seed_relations()[0])
    g.remove((st, RDF.subject, None))
    g.set((st, KG.confidence, Literal("1.5", datatype=XSD.decimal)))
    g.set((st, KG.date, Literal("2018-13-45", datatype=XSD.date)))
    report = validate(dataset)
    assert not report.conforms
    for needle in ("rdf:subject", "between 0 and 1", "valid xsd:date"):
        assert needle in report.text


def test_validate_rejects_an_unknown_predicate_and_unlabelled_actor() -> None:
    g = store.article_graph(SEED, seed_relations()[:1])
    st = store.statement_iri(seed_relations()[0])
    g.set((st, RDF.predicate, KG.likes))
    g.remove((ID.russia, RDFS.label, None))
    report = validate(g)
    assert not report.conforms
    assert "one geokg relation" in report.text and "English rdfs:label" in report.text


def test_cli_validate_and_remove(tmp_path, dataset) -> None:
    store.save(dataset, tmp_path)
    runner = CliRunner()
    ok = runner.invoke(main, ["validate", "--store", str(tmp_path)])
    assert ok.exit_code == 0 and "Conforms: True" in ok.output
    gone = runner.invoke(main, ["remove", "seed", "--store", str(tmp_path)])
    assert gone.exit_code == 0
    assert store.article_ids(store.open_store(tmp_path)) == ["other"]
    again = runner.invoke(main, ["remove", "seed", "--store", str(tmp_path)])
    assert again.exit_code == 1 and "not in the store: seed" in again.output
    missing = runner.invoke(main, ["validate", "--store", str(tmp_path / "none")])
    assert missing.exit_code == 1 and "Traceback" not in missing.output


def test_cli_validate_fails_on_a_broken_store(tmp_path, dataset) -> None:
    g = dataset.graph(store.article_graph_iri("seed"))
    g.set((store.statement_iri(seed_relations()[0]), KG.confidence, Literal(2)))
    store.save(dataset, tmp_path)
    result = CliRunner().invoke(main, ["validate", "--store", str(tmp_path)])
    assert result.exit_code == 1 and "Conforms: False" in result.output


# ---------------------------------------------------------------- remote store


@pytest.fixture
def oxigraph_server(tmp_path):
    from kg.serve import free_port, oxigraph_binary, wait_until_up

    port = free_port()
    proc = subprocess.Popen(
        [
            oxigraph_binary(),
            "serve",
            "--location",
            str(tmp_path / "oxi"),
            "--bind",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up(f"http://127.0.0.1:{port}/query", 30, proc)
        yield f"sparql+http://127.0.0.1:{port}/"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.slow
def test_remote_store_against_a_real_oxigraph_server(oxigraph_server, tmp_path) -> None:
    remote = store.open_store(oxigraph_server)
    store.add_article(remote, SEED, seed_relations())
    store.add_article(remote, OTHER, other_relations())
    store.add_article(remote, SEED, seed_relations())  # rebuild: nothing changes
    local = store.new_dataset()
    store.add_article(local, SEED, seed_relations())
    store.add_article(local, OTHER, other_relations())
    copy = store.snapshot(remote)
    assert quads(copy) == quads(local)
    assert store.article_ids(remote) == ["other", "seed"]
    assert store.remove_article(remote, "seed") is True
    assert store.article_ids(remote) == ["other"]
    result = CliRunner().invoke(
        main,
        [
            "query",
            "--store",
            oxigraph_server,
            "--name",
            "timeline",
            "--param",
            "actor=Russia",
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "North Korea" in result.output and "Trump" not in result.output


def test_unreachable_remote_store_is_a_store_error() -> None:
    from kg.serve import free_port

    with pytest.raises(StoreError, match="cannot reach"):
        store.open_store(f"sparql+http://127.0.0.1:{free_port()}/")


def test_endpoints_from_spec() -> None:
    assert store._endpoints("sparql+http://h:1/") == ("http://h:1/query", "http://h:1/update")
    assert store._endpoints("sparql+http://h:1/ds/query") == (
        "http://h:1/ds/query",
        "http://h:1/ds/update",
    )
    assert store._endpoints("sparql+https://h/ds") == ("https://h/ds", "https://h/ds")


def test_a_silent_sparql_server_is_an_error_not_a_hang(monkeypatch) -> None:
    import socket

    from click.testing import CliRunner

    from kg import cli

    monkeypatch.setattr(cli, "NETWORK_TIMEOUT_S", 1.0)
    previous = socket.getdefaulttimeout()
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()  # accepts connections, never answers
        port = silent.getsockname()[1]
        try:
            socket.setdefaulttimeout(None)
            result = CliRunner().invoke(
                cli.main, ["stats", "--store", f"sparql+http://127.0.0.1:{port}/query"]
            )
        finally:
            socket.setdefaulttimeout(previous)
    assert result.exit_code == 1 and "cannot reach the SPARQL store" in result.output
