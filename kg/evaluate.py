"""Scoring against gold triples, as ANNOTATION.md specifies.

A system triple matches a gold triple when subject, relation and object are
equal (symmetric relations in either direction) within one document; each
gold triple matches once. Precision, recall and F1 are over distinct triples
per document, summed over documents. Dates and the negated/hedged flags are
scored on matched triples only.

Precision is also given per confidence band and per extraction rule (the
``rule`` field of system triples, ``docs/RULES.md``): a distinct system triple
counts once under every rule that stated it in its document; triples from files
without the field count under ``(none)``.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import DataError
from kg.vocab import is_relation, is_symmetric

Triple = tuple[str, str, str]
CONFIDENCE_BANDS = (("0.8-1.0", 0.8), ("0.6-0.8", 0.6), ("0.0-0.6", 0.0))
#: The rule of system triples that name none (files written before the field).
NO_RULE = "(none)"


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    overall: Counts = field(default_factory=Counts)
    by_relation: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_doc: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    date_correct: int = 0
    negated_correct: int = 0
    hedged_correct: int = 0
    #: precision by confidence band: the system triple's highest confidence
    by_confidence: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    #: precision by extraction rule: a triple counts under every rule that stated it
    by_rule: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    misses: list[tuple[str, Triple]] = field(default_factory=list)
    spurious: list[tuple[str, Triple]] = field(default_factory=list)

    def as_dict(self) -> dict:
        def row(c: Counts) -> dict:
            return {
                "tp": c.tp,
                "fp": c.fp,
                "fn": c.fn,
                "precision": round(c.precision, 3),
                "recall": round(c.recall, 3),
                "f1": round(c.f1, 3),
            }

        matched = self.overall.tp or 1
        return {
            "overall": row(self.overall),
            "date_accuracy": round(self.date_correct / matched, 3),
            "negated_accuracy": round(self.negated_correct / matched, 3),
            "hedged_accuracy": round(self.hedged_correct / matched, 3),
            "by_relation": {k: row(v) for k, v in sorted(self.by_relation.items())},
            "by_confidence": {k: row(v) for k, v in sorted(self.by_confidence.items())},
            "by_doc": {k: row(v) for k, v in sorted(self.by_doc.items())},
        }

    def rule_table(self) -> dict[str, dict]:
        """Precision per rule, the least precise first (then the most used):
        ``{rule: {"statements", "correct", "precision"}}``."""
        return rule_table(self.by_rule)


def rule_table(by_rule: dict[str, Counts]) -> dict[str, dict]:
    """Per-rule counts as rows, sorted by precision (lowest first), then by how
    many statements (most first), then by name."""
    ordered = sorted(by_rule.items(), key=lambda kv: (kv[1].precision, -kv[1].tp - kv[1].fp, kv[0]))
    return {
        name: {"statements": c.tp + c.fp, "correct": c.tp, "precision": round(c.precision, 3)}
        for name, c in ordered
    }


def canonical(subject: str, relation: str, obj: str) -> Triple:
    if is_symmetric(relation) and obj < subject:
        subject, obj = obj, subject
    return subject, relation, obj


def _check_triple(row: object) -> str | None:
    """What is wrong with one decoded line of triples, or None."""
    if not isinstance(row, dict):
        return f"a JSON object is wanted, not {type(row).__name__}"
    for key in ("doc", "subject", "relation", "object"):
        if not isinstance(row.get(key), str) or not row[key]:
            return f"field {key!r} missing or not a string"
    if not is_relation(row["relation"]):
        return f"unknown relation {row['relation']!r} (see ANNOTATION.md)"
    for key in ("negated", "hedged"):
        if row.get(key) is not None and not isinstance(row[key], bool):
            return f"field {key!r} must be true or false, not {json.dumps(row[key])}"
    if row.get("date") is not None and not isinstance(row["date"], str):
        return f"field 'date' must be a string or null, not {json.dumps(row['date'])}"
    confidence = row.get("confidence")
    if confidence is not None and (
        isinstance(confidence, bool) or not isinstance(confidence, int | float)
    ):
        return f"field 'confidence' must be a number, not {json.dumps(confidence)}"
    if row.get("rule") is not None and not isinstance(row["rule"], str):
        return f"field 'rule' must be a string, not {json.dumps(row['rule'])}"
    return None


def read_jsonl(path: Path) -> list[dict]:
    """Triples (gold or system) from a JSONL file, each line checked: a malformed one
    is a ``DataError`` naming the file and line."""
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise DataError(f"{path}: cannot read the triples file ({err})") from err
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as err:
            raise DataError(f"{path}:{number}: not JSON ({err})") from err
        problem = _check_triple(row)
        if problem:
            raise DataError(f"{path}:{number}: not a triple: {problem}")
        rows.append(row)
    return rows


def score(
    gold: Iterable[dict], system: Iterable[dict], docs: Iterable[str] | None = None
) -> Report:
    """Compare system triples with gold triples (both as dicts in the JSONL format)."""
    gold_by_doc: dict[str, dict[Triple, dict]] = defaultdict(dict)
    for row in gold:
        gold_by_doc[row["doc"]].setdefault(
            canonical(row["subject"], row["relation"], row["object"]), row
        )
    system_by_doc: dict[str, dict[Triple, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for row in system:
        system_by_doc[row["doc"]][canonical(row["subject"], row["relation"], row["object"])].append(
            row
        )
    report = Report()
    for doc in sorted(set(docs) if docs is not None else set(gold_by_doc) | set(system_by_doc)):
        gold_triples, system_triples = gold_by_doc.get(doc, {}), system_by_doc.get(doc, {})
        for triple, gold_row in gold_triples.items():
            counts = (report.overall, report.by_relation[triple[1]], report.by_doc[doc])
            if triple in system_triples:
                for c in counts:
                    c.tp += 1
                candidates = system_triples[triple]
                report.date_correct += any(
                    _same_date(gold_row.get("date"), s.get("date")) for s in candidates
                )
                best = max(candidates, key=lambda s: s.get("confidence", 0))
                report.negated_correct += bool(best.get("negated")) == bool(gold_row.get("negated"))
                report.hedged_correct += bool(best.get("hedged")) == bool(gold_row.get("hedged"))
            else:
                for c in counts:
                    c.fn += 1
                report.misses.append((doc, triple))
        for triple, candidates in system_triples.items():
            confidence = max(float(c.get("confidence", 0)) for c in candidates)
            band = next(b for b, low in CONFIDENCE_BANDS if confidence >= low)
            rules = {c.get("rule") or NO_RULE for c in candidates}
            for counts in (report.by_confidence[band], *(report.by_rule[r] for r in rules)):
                if triple in gold_triples:
                    counts.tp += 1
                else:
                    counts.fp += 1
        for triple in system_triples:
            if triple not in gold_triples:
                for c in (report.overall, report.by_relation[triple[1]], report.by_doc[doc]):
                    c.fp += 1
                report.spurious.append((doc, triple))
    return report


def _same_date(gold: str | None, system: str | None) -> bool:
    return (gold or None) == (system or None)


def relation_counts(rows: Iterable[dict]) -> Counter:
    return Counter(row["relation"] for row in rows)


def actor_coverage(gold: Iterable[dict], found: dict[str, set[str]]) -> tuple[int, int, list]:
    """How many of the actors that gold triples name were found in their article
    under the gold's canonical name: (found, total, [(doc, name) missed])."""
    wanted = sorted(
        {(row["doc"], name) for row in gold for name in (row["subject"], row["object"])}
    )
    missed = [(doc, name) for doc, name in wanted if name not in found.get(doc, set())]
    return len(wanted) - len(missed), len(wanted), missed


@dataclass
class Evaluation:
    """What ``kg evaluate`` reports: the score of the articles' extraction against
    the gold triples about them, and which actors the gold names were resolved."""

    report: Report
    docs: list[str]  # ids of the articles scored, in order
    unmatched_gold_docs: list[str]  # gold documents that are not among them
    gold_matched: bool  # whether any gold triple is about the articles
    actors_found: int
    actors_total: int
    missed_actors: list[tuple[str, str]]  # (doc, gold name) not resolved there

    def as_dict(self, *, errors: bool = False, by_rule: bool = False) -> dict:
        """The report as plain data (``kg evaluate --format json``); ``errors`` adds
        the missed and spurious triples and the actors not resolved, ``by_rule`` the
        precision per extraction rule."""
        result = self.report.as_dict()
        total = self.actors_total
        result["actors_resolved"] = {
            "found": self.actors_found,
            "total": total,
            "share": round(self.actors_found / total, 3) if total else 0.0,
        }
        if by_rule:
            result["by_rule"] = self.report.rule_table()
        if errors:
            result["errors"] = [
                {"kind": kind, "doc": doc, "subject": s, "relation": r, "object": o}
                for kind, found in (("miss", self.report.misses), ("extra", self.report.spurious))
                for doc, (s, r, o) in found
            ] + [{"kind": "actor", "doc": doc, "actor": name} for doc, name in self.missed_actors]
        return result


def evaluate_articles(
    articles: Iterable[str | Path],
    gold: Path,
    *,
    system: Path | None = None,
    lang: str | None = None,
    model: str | None = None,
    min_confidence: float = 0.0,
    on_article: Callable[[object], None] | None = None,
) -> Evaluation:
    """Extract ``articles`` (or, with ``system``, take that file's triples about
    them) and score the result against the ``gold`` triples about the same articles.

    >>> outcome = evaluate_articles(["seeds/"], Path("gold.jsonl"))  # doctest: +SKIP
    >>> outcome.report.overall.f1  # doctest: +SKIP
    0.71
    """
    from kg.ingest import iter_articles
    from kg.pipeline import analyse_document, relation_record

    gold_rows = read_jsonl(gold)
    docs: list[str] = []
    rows: list[dict] = []
    names: dict[str, set[str]] = {}
    for document in iter_articles(articles, lang=lang):
        resolution, relations = analyse_document(document, model=model)
        docs.append(document.id)
        names[document.id] = resolution.actor_names()
        rows.extend(relation_record(r) for r in relations if r.confidence >= min_confidence)
        if on_article is not None:
            on_article(document)
    if system is not None:
        rows = [r for r in read_jsonl(system) if r["doc"] in docs]
    unmatched = sorted({g["doc"] for g in gold_rows} - set(docs))
    gold_rows = [g for g in gold_rows if g["doc"] in docs]
    found, total, missed = actor_coverage(gold_rows, names)
    return Evaluation(
        report=score(gold_rows, rows, docs),
        docs=docs,
        unmatched_gold_docs=unmatched,
        gold_matched=bool(gold_rows),
        actors_found=found,
        actors_total=total,
        missed_actors=missed,
    )


#: The columns of ``score_rows``.
SCORE_COLUMNS = ("scope", "name", "tp", "fp", "fn", "precision", "recall", "f1")


def score_rows(result: dict) -> list[dict]:
    """One row of counts and P/R/F1 per scope of an ``Evaluation.as_dict()``: overall,
    each relation, each confidence band, each document; each rule where the result has
    ``by_rule`` (precision only: a rule has no misses of its own)."""
    scopes = [("overall", {"all": result["overall"]})] + [
        (scope, result[key])
        for scope, key in (
            ("relation", "by_relation"),
            ("confidence", "by_confidence"),
            ("doc", "by_doc"),
        )
    ]
    rows = [
        {"scope": scope, "name": name, **{k: counts[k] for k in SCORE_COLUMNS[2:]}}
        for scope, table in scopes
        for name, counts in table.items()
    ]
    rows += [
        {
            "scope": "rule",
            "name": name,
            "tp": c["correct"],
            "fp": c["statements"] - c["correct"],
            "fn": None,
            "precision": c["precision"],
            "recall": None,
            "f1": None,
        }
        for name, c in result.get("by_rule", {}).items()
    ]
    return rows


def report_table(result: dict, documents: int) -> str:
    """An ``Evaluation.as_dict()`` as the text ``kg evaluate`` shows a person."""
    o = result["overall"]
    a = result["actors_resolved"]
    lines = [
        f"documents {documents}  gold {o['tp'] + o['fn']}  system {o['tp'] + o['fp']}",
        f"precision {o['precision']:.3f}  recall {o['recall']:.3f}  F1 {o['f1']:.3f}",
        f"actors named in gold and resolved in their article: {a['found']}/{a['total']}",
        f"on matched triples: date {result['date_accuracy']:.3f}  "
        f"negated {result['negated_accuracy']:.3f}  hedged {result['hedged_accuracy']:.3f}",
        "",
        f"{'relation':<18}{'tp':>4}{'fp':>4}{'fn':>4}{'P':>7}{'R':>7}{'F1':>7}",
    ]
    lines += [
        f"{name:<18}{c['tp']:>4}{c['fp']:>4}{c['fn']:>4}"
        f"{c['precision']:>7.2f}{c['recall']:>7.2f}{c['f1']:>7.2f}"
        for name, c in result["by_relation"].items()
    ]
    lines += [
        "",
        "precision by confidence: "
        + "  ".join(
            f"{band}: {c['precision']:.2f} ({c['tp'] + c['fp']})"
            for band, c in result["by_confidence"].items()
        ),
    ]
    if "by_rule" in result:
        lines += ["", f"{'rule':<36}{'statements':>11}{'correct':>8}{'P':>7}"]
        lines += [
            f"{name:<36}{c['statements']:>11}{c['correct']:>8}{c['precision']:>7.2f}"
            for name, c in result["by_rule"].items()
        ]
    for error in result.get("errors", []):
        if error["kind"] == "actor":
            lines.append(f"ACTOR {error['doc']}  {error['actor']} not found")
        else:
            triple = " | ".join((error["subject"], error["relation"], error["object"]))
            lines.append(
                f"{'MISS ' if error['kind'] == 'miss' else 'EXTRA'} {error['doc']}  {triple}"
            )
    return "\n".join(lines)
