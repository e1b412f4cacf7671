"""Read CoNLL-U treebanks into spaCy ``Doc`` objects for training and scoring.

spaCy's own converter copies UPOS into the tag column when XPOS is ``_``; part of
our treebank has no XPOS at all, so here a missing XPOS stays missing (``""``)
and the tagger is simply not trained on those sentences. As in spaCy's
converter, the ``root`` relation is written ``ROOT``, the label the parser
predicts, so that scores compare like with like.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from spacy.tokens import Doc
from spacy.vocab import Vocab


def read_sentences(path: Path, origins: tuple[str, ...] = ()) -> Iterator[list[list[str]]]:
    """Yield each sentence as a list of its 10-column word lines.

    Multi-word token ranges (``1-2``) and empty nodes (``1.1``) are skipped:
    the basic dependency tree only uses ordinary word lines. ``origins`` keeps
    only sentences whose ``# origin`` comment contains one of the strings.
    """
    for origin, rows in read_sentences_with_origin(path):
        if not origins or any(o in origin for o in origins):
            yield rows


def read_sentences_with_origin(path: Path) -> Iterator[tuple[str, list[list[str]]]]:
    """Yield ``(origin, rows)`` per sentence; origin is its ``# origin`` line or ``""``."""
    rows: list[list[str]] = []
    origin = ""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line:
                if rows:
                    yield origin, rows
                rows, origin = [], ""
            elif line.startswith("# origin"):
                origin = line
            elif line.startswith("#"):
                continue
            else:
                cols = line.split("\t")
                if "-" in cols[0] or "." in cols[0]:
                    continue
                rows.append(cols)
    if rows:
        yield origin, rows


def sentences_to_doc(vocab: Vocab, sentences: list[list[list[str]]]) -> Doc:
    """Concatenate sentences into one ``Doc`` with full gold annotation."""
    words, spaces, tags, pos, morphs, lemmas, heads, deps, starts = ([] for _ in range(9))
    for rows in sentences:
        offset = len(words)
        for i, cols in enumerate(rows):
            _, form, lemma, upos, xpos, feats, head, dep, _, misc = cols
            words.append(form)
            spaces.append("SpaceAfter=No" not in misc)
            tags.append("" if xpos == "_" else xpos)
            pos.append(upos)
            morphs.append("" if feats == "_" else feats)
            lemmas.append(lemma)
            head_index = int(head)
            heads.append(offset + head_index - 1 if head_index else offset + i)
            deps.append("ROOT" if dep == "root" else dep)  # spaCy's parser names it ROOT
            starts.append(i == 0)
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        tags=tags,
        pos=pos,
        morphs=morphs,
        lemmas=lemmas,
        heads=heads,
        deps=deps,
        sent_starts=starts,
    )


def read_docs(
    path: Path,
    vocab: Vocab,
    per_doc: int = 10,
    limit: int = 0,
    origins: tuple[str, ...] = (),
    transform: Callable[[str, list[list[str]]], list[list[str]]] | None = None,
    sample: float = 1.0,
) -> Iterator[Doc]:
    """Yield ``Doc``s of ``per_doc`` sentences each (at most ``limit`` sentences).

    ``transform(origin, rows)``, if given, rewrites each sentence before it is read.
    ``sample`` keeps that share of the sentences, the same ones on every call
    (for learning curves).
    """

    def sentences() -> Iterator[list[list[str]]]:
        count = 0
        draw = random.Random(0)
        for origin, rows in read_sentences_with_origin(path):
            kept = draw.random() < sample  # drawn for every sentence: the same ones each call
            if not kept or (origins and not any(o in origin for o in origins)):
                continue
            count += 1
            yield transform(origin, rows) if transform else rows
            if limit and count >= limit:
                return

    return docs_of(vocab, sentences(), per_doc)


def docs_of(vocab: Vocab, sentences: Iterable[list[list[str]]], per_doc: int = 10) -> Iterator[Doc]:
    """Concatenate sentences into ``Doc``s of ``per_doc`` sentences each."""
    batch: list[list[list[str]]] = []
    for rows in sentences:
        batch.append(rows)
        if len(batch) == per_doc:
            yield sentences_to_doc(vocab, batch)
            batch = []
    if batch:
        yield sentences_to_doc(vocab, batch)


def swap_names(
    rows: list[list[str]], names: dict[int, Sequence[tuple[str, ...]]], rng: random.Random
) -> list[list[str]] | None:
    """A copy of a sentence with every run of proper-noun words replaced by a
    name of as many words from ``names`` (by length), or None if it has none.

    The treebank's names are of its time; today's news is full of names it
    never saw. Only forms and lemmas change: tags, features and the tree stay.
    """
    out = [list(cols) for cols in rows]
    swapped = False
    i = 0
    while i < len(out):
        if out[i][3] != "PROPN":
            i += 1
            continue
        end = i
        while end < len(out) and out[end][3] == "PROPN":
            end += 1
        choices = names.get(end - i)
        if choices and all(cols[1][:1].isupper() for cols in out[i:end]):  # not "15 september"
            for cols, word in zip(out[i:end], rng.choice(choices), strict=True):
                cols[1] = cols[2] = word
            swapped = True
        i = end
    return out if swapped else None
