"""SPARQL queries, ready queries with parameters, analysis and the read-only endpoint."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from graph_records import OTHER, SEED, other_relations, seed_relations

from kg import analysis, query, store
from kg.cli import main
from kg.errors import QueryError
from kg.network import to_networkx


@pytest.fixture
def dataset():
    ds = store.new_dataset()
    store.add_article(ds, SEED, seed_relations())
    store.add_article(ds, OTHER, other_relations())
    return ds


@pytest.fixture
def saved(tmp_path, dataset):
    store.save(dataset, tmp_path)
    return str(tmp_path)


def rows(ds, text, **params):
    result = query.run(ds, text, params=params)
    return [tuple("" if t is None else str(t) for t in row) for row in result]


def test_prefixes_are_prebound(dataset) -> None:
    assert rows(dataset, "SELECT ?o WHERE { id:kim_jong_un kg:supports ?o }") == [
        ("https://w3id.org/geokg/id/russia",)
    ]


def test_ready_queries_exist() -> None:
    assert {
        "who-met-whom",
        "timeline",
        "strongest-supporters",
        "conflict-pairs",
        "statements-of-article",
        "trace",
    } <= set(query.ready_queries())


@pytest.mark.parametrize(
    ("name", "params", "expected"),
    [
        ("who-met-whom", {}, [("Kim Jong-un", "Donald Trump", "2018")]),
        ("strongest-supporters", {}, [("Kim Jong-un", "Russia"), ("Russia", "North Korea")]),
        ("conflict-pairs", {}, [("North Korea", "Donald Trump")]),  # the hedged threat is out
        ("statements-of-article", {"doc": "other"}, [("0", "Russia", "supports", "North Korea")]),
    ],
)
def test_ready_query_answers(dataset, name, params, expected) -> None:
    got = rows(dataset, query.ready_query(name), **params)
    width = len(expected[0])
    assert [r[:width] for r in got] == expected or sorted(r[:width] for r in got) == expected


def test_timeline_of_an_actor(dataset) -> None:
    got = rows(dataset, query.ready_query("timeline"), actor="Kim Jong-un")
    assert [(r[0], r[2]) for r in got] == [
        ("", "threatens"),
        ("2018", "meets"),
        ("2019", "attends"),
        ("2024-06", "supports"),
    ]
    assert rows(dataset, query.ready_query("timeline"), actor="Rusland")  # Dutch name too


def test_trace_goes_back_to_sentence_and_offsets(dataset) -> None:
    got = rows(
        dataset,
        query.ready_query("trace"),
        subject="Kim Jong-un",
        predicate="kg:supports",
        object="Russia",
    )
    assert len(got) == 1
    _, source, doc, start, end, sentence, trigger, *_ = got[0]
    assert (source, doc, start, end, trigger) == ("seeds/seed.txt", "seed", "10", "45", "steun aan")
    assert sentence == "Kim betuigde zijn steun aan Moskou."
    by_iri = rows(
        dataset,
        query.ready_query("trace"),
        statement="<" + str(store.statement_iri(seed_relations()[0])) + ">",
    )
    assert by_iri == got


@pytest.mark.parametrize("value", ['x" } } DROP ALL #', 'Kim Jong-un") . ?s ?p ?o . FILTER("'])
def test_parameters_cannot_change_the_query(dataset, value) -> None:
    assert rows(dataset, query.ready_query("timeline"), actor=value) == []


def test_a_bad_iri_parameter_is_a_query_error(dataset) -> None:
    with pytest.raises(QueryError, match="bad parameter value"):
        query.run(dataset, query.ready_query("trace"), params={"statement": "<bad iri>"})


def test_bad_parameter_names_are_refused(dataset) -> None:
    with pytest.raises(QueryError, match="no variable"):
        query.run(dataset, query.ready_query("timeline"), params={"nobody": "x"})
    with pytest.raises(QueryError, match="bad parameter name"):
        query.run(dataset, "SELECT * WHERE { ?s ?p ?o }", params={"s }": "x"})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("SELEC ?x WHERE { ?s ?p ?o }", "malformed SPARQL"),
        ("DELETE WHERE { ?s ?p ?o }", "read-only unless --update"),
        ("SELECT ?x WHERE { ?x nope:p ?y }", "query failed"),
    ],
)
def test_bad_queries_are_one_line_query_errors(dataset, text, message) -> None:
    with pytest.raises(QueryError, match=message) as err:
        query.run(dataset, text)
    assert "\n" not in str(err.value)


def test_update_only_when_allowed(dataset) -> None:
    before = len(list(dataset.quads((None, None, None, None))))
    assert query.run(dataset, "DROP ALL", allow_update=True) is None
    assert len(list(dataset.quads((None, None, None, None)))) < before


def test_result_formats(dataset) -> None:
    result = query.run(dataset, "SELECT ?o WHERE { id:kim_jong_un kg:supports ?o }")
    assert query.format_result(result, "table").splitlines()[2] == "id:russia"
    assert query.format_result(result, "csv") == "o\nhttps://w3id.org/geokg/id/russia"
    parsed = json.loads(query.format_result(result, "json"))
    assert parsed["results"]["bindings"][0]["o"]["value"].endswith("/russia")
    assert query.format_result(query.run(dataset, "ASK { ?s kg:meets ?o }"), "table") == "true"


def test_cli_query(saved) -> None:
    runner = CliRunner()
    by_name = runner.invoke(
        main, ["query", "--store", saved, "--name", "timeline", "--param", "actor=Kim Jong-un"]
    )
    assert by_name.exit_code == 0 and "supports" in by_name.output
    whom = runner.invoke(
        main,
        [
            "query",
            "--store",
            saved,
            "--format",
            "csv",
            "SELECT ?l WHERE { id:kim_jong_un kg:supports ?o . "
            "?o rdfs:label ?l FILTER(lang(?l)='en') }",
        ],
    )
    assert whom.output.splitlines() == ["l", "Russia"]
    bad = runner.invoke(main, ["query", "--store", saved, "SELEC"])
    assert bad.exit_code == 1 and len(bad.output.strip().splitlines()) == 1
    refused = runner.invoke(main, ["query", "--store", saved, "DROP ALL"])
    assert refused.exit_code == 1 and "--update" in refused.output
    assert store.article_ids(store.open_store(saved)) == ["other", "seed"]
    applied = runner.invoke(main, ["query", "--store", saved, "--update", "DROP ALL"])
    assert applied.exit_code == 0 and store.article_ids(store.open_store(saved)) == []
    listed = runner.invoke(main, ["query", "--list"])
    assert "timeline" in listed.output
    unknown = runner.invoke(main, ["query", "--store", saved, "--name", "nope"])
    assert unknown.exit_code == 1 and "no ready query named 'nope'" in unknown.output


def test_analysis(dataset) -> None:
    net = to_networkx(dataset)
    top = analysis.centrality(net)[0]
    assert top.label == "Kim Jong-un" and top.degree == 4
    pairs = {(p.a, p.b): p for p in analysis.balance(net)}
    assert pairs[("Donald Trump", "North Korea")].balance == -1.0
    assert pairs[("Kim Jong-un", "Russia")].cooperation == 1
    assert ("Donald Trump", "Kim Jong-un") in pairs  # meets; the hedged threat does not count
    assert pairs[("Donald Trump", "Kim Jong-un")].conflict == 0
    assert analysis.communities(net)


def test_cli_stats(saved) -> None:
    result = CliRunner().invoke(main, ["stats", "--store", saved])
    assert result.exit_code == 0
    assert "articles: 2" in result.output and "statements: 6 (5 asserted)" in result.output
    assert len(result.output.splitlines()) <= 40


@pytest.mark.slow
def test_serve_answers_a_ready_query_over_sparql_protocol(dataset) -> None:
    from SPARQLWrapper import JSON, SPARQLWrapper

    from kg import serve

    server = serve.start(dataset)
    try:
        client = SPARQLWrapper(server.url)
        client.setReturnFormat(JSON)
        client.setQuery(query.standalone(query.ready_query("timeline"), {"actor": "Russia"}))
        bindings = client.query().convert()["results"]["bindings"]
        assert {b["relation"]["value"] for b in bindings} == {"supports"}
        assert len(bindings) == 2
        client.setQuery(query.standalone("DROP ALL"))
        client.setMethod("POST")
        with pytest.raises(Exception):  # noqa: B017 - read-only: any refusal will do
            client.query()
    finally:
        server.stop()
    assert server.process.poll() is not None


@pytest.mark.parametrize(
    ("text", "keyword"),
    [
        ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "SERVICE"),
        (
            "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT <http://127.0.0.1:9/> "
            "{ ?s ?q ?r } } }",
            "SERVICE",
        ),
        ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", "FROM"),
        ("SELECT * FROM NAMED <http://127.0.0.1:9/g> WHERE { GRAPH ?g { ?s ?p ?o } }", "FROM"),
        ("LOAD <http://127.0.0.1:9/data.ttl>", "LOAD"),
        ("DELETE { ?s ?p ?o } USING <file:///tmp/x.ttl> WHERE { ?s ?p ?o }", "USING"),
    ],
)
def test_queries_that_reach_outside_the_store_are_refused(dataset, text, keyword) -> None:
    with pytest.raises(QueryError, match=f"uses .*{keyword}.*--allow-remote"):
        query.run(dataset, text, allow_update=True)


def test_a_plain_graph_query_is_not_mistaken_for_a_remote_one(dataset) -> None:
    text = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    assert query.outside_reaches(query.parse(text)[1]) == []
    assert len(rows(dataset, text)) == 2


def test_cli_refuses_service_and_reads_no_binary_query_file(saved, tmp_path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        main,
        [
            "query",
            "--store",
            str(saved),
            "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
        ],
    )
    assert result.exit_code == 1 and "--allow-remote" in result.output
    binary = tmp_path / "q.rq"
    binary.write_bytes(b"\xff\xfe\x00SELECT")
    result = runner.invoke(main, ["query", "--store", str(saved), "-f", str(binary)])
    assert result.exit_code == 1 and "not a UTF-8 text file" in result.output
    assert "Traceback" not in result.output


def test_a_query_past_its_timeout_is_given_up(dataset, monkeypatch) -> None:
    import time

    real_query = dataset.query

    def slow_query(*args, **kwargs):
        time.sleep(1.0)  # stands for a query rdflib spends minutes on
        return real_query(*args, **kwargs)

    monkeypatch.setattr(dataset, "query", slow_query)
    started = time.monotonic()
    with pytest.raises(QueryError, match=r"more than 0\.2 s"):
        query.run(dataset, "SELECT * WHERE { ?s ?p ?o }", timeout=0.2)
    assert time.monotonic() - started < 0.9
    quick = query.run(dataset, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", timeout=30)
    assert int(next(iter(quick))[0]) > 0
