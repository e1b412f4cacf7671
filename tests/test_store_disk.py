"""The folder store (Oxigraph on disk): grows in place, one transaction per article,
migrates old graph.trig folders, locks, survives kill -9, streams query results."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from graph_records import OTHER, SEED, other_relations, seed_relations
from rdflib import RDF, Dataset

from kg import diskstore, query, store
from kg.cli import main
from kg.errors import StoreError
from kg.network import to_networkx


@pytest.fixture
def memory():
    ds = store.new_dataset()
    store.add_article(ds, SEED, seed_relations())
    store.add_article(ds, OTHER, other_relations())
    return ds


@pytest.fixture
def folder(tmp_path):
    with store.adding(tmp_path / "out") as put:
        put(SEED, seed_relations())
        put(OTHER, other_relations())
    return tmp_path / "out"


def quads(ds) -> set:
    return {(s, p, o, str(getattr(g, "identifier", g))) for s, p, o, g in ds.quads()}


def test_the_folder_store_holds_what_the_memory_store_holds(folder, memory) -> None:
    assert diskstore.is_store_folder(folder / "store")
    with store.reading(folder) as ds:
        assert quads(ds) == quads(memory)
        assert quads(store.snapshot(ds)) == quads(memory)
        assert store.article_ids(ds) == ["other", "seed"]
        assert len(ds) == len(memory)


def test_adding_an_article_touches_only_its_graph_and_the_union_stays_a_set(folder) -> None:
    with store.reading(folder) as ds:
        other_before = set(ds.graph(store.article_graph_iri("other")))
        before = quads(ds)
    with store.adding(folder) as put:
        put(SEED, seed_relations())  # the same again: nothing changes
    with store.reading(folder) as ds:
        assert quads(ds) == before
    with store.adding(folder) as put:
        put(SEED, seed_relations()[:1])  # edited: its own graph only
    with store.reading(folder) as ds:
        assert set(ds.graph(store.article_graph_iri("other"))) == other_before
        seed = set(ds.graph(store.article_graph_iri("seed")))
        assert len(seed) < len([q for q in before if q[3].endswith("/seed")])
        # the default graph is exactly the set union of the article graphs
        native = diskstore.native(ds)
        default = {
            (q.subject, q.predicate, q.object)
            for q in native.quads_for_pattern(None, None, None, diskstore.pyoxigraph.DefaultGraph())
        }
        named = {(q.subject, q.predicate, q.object) for q in diskstore.named_quads(native)}
        assert default == named
        labels = query.run(ds, "SELECT ?l WHERE { id:russia rdfs:label ?l }")
        assert len(list(labels)) == 2  # en + nl once, though two articles describe Russia


def test_remove_drops_the_graph_and_what_only_it_said(folder) -> None:
    runner = CliRunner()
    gone = runner.invoke(main, ["remove", "seed", "--store", str(folder)])
    assert gone.exit_code == 0, gone.output
    with store.reading(folder) as ds:
        assert store.article_ids(ds) == ["other"]
        ask = "ASK { ?s kg:sentence ?x FILTER(CONTAINS(?x, 'ontmoette Trump')) }"
        assert not query.run(ds, ask).askAnswer
        assert query.run(ds, "ASK { id:russia kg:supports id:north_korea }").askAnswer


def test_network_and_exports_of_the_folder_store_equal_the_memory_store(folder, memory) -> None:
    from kg import export

    with store.reading(folder) as ds:
        disk, mem = to_networkx(ds), to_networkx(memory)
        assert sorted(disk.nodes(data=True)) == sorted(mem.nodes(data=True))
        assert sorted(disk.edges(keys=True, data=True)) == sorted(mem.edges(keys=True, data=True))
        for fmt in ("trig", "nq"):
            buffer = io.BytesIO()
            export.write(ds, fmt, buffer)
            back = Dataset()
            back.parse(
                data=buffer.getvalue().decode(), format="trig" if fmt == "trig" else "nquads"
            )
            assert quads(back) == quads(memory)
        for fmt in ("csv", "graphml"):
            a, b = io.BytesIO(), io.BytesIO()
            export.write(ds, fmt, a)
            export.write(memory, fmt, b)
            assert a.getvalue() == b.getvalue()


def test_an_old_graph_trig_folder_is_migrated_and_kept(tmp_path, memory, caplog) -> None:
    legacy = tmp_path / "graph.trig"
    memory.serialize(legacy, format="trig")
    before = legacy.read_bytes()
    with store.reading(tmp_path) as ds:
        assert quads(ds) == quads(memory)
    assert diskstore.is_store_folder(tmp_path / "store")
    assert legacy.read_bytes() == before  # nothing lost
    assert "copied into" in caplog.text
    result = CliRunner().invoke(main, ["stats", "--store", str(tmp_path)])
    assert result.exit_code == 0 and "articles: 2" in result.output


def test_a_read_only_old_folder_is_read_from_the_file(tmp_path, memory, caplog) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    memory.serialize(tmp_path / "graph.trig", format="trig")
    tmp_path.chmod(0o555)
    try:
        with store.reading(tmp_path) as ds:
            assert quads(ds) == quads(memory)
    finally:
        tmp_path.chmod(0o755)
    assert "reading the file" in caplog.text


def test_readers_share_the_lock_and_a_writer_waits_for_them(folder) -> None:
    loc = store.location(folder)
    with store.reading(folder) as first, store.reading(folder) as second:
        assert store.article_ids(first) == store.article_ids(second)
        with pytest.raises(StoreError, match="being written by another"):
            diskstore.commit(loc, "CLEAR SILENT GRAPH <urn:x>", timeout=0.2)
    with store.writing(folder), pytest.raises(StoreError, match="being written"):  # noqa: SIM117
        with store.reading(folder, timeout=0.2):
            pass


def test_a_reader_in_another_process_while_a_build_commits(folder) -> None:
    """A reader process holding the lock makes a commit wait, not fail or corrupt."""
    code = (
        "import sys, time; from kg import store\n"
        "with store.reading(sys.argv[1]) as ds:\n"
        "    print(len(store.article_ids(ds)), flush=True); time.sleep(1.5)\n"
    )
    reader = subprocess.Popen(
        [sys.executable, "-c", code, str(folder)], stdout=subprocess.PIPE, text=True
    )
    assert reader.stdout.readline().strip() == "2"
    started = time.monotonic()
    with store.adding(folder) as put:
        put(SEED, seed_relations()[:2])
    assert time.monotonic() - started > 0.5  # it waited for the reader
    assert reader.wait(timeout=30) == 0
    with store.reading(folder) as ds:
        assert store.article_ids(ds) == ["other", "seed"]


_KILLED_WRITER = """
import sys
from graph_records import SEED, OTHER, seed_relations, other_relations
from dataclasses import replace
from kg import store
with store.adding(sys.argv[1]) as put:
    i = 0
    while True:
        i += 1
        put(replace(SEED, id=f"extra{i % 50}"), seed_relations())
        if i == 20:
            print("going", flush=True)
"""


@pytest.mark.slow
def test_kill_9_during_a_build_leaves_a_readable_store_with_whole_graphs(folder) -> None:
    with store.reading(folder) as ds:
        seed_before = set(ds.graph(store.article_graph_iri("seed")))
    tests = os.path.dirname(__file__)
    writer = subprocess.Popen(
        [sys.executable, "-c", _KILLED_WRITER, str(folder)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": tests},
    )
    assert writer.stdout.readline().strip() == "going"
    time.sleep(0.3)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    with store.reading(folder) as ds:
        ids = store.article_ids(ds)
        assert {"other", "seed"} <= set(ids) and len(ids) > 2
        assert set(ds.graph(store.article_graph_iri("seed"))) == seed_before
        sizes = {len(ds.graph(store.article_graph_iri(i))) for i in ids if i.startswith("extra")}
        assert len(sizes) == 1  # every graph is whole: none half-written
    with store.adding(folder) as put:  # and it takes writes again
        put(OTHER, other_relations())


def test_a_large_select_streams_in_every_format(tmp_path) -> None:
    loc = tmp_path / "store"
    native = diskstore.open_native(loc, write=True)
    rows = 30_000
    native.update("INSERT DATA { GRAPH <urn:g> { <urn:x> <urn:p> 0 } }")
    # N rows from a cross product, computed by Oxigraph, never held in Python
    digits = " ".join(str(d) for d in range(10))
    select = (
        f"SELECT ?a ?b ?c ?d WHERE {{ VALUES ?a {{ {digits} }} VALUES ?b {{ {digits} }} "
        f"VALUES ?c {{ {digits} }} VALUES ?d {{ {digits} }} VALUES ?e {{ 0 1 2 }} }}"
    )
    del native
    with store.reading(tmp_path) as ds:
        for fmt in ("csv", "tsv", "json", "jsonl", "table"):
            result = query.run(ds, select)
            assert hasattr(result, "oxigraph")
            out = io.StringIO()
            query.write_result(result, fmt, out)
            text = out.getvalue()
            if fmt in ("csv", "tsv"):
                assert len(text.splitlines()) == rows + 1
            elif fmt == "jsonl":
                lines = text.splitlines()
                assert len(lines) == rows and set(json.loads(lines[0])) == {"a", "b", "c", "d"}
            elif fmt == "json":
                assert len(json.loads(text)["results"]["bindings"]) == rows
            else:
                assert text.rstrip().endswith(f"({rows} rows)")


def test_cli_query_results_are_the_same_from_the_folder_and_a_file(folder, memory, tmp_path):
    trig = tmp_path / "g.trig"
    store.save(memory, trig)
    text = (
        "SELECT ?s ?o ?d WHERE { ?st rdf:subject ?s ; rdf:object ?o . "
        "OPTIONAL { ?st kg:date ?d } } ORDER BY ?s ?o ?d"
    )
    runner = CliRunner()
    for fmt in ("table", "csv", "tsv", "json", "jsonl"):
        a = runner.invoke(main, ["query", "--store", str(folder), "--format", fmt, text])
        b = runner.invoke(main, ["query", "--store", str(trig), "--format", fmt, text])
        assert a.exit_code == b.exit_code == 0, a.output + b.output
        if fmt == "json":
            assert json.loads(a.output)["results"] == json.loads(b.output)["results"]
        else:
            assert a.output == b.output
    refused = runner.invoke(
        main,
        [
            "query",
            "--store",
            str(folder),
            "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
        ],
    )
    assert refused.exit_code == 1 and "--allow-remote" in refused.output


def test_an_update_keeps_the_union_in_step(folder) -> None:
    result = CliRunner().invoke(
        main,
        [
            "query",
            "--store",
            str(folder),
            "--update",
            "DROP GRAPH <https://w3id.org/geokg/graph/other>",
        ],
    )
    assert result.exit_code == 0, result.output
    with store.reading(folder) as ds:
        assert store.article_ids(ds) == ["seed"]
        assert not query.run(
            ds, "ASK { ?x kg:sentence ?s FILTER(CONTAINS(?s, 'Rusland steunt')) }"
        ).askAnswer


def test_the_network_of_the_folder_store_equals_that_of_its_memory_copy(tmp_path) -> None:
    """kg.network reads the folder store from Oxigraph's quads; every edge field (rule and
    trigger too), node label, class and Wikidata id is what the rdflib path reads from an
    in-memory copy, also for a statement node that two graphs hold."""
    import dataclasses

    seed = [
        dataclasses.replace(r, rule=f"rule{i}", trigger=f"trigger{i}", confidence=1.0)
        for i, r in enumerate(seed_relations())
    ]
    with store.adding(tmp_path / "out") as put:
        put(SEED, seed)
        put(OTHER, other_relations())
    # one statement node in a second graph too, with another date there
    extra = (
        "INSERT { GRAPH <https://w3id.org/geokg/graph/extra> { ?st ?p ?o . ?st kg:date "
        '"1999-01-01" } } WHERE { GRAPH ?g { ?st a rdf:Statement ; kg:rule "rule0" ; ?p ?o '
        "FILTER(?p != kg:date) } }"
    )
    prefixes = "PREFIX kg: <https://w3id.org/geokg/ontology#> PREFIX rdf: <" + str(RDF) + "> "
    loc = diskstore.location(tmp_path / "out")
    diskstore.commit(loc, prefixes + extra + " ;\n" + diskstore.REBUILD_UNION, 10)
    with store.reading(tmp_path / "out") as ds:
        disk, mem = to_networkx(ds), to_networkx(store.snapshot(ds))
    assert sorted(disk.nodes(data=True)) == sorted(mem.nodes(data=True))
    assert sorted(disk.edges(keys=True, data=True)) == sorted(mem.edges(keys=True, data=True))
    assert {data["rule"] for *_, data in disk.edges(data=True)} >= {"rule0", "rule1"}
    twice = [data for *_, data in disk.edges(data=True) if data["rule"] == "rule0"]
    assert [(d["doc"], d["date"] != "1999-01-01") for d in twice] == [("seed", True)]
    assert any(data["class"] and data["label"] for _, data in disk.nodes(data=True))
