"""Score geokg on every development gold set in one run.

    python scripts/evaluate_dev.py                 # the table
    python scripts/evaluate_dev.py --json          # the figures as JSON
    python scripts/evaluate_dev.py --errors DIR    # misses/extras per set into DIR
    python scripts/evaluate_dev.py --by-rule       # also precision per rule and per
                                                   # confidence band over all sets

Sets: the seed article, the 5 Dutch and 2 English dev articles, and the NTREX
parallel documents in each language (``../shared/eval-dev``). For NTREX it also
reports the cross-lingual agreement (per document, the Jaccard overlap of the
English and Dutch system triples, averaged over documents with any triples) and
how many statements the four non-political documents produce.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

from kg.evaluate import (
    CONFIDENCE_BANDS,
    Counts,
    actor_coverage,
    canonical,
    read_jsonl,
    rule_table,
    score,
)
from kg.ingest import iter_articles
from kg.pipeline import analyse_document, relation_record

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EVAL = SHARED / "eval-dev"
SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_37acdb231196126e.txt"
#: NTREX documents with no political content: a volcano, a football match, a murder,
#: a shark bite (README of eval-dev/ntrex)
NON_POLITICAL = ("abcnews-306764", "bbc-381746", "dailymail-298732", "upi-176266")


def _sets(seed_dir: Path) -> dict[str, tuple[Path, list[Path]]]:
    ntrex = EVAL / "ntrex" / "articles"
    return {
        "seed": (EVAL / "seed.gold.jsonl", [seed_dir / "seed-000.txt"]),
        "dev-nl": (EVAL / "gold.jsonl", sorted((EVAL / "articles").glob("nl-d*.txt"))),
        "dev-en": (EVAL / "gold.jsonl", sorted((EVAL / "articles").glob("en-d*.txt"))),
        "ntrex-nl": (EVAL / "ntrex" / "gold.jsonl", sorted(ntrex.glob("nl-*.txt"))),
        "ntrex-en": (EVAL / "ntrex" / "gold.jsonl", sorted(ntrex.glob("en-*.txt"))),
    }


def _run(gold_path: Path, files: list[Path]) -> tuple[dict, list[dict], list[str]]:
    docs, rows, names = [], [], {}
    for document in iter_articles([str(f) for f in files]):
        resolution, relations = analyse_document(document)
        docs.append(document.id)
        names[document.id] = resolution.actor_names()
        rows.extend(relation_record(r) for r in relations)
    gold = [g for g in read_jsonl(gold_path) if g["doc"] in docs]
    report = score(gold, rows, docs)
    result = report.as_dict()
    found, total, missed = actor_coverage(gold, names)
    result["actors"] = {"found": found, "total": total}
    result["by_rule"] = {k: {"tp": c.tp, "fp": c.fp} for k, c in report.by_rule.items()}
    errors = [f"MISS  {d}  {' | '.join(t)}" for d, t in report.misses]
    errors += [f"EXTRA {d}  {' | '.join(t)}" for d, t in report.spurious]
    errors += [f"ACTOR {d}  {n}" for d, n in missed]
    return result, rows, errors


def cross_lingual_agreement(rows_en: list[dict], rows_nl: list[dict]) -> float:
    """Mean Jaccard overlap of the English and Dutch triple sets per NTREX document."""

    def by_doc(rows: list[dict], prefix: str) -> dict[str, set]:
        out: dict[str, set] = {}
        for r in rows:
            doc = r["doc"].removeprefix(prefix)
            out.setdefault(doc, set()).add(canonical(r["subject"], r["relation"], r["object"]))
        return out

    en, nl = by_doc(rows_en, "en-nx-"), by_doc(rows_nl, "nl-nx-")
    scores = [
        len(en.get(d, set()) & nl.get(d, set())) / len(en.get(d, set()) | nl.get(d, set()))
        for d in set(en) | set(nl)
    ]
    return sum(scores) / len(scores) if scores else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", type=Path, help="write <set>.errors.txt into this folder")
    parser.add_argument(
        "--by-rule",
        action="store_true",
        help="also give precision per extraction rule and per confidence band over all sets",
    )
    args = parser.parse_args(argv)
    if not EVAL.is_dir():
        print(f"error: no development sets at {EVAL}", file=sys.stderr)
        return 2
    figures: dict[str, dict] = {}
    rows_by_set: dict[str, list[dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        # The seed's gold names it seed-000; score it from a copy under that name.
        shutil.copy(SEED, Path(tmp) / "seed-000.txt")
        for name, (gold, files) in _sets(Path(tmp)).items():
            result, rows, errors = _run(gold, files)
            figures[name] = result
            rows_by_set[name] = rows
            if args.errors:
                args.errors.mkdir(parents=True, exist_ok=True)
                (args.errors / f"{name}.errors.txt").write_text("\n".join(errors) + "\n")
    agreement = cross_lingual_agreement(rows_by_set["ntrex-en"], rows_by_set["ntrex-nl"])
    non_political = sum(
        1
        for s in ("ntrex-en", "ntrex-nl")
        for r in rows_by_set[s]
        if r["doc"].split("-", 2)[2] in NON_POLITICAL
    )
    summary = {
        "sets": {k: {**v["overall"], "actors": v["actors"]} for k, v in figures.items()},
        "ntrex_cross_lingual_jaccard": round(agreement, 3),
        "ntrex_non_political_statements": non_political,
    }
    if args.by_rule:
        summary["by_rule"] = by_rule(figures)
        summary["by_confidence"] = by_confidence(figures)
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    print(f"{'set':<10}{'gold':>6}{'sys':>6}{'P':>7}{'R':>7}{'F1':>7}{'actors':>10}")
    for name, o in summary["sets"].items():
        actors = f"{o['actors']['found']}/{o['actors']['total']}"
        print(
            f"{name:<10}{o['tp'] + o['fn']:>6}{o['tp'] + o['fp']:>6}"
            f"{o['precision']:>7.3f}{o['recall']:>7.3f}{o['f1']:>7.3f}{actors:>10}"
        )
    print(f"NTREX cross-lingual Jaccard: {agreement:.3f}")
    print(f"NTREX non-political statements: {non_political}")
    if args.by_rule:
        print_by_rule(summary["by_rule"], summary["by_confidence"], list(figures))
    return 0


def by_rule(figures: dict[str, dict]) -> dict[str, dict]:
    """Precision per rule over all sets (the least precise first), with each set's
    correct/statements."""
    total: dict[str, Counts] = {}
    for result in figures.values():
        for rule, c in result["by_rule"].items():
            counts = total.setdefault(rule, Counts())
            counts.tp += c["tp"]
            counts.fp += c["fp"]
    table = rule_table(total)
    for rule, row in table.items():
        row["sets"] = {
            name: [c["tp"], c["tp"] + c["fp"]]
            for name, result in figures.items()
            if (c := result["by_rule"].get(rule))
        }
    return table


def by_confidence(figures: dict[str, dict]) -> dict[str, dict]:
    """Precision per confidence band over all sets (a triple's highest confidence)."""
    rows = {}
    for band, _low in CONFIDENCE_BANDS:
        tp = sum(r["by_confidence"].get(band, {}).get("tp", 0) for r in figures.values())
        fp = sum(r["by_confidence"].get(band, {}).get("fp", 0) for r in figures.values())
        rows[band] = {
            "statements": tp + fp,
            "correct": tp,
            "precision": round(tp / (tp + fp), 3) if tp + fp else 0.0,
        }
    return rows


def print_by_rule(rules: dict[str, dict], bands: dict[str, dict], sets: list[str]) -> None:
    print(f"\n{'rule':<34}{'stmts':>6}{'corr':>6}{'P':>7}  " + "".join(f"{s:>10}" for s in sets))
    for rule, row in rules.items():
        shares = {s: "{}/{}".format(*row["sets"][s]) for s in sets if s in row["sets"]}
        cells = "".join(f"{shares.get(s, ''):>10}" for s in sets)
        print(
            f"{rule:<34}{row['statements']:>6}{row['correct']:>6}{row['precision']:>7.3f}  {cells}"
        )
    print("\nconfidence band  statements  correct      P")
    for band, row in bands.items():
        print(f"{band:<17}{row['statements']:>10}{row['correct']:>9}{row['precision']:>7.3f}")


if __name__ == "__main__":
    sys.exit(main())
