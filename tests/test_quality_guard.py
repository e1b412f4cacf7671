"""The quality guard: F1 on no development set may fall more than 0.02 below the
figures committed in docs/QUALITY.md (the table "Guarded figures")."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "evaluate_dev.py"
TOLERANCE = 0.02


def committed_f1() -> dict[str, float]:
    """Set name -> F1 from the guarded table of docs/QUALITY.md."""
    text = (ROOT / "docs" / "QUALITY.md").read_text(encoding="utf-8")
    table = text.split("## Guarded figures", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(
        r"^\| `([\w-]+)` \|(?:[^|\n]*\|){4} \*{0,2}([01]\.\d{3})\*{0,2} \|", table, re.M
    )
    return {name: float(f1) for name, f1 in rows}


def _evaluate_dev():
    spec = importlib.util.spec_from_file_location("evaluate_dev", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_no_dev_set_falls_below_its_committed_f1(capsys):
    module = _evaluate_dev()
    if not module.EVAL.is_dir():
        pytest.skip(f"no development sets at {module.EVAL}")
    committed = committed_f1()
    assert set(committed) == {"seed", "dev-nl", "dev-en", "ntrex-nl", "ntrex-en"}
    assert module.main(["--json"]) == 0
    import json

    measured = json.loads(capsys.readouterr().out)["sets"]
    fallen = {
        name: (measured[name]["f1"], f1)
        for name, f1 in committed.items()
        if measured[name]["f1"] < f1 - TOLERANCE
    }
    assert not fallen, f"F1 fell below the committed figures (measured, committed): {fallen}"
