"""`import kg` is light, and the package's entry points are where the docs say."""

from __future__ import annotations

import subprocess
import sys


def test_import_kg_loads_nothing_heavy():
    code = (
        "import sys, kg; print(sorted(m for m in ('spacy', 'rdflib', 'pyvis') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_entry_points_resolve_lazily():
    import kg
    from kg.ingest import read_article
    from kg.pipeline import build, extract_document

    assert (kg.build, kg.extract_document, kg.read_article) == (
        build,
        extract_document,
        read_article,
    )
