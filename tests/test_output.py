"""One output language: every command that prints records takes --format
table|csv|tsv|json|jsonl and -o FILE (atomic, format from the suffix)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from graph_records import SEED, seed_relations

from kg import store
from kg.cli import main
from kg.tables import RECORD_FORMATS, format_for, format_records

QUERY = "SELECT ?s ?c WHERE { ?st kg:confidence ?c ; rdf:subject ?s } ORDER BY ?s ?c"
#: Commands that print records over the store, with their arguments.
COMMANDS = {
    "stats": ["stats"],
    "validate": ["validate"],
    "query": ["query", QUERY],
}


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("store")
    dataset = store.new_dataset()
    store.add_article(dataset, SEED, seed_relations())
    store.save(dataset, folder)
    return folder


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def parse(text: str, fmt: str) -> list:
    """Records back from their text: the check that each format is what it says."""
    if fmt == "json":
        return json.loads(text)
    if fmt == "jsonl":
        return [json.loads(line) for line in text.splitlines()]
    if fmt in ("csv", "tsv"):
        return list(csv.DictReader(io.StringIO(text), delimiter="," if fmt == "csv" else "\t"))
    assert text.strip()
    return [text]


@pytest.mark.parametrize("fmt", RECORD_FORMATS)
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_record_command_speaks_every_format(store_dir, command, fmt):
    result = run(*COMMANDS[command], "--store", store_dir, "--format", fmt)
    assert result.exit_code == 0, result.output
    records = parse(result.stdout, fmt)
    if command == "query" and fmt in ("csv", "tsv", "jsonl"):
        assert len(records) == len(seed_relations())
        assert set(records[0]) == {"s", "c"}
    if command == "stats" and fmt in ("csv", "tsv", "jsonl"):
        assert {"section": "graph", "name": "", "measure": "articles"}.items() <= {
            k: str(v) if fmt == "jsonl" and k == "value" else v for k, v in records[0].items()
        }.items()
    if command == "validate" and fmt in ("csv", "tsv"):
        assert result.stdout.splitlines()[0].split("," if fmt == "csv" else "\t")[0] == "severity"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_output_file_takes_its_format_from_the_suffix(store_dir, tmp_path, command):
    target = tmp_path / "out.csv"
    result = run(*COMMANDS[command], "--store", store_dir, "-o", target)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    header = target.read_text(encoding="utf-8").splitlines()[0]
    assert "," in header and not header.startswith("-")
    as_json = tmp_path / "out.json"
    assert run(*COMMANDS[command], "--store", store_dir, "-o", as_json).exit_code == 0
    json.loads(as_json.read_text(encoding="utf-8"))


def test_a_failed_command_leaves_the_old_output_file(store_dir, tmp_path):
    target = tmp_path / "result.csv"
    target.write_text("old\n", encoding="utf-8")
    result = run("query", "SELECT ?x WHERE {", "--store", store_dir, "-o", target)
    assert result.exit_code == 1
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["result.csv"]  # no temporary left


def test_query_jsonl_types_numbers_and_keeps_iris_whole(store_dir):
    result = run("query", QUERY, "--store", store_dir, "--format", "jsonl")
    first = json.loads(result.stdout.splitlines()[0])
    assert first["s"].startswith("https://w3id.org/geokg/id/")
    assert isinstance(first["c"], float)


def test_query_ask_and_construct_as_records(store_dir):
    ask = run("query", "ASK { ?s kg:supports ?o }", "--store", store_dir, "--format", "csv")
    assert ask.stdout.splitlines() == ["boolean", "true"]
    construct = run(
        "query",
        "CONSTRUCT { ?s kg:supports ?o } WHERE { ?s kg:supports ?o }",
        "--store",
        store_dir,
        "--format",
        "jsonl",
    )
    (row,) = [json.loads(line) for line in construct.stdout.splitlines()]
    assert row["object"] == "https://w3id.org/geokg/id/russia"


def test_query_f_still_means_file(store_dir, tmp_path):
    sparql = tmp_path / "q.rq"
    sparql.write_text("ASK { ?s kg:supports ?o }", encoding="utf-8")
    assert run("query", "-f", sparql, "--store", store_dir).stdout.strip() == "true"


def test_validate_rows_name_each_problem(store_dir, tmp_path):
    from rdflib import Literal

    from kg.vocab import KG

    dataset = store.snapshot(store.open_store(store_dir))  # a copy to spoil
    graph = dataset.graph(store.article_graph_iri(SEED.id))
    graph.set((store.statement_iri(seed_relations()[0]), KG.confidence, Literal(2)))
    store.save(dataset, tmp_path)
    result = run("validate", "--store", tmp_path, "--format", "jsonl")
    assert result.exit_code == 1
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and rows[0]["severity"] == "Violation"
    assert any(r["path"] and r["path"].endswith("confidence") for r in rows)
    report = json.loads(run("validate", "--store", tmp_path, "--format", "json").stdout)
    assert report["conforms"] is False and report["results"] == rows


def test_no_terminal_escapes_in_any_output(store_dir):
    """Nothing is coloured, so NO_COLOR has nothing to turn off: even with colour
    allowed, no command writes an escape sequence."""
    for args in [*COMMANDS.values(), ["stats", "--format", "table"]]:
        result = CliRunner().invoke(main, [*args, "--store", str(store_dir)], color=True)
        assert "\x1b" not in result.output, args
    for name in main.commands:
        assert "\x1b" not in CliRunner().invoke(main, [name, "--help"], color=True).output


def test_evaluate_formats_and_errors(tmp_path):
    from kg.evaluate import SCORE_COLUMNS, Report, score_rows

    rows = score_rows(
        {
            "overall": Report().as_dict()["overall"],
            "by_relation": {},
            "by_confidence": {},
            "by_doc": {},
        }
    )
    assert list(rows[0]) == list(SCORE_COLUMNS) and rows[0]["scope"] == "overall"
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"doc": "a", "subject": "A", "relation": "meets", "object": "B"}) + "\n"
    )
    refused = run("evaluate", "--gold", gold, "--format", "csv", "--errors", tmp_path)
    assert refused.exit_code == 2 and "--errors" in refused.output


def test_format_for_and_records():
    assert format_for("x.TSV", None, "table") == "tsv"
    assert format_for("x.unknown", None, "jsonl") == "jsonl"
    assert format_for("x.csv", "json", "table") == "json"
    rows = [{"a": "x\ty\nz", "b": None, "c": [1, 2]}]
    assert format_records(rows, "tsv") == "a\tb\tc\nx y z\t\t1; 2"
    assert format_records([], "csv", ["a", "b"]) == "a,b"
    assert format_records([], "jsonl") == ""
    with pytest.raises(ValueError, match="unknown format"):
        format_records(rows, "xml")
