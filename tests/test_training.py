"""The training recipe runs end to end on a tiny slice (so it cannot rot)."""

from __future__ import annotations

import json
from itertools import islice

import pytest
import spacy
from spacy.tokens import DocBin

from training.__main__ import SHARED_DATA, convert, main
from training.conllu import read_sentences

pytestmark = pytest.mark.slow


@pytest.mark.skipif(
    not (SHARED_DATA / "nl-ud").is_dir(), reason="../shared/data not beside the repo"
)
def test_dutch_recipe_trains_and_scores_a_few_steps(tmp_path, capsys):
    out = tmp_path / "run"
    assert main(["nl", "--max-steps", "4", "--limit", "40", "--output", str(out)]) == 0
    assert (out / "model-last" / "config.cfg").is_file()
    capsys.readouterr()
    test_file = tmp_path / "test.conllu"
    lines = (SHARED_DATA / "nl-ud" / "test.conllu").read_text(encoding="utf-8").split("\n\n")[:5]
    test_file.write_text("\n\n".join(lines) + "\n\n", encoding="utf-8")
    assert main(["evaluate", str(out / "model-last"), "--test", str(test_file)]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert set(scores) >= {"upos", "las", "lemma", "words_per_second"}
    assert 0 <= scores["las"] <= 100


def _sentences(path):
    docs = DocBin().from_disk(path).get_docs(spacy.blank("nl").vocab)
    return sum(len(list(doc.sents)) for doc in docs)


@pytest.mark.skipif(
    not (SHARED_DATA / "nl-ud").is_dir(), reason="../shared/data not beside the repo"
)
def test_oversampling_and_dev_in_training(tmp_path):
    data = SHARED_DATA / "nl-ud"
    plain, dev = convert("nl", data, tmp_path / "plain", limit=50)
    news, _ = convert("nl", data, tmp_path / "news", limit=50, oversample={"Treebank/cdb": 3})
    final, _ = convert("nl", data, tmp_path / "final", limit=50, train_on_dev=True)
    cdb = sum(
        len(list(islice(read_sentences(data / name, ("Treebank/cdb",)), 50)))
        for name in ("train.conllu", "train-alpino.conllu")
    )
    assert cdb > 0  # both files hold newspaper sentences from the Alpino cdb part
    assert _sentences(news) - _sentences(plain) == 2 * cdb
    assert _sentences(final) - _sentences(plain) == _sentences(dev) == 50


def test_name_swaps_change_only_the_names():
    import random

    from training.conllu import swap_names

    # "Jan Smit bezocht Gent op 3 Mei ." as CoNLL-U rows (id form lemma upos ... head dep)
    rows = [
        [str(i + 1), form, form.lower(), upos, "_", "_", head, dep, "_", "_"]
        for i, (form, upos, head, dep) in enumerate(
            [
                ("Jan", "PROPN", "3", "nsubj"),
                ("Smit", "PROPN", "1", "flat"),
                ("bezocht", "VERB", "0", "root"),
                ("Gent", "PROPN", "3", "obj"),
                (".", "PUNCT", "3", "punct"),
            ]
        )
    ]
    names = {1: [("Kyiv",)], 2: [("Keir", "Starmer")]}
    out = swap_names(rows, names, random.Random(0))
    assert [c[1] for c in out] == ["Keir", "Starmer", "bezocht", "Kyiv", "."]
    assert [c[1:3] for c in out][3] == ["Kyiv", "Kyiv"]
    assert [c[3:] for c in out] == [c[3:] for c in rows]  # tags and tree unchanged
    assert rows[0][1] == "Jan"  # the original is left alone
    assert swap_names(rows, {3: [("A", "B", "C")]}, random.Random(0)) is None


@pytest.mark.parametrize(
    "bad",
    [
        ["--oversample", "cdb"],
        ["--oversample", "cdb=0"],
        ["--set", "x"],
        ["--sample", "0"],
        ["--sample", "half"],
    ],
)
def test_malformed_options_are_one_line_errors(bad, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["nl", *bad])
    assert stop.value.code == 2
    assert "expected" in capsys.readouterr().err.strip().splitlines()[-1]


@pytest.mark.parametrize("command", ["evaluate", "package"])
def test_a_missing_pipeline_is_a_one_line_error(command, tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        main([command, str(tmp_path / "nothing")])
    assert stop.value.code == 2
    assert "no trained pipeline there" in capsys.readouterr().err.strip().splitlines()[-1]


def test_a_sample_keeps_the_same_sentences_in_every_pass(tmp_path):
    def sentence(n, origin):
        rows = [
            ["1", f"Land{n}", f"land{n}", "PROPN", "_", "_", "2", "nsubj", "_", "_"],
            ["2", "zwijgt", "zwijgen", "VERB", "_", "_", "0", "root", "_", "_"],
        ]
        return f"# origin = {origin}\n" + "\n".join("\t".join(r) for r in rows)

    news, web = "Alpino Treebank/cdb/1.xml", "UD_Dutch-LassySmall 1bc7423 dev"
    blocks = [sentence(n, news if n % 2 else web) for n in range(200)]
    (tmp_path / "train.conllu").write_text("\n\n".join(blocks) + "\n\n", encoding="utf-8")
    (tmp_path / "train-alpino.conllu").write_text("", encoding="utf-8")
    (tmp_path / "dev.conllu").write_text(blocks[0] + "\n\n", encoding="utf-8")
    train, _ = convert(
        "nl", tmp_path, tmp_path / "half", 0, oversample={"Treebank/cdb": 2}, sample=0.5
    )
    docs = DocBin().from_disk(train).get_docs(spacy.blank("nl").vocab)
    names = [t.text for doc in docs for t in doc if t.dep_ == "nsubj"]
    once = set(names)
    assert 70 < len(once) < 130  # about half of the 200
    news_kept = {n for n in once if int(n[4:]) % 2}
    assert len(names) == len(once) + len(news_kept)  # the second pass: the same news sentences
    assert sorted(names) == sorted(list(once) + list(news_kept))
