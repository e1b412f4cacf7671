"""The walk-through notebook runs top to bottom (its code cells, in order)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "walkthrough.ipynb"


@pytest.mark.slow
def test_walkthrough_runs_top_to_bottom(capsys):
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    namespace: dict = {}
    for number, cell in enumerate(cells):
        if cell["cell_type"] == "code":
            source = "".join(cell["source"])
            exec(compile(source, f"{NOTEBOOK.name}[{number}]", "exec"), namespace)
    out = capsys.readouterr().out
    assert "Russia" in out  # whom Kim Jong-un supports
    assert "<html" in namespace["page"].lower()
