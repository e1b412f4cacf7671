"""Older UD annotation in the training data is relabelled to the current scheme."""

from __future__ import annotations

import spacy
from spacy.tokens import DocBin

from training.__main__ import convert
from training.harmonise import Harmoniser, is_older


def conllu(*words: tuple[str, str, str, int, str]) -> list[list[str]]:
    """Rows from (form, lemma, upos, head, deprel) tuples, ids counted from 1."""
    return [
        [str(i), form, lemma, upos, "_", "_", str(head), dep, "_", "_"]
        for i, (form, lemma, upos, head, dep) in enumerate(words, start=1)
    ]


def waits_for(subject: str, label: str) -> list[list[str]]:
    """ "<subject> rekent op steun ." with the op-phrase labelled ``label``."""
    return conllu(
        (subject, subject, "PROPN", 2, "nsubj"),
        ("rekent", "rekenen", "VERB", 0, "root"),
        ("op", "op", "ADP", 4, "case"),
        ("steun", "steun", "NOUN", 2, label),
        (".", ".", "PUNCT", 2, "punct"),
    )


def reflexive(verb: str, lemma: str, label: str) -> list[list[str]]:
    """ "Zij <verb> zich ." with ``zich`` labelled ``label``."""
    return conllu(
        ("Zij", "zij", "PRON", 2, "nsubj"),
        (verb, lemma, "VERB", 0, "root"),
        ("zich", "zich", "PRON", 2, label),
        (".", ".", "PUNCT", 2, "punct"),
    )


CURRENT = [
    waits_for("Els", "obl:arg"),
    waits_for("Piet", "obl:arg"),
    waits_for("Bram", "obl"),
    reflexive("vergist", "vergissen", "expl:pv"),
    reflexive("vergiste", "vergissen", "expl:pv"),
    reflexive("wast", "wassen", "obj"),
    reflexive("waste", "wassen", "obj"),
    reflexive("schaamt", "schamen", "expl:pv"),  # once only: not enough to go by
]


def labels(rows: list[list[str]]) -> list[str]:
    return [cols[7] for cols in rows]


def test_prepositional_complements_follow_the_current_annotation():
    harmoniser = Harmoniser.learn(CURRENT)
    older = waits_for("Ans", "obl")
    assert labels(harmoniser.apply(older))[3] == "obl:arg"
    assert labels(older)[3] == "obl"  # the input is left alone


def test_an_oblique_seen_once_as_argument_stays_oblique():
    harmoniser = Harmoniser.learn([waits_for("Els", "obl:arg"), waits_for("Bram", "obl")])
    assert labels(harmoniser.apply(waits_for("Ans", "obl")))[3] == "obl"


def test_the_door_phrase_of_a_passive_is_the_agent():
    # "De brug werd door de storm verwoest ." / "Zij liep door de storm ."
    passive = conllu(
        ("De", "de", "DET", 2, "det"),
        ("brug", "brug", "NOUN", 7, "nsubj:pass"),
        ("werd", "worden", "AUX", 7, "aux:pass"),
        ("door", "door", "ADP", 6, "case"),
        ("de", "de", "DET", 6, "det"),
        ("storm", "storm", "NOUN", 7, "obl"),
        ("verwoest", "verwoesten", "VERB", 0, "root"),
        (".", ".", "PUNCT", 7, "punct"),
    )
    active = conllu(
        ("Zij", "zij", "PRON", 2, "nsubj"),
        ("liep", "lopen", "VERB", 0, "root"),
        ("door", "door", "ADP", 5, "case"),
        ("de", "de", "DET", 5, "det"),
        ("storm", "storm", "NOUN", 2, "obl"),
        (".", ".", "PUNCT", 2, "punct"),
    )
    harmoniser = Harmoniser.learn(CURRENT)
    assert labels(harmoniser.apply(passive))[5] == "obl:agent"
    assert labels(harmoniser.apply(active))[4] == "obl"


def test_zich_of_an_inherently_reflexive_verb_is_expl_pv():
    harmoniser = Harmoniser.learn(CURRENT)
    assert labels(harmoniser.apply(reflexive("vergist", "vergissen", "obj")))[2] == "expl:pv"
    assert labels(harmoniser.apply(reflexive("wast", "wassen", "obj")))[2] == "obj"
    assert labels(harmoniser.apply(reflexive("schaamt", "schamen", "obj")))[2] == "obj"


def test_relabelling_changes_labels_only():
    harmoniser = Harmoniser.learn(CURRENT)
    older = waits_for("Ans", "obl")
    out = harmoniser.apply(older)
    assert [cols[:7] + cols[8:] for cols in out] == [cols[:7] + cols[8:] for cols in older]


def test_older_releases_are_told_by_their_origin():
    assert is_older("# origin = UD_Dutch-LassySmall ccd0244 nl_lassysmall-ud-train.conllu")
    assert is_older("# origin = UD_Dutch-Alpino 4b8df79 nl-ud-train.conllu")
    assert not is_older("# origin = UD_Dutch-LassySmall 1bc7423 nl_lassysmall-ud-dev.conllu")
    assert not is_older("")


def _write(path, sentences):
    blocks = []
    for origin, rows in sentences:
        blocks.append("\n".join([f"# origin = {origin}"] + ["\t".join(cols) for cols in rows]))
    path.write_text("\n\n".join(blocks) + "\n\n", encoding="utf-8")


def test_the_recipe_relabels_older_sentences_only_when_asked(tmp_path):
    current = "UD_Dutch-LassySmall 1bc7423 nl_lassysmall-ud-dev.conllu"
    older = "UD_Dutch-LassySmall 9880ce9 nl_lassysmall-ud-test.conllu"
    _write(
        tmp_path / "train.conllu",
        [(current, rows) for rows in CURRENT] + [(older, waits_for("Ans", "obl"))],
    )
    _write(tmp_path / "train-alpino.conllu", [(current, waits_for("Kees", "obl"))])
    _write(tmp_path / "dev.conllu", [(current, waits_for("Jet", "obl:arg"))])

    def label_of_ans(harmonise):
        train, _ = convert("nl", tmp_path, tmp_path / str(harmonise), 0, harmonise=harmonise)
        docs = DocBin().from_disk(train).get_docs(spacy.blank("nl").vocab)
        tokens = [t for doc in docs for t in doc if t.head.text == "rekent" and t.text == "steun"]
        by_subject = {next(c for c in t.head.children if c.dep_ == "nsubj").text: t for t in tokens}
        return by_subject["Ans"].dep_, by_subject["Kees"].dep_

    assert label_of_ans(True) == ("obl:arg", "obl")  # a current sentence is left as it is
    assert label_of_ans(False) == ("obl", "obl")
