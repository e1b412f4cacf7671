"""The training recipe runs end to end on a tiny slice (so it cannot rot)."""

from __future__ import annotations

import json

import pytest

from training.__main__ import SHARED_DATA, main

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
