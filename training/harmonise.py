"""Bring the older annotation in the Dutch training files up to the current scheme.

About a fifth of ``train.conllu`` comes from UD 2.0–2.2 releases (sources 3 and
6–9 in ``../shared/data/nl-ud/README.md``). Those releases had no ``obl:arg``
(prepositional complements), ``obl:agent`` (the ``door`` phrase of a passive) or
``expl:pv`` (the ``zich`` of an inherently reflexive verb): they say ``obl`` and
``obj`` there. Trained on both, the parser learns that the same phrase takes
either label; on the test file ``obl:arg`` read as ``obl`` was the commonest
label error.

The relabelling is learnt from the training sentences in the current annotation
(never from dev or test) and applied only to sentences from the older releases:

- ``obl`` marked by ``door`` under a head with an ``aux:pass`` is ``obl:agent``
  (the current annotation does so 96 % of the time);
- ``obl`` is ``obl:arg`` where the current annotation gives that head lemma and
  that marker (its preposition, or the word itself for "erop", "daarover")
  ``obl:arg`` at least half the time and at least twice;
- ``zich`` as ``obj``/``iobj`` is ``expl:pv`` under the verbs where the current
  annotation says so at least half the time and at least twice.

Only labels change; heads, tags and features stay as they are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

#: Commits (as abbreviated in ``# origin``) of the releases in the older annotation.
OLDER_RELEASES = ("4b8df79", "9880ce9", "ccd0244")

Rows = list[list[str]]
# CoNLL-U columns
ID, FORM, LEMMA, UPOS, HEAD, DEPREL = 0, 1, 2, 3, 6, 7


def is_older(origin: str) -> bool:
    """Whether a sentence's ``# origin`` names a release in the older annotation."""
    return any(commit in origin for commit in OLDER_RELEASES)


def _children(rows: Rows, index: int) -> list[list[str]]:
    return [cols for cols in rows if cols[HEAD] == rows[index][ID]]


def _head(rows: Rows, index: int) -> list[str] | None:
    head = int(rows[index][HEAD])
    return rows[head - 1] if head else None


def _marker(rows: Rows, index: int) -> str:
    """The preposition of an oblique, or the word itself when it has none."""
    for cols in _children(rows, index):
        if cols[DEPREL] == "case":
            return cols[LEMMA].lower()
    return rows[index][FORM].lower()


def _is_passive_agent(rows: Rows, index: int) -> bool:
    head = _head(rows, index)
    if head is None or _marker(rows, index) != "door":
        return False
    return any(cols[DEPREL] == "aux:pass" for cols in _children(rows, int(head[ID]) - 1))


def _is_reflexive(cols: list[str]) -> bool:
    return cols[LEMMA].lower() == "zich"


def _frequent(counts: Counter, totals: Counter) -> frozenset:
    return frozenset(key for key, n in counts.items() if n >= 2 and n * 2 >= totals[key])


@dataclass(frozen=True)
class Harmoniser:
    """Relabels older-annotation sentences; ``learn`` builds one from current ones."""

    argument_pairs: frozenset[tuple[str, str]]
    reflexive_verbs: frozenset[str]

    @classmethod
    def learn(cls, sentences: Iterable[Rows]) -> Harmoniser:
        args, obliques, reflexive, reflexive_all = Counter(), Counter(), Counter(), Counter()
        for rows in sentences:
            for i, cols in enumerate(rows):
                head = _head(rows, i)
                if head is None:
                    continue
                if cols[DEPREL] in ("obl", "obl:arg"):
                    key = (head[LEMMA], _marker(rows, i))
                    obliques[key] += 1
                    args[key] += cols[DEPREL] == "obl:arg"
                if _is_reflexive(cols) and cols[DEPREL] in ("expl:pv", "obj", "iobj"):
                    reflexive_all[head[LEMMA]] += 1
                    reflexive[head[LEMMA]] += cols[DEPREL] == "expl:pv"
        return cls(_frequent(args, obliques), _frequent(reflexive, reflexive_all))

    def apply(self, rows: Rows) -> Rows:
        """A copy of ``rows`` with its labels in the current scheme."""
        out = [list(cols) for cols in rows]
        for i, cols in enumerate(rows):
            head = _head(rows, i)
            if head is None:
                continue
            if cols[DEPREL] == "obl":
                if _is_passive_agent(rows, i):
                    out[i][DEPREL] = "obl:agent"
                elif (head[LEMMA], _marker(rows, i)) in self.argument_pairs:
                    out[i][DEPREL] = "obl:arg"
            elif (
                cols[DEPREL] in ("obj", "iobj")
                and _is_reflexive(cols)
                and head[LEMMA] in self.reflexive_verbs
            ):
                out[i][DEPREL] = "expl:pv"
        return out
