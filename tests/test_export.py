"""Exports: every format round-trips; writing is atomic; the CLI guesses formats."""

from __future__ import annotations

import csv

import networkx as nx
import pytest
from click.testing import CliRunner
from graph_records import OTHER, SEED, other_relations, seed_relations
from rdflib import RDFS, Dataset, Graph, Literal
from rdflib.compare import isomorphic

from kg import export, store
from kg.cli import main
from kg.errors import InputError
from kg.network import to_networkx


@pytest.fixture
def dataset():
    ds = store.new_dataset()
    store.add_article(ds, SEED, seed_relations())
    store.add_article(ds, OTHER, other_relations())
    return ds


@pytest.mark.parametrize(("fmt", "parser"), [("ttl", "turtle"), ("nt", "nt"), ("xml", "xml")])
def test_graph_formats_round_trip_isomorphic(tmp_path, dataset, fmt, parser) -> None:
    out = tmp_path / f"graph.{fmt}"
    assert export.export(dataset, out) == fmt
    assert isomorphic(Graph().parse(out, format=parser), export.union_graph(dataset))


@pytest.mark.parametrize(
    ("fmt", "parser"), [("trig", "trig"), ("nq", "nquads"), ("jsonld", "json-ld")]
)
def test_dataset_formats_round_trip_per_graph(tmp_path, dataset, fmt, parser) -> None:
    out = tmp_path / f"graph.{fmt}"
    export.export(dataset, out)
    back = Dataset().parse(out, format=parser)
    for doc in ("seed", "other"):
        iri = store.article_graph_iri(doc)
        assert isomorphic(back.graph(iri), dataset.graph(iri))


def test_jsonld_uses_the_shipped_context(tmp_path, dataset) -> None:
    out = tmp_path / "g.jsonld"
    export.export(dataset, out)
    text = out.read_text()
    assert '"@context"' in text and '"confidence"' in text and "https://w3id.org" in text


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_formats_round_trip(tmp_path, dataset, fmt) -> None:
    out = tmp_path / f"g.{fmt}"
    export.export(dataset, out)
    back = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    net = to_networkx(dataset)
    assert back.number_of_nodes() == net.number_of_nodes() == 5
    assert back.number_of_edges() == net.number_of_edges() == 6
    kim = back.nodes["id:kim_jong_un" if fmt == "graphml" else str(store.actor_iri("kim_jong_un"))]
    assert kim["label"] == "Kim Jong-un" and kim["wikidata"] == "Q56226"


def test_network_attributes_are_plain_strings(dataset) -> None:
    net = to_networkx(dataset)
    for *_, data in net.edges(data=True):
        assert all(isinstance(v, str) for v in data.values())
    edge = next(
        d for *_, d in net.edges(data=True) if d["relation"] == "supports" and d["doc"] == "seed"
    )
    assert edge["date"] == "2024-06" and edge["quad"] == "VerbalCooperation"
    assert edge["sentence"] == "Kim betuigde zijn steun aan Moskou."
    assert net.nodes["https://w3id.org/geokg/id/russia"]["class"] == "State"


def test_csv_has_one_row_per_statement(tmp_path, dataset) -> None:
    out = tmp_path / "g.csv"
    export.export(dataset, out)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 6 and tuple(rows[0]) == export.CSV_COLUMNS
    hedged = [r for r in rows if r["hedged"] == "true"]
    assert [r["relation"] for r in hedged] == ["threatens"]
    assert rows[0]["doc"] == "other"


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.ttl", "ttl"),
        ("a.trig", "trig"),
        ("a.json", "jsonld"),
        ("a.rdf", "xml"),
        ("a.gexf", "gexf"),
        ("a.CSV", "csv"),
    ],
)
def test_format_from_suffix(name, fmt) -> None:
    assert export.guess_format(name) == fmt


def test_unknown_format_is_an_input_error() -> None:
    with pytest.raises(InputError, match="cannot tell the format"):
        export.guess_format("graph.docx")
    with pytest.raises(InputError, match="unknown format"):
        export.guess_format("graph.ttl", "pdf")


def test_failed_export_leaves_no_file(tmp_path, dataset, monkeypatch) -> None:
    def boom(*args, **kwargs):
        raise RuntimeError("serializer broke")

    monkeypatch.setattr(export, "_write_rdf", boom)
    with pytest.raises(RuntimeError):
        export.export(dataset, tmp_path / "g.ttl")
    assert list(tmp_path.iterdir()) == []


def test_cli_export(tmp_path, dataset) -> None:
    store.save(dataset, tmp_path / "out")
    runner = CliRunner()
    result = runner.invoke(
        main, ["export", "--store", str(tmp_path / "out"), "-o", str(tmp_path / "g.nq")]
    )
    assert result.exit_code == 0, result.output
    back = Dataset().parse(tmp_path / "g.nq", format="nquads")
    assert len(list(back.quads((None, None, None, None)))) == len(list(dataset.quads()))
    stdout = runner.invoke(main, ["export", "--store", str(tmp_path / "out"), "--format", "nt"])
    assert stdout.exit_code == 0 and "<https://w3id.org/geokg/id/kim_jong_un>" in stdout.output
    bad = runner.invoke(main, ["export", "--store", str(tmp_path / "out"), "-o", "g.docx"])
    assert bad.exit_code == 1 and bad.output.startswith("Error: cannot tell the format")
    missing = runner.invoke(main, ["export", "--store", str(tmp_path / "nope")])
    assert missing.exit_code == 1 and "no graph store" in missing.output


def test_network_nodes_take_attributes_from_any_article(dataset) -> None:
    # Kim is described in both articles and in a third with only a Dutch label:
    # one node, its English label, class and Wikidata id, found in one pass.
    extra = dataset.graph(store.article_graph_iri("third"))
    kim = store.actor_iri("kim_jong_un")
    extra.add((kim, RDFS.label, Literal("Kim Jong-oen", lang="nl")))
    net = to_networkx(dataset)
    node = net.nodes[str(kim)]
    assert (node["label"], node["class"], node["wikidata"]) == ("Kim Jong-un", "Person", "Q56226")
    assert sorted(net.nodes) == sorted({u for u, _ in net.edges()} | {v for _, v in net.edges()})


def test_network_exports_carry_typed_attributes_weight_and_label(tmp_path, dataset) -> None:
    out = tmp_path / "g.graphml"
    export.export(dataset, out)
    back = nx.read_graphml(out)
    edge = next(d for *_, d in back.edges(data=True) if d["label"] == "supports")
    assert edge["weight"] == 1.0 and isinstance(edge["confidence"], float)
    assert edge["negated"] is False and edge["asserted"] is True
    assert isinstance(edge["char_start"], int) and edge["char_start"] < edge["char_end"]
    assert "start" not in edge


def test_gexf_is_dynamic_on_statement_dates_only(tmp_path, dataset) -> None:
    out = tmp_path / "g.gexf"
    export.export(dataset, out)
    text = out.read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    back = nx.read_gexf(out)
    spans = {(d.get("start"), d.get("end")) for *_, d in back.edges(data=True) if d["date"]}
    assert ("2024-06-01", "2024-06-30") in spans  # a month-dated statement spans the month
    assert ("2018-01-01", "2018-12-31") in spans
    for *_, d in back.edges(data=True):
        assert isinstance(d["char_start"], int)
        if not d["date"]:
            assert "start" not in d


AWKWARD = "Ça « va » & <b>'quoted'</b> \"Kim\" 金正恩 Ωμέγα"


@pytest.fixture
def awkward_dataset(dataset):
    """The test graph plus labels and sentences that XML must escape."""
    graph = dataset.graph(store.article_graph_iri("seed"))
    kim = store.actor_iri("kim_jong_un")
    graph.set((kim, RDFS.label, Literal(AWKWARD, lang="en")))
    return dataset


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_exports_keep_the_schema_rules(tmp_path, awkward_dataset, fmt) -> None:
    from xml_schema_rules import gexf_problems, graphml_problems

    out = tmp_path / f"g.{fmt}"
    export.export(awkward_dataset, out)
    check = graphml_problems if fmt == "graphml" else gexf_problems
    assert check(out.read_bytes()) == []
    back = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert AWKWARD in {d.get("label") for _, d in back.nodes(data=True)}


def test_the_schema_rules_catch_what_the_schemas_refuse(tmp_path, dataset) -> None:
    """The checks are not vacuous: networkx's own GraphML (IRIs as ids, Python's
    True) and a GEXF edge pointing nowhere are refused."""
    import io

    from xml_schema_rules import gexf_problems, graphml_problems

    raw = io.BytesIO()
    nx.write_graphml_xml(export.for_network_tools(to_networkx(dataset)), raw)
    problems = graphml_problems(raw.getvalue())
    assert any("is not a unique NMTOKEN" in p for p in problems)
    assert any("'False' is not a boolean" in p for p in problems)
    out = tmp_path / "g.gexf"
    export.export(dataset, out)
    broken = out.read_bytes().replace(b'target="https://w3id.org/geokg/id/russia"', b'target="x"')
    assert any("is no node" in p for p in gexf_problems(broken))
    assert gexf_problems(out.read_bytes().replace(b'version="1.2"', b'version="9"'))


def test_graphml_ids_are_nmtokens_and_keep_the_iris(tmp_path, dataset) -> None:
    out = tmp_path / "g.graphml"
    export.export(dataset, out)
    back = nx.read_graphml(out)
    kim = back.nodes["id:kim_jong_un"]
    assert kim["iri"] == "https://w3id.org/geokg/id/kim_jong_un"
    assert all(
        d["statement"].startswith("https://w3id.org/geokg/id/statement/")
        for *_, d in back.edges(data=True)
    )
    assert export.nmtoken("https://example.org/a b/ç") == "https:..example.org.a_b._"
