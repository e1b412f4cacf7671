"""The kg command end to end on the seed, and its error paths."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset

from kg.cli import main

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_37acdb231196126e.txt"
KIM_SUPPORTS = (
    "SELECT ?whom WHERE { id:kim_jong_un kg:supports ?x . ?x rdfs:label ?whom "
    'FILTER(lang(?whom) = "en") }'
)


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("kg") / "out"
    result = run("build", SEED, "-o", out, "--export")
    assert result.exit_code == 0, result.output
    return out, result


@pytest.mark.slow
def test_build_writes_the_store_and_with_export_the_graph_the_turtle_and_the_page(built):
    out, result = built
    assert (out / "store" / "CURRENT").is_file()
    for name in ("graph.trig", "graph.ttl", "graph.html"):
        assert (out / name).stat().st_size > 0
    assert "articles: 1" in result.output and "Kim Jong-un" in result.output
    dataset = Dataset()
    dataset.parse(out / "graph.trig", format="trig")
    assert len(list(dataset.graphs())) >= 2  # default + the article's named graph
    assert "store: " in result.output


@pytest.mark.slow
def test_built_seed_graph_conforms_to_the_shapes(built):
    out, _ = built
    result = run("validate", "--store", out)
    assert result.exit_code == 0 and "Conforms: True" in result.output


@pytest.mark.slow
def test_query_answers_whom_kim_supports(built):
    out, _ = built
    result = run("query", "--store", out, "--format", "json", KIM_SUPPORTS)
    assert result.exit_code == 0, result.output
    bindings = json.loads(result.output)["results"]["bindings"]
    answers = {row["whom"]["value"] for row in bindings}
    assert answers == {"Russia"}


@pytest.mark.slow
def test_building_again_adds_nothing_and_another_article_adds(built, tmp_path):
    out, _ = built
    store = tmp_path / "out"
    shutil.copytree(out, store)
    before = (store / "graph.trig").read_text(encoding="utf-8")
    assert run("build", SEED, "-o", store, "-q").exit_code == 0
    assert (store / "graph.trig").read_text(encoding="utf-8") == before  # exports only on ask
    first, second = Dataset(), Dataset()
    first.parse(data=before, format="trig")
    assert run("build", SEED, "-o", store, "-q", "--export", "--no-html").exit_code == 0
    second.parse(store / "graph.trig", format="trig")
    assert len(first) == len(second)
    other = tmp_path / "other.txt"
    other.write_text(
        "date 2024-03-01\n\nPoetin ontmoette Xi Jinping in Moskou.\n", encoding="utf-8"
    )
    assert run("build", other, "-o", store, "-q", "--export").exit_code == 0
    third = Dataset()
    third.parse(store / "graph.trig", format="trig")
    assert len(third) > len(second)


@pytest.mark.slow
def test_extract_writes_the_jsonl_contract(tmp_path):
    result = run("extract", SEED, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    keys = {
        "doc",
        "sentence",
        "subject",
        "relation",
        "object",
        "date",
        "negated",
        "hedged",
        "confidence",
        "subject_id",
        "object_id",
        "start",
        "end",
    }
    assert rows and all(keys <= set(row) for row in rows)
    raw = SEED.read_text(encoding="utf-8")
    support = next(r for r in rows if r["relation"] == "supports" and r["object"] == "Russia")
    assert "steun aan Moskou" in " ".join(raw[support["start"] : support["end"]].split())
    assert support["subject_id"] == "https://w3id.org/geokg/id/kim_jong_un"


@pytest.mark.slow
def test_min_confidence_filters(tmp_path):
    everything = run("extract", SEED).output.splitlines()
    confident = run("extract", SEED, "--min-confidence", "0.85").output.splitlines()
    assert 0 < len(confident) < len(everything)
    assert all(json.loads(line)["confidence"] >= 0.85 for line in confident)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "empty"),
        (b"\x00\x01binary\x00", "binary"),
        (b"caf\xe9", "not valid UTF-8"),
    ],
)
def test_bad_article_is_a_one_line_error_and_writes_nothing(tmp_path, content, message):
    article = tmp_path / "article.txt"
    if content is not None:
        article.write_bytes(content)
    out = tmp_path / "out"
    result = run("build", article, "-o", out)
    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
    assert not out.exists()


def test_folder_without_articles_is_an_error(tmp_path):
    result = run("extract", tmp_path)
    assert result.exit_code == 1 and "no article files" in result.output


def test_malformed_sparql_is_a_one_line_error(tmp_path):
    store = tmp_path / "graph.trig"
    store.write_text("", encoding="utf-8")
    result = run("query", "--store", store, "SELEKT nonsense {")
    assert result.exit_code == 1
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_evaluate_needs_a_gold_file(tmp_path):
    result = run("evaluate", SEED)
    assert result.exit_code == 2 and "--gold" in result.output


def test_unwritable_output_is_a_one_line_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = run("extract", SEED, "-o", blocker / "out.jsonl")
    assert result.exit_code == 1
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_progress_shows_on_a_terminal_only(monkeypatch):
    import io
    import sys

    from kg.cli import progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    bar = progress()
    bar.update(3)
    bar.refresh()
    bar.close()
    assert "3 articles" in terminal.getvalue()
    assert progress(quiet=True).disable
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert progress().disable


@pytest.mark.slow
def test_evaluate_warns_when_no_gold_triple_is_about_the_articles(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        '{"doc": "other-article", "subject": "A", "relation": "meets", "object": "B"}\n'
    )
    result = CliRunner().invoke(main, ["evaluate", "--gold", str(gold), str(SEED)])
    assert result.exit_code == 0
    assert "warning: no gold triple is about these articles" in result.output
    assert "other-article" in result.output


def test_a_closed_stdin_is_a_one_line_error(tmp_path, monkeypatch):
    import sys

    class Closed:
        closed = True

    monkeypatch.setattr(sys, "stdin", Closed())
    from kg.errors import InputError
    from kg.ingest import iter_articles

    with pytest.raises(InputError, match="standard input is closed"):
        list(iter_articles(["-"]))


@pytest.mark.slow
def test_extract_tsv_has_a_header_and_one_clean_row_per_relation(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("date 2024-05-02\n\nPremier Rutte sprak met president Macron.\n")
    result = CliRunner().invoke(main, ["extract", str(article), "--format", "tsv"])
    header, *rows = result.stdout.splitlines()
    assert header.split("\t") == [
        "doc",
        "subject",
        "relation",
        "object",
        "date",
        "negated",
        "hedged",
        "confidence",
    ]
    assert rows and all(len(r.split("\t")) == 8 for r in rows)
    assert "a\tMark Rutte\tmeets\tEmmanuel Macron\t2024-05-02" in result.output


def test_stats_and_validate_speak_json_and_every_command_takes_v_and_q(tmp_path):
    from graph_records import SEED, seed_relations

    from kg import store

    dataset = store.new_dataset()
    store.add_article(dataset, SEED, seed_relations())
    store.save(dataset, tmp_path)
    stats = json.loads(run("stats", "--store", tmp_path, "--format", "json", "-q").output)
    assert stats["articles"] == 1 and stats["central_actors"][0]["label"] == "Kim Jong-un"
    checked = json.loads(run("validate", "--store", tmp_path, "--format", "json").output)
    assert checked["conforms"] is True
    for name in main.commands:
        for flag in ("-v", "-q"):
            assert run(name, flag, "--help").exit_code == 0, (name, flag)


@pytest.mark.slow
def test_extract_speaks_every_format_and_the_old_f_still_works(tmp_path):
    import csv

    article = tmp_path / "a.txt"
    article.write_text("date 2024-05-02\n\nPremier Rutte sprak met president Macron.\n")
    as_csv = CliRunner().invoke(main, ["extract", str(article), "-o", str(tmp_path / "t.csv")])
    assert as_csv.exit_code == 0 and as_csv.stdout == ""
    rows = list(csv.DictReader((tmp_path / "t.csv").open(encoding="utf-8")))
    assert {"Mark Rutte", "Emmanuel Macron"} <= {r["subject"] for r in rows}
    assert rows[0]["negated"] == "false" and rows[0]["start"].isdigit()
    as_json = CliRunner().invoke(main, ["extract", str(article), "--format", "json"])
    assert [r["subject"] for r in json.loads(as_json.stdout)] == [r["subject"] for r in rows]
    table = CliRunner().invoke(main, ["extract", str(article), "--format", "table"])
    assert table.stdout.splitlines()[0].split() == [
        "doc",
        "subject",
        "relation",
        "object",
        "date",
        "negated",
        "hedged",
        "confidence",
    ]
    old = CliRunner().invoke(main, ["extract", str(article), "-f", "tsv"])
    assert old.exit_code == 0 and old.stdout.startswith("doc\tsubject\t")
    assert "deprecated" in old.stderr and "--format" in old.stderr
