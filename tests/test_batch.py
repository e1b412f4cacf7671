"""A batch goes on past a bad article; ids are unique; long texts are parsed in pieces."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg import nlp, pipeline
from kg.cli import EXIT_SKIPPED, main
from kg.errors import ExtractionError, InputError
from kg.ingest import iter_articles
from kg.store import article_ids, open_store


def run(*args, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], **kwargs)


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "report.txt").write_text("date 2024-05-02\n\nRutte sprak met Macron.\n")
    (tmp_path / "b" / "report.txt").write_text("Scholz ontmoette Sánchez in Madrid.\n")
    (tmp_path / "good.txt").write_text("Japan en Korea sloten een akkoord.\n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")
    return tmp_path


def test_a_second_article_with_a_taken_id_is_refused_not_overwritten(folder):
    with pytest.raises(InputError, match="already taken by"):
        list(iter_articles([folder / "a" / "report.txt", folder / "b" / "report.txt"]))
    errors: list = []
    docs = list(iter_articles([folder], on_error=lambda source, why: errors.append(source)))
    assert sorted(d.id for d in docs) == ["good", "report"]
    assert sorted(errors) == sorted([str(folder / "b" / "report.txt"), str(folder / "binary.txt")])


@pytest.mark.slow
def test_build_goes_on_past_bad_articles_and_says_so(folder, tmp_path):
    out = tmp_path / "out"
    result = run("build", "-q", "--no-html", folder, "-o", out)
    assert result.exit_code == EXIT_SKIPPED, result.output
    assert "skipped: " in result.output and "binary" in result.output
    assert "2 article(s) skipped" in result.output and "Traceback" not in result.output
    assert sorted(article_ids(open_store(out))) == ["good", "report"]


@pytest.mark.slow
def test_strict_build_stops_and_writes_nothing(folder, tmp_path):
    out = tmp_path / "out"
    result = run("build", "-q", "--strict", folder, "-o", out)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert not out.exists()


@pytest.mark.slow
def test_an_article_that_fails_in_extraction_is_skipped(folder, tmp_path, monkeypatch):
    real = pipeline.extract_document

    def failing(document, **kwargs):
        if document.id == "good":
            raise RuntimeError("boom")
        return real(document, **kwargs)

    monkeypatch.setattr(pipeline, "extract_document", failing)
    skipped: list = []
    dataset = pipeline.build([folder / "good.txt", folder / "a"], skipped=skipped)
    assert article_ids(dataset) == ["report"]
    assert [s.source for s in skipped] == [str(folder / "good.txt")]
    assert "RuntimeError: boom" in skipped[0].reason
    with pytest.raises(ExtractionError, match="RuntimeError: boom"):
        pipeline.build([folder / "good.txt"], strict=True)


@pytest.mark.slow
def test_stdin_article_takes_the_given_id(tmp_path):
    out = tmp_path / "out"
    result = run(
        "build",
        "-q",
        "--no-html",
        "--id",
        "wire-1",
        "-",
        "-o",
        out,
        input="Rutte sprak met Macron.\n",
    )
    assert result.exit_code == 0, result.output
    assert article_ids(open_store(out)) == ["wire-1"]


def test_pieces_add_up_to_the_text_and_stay_under_the_limit(monkeypatch):
    monkeypatch.setattr(nlp, "CHUNK_CHARS", 50)
    text = ("Kim sprak met Poetin. " * 7 + "\n\n") * 3 + "x" * 120
    pieces = nlp._pieces(text)
    assert "".join(pieces) == text
    assert all(len(p) <= 50 for p in pieces)
    assert pieces[0].endswith((". ", "\n\n"))


@pytest.mark.slow
def test_a_long_text_is_parsed_in_pieces_with_its_offsets(monkeypatch):
    monkeypatch.setattr(nlp, "CHUNK_CHARS", 200)
    text = "Rutte sprak in Den Haag met Macron over de handel. " * 12
    doc = nlp.parse(nlp.load("nl"), text)
    assert doc.text == text
    assert len(list(doc.sents)) == 12
    macron = [t for t in doc if t.text == "Macron"]
    assert len(macron) == 12 and all(text[t.idx : t.idx + 6] == "Macron" for t in macron)


@pytest.mark.slow
def test_two_workers_give_the_same_relations_in_the_same_order(folder):
    from kg.pipeline import extract_articles, relation_record

    def run_with(workers):
        return [
            (document.id, [relation_record(r) for r in relations])
            for document, relations in extract_articles([folder], workers=workers)
        ]

    one = run_with(1)
    assert len(one) == 2 and all(relations for _, relations in one)
    assert run_with(2) == one


@pytest.mark.slow
def test_articles_parsed_together_give_what_each_gives_alone(folder):
    from kg.pipeline import extract_articles, extract_document, relation_record

    (folder / "en.txt").write_text("Biden met Macron in Paris on Monday.\n")
    skipped: list = []
    together = [
        (document, [relation_record(r) for r in relations])
        for document, relations in extract_articles([folder], skipped=skipped)
    ]
    alone = [(d, [relation_record(r) for r in extract_document(d)]) for d, _ in together]
    assert together == alone and {d.lang for d, _ in together} == {"nl", "en"}
    assert len(skipped) == 2  # the unreadable ones, reported in their place


def test_extract_with_nothing_readable_is_an_error_and_writes_nothing(tmp_path):
    out = tmp_path / "triples.jsonl"
    result = run("extract", tmp_path / "missing.txt", "-o", out)
    assert result.exit_code == 1 and "no such file" in result.output
    assert "Traceback" not in result.output and not out.exists()
