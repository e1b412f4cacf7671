"""The tour notebook: its stored cells are the script's, each has its output, and it
runs top to bottom in a real kernel (no network)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "notebook.py"


def _script():
    spec = importlib.util.spec_from_file_location("notebook_script", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_stored_notebook_is_the_scripts_with_outputs():
    import nbformat

    script = _script()
    stored = nbformat.read(script.NOTEBOOK, as_version=4)
    assert [(c.cell_type, c.source) for c in stored.cells] == script.CELLS, (
        "notebooks/walkthrough.ipynb is stale: run python scripts/notebook.py"
    )
    code = [c for c in stored.cells if c.cell_type == "code"]
    assert all(c.outputs for c in code), "a code cell has no stored output"
    assert not any(o.output_type == "error" for c in code for o in c.outputs)
    assert any("image/png" in o.get("data", {}) for c in code for o in c.outputs)


@pytest.mark.slow
def test_the_tour_runs_top_to_bottom():
    script = _script()
    if not (ROOT.parent / "shared" / "eval-dev" / "ntrex").is_dir():
        pytest.skip("no NTREX documents beside the repository")
    notebook = script.execute(script.build())
    text = "".join(
        o.get("text", "") + str(o.get("data", {}).get("text/plain", ""))
        for c in notebook.cells
        if c.cell_type == "code"
        for o in c.outputs
    )
    assert "articles in the graph" in text and "Kim Jong-un" in text
    assert (ROOT / "notebooks" / "tour.html").stat().st_size > 100_000
