"""Scoring as ANNOTATION.md specifies it."""

from __future__ import annotations

import json

import pytest

from kg.errors import DataError
from kg.evaluate import read_jsonl, score


def row(doc, s, r, o, date=None, negated=False, hedged=False):
    return {
        "doc": doc,
        "subject": s,
        "relation": r,
        "object": o,
        "date": date,
        "negated": negated,
        "hedged": hedged,
    }


def test_exact_and_symmetric_matches_count_once():
    gold = [row("d", "A", "meets", "B"), row("d", "A", "supports", "C")]
    system = [
        row("d", "B", "meets", "A"),
        row("d", "B", "meets", "A", date="2020"),
        row("d", "C", "supports", "A"),
    ]
    report = score(gold, system)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 1, 1)
    assert report.overall.precision == pytest.approx(0.5)
    assert report.overall.f1 == pytest.approx(0.5)


def test_matches_are_per_document():
    gold = [row("d1", "A", "attacks", "B")]
    system = [row("d2", "A", "attacks", "B")]
    report = score(gold, system)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (0, 1, 1)


def test_dates_and_flags_scored_on_matched_only():
    gold = [row("d", "A", "sanctions", "B", "2021-05", hedged=True), row("d", "X", "accuses", "Y")]
    system = [row("d", "A", "sanctions", "B", "2021-05", hedged=False)]
    result = score(gold, system).as_dict()
    assert result["date_accuracy"] == 1.0
    assert result["hedged_accuracy"] == 0.0
    assert result["negated_accuracy"] == 1.0
    assert result["by_relation"]["accuses"]["fn"] == 1


def test_malformed_gold_line_is_a_data_error(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(row("d", "A", "meets", "B")) + "\n{not json\n")
    with pytest.raises(DataError, match=r"gold\.jsonl:2: not JSON"):
        read_jsonl(path)


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("[1, 2, 3]", "a JSON object is wanted, not list"),
        ('"str"', "a JSON object is wanted, not str"),
        ('{"doc": "d", "subject": "A", "relation": "meets"}', "'object' missing"),
        ('{"doc": "d", "subject": "A", "relation": "likes", "object": "B"}', "unknown relation"),
        (
            '{"doc": "d", "subject": "A", "relation": "meets", "object": "B", "negated": "false"}',
            "'negated' must be true or false",
        ),
        (
            '{"doc": "d", "subject": "A", "relation": "meets", "object": "B", '
            '"confidence": "high"}',
            "'confidence' must be a number",
        ),
        ("{not json", "not JSON"),
    ],
)
def test_malformed_triple_lines_name_file_and_line(tmp_path, line, problem) -> None:
    good = '{"doc": "d", "subject": "A", "relation": "meets", "object": "B", "negated": false}'
    path = tmp_path / "gold.jsonl"
    path.write_text(good + "\n\n" + line + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=f"gold.jsonl:3: .*{problem}"):
        read_jsonl(path)
